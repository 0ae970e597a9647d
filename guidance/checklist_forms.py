from django import forms

from . import triage
from .checklist_questions import QUESTIONS, REGIONS

YES, NO, UNSURE = "yes", "no", "unsure"
ANSWER_WORDS = {YES: "Yes", NO: "No", UNSURE: "Not sure"}
# Fields the checklist form may carry besides the answer codes.
FORM_FIELDS = {"csrfmiddlewaretoken", "region"}
#: Sent by the result page's "change or add answers" button: show the form again, filled in.
EDIT_FIELD = "_edit"


class ChecklistForm(forms.Form):
    """The answer codes are the field names; `answers()` turns them into `assess` input."""

    region = forms.ChoiceField(
        label="Where are you?",
        choices=[(region.code, region.name) for region in REGIONS.values()],
        required=False,
        help_text="So that the right emergency number is shown first.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            if question.number:
                low, high = triage.NUMBER_LIMITS[question.code]
                self.fields[question.code] = forms.IntegerField(
                    label=question.text,
                    required=False,
                    min_value=low,
                    max_value=high,
                    help_text=question.help,
                    error_messages=_number_errors(question.code, low, high),
                )
            else:
                choices = [(YES, "Yes"), (NO, "No")]
                if not question.emergency:
                    choices.append((UNSURE, "Not sure"))
                self.fields[question.code] = forms.ChoiceField(
                    label=question.text,
                    choices=choices,
                    required=question.emergency,
                    widget=forms.RadioSelect,
                    help_text=question.help,
                    error_messages={
                        "required": "Please answer yes or no to this question.",
                        "invalid_choice": "Please choose one of the answers given.",
                    },
                )

    def clean(self):
        cleaned = super().clean()
        unknown = sorted(set(self.data) - set(self.fields) - FORM_FIELDS)
        if unknown:
            names = ", ".join(f"“{name[:40]}”" for name in unknown[:5])
            raise forms.ValidationError(
                f"This form does not know the field(s) {names}. Please answer the questions "
                "below and submit again.",
                code="unknown_field",
            )
        return cleaned

    def missing_emergency_count(self) -> int:
        return sum(
            1 for question in QUESTIONS if question.emergency and question.code in self.errors
        )

    def answers(self) -> dict:
        """Reported answers only: blank and "not sure" mean not reported."""
        result: dict = {}
        for question in QUESTIONS:
            value = self.cleaned_data.get(question.code)
            if question.number:
                if value is not None:
                    result[question.code] = value
            elif value in (YES, NO):
                result[question.code] = value == YES
        return result

    def unanswered(self) -> list:
        """Questions left blank (a follow-up counts only when its parent was answered yes)."""
        return [
            q
            for q in QUESTIONS
            if self.cleaned_data.get(q.code) in (None, "")
            and (q.parent is None or self.cleaned_data.get(q.parent) == YES)
        ]

    def unsure(self) -> list:
        return [q for q in QUESTIONS if self.cleaned_data.get(q.code) == UNSURE]

    def summary(self) -> list[tuple]:
        """(question, answer in words) for every question answered, in page order."""
        rows = []
        for question in QUESTIONS:
            value = self.cleaned_data.get(question.code)
            if value in (None, ""):
                continue
            rows.append((question, ANSWER_WORDS.get(value, value)))
        return rows

    def hidden_values(self) -> list[tuple[str, str]]:
        """The submitted answers as (name, value) pairs, to carry into the save/region forms."""
        pairs = []
        for question in QUESTIONS:
            value = self.cleaned_data.get(question.code)
            if value not in (None, ""):
                pairs.append((question.code, str(value)))
        return pairs


def _number_errors(code: str, low: int, high: int) -> dict:
    if code == "age":
        return {
            "invalid": "Enter your age as a whole number of years, for example 42.",
            "min_value": f"Enter an age between {low} and {high}.",
            "max_value": f"Enter an age between {low} and {high}.",
        }
    return {
        "invalid": "Enter the number of weeks as a whole number, for example 3 (0 if less "
        "than a week).",
        "min_value": "The number of weeks cannot be negative: enter 0 if it is less than a week.",
        "max_value": f"Enter a number of weeks up to {high}.",
    }


def summary_from_answers(answers: dict) -> list[tuple]:
    """(question, answer in words) for stored answers (booleans and numbers), in page order."""
    rows = []
    for question in QUESTIONS:
        value = answers.get(question.code)
        if value is True:
            rows.append((question, "Yes"))
        elif value is False:
            rows.append((question, "No"))
        elif value is not None:
            rows.append((question, str(value)))
    return rows
