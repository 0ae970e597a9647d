from django import forms
from django.db.models import F

from .models import BodyArea, Category, Difficulty, Equipment, RoutineItem, Stage

SEARCH_MAX_LENGTH = 100

# The default, "start here", puts what someone in pain can try first at the top: exercises that
# are safe during a flare-up, then the gentlest, the earliest stage on the path, the stage's
# starter set in its own order, then by name. Barbell deadlifts come last.
START_HERE = [
    "-flare_up_ok",
    "difficulty",
    "stage",
    F("starter_rank").asc(nulls_last=True),
    "name",
]
DEFAULT_SORT = "start"
SORTS = {
    DEFAULT_SORT: ("Start here, gentle first", START_HERE),
    "name": ("Name, A to Z", ["name"]),
    "easiest": ("Easiest first", ["difficulty", "stage", "name"]),
    "hardest": ("Hardest first", ["-difficulty", "-stage", "name"]),
    "stage": ("Stage on the path", ["stage", "difficulty", "name"]),
}


def _choices(label: str, choices) -> list[tuple[str, str]]:
    return [("", label)] + [(str(value), text) for value, text in choices]


class ExerciseFilterForm(forms.Form):
    """The list page's filters. Every field is optional; unknown values become form errors."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": (
                f"Search for at most {SEARCH_MAX_LENGTH} characters "
                "(you typed %(show_value)d). Showing results without the search."
            )
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    category = forms.ChoiceField(
        label="Category", required=False, choices=_choices("All", Category.choices)
    )
    stage = forms.TypedChoiceField(
        label="Stage on the path",
        required=False,
        coerce=int,
        empty_value=None,
        choices=_choices("All", Stage.choices),
    )
    equipment = forms.ChoiceField(
        label="Equipment", required=False, choices=_choices("Any", Equipment.choices)
    )
    difficulty = forms.TypedChoiceField(
        label="Difficulty",
        required=False,
        coerce=int,
        empty_value=None,
        choices=_choices("Any", Difficulty.choices),
    )
    body_area = forms.ChoiceField(
        label="Body area", required=False, choices=_choices("All", BodyArea.choices)
    )
    flare = forms.BooleanField(label="Suitable during a flare-up", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[(key, label) for key, (label, _) in SORTS.items()],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = (
                f"That {field.label or 'value'} is not one of the options, so it was ignored."
            )

    def filters(self) -> dict:
        """The valid filters only: a bad value in one field does not throw away the others."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "", False)
        }


class RoutineNotesForm(forms.ModelForm):
    class Meta:
        model = RoutineItem
        fields = ["notes"]
        widgets = {"notes": forms.TextInput(attrs={"placeholder": "e.g. 2 sets of 8, mornings"})}
