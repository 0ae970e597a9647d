from datetime import datetime, timedelta
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from guidance.checklist_questions import LONG_STANDING

from .models import (
    NOTES_MAX_LENGTH,
    TAG_MAX_LENGTH,
    EffortKind,
    Helped,
    Mood,
    Quality,
    Region,
)
from .stats import NEW_SYMPTOM_CODES, is_emergency_sign, symptom_question
from .units import from_kg, to_kg

MAX_TAGS = 20
EARLIEST = datetime(1950, 1, 1)

INTERFERENCE_HELP = (
    "0 = did not interfere, 10 = completely interfered. From the Brief Pain Inventory’s "
    "interference idea; a 1-point fall is a small but real change (IMMPACT, Dworkin et al., "
    "J Pain 2008)."
)


def _symptom_choices(emergency: bool) -> list[tuple[str, str]]:
    """The checklist's own questions and help, so the wording has one source.

    The checklist's yes/no note about long-standing symptoms is said once, above the boxes.
    """
    choices = []
    for code in NEW_SYMPTOM_CODES:
        if is_emergency_sign(code) == emergency:
            question = symptom_question(code)
            help_text = question.help.removesuffix(LONG_STANDING).strip()
            label = format_html('{} <span class="helptext">{}</span>', question.text, help_text)
            choices.append((code, label))
    return choices


TAG_HELP = "Separate several with commas, for example: sitting, lifting."


# The words for each step of the 0-10 scale, said to screen readers with the number and shown
# as anchors under the row: the NHS's words (mild, moderate, severe) on this app's bands.
def pain_band(score: int) -> str:
    if score == 0:
        return "no pain"
    return "mild" if score <= 3 else "moderate" if score <= 6 else "severe"


PAIN_CHOICES = [(score, pain_band(score)) for score in range(11)]

# The body diagram's two views, each area in reading order (top to bottom, left to right as
# seen), which is also the order Tab moves through them.
BACK_VIEW = [
    Region.NECK,
    Region.UPPER_BACK,
    Region.MID_BACK,
    Region.LOWER_BACK_LEFT,
    Region.LOWER_BACK_CENTRE,
    Region.LOWER_BACK_RIGHT,
    Region.BUTTOCK_LEFT,
    Region.BUTTOCK_RIGHT,
]
# Facing you: the person's right is on the left.
FRONT_VIEW = [
    Region.THIGH_RIGHT,
    Region.THIGH_LEFT,
    Region.BELOW_KNEE_RIGHT,
    Region.BELOW_KNEE_LEFT,
    Region.FOOT_RIGHT,
    Region.FOOT_LEFT,
]


class PainScale(forms.RadioSelect):
    """The tappable 0-10 row (templates/journal/_pain_scale.html draws it): a radio group, so
    it is one Tab stop, arrow keys move along it, and it works without JavaScript."""

    def __init__(self, required: bool = True):
        # An optional score keeps a way back to "not recorded": radios cannot be unticked.
        super().__init__(choices=PAIN_CHOICES if required else [*PAIN_CHOICES, ("", "")])


def pain_field(
    label: str, required: bool = True, help_text: str = "", scale: bool = True
) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=10,
        required=required,
        help_text=help_text,
        error_messages={
            "min_value": "Pain is scored from 0 to 10.",
            "max_value": "Pain is scored from 0 to 10: 10 is the worst you can imagine.",
            "invalid": "Enter a whole number from 0 to 10.",
            "required": "Give your pain a score from 0 to 10.",
        },
        widget=PainScale(required) if scale else forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _clean_when(value: datetime | None) -> datetime | None:
    if value is None:
        return value
    if value > timezone.now() + timedelta(days=1):
        raise ValidationError("That is more than a day in the future: check the date.")
    if value < timezone.make_aware(EARLIEST):
        raise ValidationError("That date is too long ago: check the year.")
    return value


def _zone_help() -> str:
    zone = timezone.get_current_timezone_name().replace("_", " ")
    return f"In your time zone ({zone}); change it in your account settings."


def parse_tags(text: str) -> list[str]:
    tags: list[str] = []
    for part in text.replace(";", ",").replace("\n", ",").split(","):
        tag = " ".join(part.split()).lower()
        if not tag or tag in tags:
            continue
        if len(tag) > TAG_MAX_LENGTH:
            raise ValidationError(
                f"“{tag[:20]}…” is too long: keep each tag under {TAG_MAX_LENGTH} characters."
            )
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError(f"That is {len(tags)} tags: {MAX_TAGS} is the most for one entry.")
    return tags


class TagsField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 2000)
        kwargs.setdefault("help_text", TAG_HELP)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(value)
        return value

    def clean(self, value):
        return parse_tags(super().clean(value) or "")


class WhenField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages", {"invalid": "Enter a date and time, like 2026-11-25 08:30."}
        )
        super().__init__(**kwargs)


class EntryForm(forms.Form):
    occurred_at = WhenField(label="When", help_text="In your own time zone.")
    pain = pain_field("Pain now (0–10)")
    regions = forms.MultipleChoiceField(
        label="Where it hurts",
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "“%(value)s” is not one of the body regions listed."},
    )
    qualities = forms.MultipleChoiceField(
        label="What it feels like",
        choices=Quality.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "“%(value)s” is not one of the words listed."},
    )
    emergency_signs = forms.MultipleChoiceField(
        label="Emergency signs",
        choices=_symptom_choices(emergency=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "“%(value)s” is not one of the signs listed."},
    )
    other_signs = forms.MultipleChoiceField(
        label="Other warning signs",
        choices=_symptom_choices(emergency=False),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "“%(value)s” is not one of the signs listed."},
    )
    activities = TagsField(label="What you were doing")
    triggers = TagsField(label="What made it worse (triggers)")
    relievers = TagsField(label="What made it better (relievers)")
    medication = forms.CharField(label="Medication taken", max_length=120, required=False)
    medication_dose = forms.CharField(label="Dose", max_length=60, required=False)
    medication_helped = forms.ChoiceField(
        label="Did the medication help?",
        choices=[("", "Not recorded"), *Helped.choices],
        required=False,
    )
    sleep_hours = forms.DecimalField(
        label="Hours of sleep last night",
        min_value=0,
        max_value=24,
        max_digits=3,
        decimal_places=1,
        required=False,
        error_messages={
            "max_value": "A night has at most 24 hours.",
            "min_value": "Hours of sleep cannot be negative.",
        },
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    woken_by_pain = forms.NullBooleanField(
        label="Woken by pain?",
        required=False,
        widget=forms.Select(
            choices=[("unknown", "Not recorded"), ("true", "Yes"), ("false", "No")]
        ),
    )
    interference = pain_field(
        "How much did pain get in the way of daily activity? (0–10)",
        required=False,
        help_text=INTERFERENCE_HELP,
        # Not a pain score: the mild/moderate/severe words would not fit it.
        scale=False,
    )
    mood = forms.TypedChoiceField(
        label="Mood (optional)",
        choices=[("", "Not recorded"), *Mood.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": "Notes can be up to %(limit_value)d characters; this has %(show_value)d."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interference"].error_messages["max_value"] = (
            "Interference is scored from 0 to 10."
        )
        self.fields["occurred_at"].help_text = _zone_help()
        ticked = self.initial.get("new_symptoms") or []
        self.initial.setdefault("emergency_signs", [c for c in ticked if is_emergency_sign(c)])
        self.initial.setdefault("other_signs", [c for c in ticked if not is_emergency_sign(c)])

    def region_views(self) -> dict[str, list]:
        """The region checkboxes split between the back and front views of the body diagram,
        and the labels of those ticked, said in words under it."""
        boxes = {box.data["value"]: box for box in self["regions"]}
        back = [boxes[region] for region in BACK_VIEW]
        front = [boxes[region] for region in FRONT_VIEW]
        return {
            "back": back,
            "front": front,
            "ticked": [box.choice_label for box in back + front if box.data["selected"]],
        }

    def clean_occurred_at(self):
        return _clean_when(self.cleaned_data.get("occurred_at"))

    def clean(self):
        data = super().clean()
        ticked = {*data.get("emergency_signs", []), *data.get("other_signs", [])}
        data["new_symptoms"] = [code for code in NEW_SYMPTOM_CODES if code in ticked]
        return data


class QuickLogForm(forms.Form):
    region = forms.ChoiceField(
        label="Where (optional)",
        choices=[("", "Not this time"), *Region.choices],
        required=False,
        error_messages={"invalid_choice": "Choose a body region from the list."},
    )
    pain = pain_field("Pain now")


class NextMorningForm(forms.Form):
    pain_next_morning = pain_field("Pain the next morning (0–10)")


class WorkoutForm(forms.Form):
    started_at = WhenField(label="When", help_text="In your own time zone.")
    pain_before = pain_field("Pain before (0–10)")
    pain_during = pain_field("Worst pain during (0–10)", required=False)
    pain_after = pain_field("Pain after (0–10)", required=False)
    pain_next_morning = pain_field(
        "Pain the next morning (0–10)",
        required=False,
        help_text="Leave blank now: the journal page reminds you to add it tomorrow.",
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": "Notes can be up to %(limit_value)d characters; this has %(show_value)d."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started_at"].help_text = _zone_help()

    def clean_started_at(self):
        return _clean_when(self.cleaned_data.get("started_at"))


class WorkoutExerciseForm(forms.Form):
    exercise = forms.TypedChoiceField(
        label="From the library",
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose an exercise from the list."},
    )
    name = forms.CharField(
        label="Or type its name", max_length=120, required=False, help_text="e.g. deadlift"
    )
    sets = forms.IntegerField(
        label="Sets",
        min_value=1,
        max_value=100,
        required=False,
        error_messages={"min_value": "At least 1 set.", "max_value": "At most 100 sets."},
    )
    reps = forms.IntegerField(
        label="Reps per set",
        min_value=0,
        max_value=1000,
        required=False,
        error_messages={"min_value": "Reps cannot be negative.", "max_value": "At most 1000 reps."},
    )
    load = forms.DecimalField(
        label="Load",
        min_value=0,
        max_value=2000,
        max_digits=7,
        decimal_places=2,
        required=False,
        error_messages={
            "min_value": "Load cannot be negative: use 0 for body weight.",
            "max_value": "That load is beyond any record: check the number.",
        },
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    effort_kind = forms.ChoiceField(
        label="Effort scale", choices=[("", "Not recorded"), *EffortKind.choices], required=False
    )
    effort = forms.IntegerField(
        label="Effort",
        min_value=0,
        max_value=10,
        required=False,
        help_text="RPE 1–10 (10 = maximal) or reps in reserve 0–10.",
        error_messages={
            "min_value": "Effort runs from 0 to 10.",
            "max_value": "Effort runs from 0 to 10.",
        },
    )

    def __init__(self, *args, exercise_choices=(), units="kg", **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units
        self.exercise_names = dict(exercise_choices)
        self.fields["exercise"].choices = [("", "Not from the library"), *exercise_choices]
        self.fields["load"].label = f"Load ({units})"

    def clean(self):
        data = super().clean()
        if not self.has_changed():
            return data
        exercise = data.get("exercise")
        if exercise is None and not data.get("name"):
            raise ValidationError("Pick an exercise from the library or type its name.")
        kind, effort = data.get("effort_kind"), data.get("effort")
        if kind and effort is None:
            self.add_error("effort", "Give the effort score for the scale you chose.")
        elif effort is not None and not kind:
            self.add_error("effort_kind", "Say which scale the effort score uses.")
        elif kind == EffortKind.RPE and effort is not None and effort < 1:
            self.add_error("effort", "RPE runs from 1 to 10.")
        load = data.get("load")
        if load is not None:
            kg = to_kg(load, self.units)
            if kg > Decimal(1000):
                self.add_error("load", "That load is beyond any record: check the number.")
            data["load_kg"] = kg
        else:
            data["load_kg"] = None
        if exercise is not None and not data.get("name"):
            data["name"] = self.exercise_names.get(exercise, "")
        return data


class BaseWorkoutExerciseFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_many_forms": "A workout can hold at most %(num)d exercises.",
    }

    def exercises(self) -> list[dict]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


MAX_EXERCISES = 30
WorkoutExerciseFormSet = forms.formset_factory(
    WorkoutExerciseForm,
    formset=BaseWorkoutExerciseFormSet,
    # One empty row: "Add an exercise row" (and My routine) give more without saving.
    extra=1,
    max_num=MAX_EXERCISES,
    validate_max=True,
    # A posted TOTAL_FORMS of thousands would otherwise build (and render) thousands of forms.
    absolute_max=MAX_EXERCISES,
    can_delete=True,
)


def exercise_initial(rows, units: str) -> list[dict]:
    return [
        {
            "exercise": row.exercise_id,
            "name": row.name,
            "sets": row.sets,
            "reps": row.reps,
            "load": from_kg(row.load_kg, units),
            "effort_kind": row.effort_kind,
            "effort": row.effort,
        }
        for row in rows
    ]


def _check_dates(form: forms.Form, data: dict) -> None:
    """Dates far outside a lifetime would overflow time-zone arithmetic: refuse them plainly."""
    for name in ("start", "end"):
        value = data.get(name)
        if value is not None and not (EARLIEST.year <= value.year <= 2100):
            form.add_error(name, "Choose a date between 1950 and 2100.")


class FilterForm(forms.Form):
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    region = forms.ChoiceField(
        label="Region", choices=[("", "Any region"), *Region.choices], required=False
    )
    tag = forms.CharField(label="Tag", max_length=TAG_MAX_LENGTH, required=False)

    def clean(self):
        data = super().clean()
        _check_dates(self, data)
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise ValidationError("“From” is after “To”: the dates were ignored.")
        return data


class PeriodForm(forms.Form):
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        _check_dates(self, data)
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise ValidationError("“From” is after “To”: showing the default period instead.")
        if start and end and (end - start).days > 366 * 10:
            raise ValidationError("Choose at most ten years.")
        return data
