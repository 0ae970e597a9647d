from django.core.management.base import BaseCommand

from guidance import clinical_review


def _source_line(source: dict) -> str:
    section = f": {source['section']}" if source["section"] else ""
    return f"- Source: {source['label']}{section} <{source['url']}>"


def _markdown(pack: dict) -> str:
    out = ["# Back on Track: clinician review pack", ""]
    out += [
        "Generated from the live content. Review every line; record findings in",
        "`docs/clinical-safety.md` (the hazard log).",
        "",
    ]
    out += ["## 1. Checklist questions", ""]
    for number, q in enumerate(pack["questions"], 1):
        tags = [
            tag
            for tag, on in (("emergency sign", q["emergency"]), ("risk answer", q["modifier"]))
            if on
        ]
        suffix = f" _({', '.join(tags)})_" if tags else ""
        out.append(f"{number}. **{q['text']}** `{q['code']}`, {q['group']}{suffix}")
        if q["help"]:
            out.append(f"   - Help: {q['help']}")
    out += ["", "## 2. Triage rules", ""]
    for rule in pack["rules"]:
        out.append(f"### `{rule['id']}`: {rule['level']} ({rule['condition']})")
        out.append(f"- Fires when {rule['when']}.")
        out.append(f"- Told: {rule['reason']}")
        out += [_source_line(source) for source in rule["sources"]]
        out.append("")
    out += ["## 3. What each level tells the person", ""]
    for level in pack["levels"]:
        out.append(f"### {level['title']}")
        out.append(f"- {level['action']}")
        out.append(f"- {level['detail']}")
        out += [_source_line(source) for source in level["sources"]]
        out.append("")
    out += ["## 4. Exercises: dose and cautions", ""]
    for exercise in pack["exercises"]:
        flare = "suitable in a flare-up" if exercise.flare_up_ok else "not for a flare-up"
        out.append(f"### {exercise.name} ({exercise.stage}; {flare})")
        out.append(f"- Dose: {exercise.dosage}. {exercise.dose_basis}")
        if exercise.dosage_note:
            out.append(f"- Dose note: {exercise.dosage_note}")
        out.append(f"- Progression: {exercise.progression}")
        out += [f"- Caution: {caution}" for caution in exercise.cautions]
        out += [_source_line(source) for source in exercise.sources]
        out.append("")
    return "\n".join(out)


class Command(BaseCommand):
    help = "Print every question, rule, level and exercise dose as Markdown for clinical review."

    def handle(self, *args, **options):
        self.stdout.write(_markdown(clinical_review.build()))
