import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, email):
        # Addresses are stored in lower case; people type them in any case.
        return self.get(email__iexact=email)

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


def time_zone_choices() -> list[tuple[str, str]]:
    # Read at run time, not stored in migrations: the list changes with the tz database.
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"{value} is not a time zone we know. Pick one from the list.")


class User(AbstractUser):
    class Units(models.TextChoices):
        KG = "kg", "Kilograms (kg)"
        LB = "lb", "Pounds (lb)"

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=80, blank=True)
    time_zone = models.CharField(
        max_length=64, default="Europe/London", validators=[validate_time_zone]
    )
    units = models.CharField(max_length=2, choices=Units, default=Units.KG)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return self.display_name or self.email


class HealthDataRead(models.Model):
    """A superuser looked at someone's health data in the admin (see backpain/audit.py)."""

    class View(models.TextChoices):
        LIST = "list", "List"
        DETAIL = "detail", "Detail"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The reader's email stays when their account goes: it is the record of a staff action.
    reader = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    reader_email = models.EmailField()
    subject = models.ForeignKey(User, on_delete=models.CASCADE, related_name="health_data_reads")
    model = models.CharField(max_length=100)
    view = models.CharField(max_length=8, choices=View)
    object_ids = models.JSONField(default=list)
    path = models.CharField(max_length=500)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "health data read"

    def __str__(self) -> str:
        return f"{self.reader_email} read {self.model} ({self.get_view_display()})"
