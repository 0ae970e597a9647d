from django.conf import settings
from django.db import models


class Exercise(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    purpose = models.CharField(max_length=240)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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
