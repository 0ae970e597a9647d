"""The clinician review pack: the whole clinical content in one place, built from the live data.

A clinician reviews what people actually see, so nothing here is written by hand: the questions,
rules and level advice come from the checklist modules and the exercises from the database. The
same structure feeds the web page (`/clinical-review/`) and `manage.py clinical_review`, which
prints it as Markdown.
"""

from dataclasses import dataclass

from . import checklist_questions, triage
from .models import Exercise


@dataclass(frozen=True)
class ExerciseReview:
    name: str
    slug: str
    stage: str
    flare_up_ok: bool
    dosage: str
    how_often: str
    dosage_note: str
    dose_basis: str
    progression: str
    cautions: list[str]
    sources: list[dict]


def _source(source) -> dict:
    return {"label": source.guideline, "section": source.section, "url": source.url}


def questions() -> list[dict]:
    groups = {group.slug: group.title for group in checklist_questions.GROUPS}
    return [
        {
            "code": question.code,
            "group": groups.get(question.group, question.group),
            "text": question.text,
            "help": question.help,
            "emergency": question.emergency,
            "modifier": getattr(question, "modifier", False),
        }
        for question in checklist_questions.QUESTIONS
    ]


def rules() -> list[dict]:
    return [
        {
            "id": rule.id,
            "condition": rule.condition,
            "level": checklist_questions.LEVEL_INFO[rule.level].title,
            "when": rule.answers,
            "reason": rule.reason,
            "sources": [_source(source) for source in rule.sources],
        }
        for rule in triage.RULES
    ]


def levels() -> list[dict]:
    return [
        {
            "title": info.title,
            "action": info.action,
            "detail": info.detail,
            "sources": [_source(source) for source in info.sources],
        }
        for info in checklist_questions.LEVEL_INFO.values()
    ]


def exercises() -> list[ExerciseReview]:
    rows = (
        Exercise.objects.select_related("dose_source")
        .prefetch_related("sources")
        .order_by("stage", "name")
    )
    return [
        ExerciseReview(
            name=exercise.name,
            slug=exercise.slug,
            stage=exercise.get_stage_display(),
            flare_up_ok=exercise.flare_up_ok,
            dosage=exercise.dosage_summary,
            how_often=exercise.how_often,
            dosage_note=exercise.dosage_note,
            dose_basis=exercise.dose_basis,
            progression=exercise.progression,
            cautions=exercise.caution_list,
            sources=[
                {"label": s.citation, "section": "", "url": s.url} for s in exercise.sources.all()
            ],
        )
        for exercise in rows
    ]


def build() -> dict:
    return {
        "questions": questions(),
        "rules": rules(),
        "levels": levels(),
        "exercises": exercises(),
    }
