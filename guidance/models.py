from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections, models
from django.urls import reverse

from .exercise_positions import Positions, positions_for


class Category(models.TextChoices):
    RELIEF = "relief", "Gentle relief and mobility"
    CORE = "core", "Core and trunk endurance"
    HIPS = "hips", "Glutes and hips"
    HINGE = "hinge", "Hip-hinge technique"
    LOADING = "loading", "Return to loading"
    BALL = "ball", "Stability-ball work"
    ACTIVITY = "activity", "Walking and general activity"


class Stage(models.IntegerChoices):
    """The three levels of the performance pyramid, from the bottom up."""

    FOUNDATION = 1, "1. Foundation for movement"
    HINGE = 2, "2. Hip hinge and technique"
    LOADED = 3, "3. Loaded lifting"


class Difficulty(models.IntegerChoices):
    GENTLE = 1, "Gentle"
    MODERATE = 2, "Moderate"
    CHALLENGING = 3, "Challenging"


class Equipment(models.TextChoices):
    NONE = "none", "No equipment"
    MAT = "mat", "Mat or towel"
    CHAIR = "chair", "Chair or step"
    DOWEL = "dowel", "Broomstick or dowel"
    BAND = "band", "Resistance band"
    BALL = "ball", "Stability ball"
    KETTLEBELL = "kettlebell", "Kettlebell or dumbbell"
    BARBELL = "barbell", "Barbell or trap bar"


class BodyArea(models.TextChoices):
    LOWER_BACK = "lower_back", "Lower back"
    TRUNK = "trunk", "Trunk and abdominals"
    GLUTES = "glutes", "Glutes"
    HIPS = "hips", "Hips"
    HAMSTRINGS = "hamstrings", "Hamstrings"
    UPPER_BACK = "upper_back", "Upper back and lats"
    WHOLE_BODY = "whole_body", "Whole body"


class Source(models.Model):
    """A published source that exercise content cites (see clinical-reference.md)."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=300)
    reference_section = models.CharField(
        max_length=40, help_text="Section of the project's clinical reference, e.g. 3.2."
    )
    links_to_front_page = models.BooleanField(
        default=False,
        help_text="The link reaches only the publisher's front page or index, not the page "
        "cited: the pages say so, so that nobody takes it for the cited page.",
    )
    year = models.CharField(
        max_length=40,
        blank=True,
        help_text="Year published or last updated, as shown to people, e.g. 2016, updated 2020. "
        "Blank when the page gives no date: the pages then say it is undated.",
    )
    to_verify = models.TextField(
        blank=True,
        help_text="What a clinician still has to check against the primary source. Never shown "
        "on a public page: the hazard log lists it.",
    )

    class Meta:
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}"

    @property
    def citation(self) -> str:
        """Publisher, title and year, as the public pages show a source."""
        return f"{self.publisher}: {self.title} ({self.year or 'undated'})"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# Said of every dose that no source gives (issue 8, item 11).
COACHING_PRACTICE = "Coaching practice, no guideline gives a dose."

# What the list and path pages show of an exercise: the long text stays in the database.
CARD_FIELDS = (
    "slug",
    "name",
    "purpose",
    "category",
    "stage",
    "difficulty",
    "equipment",
    "body_area",
    "flare_up_ok",
    "illustration",
    "illustration_alt",
    "starter_rank",
)

# The fields a search looks in: a symptom or a synonym ("sciatica", "slipped disc") is found
# through the keywords, which no page shows.
SEARCH_FIELDS = ("name", "purpose", "description", "keywords")


def _word_matches(words: list[str]) -> models.Q:
    """Every word somewhere in the searched fields, in any order ("disc slipped" too)."""
    query = models.Q()
    for word in words:
        any_field = models.Q()
        for name in SEARCH_FIELDS:
            any_field |= models.Q(**{f"{name}__icontains": word})
        query &= any_field
    return query


class ExerciseQuerySet(models.QuerySet):
    def cards(self):
        return self.only(*CARD_FIELDS)

    def browse(self, filters: dict, order_by: list[str]):
        """Filtered by the list page's cleaned filters (see ExerciseFilterForm.filters)."""
        queryset = self
        if search := filters.get("q"):
            queryset = queryset._search(search)
        for name in ("category", "stage", "equipment", "difficulty", "body_area"):
            if name in filters:
                queryset = queryset.filter(**{name: filters[name]})
        if filters.get("flare"):
            queryset = queryset.filter(flare_up_ok=True)
        return queryset.order_by(*order_by)

    def _search(self, search: str):
        matches = _word_matches(search.split())
        if connections[self.db].vendor != "postgresql":
            return self.filter(matches)
        # PostgreSQL adds full-text search with English stemming ("lifts", "stiffening"); the
        # plain match stays beside it so that a half-typed word finds something while the
        # person is still typing.
        vector = SearchVector(*SEARCH_FIELDS, config="english")
        query = SearchQuery(search, search_type="websearch", config="english")
        return self.alias(search_vector=vector).filter(models.Q(search_vector=query) | matches)


class Exercise(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    purpose = models.CharField(max_length=240, help_text="One line: what it is for.")
    description = models.TextField(blank=True, help_text="A short plain-words introduction.")
    steps = models.TextField(help_text="One step per line, in order.")
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    how_often = models.CharField(max_length=200)
    dosage_note = models.CharField(
        max_length=300, blank=True, help_text="Anything the numbers above do not say."
    )
    dose_source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The source that gives this dose for this exercise. Leave it empty when none "
        "does: the page then says the dose is coaching practice.",
    )
    progression = models.TextField(help_text="How and when to make it harder.")
    feel = models.TextField("what you should feel")
    mistakes = models.TextField("common mistakes", help_text="One mistake per line.")
    cautions = models.TextField("when to stop", help_text="One caution per line.")
    flare_up_ok = models.BooleanField("suitable during a flare-up", default=False)
    bending_or_loaded = models.BooleanField(
        default=False,
        help_text="Bends the spine or carries a weight: the page shows the 'before you start' "
        "screen (osteoporosis, long-term steroids, cancer, cauda equina signs).",
    )
    equipment = models.CharField(max_length=16, choices=Equipment, default=Equipment.NONE)
    difficulty = models.PositiveSmallIntegerField(choices=Difficulty, default=Difficulty.GENTLE)
    category = models.CharField(max_length=16, choices=Category)
    body_area = models.CharField(max_length=16, choices=BodyArea)
    stage = models.PositiveSmallIntegerField(choices=Stage)
    illustration = models.CharField(
        max_length=80, help_text="File name under static/guidance/illustrations/."
    )
    illustration_alt = models.CharField("illustration text alternative", max_length=300)
    keywords = models.TextField(
        blank=True,
        help_text="Symptoms, conditions and everyday words people search with, e.g. sciatica, "
        "slipped disc, stiff. Searched, never shown.",
    )
    starter_rank = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Place in its stage's starter set on the path page (1 first); empty when the "
        "exercise is not a starter.",
    )
    harder_variations = models.ManyToManyField(
        "self", symmetrical=False, related_name="easier_variations", blank=True
    )
    sources = models.ManyToManyField(Source, related_name="exercises")

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stage__in=Stage.values), name="exercise_stage_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(difficulty__in=Difficulty.values),
                name="exercise_difficulty_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(category__in=Category.values), name="exercise_category_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("exercises:detail", args=[self.slug])

    @property
    def step_list(self) -> list[str]:
        return _lines(self.steps)

    @property
    def mistake_list(self) -> list[str]:
        return _lines(self.mistakes)

    @property
    def caution_list(self) -> list[str]:
        return _lines(self.cautions)

    @property
    def illustration_path(self) -> str:
        return f"guidance/illustrations/{self.illustration}"

    @property
    def positions(self) -> Positions | None:
        return positions_for(self.slug)

    @property
    def dosage_summary(self) -> str:
        parts = []
        if self.reps:
            parts.append(f"{self.reps} repetitions")
        if self.hold_seconds:
            parts.append(f"hold {self.hold_seconds} seconds")
        if self.sets:
            parts.append(f"{self.sets} {'set' if self.sets == 1 else 'sets'}")
        parts.append(self.how_often)
        return ", ".join(parts)

    @property
    def dose_basis(self) -> str:
        """Where the dose comes from, in words (for the page and the clinician review pack)."""
        if self.dose_source is None:
            return COACHING_PRACTICE
        return f"Dose from {self.dose_source.citation}."


class RoutineItemQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class RoutineItem(models.Model):
    """An exercise a signed-in person saved to "My routine", in their own order."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="routine_items"
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)
    notes = models.CharField("my dosage notes", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoutineItemQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "exercise"], name="routine_item_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.exercise} ({self.position})"


class TriageLevel(models.TextChoices):
    """The five levels of `triage-contract.md`, most urgent first."""

    EMERGENCY = "emergency", "Emergency: call 999 / 112 / 911 or go to A&E now"
    SAME_DAY = "same_day", "See a doctor today"
    WITHIN_DAYS = "within_days", "See a doctor within a few days"
    ROUTINE = "routine", "Book a routine appointment"
    SELF_CARE = "self_care", "Self-care, with a plan for when to get help"


class CheckResultQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class CheckResult(models.Model):
    """A red-flag checklist result that a signed-in person chose to keep."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_results"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    level = models.CharField(max_length=16, choices=TriageLevel)
    answers = models.JSONField(default=dict)
    reasons = models.JSONField(default=list)

    objects = CheckResultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=TriageLevel.values), name="check_result_level_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.created_at:%Y-%m-%d})"
