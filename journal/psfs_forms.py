from django import forms

from .models import PSFS_NAME_MAX_LENGTH


class ActivityForm(forms.Form):
    name = forms.CharField(
        label="An activity your back makes hard",
        help_text="For example: deadlift 60 kg, sit through a film, lift my child.",
        max_length=PSFS_NAME_MAX_LENGTH,
        error_messages={
            "required": "Name the activity, for example “sit through a film”.",
            "max_length": f"Keep it short: {PSFS_NAME_MAX_LENGTH} characters at most.",
        },
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Name the activity, for example “sit through a film”.")
        return name


class RatingForm(forms.Form):
    """One 0-10 field per active activity, named `activity-<id>`."""

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.activities = list(activities)
        for activity in self.activities:
            self.fields[f"activity-{activity.pk}"] = forms.IntegerField(
                label=activity.name,
                min_value=0,
                max_value=10,
                error_messages={
                    "required": f"Give “{activity.name}” a score from 0 to 10.",
                    "invalid": "Enter a whole number from 0 to 10.",
                    "min_value": "Scores go from 0 (unable) to 10 (as before).",
                    "max_value": "Scores go from 0 (unable) to 10 (as before).",
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def scores(self) -> dict[int, int]:
        return {a.pk: self.cleaned_data[f"activity-{a.pk}"] for a in self.activities}
