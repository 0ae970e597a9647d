from django import forms

from . import triage
from .checklist_questions import (
    EMERGENCY_CODES,
    NO,
    QUESTIONS,
    QUESTIONS_BY_CODE,
    REGIONS,
    YES,
    Question,
)

UNSURE = "unsure"
#: How a "not sure" answer is kept in a saved result's answers.
NOT_SURE_STORED = "not sure"
ANSWER_WORDS = {YES: "Yes", NO: "No", UNSURE: "Not sure"}
# Fields the checklist form may carry besides the answer codes.
FORM_FIELDS = {"csrfmiddlewaretoken", "region"}
MODIFIER_NUMBERS = tuple(q.code for q in QUESTIONS if q.number and q.modifier)


def not_sure_field(code: str) -> str:
    """The "not sure" tick box beside a number the page needs (age)."""
    return f"{code}_not_sure"


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
                    required=False,  # a needed number may be "not sure" instead: see clean()
                    min_value=low,
                    max_value=high,
                    help_text=question.help,
                    error_messages=_number_errors(question.code, low, high),
                )
                if question.modifier:
                    self.fields[not_sure_field(question.code)] = forms.BooleanField(
                        label="Not sure", required=False
                    )
            else:
                choices = list(question.options)
                if not question.emergency:
                    choices.append((UNSURE, "Not sure"))
                self.fields[question.code] = forms.ChoiceField(
                    label=question.text,
                    choices=choices,
                    required=question.emergency or question.modifier,
                    widget=forms.RadioSelect,
                    help_text=question.help,
                    error_messages={
                        "required": _required_message(question),
                        "invalid_choice": "Please choose one of the answers given.",
                    },
                )

    def clean(self):
        cleaned = super().clean()
        unknown = sorted(set(self.data) - set(self.fields) - FORM_FIELDS)
        for code in MODIFIER_NUMBERS:
            if (
                code not in self.errors
                and cleaned.get(code) is None
                and not cleaned.get(not_sure_field(code))
            ):
                self.add_error(code, _required_message(QUESTIONS_BY_CODE[code]))
        if unknown:
            names = ", ".join(f"“{name[:40]}”" for name in unknown[:5])
            raise forms.ValidationError(
                f"This form does not know the field(s) {names}. Please answer the questions "
                "below and submit again.",
                code="unknown_field",
            )
        return cleaned

    def result(self, blanks_as_not_sure: bool = False) -> triage.Result:
        """The triage result of the answers that could be read. Call after `is_valid()`.

        "Not sure" to an answer that can change another sign counts as yes (contract v2); with
        `blanks_as_not_sure`, so does each of those answers left blank or unreadable.
        """
        not_sure = self.not_sure_codes()
        if blanks_as_not_sure:
            not_sure += self.blank_modifiers()
        return triage.assess_with_not_sure(self.answers(), not_sure)

    def emergency_result(self) -> triage.Result | None:
        """The result, when the answers already make an emergency, whatever else is blank.

        Call after `is_valid()`. The emergency wins over missing or wrong answers: the person
        is sent for help first, not back to the form. An emergency sign answered yes whose
        urgency depends on an answer still blank (tummy pain and age) counts that blank as the
        more urgent answer: a blank never lowers the result.
        """
        result = self.result()
        if result.level == triage.EMERGENCY:
            return result
        assumed = self.blanks_an_emergency_rests_on()
        if assumed:
            result = triage.assess_with_not_sure(self.answers(), self.not_sure_codes() + assumed)
            if result.level == triage.EMERGENCY:
                return result
        return None

    def blanks_an_emergency_rests_on(self) -> list[str]:
        """The blank risk answers that would make an emergency sign answered yes an emergency.

        Only rules that involve a sign the person said yes to count: two blanks together (leg
        weakness and cancer) are asked for, not assumed.
        """
        said_yes = {code for code in EMERGENCY_CODES if self.cleaned_data.get(code) == YES}
        if not said_yes:
            return []
        answers, not_sure = self.answers(), self.not_sure_codes()
        assumed = []
        for blank in self.blank_modifiers():
            # One blank at a time: all of them together would fire rules between blanks only.
            result = triage.assess_with_not_sure(answers, [*not_sure, blank])
            if any(
                reason.level == triage.EMERGENCY and said_yes & set(reason.answers)
                for reason in result.reasons
            ):
                assumed.append(blank)
        return assumed

    def blank_modifiers(self) -> list[str]:
        """The answers that can change another sign, left blank or unreadable."""
        return [
            q.code
            for q in QUESTIONS
            if q.modifier
            and self.cleaned_data.get(q.code) in (None, "")
            and not self._is_not_sure(q)
        ]

    def missing_emergency_count(self) -> int:
        return sum(
            1 for question in QUESTIONS if question.emergency and question.code in self.errors
        )

    def missing_modifier_count(self) -> int:
        return sum(
            1 for question in QUESTIONS if question.modifier and question.code in self.errors
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

    def not_sure_codes(self) -> list[str]:
        """The answers that can change another sign, answered "not sure"."""
        return [q.code for q in QUESTIONS if q.modifier and self._is_not_sure(q)]

    def stored_answers(self) -> dict:
        """What a signed-in person's saved result keeps: the answers, "not sure" included."""
        return {**self.answers(), **dict.fromkeys(self.not_sure_codes(), NOT_SURE_STORED)}

    def _is_not_sure(self, question) -> bool:
        if question.number:
            return self.cleaned_data.get(question.code) is None and bool(
                self.cleaned_data.get(not_sure_field(question.code))
            )
        return self.cleaned_data.get(question.code) == UNSURE

    def unanswered(self) -> list:
        """Questions left blank (a follow-up counts only when its parent was answered yes)."""
        return [
            q
            for q in QUESTIONS
            if self.cleaned_data.get(q.code) in (None, "")
            and (q.parent is None or self.cleaned_data.get(q.parent) == YES)
        ]

    def unsure(self) -> list:
        """Questions answered "not sure" that count as not reported."""
        return [q for q in QUESTIONS if not q.modifier and self.cleaned_data.get(q.code) == UNSURE]

    def unsure_counted_as_yes(self) -> list:
        """Questions answered "not sure" that counted as yes."""
        return [q for q in QUESTIONS if q.modifier and self._is_not_sure(q)]

    def summary(self) -> list[tuple]:
        """(question, answer in words) for every question answered, in page order."""
        rows = []
        for question in QUESTIONS:
            value = self.cleaned_data.get(question.code)
            if self._is_not_sure(question):
                rows.append((question, _not_sure_words(question)))
            elif value not in (None, ""):
                rows.append((question, _answer_words(question, value)))
        return rows

    def hidden_values(self) -> list[tuple[str, str]]:
        """The submitted answers as (name, value) pairs, to carry into the save/region forms."""
        pairs = []
        for question in QUESTIONS:
            value = self.cleaned_data.get(question.code)
            if value not in (None, ""):
                pairs.append((question.code, str(value)))
            elif question.number and self._is_not_sure(question):
                pairs.append((not_sure_field(question.code), "on"))
        return pairs


def _required_message(question) -> str:
    if question.number:
        return "Please enter your age, or tick “Not sure”."
    if question.emergency:
        return "Please answer yes or no to this question."
    return "Please answer this question: choose “Not sure” if you do not know."


def _not_sure_words(question: Question) -> str:
    if question.number:
        return "Not sure (the age giving the most careful result was used)"
    return "Not sure (counted as yes)"


def _answer_words(question: Question, value) -> str:
    """Yes / No, or the question's own positive statement for that answer."""
    return dict(question.options).get(value) or ANSWER_WORDS.get(value, str(value))


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
            rows.append((question, _answer_words(question, YES)))
        elif value is False:
            rows.append((question, _answer_words(question, NO)))
        elif value == NOT_SURE_STORED:
            rows.append((question, _not_sure_words(question)))
        elif value is not None:
            rows.append((question, str(value)))
    return rows
