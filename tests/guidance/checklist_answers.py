"""Form data for the checklist: every answer the page needs, "no" unless given."""

from guidance.checklist_questions import QUESTIONS

#: Every question the page needs an answer to: the emergency signs, and the answers that can
#: change what another sign means (age among them).
NEEDED = tuple(q.code for q in QUESTIONS if q.emergency or q.modifier)
NEUTRAL_AGE = "40"  # no age rule fires at 40


def all_no(**answers) -> dict:
    data = {code: "no" for code in NEEDED}
    data["age"] = NEUTRAL_AGE
    data.update({key: str(value) for key, value in answers.items()})
    return data
