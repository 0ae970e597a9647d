"""The pain journal: entries, workouts and the exercises done in them.

Storage decisions:
- Times are stored in UTC (USE_TZ); the middleware shows them in the person's own zone.
- Loads are stored in kilograms (`load_kg`, Decimal with 2 places) whatever the person's units;
  forms and pages convert to and from `user.units` (see `journal.units`).
- Regions, pain qualities and free tags (triggers, relievers, activities) are rows of `EntryTag`,
  one per (entry, kind, value). That keeps filtering and the trigger statistics in the database
  (one GROUP BY) on SQLite and PostgreSQL alike, and lets a constraint refuse unknown regions.
"""

from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse

from .stats import severity, symptom_question

NOTES_MAX_LENGTH = 10_000
TAG_MAX_LENGTH = 60


class Region(models.TextChoices):
    LOWER_BACK_CENTRE = "lower_back_centre", "Lower back, centre"
    LOWER_BACK_LEFT = "lower_back_left", "Lower back, left"
    LOWER_BACK_RIGHT = "lower_back_right", "Lower back, right"
    BUTTOCK_LEFT = "buttock_left", "Buttock, left"
    BUTTOCK_RIGHT = "buttock_right", "Buttock, right"
    THIGH_LEFT = "thigh_left", "Thigh, left"
    THIGH_RIGHT = "thigh_right", "Thigh, right"
    BELOW_KNEE_LEFT = "below_knee_left", "Below the knee, left"
    BELOW_KNEE_RIGHT = "below_knee_right", "Below the knee, right"
    FOOT_LEFT = "foot_left", "Foot, left"
    FOOT_RIGHT = "foot_right", "Foot, right"
    MID_BACK = "mid_back", "Mid back"
    UPPER_BACK = "upper_back", "Upper back"
    NECK = "neck", "Neck"


class Quality(models.TextChoices):
    ACHE = "ache", "Ache"
    SHARP = "sharp", "Sharp"
    SHOOTING = "shooting", "Shooting"
    BURNING = "burning", "Burning"
    TINGLING = "tingling", "Tingling / pins and needles"
    STIFFNESS = "stiffness", "Stiffness"
    THROBBING = "throbbing", "Throbbing"


class TagKind(models.TextChoices):
    REGION = "region", "Where it hurts"
    QUALITY = "quality", "What it feels like"
    ACTIVITY = "activity", "What I was doing"
    TRIGGER = "trigger", "Made it worse"
    RELIEVER = "reliever", "Made it better"


FREE_TAG_KINDS = (TagKind.ACTIVITY, TagKind.TRIGGER, TagKind.RELIEVER)


class Helped(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "A little"
    NO = "no", "No"


class Mood(models.IntegerChoices):
    VERY_LOW = 1, "Very low"
    LOW = 2, "Low"
    OK = 3, "OK"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class EffortKind(models.TextChoices):
    RPE = "rpe", "RPE (rate of perceived exertion, 1–10)"
    RIR = "rir", "Reps in reserve (0–10)"


def _between(field: str, low, high) -> Q:
    return Q(**{f"{field}__gte": low, f"{field}__lte": high})


def _null_or_between(field: str, low, high) -> Q:
    return Q(**{f"{field}__isnull": True}) | _between(field, low, high)


class EntryQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def with_tags(self):
        return self.prefetch_related("tags")


class Entry(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    occurred_at = models.DateTimeField("when")
    pain = models.PositiveSmallIntegerField("pain now (0–10)")
    interference = models.PositiveSmallIntegerField(
        "how much pain got in the way of daily activity (0–10)", null=True, blank=True
    )
    sleep_hours = models.DecimalField(
        "hours of sleep last night", max_digits=3, decimal_places=1, null=True, blank=True
    )
    woken_by_pain = models.BooleanField("woken by pain", null=True, blank=True)
    medication = models.CharField("medication taken", max_length=120, blank=True)
    medication_dose = models.CharField("dose", max_length=60, blank=True)
    medication_helped = models.CharField("did it help?", max_length=8, choices=Helped, blank=True)
    mood = models.PositiveSmallIntegerField(choices=Mood, null=True, blank=True)
    # Codes of the checklist questions ticked as new or worse (`stats.NEW_SYMPTOM_CODES`). A list
    # on the entry rather than tag rows: nothing groups or filters by them, and the red-flag
    # check reads them with the entry.
    new_symptoms = models.JSONField("new or worse symptoms", default=list, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["user", "-occurred_at"], name="journal_entry_user_time")]
        constraints = [
            models.CheckConstraint(condition=_between("pain", 0, 10), name="entry_pain_0_10"),
            models.CheckConstraint(
                condition=_null_or_between("interference", 0, 10), name="entry_interference_0_10"
            ),
            models.CheckConstraint(
                condition=_null_or_between("sleep_hours", 0, 24), name="entry_sleep_0_24"
            ),
            models.CheckConstraint(condition=_null_or_between("mood", 1, 5), name="entry_mood_1_5"),
            models.CheckConstraint(
                condition=Q(medication_helped__in=["", *Helped.values]),
                name="entry_medication_helped_valid",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("notes"), NOTES_MAX_LENGTH),
                name="entry_notes_length",
            ),
        ]

    def __str__(self) -> str:
        return f"Pain {self.pain}/10 at {self.occurred_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("journal:entry", args=[self.pk])

    @property
    def severity(self) -> str:
        return severity(self.pain)

    def tag_values(self, kind: str) -> list[str]:
        # Reads the prefetched tags, so listing entries costs no query per entry.
        return [tag.value for tag in self.tags.all() if tag.kind == kind]

    @property
    def regions(self) -> list[str]:
        return self.tag_values(TagKind.REGION)

    @property
    def region_labels(self) -> list[str]:
        return [Region(value).label for value in self.regions if value in Region.values]

    @property
    def qualities(self) -> list[str]:
        return self.tag_values(TagKind.QUALITY)

    @property
    def quality_labels(self) -> list[str]:
        return [Quality(value).label for value in self.qualities if value in Quality.values]

    @property
    def new_symptom_labels(self) -> list[str]:
        return [symptom_question(code).label for code in self.new_symptoms]

    @property
    def activities(self) -> list[str]:
        return self.tag_values(TagKind.ACTIVITY)

    @property
    def triggers(self) -> list[str]:
        return self.tag_values(TagKind.TRIGGER)

    @property
    def relievers(self) -> list[str]:
        return self.tag_values(TagKind.RELIEVER)


class EntryTag(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=10, choices=TagKind)
    value = models.CharField(max_length=TAG_MAX_LENGTH)

    class Meta:
        ordering = ["kind", "id"]
        indexes = [models.Index(fields=["kind", "value"], name="journal_tag_kind_value")]
        constraints = [
            models.UniqueConstraint(fields=["entry", "kind", "value"], name="tag_unique_per_entry"),
            models.CheckConstraint(condition=Q(kind__in=TagKind.values), name="tag_kind_valid"),
            models.CheckConstraint(
                condition=~Q(kind=TagKind.REGION) | Q(value__in=Region.values),
                name="tag_region_known",
            ),
            models.CheckConstraint(
                condition=~Q(kind=TagKind.QUALITY) | Q(value__in=Quality.values),
                name="tag_quality_known",
            ),
            models.CheckConstraint(condition=~Q(value=""), name="tag_value_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


class WorkoutQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def with_exercises(self):
        return self.prefetch_related("exercises__exercise")


class Workout(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_workouts"
    )
    started_at = models.DateTimeField("when")
    pain_before = models.PositiveSmallIntegerField("pain before (0–10)")
    pain_during = models.PositiveSmallIntegerField(
        "worst pain during (0–10)", null=True, blank=True
    )
    pain_after = models.PositiveSmallIntegerField("pain after (0–10)", null=True, blank=True)
    pain_next_morning = models.PositiveSmallIntegerField(
        "pain the next morning (0–10)", null=True, blank=True
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorkoutQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["user", "-started_at"], name="journal_workout_user_time")]
        constraints = [
            models.CheckConstraint(
                condition=_between("pain_before", 0, 10), name="workout_pain_before_0_10"
            ),
            models.CheckConstraint(
                condition=_null_or_between("pain_during", 0, 10), name="workout_pain_during_0_10"
            ),
            models.CheckConstraint(
                condition=_null_or_between("pain_after", 0, 10), name="workout_pain_after_0_10"
            ),
            models.CheckConstraint(
                condition=_null_or_between("pain_next_morning", 0, 10),
                name="workout_pain_next_morning_0_10",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("notes"), NOTES_MAX_LENGTH),
                name="workout_notes_length",
            ),
        ]

    def __str__(self) -> str:
        return f"Workout at {self.started_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("journal:workout", args=[self.pk])


class WorkoutExercise(models.Model):
    workout = models.ForeignKey(Workout, on_delete=models.CASCADE, related_name="exercises")
    exercise = models.ForeignKey(
        "guidance.Exercise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_uses",
        help_text="From the exercise library, if it is there.",
    )
    # Always filled: the library exercise's name when one was picked, or what the person typed.
    name = models.CharField(max_length=120)
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField("reps per set", null=True, blank=True)
    load_kg = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    effort_kind = models.CharField(max_length=3, choices=EffortKind, blank=True)
    effort = models.PositiveSmallIntegerField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="workout_exercise_name_set"),
            models.CheckConstraint(
                condition=_null_or_between("sets", 1, 100), name="workout_exercise_sets_1_100"
            ),
            models.CheckConstraint(
                condition=_null_or_between("reps", 0, 1000), name="workout_exercise_reps_0_1000"
            ),
            models.CheckConstraint(
                condition=_null_or_between("load_kg", 0, 1000), name="workout_exercise_load_0_1000"
            ),
            models.CheckConstraint(
                condition=(Q(effort_kind="") & Q(effort__isnull=True))
                # NULL passes a CHECK, so the score must be said to be there.
                | (Q(effort_kind=EffortKind.RPE, effort__isnull=False) & _between("effort", 1, 10))
                | (Q(effort_kind=EffortKind.RIR, effort__isnull=False) & _between("effort", 0, 10)),
                name="workout_exercise_effort_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DismissedPrompt(models.Model):
    """A help prompt the person has dismissed; the key names the occurrence (kind + date)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_dismissals"
    )
    key = models.CharField(max_length=80)
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="dismissal_unique_per_user")
        ]

    def __str__(self) -> str:
        return self.key


# Reminders, calendar feed and the Patient-Specific Functional Scale (issue 14) -------------


class ReminderSettings(models.Model):
    """One person's planned sessions, calendar feed and email reminder choices.

    Everything is off until the person turns it on. The calendar feed token is never stored:
    only its SHA-256 (`feed_token_hash`), so the feed is found by an indexed lookup on the hash
    and a database leak does not reveal working feed addresses.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    # Weekdays as numbers, Monday = 0 (Python's `date.weekday()`).
    session_days = models.JSONField(default=list, blank=True)
    session_time = models.TimeField(default=time(18, 0))
    morning_time = models.TimeField("next-morning check time", default=time(8, 0))
    show_details = models.BooleanField(default=False)
    feed_token_hash = models.CharField(max_length=64, blank=True)
    feed_created_at = models.DateTimeField(null=True, blank=True)
    feed_next_morning = models.BooleanField(default=True)
    feed_psfs = models.BooleanField(default=True)
    email_sessions = models.BooleanField(default=False)
    email_next_morning = models.BooleanField(default=False)
    email_weekly = models.BooleanField(default=False)
    email_psfs = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "reminder settings"
        constraints = [
            models.UniqueConstraint(
                fields=["feed_token_hash"],
                condition=~Q(feed_token_hash=""),
                name="reminder_feed_token_unique",
            )
        ]

    def __str__(self) -> str:
        return f"Reminders of user {self.user_id}"

    @property
    def any_email(self) -> bool:
        return (
            self.email_sessions or self.email_next_morning or self.email_weekly or self.email_psfs
        )


class ReminderSent(models.Model):
    """One reminder mail that went out; the unique key makes `send_reminders` idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    key = models.CharField(max_length=60)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="reminder_sent_once")]

    def __str__(self) -> str:
        return self.key


PSFS_MAX_ACTIVITIES = 5
PSFS_NAME_MAX_LENGTH = 80


class PsfsActivity(models.Model):
    """An activity the person finds hard because of their back; retired ones keep their scores."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="psfs_activities"
    )
    name = models.CharField(max_length=PSFS_NAME_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "PSFS activity"
        verbose_name_plural = "PSFS activities"
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="psfs_activity_named")]

    def __str__(self) -> str:
        return self.name


class PsfsRating(models.Model):
    """One sitting of the scale: a score for each activity that was active at the time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="psfs_ratings"
    )
    rated_at = models.DateTimeField()

    class Meta:
        ordering = ["rated_at", "id"]
        indexes = [models.Index(fields=["user", "rated_at"], name="journal_psfs_user_time")]

    def __str__(self) -> str:
        return f"PSFS rating at {self.rated_at:%Y-%m-%d}"


class PsfsScore(models.Model):
    rating = models.ForeignKey(PsfsRating, on_delete=models.CASCADE, related_name="scores")
    activity = models.ForeignKey(PsfsActivity, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rating", "activity"], name="psfs_score_once"),
            models.CheckConstraint(condition=_between("score", 0, 10), name="psfs_score_0_10"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.score}/10"
