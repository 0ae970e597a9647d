"""The Patient-Specific Functional Scale pages, and the PSFS parts of other journal pages."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from backpain.decorators import login_required

from . import psfs
from .models import PSFS_MAX_ACTIVITIES, PsfsActivity, PsfsRating, PsfsScore
from .psfs_forms import ActivityForm, RatingForm


@dataclass
class Sitting:
    day: date
    scores: dict[int, int]
    average: float | None
    cells: list = field(default_factory=list)  # scores in the order of `Progress.activities`


@dataclass
class ActivityLine:
    activity: PsfsActivity
    first: int | None
    latest: int | None


@dataclass
class Progress:
    activities: list[PsfsActivity]
    active: list[PsfsActivity]
    sittings: list[Sitting]
    since_first: psfs.Change | None
    since_previous: psfs.Change | None
    lines: list[ActivityLine]
    due: bool
    next_due: date | None
    source: str = psfs.SOURCE

    @property
    def first(self) -> Sitting | None:
        return self.sittings[0] if self.sittings else None

    @property
    def latest(self) -> Sitting | None:
        return self.sittings[-1] if self.sittings else None

    @property
    def used(self) -> bool:
        return bool(self.activities)


def progress(user) -> Progress:
    """Everything the PSFS pages, trends and the summary show, in three queries."""
    activities = list(PsfsActivity.objects.filter(user=user))
    ratings = PsfsRating.objects.filter(user=user).prefetch_related("scores")
    sittings = []
    for rating in ratings:
        scores = {score.activity_id: score.score for score in rating.scores.all()}
        day = timezone.localtime(rating.rated_at).date()
        sitting = Sitting(day, scores, psfs.average(scores))
        sitting.cells = [scores.get(a.pk) for a in activities]
        sittings.append(sitting)
    active = [a for a in activities if a.retired_at is None]
    first = sittings[0] if sittings else None
    latest = sittings[-1] if sittings else None
    last_day = latest.day if latest else None
    return Progress(
        activities=activities,
        active=active,
        sittings=sittings,
        since_first=psfs.change(first.scores, latest.scores) if len(sittings) > 1 else None,
        since_previous=(
            psfs.change(sittings[-2].scores, latest.scores) if len(sittings) > 2 else None
        ),
        lines=[
            ActivityLine(
                a,
                next((s.scores[a.pk] for s in sittings if a.pk in s.scores), None),
                next((s.scores[a.pk] for s in reversed(sittings) if a.pk in s.scores), None),
            )
            for a in activities
        ],
        due=psfs.is_due(last_day, timezone.localdate(), bool(active)),
        next_due=psfs.next_due(last_day),
    )


def due_prompt(user) -> bool:
    """Whether the journal should ask for a new rating now (two queries)."""
    active = PsfsActivity.objects.filter(user=user, retired_at__isnull=True).exists()
    if not active:
        return False
    last = PsfsRating.objects.filter(user=user).order_by("-rated_at").first()
    last_day = timezone.localtime(last.rated_at).date() if last else None
    return psfs.is_due(last_day, timezone.localdate(), active)


def _get_activity_for_user(user, pk: int) -> PsfsActivity:
    return get_object_or_404(PsfsActivity, user=user, pk=pk)


def _page(request: HttpRequest, form: ActivityForm | None = None) -> HttpResponse:
    context = {
        "progress": progress(request.user),
        "form": form or ActivityForm(),
        "max_activities": PSFS_MAX_ACTIVITIES,
    }
    return render(request, "journal/psfs.html", context)


@login_required
def psfs_page(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@login_required
def activity_add(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(request.POST)
    if form.is_valid():
        active = PsfsActivity.objects.filter(user=request.user, retired_at__isnull=True)
        if active.count() >= PSFS_MAX_ACTIVITIES:
            form.add_error(
                "name",
                f"You already have {PSFS_MAX_ACTIVITIES} activities: retire one to add another.",
            )
        else:
            PsfsActivity.objects.create(user=request.user, name=form.cleaned_data["name"])
            messages.success(request, f"Added “{form.cleaned_data['name']}”.")
            return redirect("journal:psfs")
    return _page(request, form)


@require_POST
@login_required
def activity_retire(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _get_activity_for_user(request.user, pk)
    if activity.retired_at is None:
        activity.retired_at = timezone.now()
        activity.save(update_fields=["retired_at"])
    messages.success(request, f"Retired “{activity.name}”; its past scores stay in your history.")
    return redirect("journal:psfs")


@login_required
def rate(request: HttpRequest) -> HttpResponse:
    active = PsfsActivity.objects.filter(user=request.user, retired_at__isnull=True)
    form = RatingForm(request.POST or None, activities=active)
    if not form.activities:
        messages.info(request, "First name the activities your back makes hard.")
        return redirect("journal:psfs")
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            rating = PsfsRating.objects.create(user=request.user, rated_at=timezone.now())
            PsfsScore.objects.bulk_create(
                PsfsScore(rating=rating, activity_id=pk, score=score)
                for pk, score in form.scores().items()
            )
        average = psfs.average(form.scores())
        messages.success(request, f"Saved: your average is {average:.1f} out of 10.")
        return redirect("journal:psfs")
    return render(request, "journal/psfs_rate.html", {"form": form})
