from datetime import UTC, datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from journal.reminder_mail import send_due


def _aware(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--now: {error}; use ISO 8601, e.g. 2026-03-02T08:05Z") from None
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = (
        "Send the reminder emails that are due now, in each person's own time zone. Run it "
        "every 15 minutes (cron or a systemd timer); running it again sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            type=_aware,
            help="Pretend it is this moment (ISO 8601; UTC if no offset is given).",
        )
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="The site's address for links in the mails (default: SITE_URL).",
        )

    def handle(self, *args, now=None, base_url, **options):
        sent = send_due(now or timezone.now(), base_url)
        self.stdout.write(f"Sent {sent} reminder mail{'s' if sent != 1 else ''}.")
