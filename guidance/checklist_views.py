"""The red-flag checklist: questions, result, explanation and (for signed-in people) history.

Nothing about an anonymous person's answers is stored or logged: the result is rendered from the
POST itself, and only the chosen region (not health data) is remembered, in a cookie.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BoundField
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods, require_POST

from backpain.page_cache import public_page

from . import triage
from .checklist_forms import EDIT_FIELD, ChecklistForm, not_sure_field, summary_from_answers
from .checklist_questions import (
    ARTICLE_COVERAGE,
    DEFAULT_REGION,
    DESIGN_CHOICES,
    FOLLOW_UPS,
    GROUPS,
    LEVEL_INFO,
    PERSONAL_SAFETY_NET,
    QUESTIONS,
    QUESTIONS_BY_CODE,
    REGIONS,
    SAFETY_NET,
    SAFETY_NET_SOURCES,
    Group,
    Question,
    Region,
    care_card,
    region_from_languages,
)
from .models import CheckResult

REGION_COOKIE = "checklist_region"
REGION_COOKIE_AGE = 365 * 24 * 60 * 60


@dataclass
class Row:
    question: Question
    field: BoundField
    follow_up: "Row | None" = None
    show_follow_up: bool = False
    #: The "Not sure" tick box of a number the page needs (age).
    not_sure: BoundField | None = None


@dataclass
class Section:
    group: Group
    rows: list[Row]
    #: Sections with a preview start closed, unless something in them was answered or is wrong.
    open: bool
    #: The first folded section is introduced by a line saying how the folded sections work.
    lead_in: bool = False


# The answers that can turn another sign into an emergency are asked of everyone, so they are
# gathered in one open section after the emergency signs instead of folded with their topics.
NEEDED = Group(
    "needed",
    "Questions everyone answers",
    "These change what other answers mean, so each one needs an answer. If you do not know, "
    "choose “Not sure”: the checklist then takes the more careful view.",
)


def _page_groups() -> list[tuple[Group, list[str]]]:
    """Each section of the page with the codes it asks, in page order."""
    groups = []
    for group in GROUPS:
        codes = [q.code for q in QUESTIONS if q.group == group.slug and not q.modifier]
        groups.append((group, codes))
        if group.slug == "emergency":
            groups.append((NEEDED, [q.code for q in QUESTIONS if q.modifier]))
    return groups


def _sections(form: ChecklistForm) -> list[Section]:
    """The page's sections in order; follow-up questions sit under their parent's row."""
    by_code = {q.code: Row(q, form[q.code]) for q in QUESTIONS}
    for parent, question in FOLLOW_UPS.items():
        row = by_code[parent]
        row.follow_up = by_code[question.code]
        row.show_follow_up = form.is_bound and form.data.get(parent) == "yes"
    for row in by_code.values():
        if row.question.number and row.question.modifier:
            row.not_sure = form[not_sure_field(row.question.code)]
    sections = []
    for group, codes in _page_groups():
        touched = form.is_bound and any(
            form.data.get(code) or code in form.errors for code in codes
        )
        rows = [by_code[code] for code in codes if not by_code[code].question.parent]
        lead_in = bool(group.preview) and not any(other.group.preview for other in sections)
        sections.append(Section(group, rows, open=not group.preview or touched, lead_in=lead_in))
    return sections


def _region(request: HttpRequest, chosen: str | None = None) -> Region:
    code = (
        chosen
        or request.COOKIES.get(REGION_COOKIE)
        or region_from_languages(request.headers.get("Accept-Language", ""))
    )
    return REGIONS.get(code, REGIONS[DEFAULT_REGION])


def _regions_in_order(region: Region) -> list[Region]:
    return [region] + [other for other in REGIONS.values() if other != region]


def _remember_region(response: HttpResponse, region: Region) -> None:
    response.set_cookie(
        REGION_COOKIE,
        region.code,
        max_age=REGION_COOKIE_AGE,
        samesite="Lax",
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _answer_label(code: str, answers: dict) -> str:
    label = triage.ANSWER_CODES.get(code, code)
    if code not in answers:  # "not sure", or blank beside an emergency sign
        return f"{label} (not known, so counted as the more urgent answer)"
    if code in triage.NUMBER_CODES and answers.get(code) is not None:
        return f"{label}: {answers[code]}"
    return label


def _reason_rows(reasons: list[dict], answers: dict) -> list[dict]:
    """Reasons for the templates, with the answers that fired each one in words."""
    return [
        {
            **reason,
            "answer_labels": [_answer_label(code, answers) for code in reason.get("answers", [])],
            "info": LEVEL_INFO.get(reason["level"]),
        }
        for reason in reasons
    ]


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@public_page(vary=lambda request: _region(request).code)
def checklist(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and request.htmx:
        partial = request.POST.get("_partial")
        if partial == "emergency":
            return _emergency_panel(request)
        if partial == "followup":
            return _follow_up(request)
    if request.method == "POST" and EDIT_FIELD in request.POST:
        # From the result page: the same answers, back in the form, to change or add to.
        data = request.POST.copy()
        del data[EDIT_FIELD]
        form = ChecklistForm(data)
    elif request.method == "POST":
        form = ChecklistForm(request.POST)
        valid = form.is_valid()
        # An emergency is shown straight away, whatever is still blank or wrong on the form.
        emergency = form.emergency_result()
        if emergency is not None:
            return _result(request, form, emergency)
        if valid:
            return _result(request, form, form.result())
    else:
        form = ChecklistForm(initial={"region": _region(request).code})
    region = _region(request, form.data.get("region"))
    context = {
        "form": form,
        "sections": _sections(form),
        "region": region,
        "regions": _regions_in_order(region),
        # Back from an emergency result to change answers, the emergency panel stays.
        "emergency_reasons": _emergency_reasons(form) if form.is_bound else [],
        "card": LEVEL_INFO[triage.EMERGENCY].card(region),
    }
    return _no_store(render(request, "guidance/checklist.html", context))


def _emergency_reasons(form: ChecklistForm) -> list[dict]:
    """The emergency reasons among the answers given so far (empty if there is none)."""
    form.is_valid()
    result = form.emergency_result()
    if result is None:
        return []
    reasons = _reason_rows(result.reasons_as_dicts(), form.answers())
    return [reason for reason in reasons if reason["level"] == triage.EMERGENCY]


def _result(request: HttpRequest, form: ChecklistForm, result: triage.Result) -> HttpResponse:
    answers = form.answers()
    region = _region(request, form.cleaned_data.get("region"))
    reasons = _reason_rows(result.reasons_as_dicts(), answers)
    # Named only when the emergency rests on them: a blank counted as the more urgent answer.
    blank_counted = form.blanks_an_emergency_rests_on() if form.result() != result else []
    context = {
        "result": result,
        "info": LEVEL_INFO[result.level],
        "card": care_card(result, region),
        "reasons": reasons,
        "emergency_reasons": [r for r in reasons if r["level"] == triage.EMERGENCY],
        "summary": form.summary(),
        "yes_labels": [q.label for q in QUESTIONS if answers.get(q.code) is True],
        "unsure": form.unsure(),
        "counted_as_yes": form.unsure_counted_as_yes(),
        "blank_counted": [QUESTIONS_BY_CODE[code] for code in blank_counted],
        "incomplete": bool(form.errors),
        "unanswered": form.unanswered(),
        "hidden_values": form.hidden_values(),
        "region": region,
        "regions": _regions_in_order(region),
        "region_choices": REGIONS.values(),
        **_safety_net(answers),
    }
    response = render(request, "guidance/checklist_result.html", context)
    _remember_region(response, region)
    return _no_store(response)


def _safety_net(answers: dict) -> dict:
    personal = [item for item in PERSONAL_SAFETY_NET if any(answers.get(c) for c in item[0])]
    sources = [source for *_, item_sources in personal for source in item_sources]
    return {
        "safety_net": [("personal", text) for _, text, _ in personal] + list(SAFETY_NET),
        "safety_net_sources": list(dict.fromkeys([*sources, *SAFETY_NET_SOURCES])),
    }


def _emergency_panel(request: HttpRequest) -> HttpResponse:
    """The htmx check after each answer: the same rules as the result, on the answers so far."""
    region = _region(request, request.POST.get("region"))
    reasons = _emergency_reasons(ChecklistForm(request.POST))
    context = {
        "emergency_reasons": reasons,
        "region": region,
        "regions": _regions_in_order(region),
        "card": LEVEL_INFO[triage.EMERGENCY].card(region),
    }
    # The panel, and out of band the short bar that stays at the bottom of the screen while the
    # other questions are answered (the panel itself may be above or below the screen).
    html = render_to_string("guidance/checklist.html#emergency-panel", context, request)
    html += render_to_string("guidance/checklist.html#emergency-bar", {**context, "oob": True})
    return _no_store(HttpResponse(html))


def _follow_up(request: HttpRequest) -> HttpResponse:
    parent = request.POST.get("parent", "")
    if parent not in FOLLOW_UPS:
        raise Http404("No such question")
    if request.POST.get(parent) != "yes":
        return HttpResponse("")
    form = ChecklistForm({"region": request.POST.get("region", "")})
    question = FOLLOW_UPS[parent]
    context = {"row": Row(question, form[question.code])}
    return _no_store(render(request, "guidance/checklist.html#question", context))


@public_page()
def about(request: HttpRequest) -> HttpResponse:
    by_condition: dict[str, list] = {}
    for rule in triage.RULES:
        by_condition.setdefault(rule.condition, []).append(
            {"rule": rule, "info": LEVEL_INFO[rule.level]}
        )
    sources = {}
    every_source = [source for rule in triage.RULES for source in rule.sources]
    every_source += [source for info in LEVEL_INFO.values() for source in info.sources]
    for source in [*every_source, *SAFETY_NET_SOURCES]:
        sources.setdefault((source.guideline, source.url), source)
    coverage = [
        (item, [QUESTIONS_BY_CODE[code] for code in codes]) for item, codes in ARTICLE_COVERAGE
    ]
    context = {
        "levels": [LEVEL_INFO[code] for code in triage.LEVELS],
        "conditions": by_condition.items(),
        "sources": sorted(sources.values(), key=lambda source: source.guideline),
        "coverage": coverage,
        "design_choices": DESIGN_CHOICES,
        "rule_count": len(triage.RULES),
        "question_count": len(QUESTIONS),
    }
    return render(request, "guidance/checklist_about.html", context)


@login_required
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    form = ChecklistForm(request.POST)
    valid = form.is_valid()
    result = form.emergency_result() or (form.result() if valid else None)
    if result is None:
        messages.error(request, "That result could not be saved: please answer the checklist.")
        return redirect("checklist:checklist")
    saved = CheckResult.objects.create(
        user=request.user,
        level=result.level,
        answers=form.stored_answers(),
        reasons=result.reasons_as_dicts(),
    )
    messages.success(request, "The result is saved in your history.")
    return redirect("checklist:history_detail", pk=saved.pk)


def _get_result_for_user(user, pk: int) -> CheckResult:
    return get_object_or_404(CheckResult.objects.for_user(user), pk=pk)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    results = [
        {"saved": saved, "info": LEVEL_INFO.get(saved.level)}
        for saved in CheckResult.objects.for_user(request.user).only("id", "created_at", "level")
    ]
    return _no_store(render(request, "guidance/checklist_history.html", {"results": results}))


@login_required
def history_detail(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _get_result_for_user(request.user, pk)
    summary = summary_from_answers(saved.answers)
    info = LEVEL_INFO.get(saved.level)
    context = {
        "saved": saved,
        "info": info,
        "card": info.card(_region(request)) if info else None,
        "reasons": _reason_rows(saved.reasons, saved.answers),
        "summary": summary,
    }
    return _no_store(render(request, "guidance/checklist_history_detail.html", context))


@login_required
@require_POST
def history_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _get_result_for_user(request.user, pk).delete()
    messages.success(request, "The saved result is deleted.")
    return redirect("checklist:history")
