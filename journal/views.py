import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from backpain.decorators import login_required
from guidance.checklist_questions import LEVEL_INFO
from guidance.models import CheckResult, Exercise, RoutineItem

from . import charts, psfs_views, queries, stats
from .export import entries_csv, entry_from_dict, entry_to_dict, user_data_json, workouts_csv
from .forms import (
    MAX_EXERCISES,
    EntryForm,
    FilterForm,
    NextMorningForm,
    PeriodForm,
    QuickLogForm,
    WorkoutExerciseFormSet,
    WorkoutForm,
    exercise_initial,
)
from .models import (
    DismissedPrompt,
    Entry,
    EntryTag,
    Region,
    TagKind,
    Workout,
    WorkoutExercise,
)
from .progress import Progress
from .progress import progress as progress_verdict
from .units import format_load

PAGE_SIZE = 20
UNDO_SECONDS = 120
MONITOR_DAYS = 16 * 7
PROMPT_KEY = re.compile(r"^[a-z0-9-]{1,80}$")
QUICK_IDS = "quick-%s"  # the quick log's ids never clash with an inline edit form's


def _get_entry_for_user(user, pk: int) -> Entry:
    return get_object_or_404(Entry.objects.for_user(user).with_tags(), pk=pk)


def _lock_entry_for_user(user, pk: int) -> Entry:
    """Inside a transaction: the entry, locked until it ends, so that an edit or delete that
    waited for another request's delete finds it gone (404) rather than writing it back."""
    return get_object_or_404(Entry.objects.for_user(user).select_for_update().with_tags(), pk=pk)


def _get_workout_for_user(user, pk: int) -> Workout:
    return get_object_or_404(Workout.objects.for_user(user).with_exercises(), pk=pk)


def _entry_tags(entry: Entry, data: dict) -> list[EntryTag]:
    groups = {
        TagKind.REGION: data["regions"],
        TagKind.QUALITY: data["qualities"],
        TagKind.ACTIVITY: data["activities"],
        TagKind.TRIGGER: data["triggers"],
        TagKind.RELIEVER: data["relievers"],
    }
    return [
        EntryTag(entry=entry, kind=kind, value=value)
        for kind, values in groups.items()
        for value in values
    ]


ENTRY_FIELDS = [
    "occurred_at",
    "pain",
    "medication",
    "medication_dose",
    "medication_helped",
    "sleep_hours",
    "woken_by_pain",
    "interference",
    "mood",
    "new_symptoms",
    "notes",
]


@transaction.atomic
def _save_entry(entry: Entry, data: dict) -> Entry:
    for name in ENTRY_FIELDS:
        setattr(entry, name, data[name])
    entry.save()
    entry.tags.all().delete()
    EntryTag.objects.bulk_create(_entry_tags(entry, data))
    # Fresh prefetch so the row shows the new tags.
    return Entry.objects.with_tags().get(pk=entry.pk)


def _entry_initial(entry: Entry) -> dict:
    return {
        **{name: getattr(entry, name) for name in ENTRY_FIELDS},
        "occurred_at": timezone.localtime(entry.occurred_at),
        "regions": entry.regions,
        "qualities": entry.qualities,
        "activities": entry.activities,
        "triggers": entry.triggers,
        "relievers": entry.relievers,
    }


def _now_local():
    return timezone.localtime().replace(second=0, microsecond=0)


def _filtered_entries(user, form: FilterForm):
    entries = Entry.objects.for_user(user)
    if not form.is_valid():
        return entries
    data = form.cleaned_data
    entries = entries.filter(queries.period_filter("occurred_at", data["start"], data["end"]))
    if data["region"]:
        entries = entries.filter(tags__kind=TagKind.REGION, tags__value=data["region"])
    if data["tag"]:
        tag = " ".join(data["tag"].split()).lower()
        entries = entries.filter(tags__kind__in=[k for k in TagKind.values], tags__value=tag)
    return entries.distinct() if data["region"] or data["tag"] else entries


def _facts(entry: Entry) -> stats.EntryFacts:
    """What the red-flag check reads: regions, notes and the activity and trigger tags."""
    return stats.EntryFacts(
        entry.pk,
        timezone.localtime(entry.occurred_at).date(),
        frozenset(entry.regions),
        " ".join([entry.notes, *entry.activities, *entry.triggers]),
        frozenset(entry.qualities),
        frozenset(entry.new_symptoms),
    )


def _recent_facts(user, since) -> list[stats.EntryFacts]:
    """`_facts` of every entry since then, from two flat queries (no model instances)."""
    entries = list(
        Entry.objects.for_user(user)
        .filter(occurred_at__gte=since)
        .values_list("pk", "occurred_at", "notes", "new_symptoms")
    )
    tags: dict[int, dict[str, list[str]]] = {pk: defaultdict(list) for pk, *_ in entries}
    rows = EntryTag.objects.filter(entry__user=user, entry__occurred_at__gte=since).values_list(
        "entry_id", "kind", "value"
    )
    for entry_id, kind, value in rows:
        if entry_id in tags:  # not an entry added since the first query
            tags[entry_id][kind].append(value)
    return [
        stats.EntryFacts(
            pk,
            timezone.localtime(occurred_at).date(),
            frozenset(tags[pk][TagKind.REGION]),
            " ".join([notes, *tags[pk][TagKind.ACTIVITY], *tags[pk][TagKind.TRIGGER]]),
            frozenset(tags[pk][TagKind.QUALITY]),
            frozenset(new_symptoms),
        )
        for pk, occurred_at, notes, new_symptoms in entries
    ]


def _prompts(request: HttpRequest) -> tuple[list[stats.Prompt], Progress]:
    """The prompts to show, and the progress verdict from the same daily sums."""
    user = request.user
    today = timezone.localdate()
    start = today - timedelta(days=MONITOR_DAYS)
    days = queries.daily(user, start, today)
    facts = _recent_facts(user, queries.local_start(today - timedelta(days=14)))
    dismissed = set(DismissedPrompt.objects.filter(user=user).values_list("key", flat=True))
    prompts = stats.help_prompts(days, today, facts, window_start=start)
    return [p for p in prompts if p.key not in dismissed], progress_verdict(days, today)


def _awaiting_next_morning(user):
    today = timezone.localdate()
    workouts = list(
        Workout.objects.for_user(user)
        .filter(
            pain_next_morning__isnull=True,
            started_at__gte=queries.local_start(today - timedelta(days=3)),
            started_at__lt=queries.local_start(today),
        )
        .order_by("-started_at")[:5]
    )
    for workout in workouts:
        # The same 0-10 scale as every other pain question, with ids of its own per workout.
        workout.next_form = _next_morning_form(workout)
    return workouts


def _next_morning_form(workout, data=None) -> NextMorningForm:
    return NextMorningForm(data, auto_id=f"next-{workout.pk}-%s")


def _last_region(page, filtered: bool) -> str:
    """The newest entry's region, so logging the same place again is a single tap.

    Read from the page already loaded (tags prefetched): no extra query.
    """
    if filtered or page.number != 1 or not page.object_list:
        return ""
    regions = page.object_list[0].regions
    return regions[0] if regions else ""


@login_required
def index(request: HttpRequest) -> HttpResponse:
    # The filters stay in the query string, though a region or tag is health data that an
    # access log could record: a filtered list is then a real URL (bookmark, back button, the
    # pager's links and htmx's history) and works without JavaScript, which POST or session
    # state would lose. The exposure is kept small instead: gunicorn as the README runs it
    # writes no access log, Referrer-Policy same-origin keeps the query from other sites, and
    # the response is no-store; a proxy in front should log the path without the query.
    filter_form = FilterForm(request.GET or None)
    entries = _filtered_entries(request.user, filter_form).with_tags()
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)  # evaluated once, with its tags
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "filter_form": filter_form,
        "filters_active": filter_form.is_bound
        and filter_form.is_valid()
        and any(filter_form.cleaned_data.values()),
        "query": query.urlencode(),
        "units": request.user.units,
    }
    if request.htmx and request.GET.get("page"):
        return render(request, "journal/index.html#entry-page", context)
    prompts, verdict = _prompts(request)
    last_region = _last_region(page, context["filters_active"])
    context.update(
        verdict=verdict,
        quick_form=QuickLogForm(auto_id=QUICK_IDS),
        last_region=last_region,
        last_region_label=Region(last_region).label if last_region in Region.values else "",
        urgent_prompts=[p for p in prompts if p.urgent],
        other_prompts=[p for p in prompts if not p.urgent],
        awaiting=_awaiting_next_morning(request.user),
        psfs_due=psfs_views.due_prompt(request.user),
        undo=_pop_undo(request),
    )
    return render(request, "journal/index.html", context)


@require_POST
@login_required
def quick_log(request: HttpRequest) -> HttpResponse:
    form = QuickLogForm(request.POST, auto_id=QUICK_IDS)
    if not form.is_valid():
        if request.htmx:
            response = render(request, "journal/index.html#quick-errors", {"quick_form": form})
            return reswap(retarget(response, "#quick-errors"), "outerHTML")
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("journal:index")
    with transaction.atomic():
        entry = Entry.objects.create(
            user=request.user, occurred_at=timezone.now(), pain=form.cleaned_data["pain"]
        )
        if region := form.cleaned_data["region"]:
            EntryTag.objects.create(entry=entry, kind=TagKind.REGION, value=region)
    entry = Entry.objects.with_tags().get(pk=entry.pk)
    status = f"Saved: pain {entry.pain} out of 10" + (
        f", {entry.region_labels[0].lower()}" if entry.region_labels else ""
    )
    if request.htmx:
        return render(
            request,
            "journal/index.html#quick-saved",
            {
                "entry": entry,
                "status": status,
                "quick_form": QuickLogForm(auto_id=QUICK_IDS),
                "count": Entry.objects.for_user(request.user).count(),
            },
        )
    messages.success(request, status + ".")
    return redirect("journal:index")


def _tag_context(user) -> dict:
    used = queries.tag_suggestions(user)
    return {
        "suggestions": {
            "activities": used[TagKind.ACTIVITY],
            "triggers": used[TagKind.TRIGGER],
            "relievers": used[TagKind.RELIEVER],
        }
    }


@login_required
def entry_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            entry = _save_entry(Entry(user=request.user), form.cleaned_data)
            messages.success(request, f"Entry saved: pain {entry.pain} out of 10.")
            return redirect("journal:index")
    else:
        form = EntryForm(initial={"occurred_at": _now_local()})
    return render(
        request,
        "journal/entry_form.html",
        {"form": form, "entry": None, **_tag_context(request.user)},
    )


@login_required
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _get_entry_for_user(request.user, pk)
    if request.htmx:
        return render(request, "journal/_entry.html", {"entry": entry})
    return render(request, "journal/entry_detail.html", {"entry": entry})


@login_required
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _get_entry_for_user(request.user, pk)
    # Inline forms get their own ids, so they never clash with the quick-log form's.
    auto_id = f"entry{pk}-%s" if request.htmx else "id_%s"
    if request.method == "POST":
        form = EntryForm(request.POST, auto_id=auto_id)
        if form.is_valid():
            with transaction.atomic():
                entry = _save_entry(_lock_entry_for_user(request.user, pk), form.cleaned_data)
            if request.htmx:
                # The journal page would raise a red-flag prompt on reload: say it now.
                context = {
                    "entry": entry,
                    "status": "Entry updated.",
                    "red_flags": stats.red_flags(_facts(entry)),
                }
                return render(request, "journal/_entry.html", context)
            messages.success(request, "Entry updated.")
            return redirect("journal:index")
    else:
        form = EntryForm(initial=_entry_initial(entry), auto_id=auto_id)
    context = {"form": form, "entry": entry, **_tag_context(request.user)}
    if request.htmx:
        # htmx focuses an autofocus element it swaps in: keyboard users land in the form.
        form.fields["pain"].widget.attrs["autofocus"] = True
        return render(request, "journal/entry_form.html#inline-form", context)
    return render(request, "journal/entry_form.html", context)


def _undo_token(request: HttpRequest, entry: Entry) -> str:
    # The id goes with the entry: restoring under it makes a replayed token a no-op.
    data = {**entry_to_dict(entry), "pk": entry.pk}
    return signing.dumps(data, salt=f"journal-undo-{request.user.pk}")


def _pop_undo(request: HttpRequest) -> str | None:
    return request.session.pop("journal_undo", None)


@login_required
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _get_entry_for_user(request.user, pk)
    if request.method != "POST":
        return render(request, "journal/entry_confirm_delete.html", {"entry": entry})
    with transaction.atomic():
        entry = _lock_entry_for_user(request.user, pk)
        token = _undo_token(request, entry)
        entry.delete()
    if request.htmx:
        count = Entry.objects.for_user(request.user).count()
        context = {"token": token, "pk": pk, "count": count}
        return render(request, "journal/_entry_deleted.html", context)
    request.session["journal_undo"] = token
    messages.success(request, "Entry deleted.")
    return redirect("journal:index")


@require_POST
@login_required
def entry_restore(request: HttpRequest) -> HttpResponse:
    try:
        data = signing.loads(
            request.POST.get("token", ""),
            salt=f"journal-undo-{request.user.pk}",
            max_age=UNDO_SECONDS,
        )
    except signing.SignatureExpired:
        messages.error(request, "Too late to undo: the deleted entry is gone.")
        return redirect("journal:index")
    except signing.BadSignature:
        raise Http404("No such deleted entry.") from None
    pk = data.get("pk")
    try:
        with transaction.atomic():
            pk = entry_from_dict(request.user, data, pk=pk).pk
    except IntegrityError:
        # An earlier POST of this token (a double tap, a replay) has restored it already;
        # ids are never reused, so the row under this id is that restored entry.
        pass
    entry = _get_entry_for_user(request.user, pk)
    if request.htmx:
        count = Entry.objects.for_user(request.user).count()
        context = {"entry": entry, "status": "Entry restored.", "count": count}
        return render(request, "journal/_entry_restored.html", context)
    messages.success(request, "Entry restored.")
    return redirect("journal:index")


@require_POST
@login_required
def dismiss_prompt(request: HttpRequest, key: str) -> HttpResponse:
    if not PROMPT_KEY.match(key):
        raise Http404("No such prompt.")
    DismissedPrompt.objects.get_or_create(user=request.user, key=key)
    if request.htmx:
        return HttpResponse("")
    messages.success(request, "Prompt dismissed.")
    return redirect("journal:index")


# Workouts ------------------------------------------------------------------------------


def _exercise_choices() -> list[tuple[int, str]]:
    return list(Exercise.objects.order_by("name").values_list("id", "name"))


def _routine_rows(user) -> list[dict]:
    items = RoutineItem.objects.for_user(user).select_related("exercise")
    return [{"exercise": item.exercise_id, "name": item.exercise.name} for item in items]


def _with_a_row_added(form: WorkoutForm, formset) -> tuple[WorkoutForm, object]:
    """The posted workout unsaved and unvalidated (no errors for a half-filled form), shown
    again with one more empty exercise row: how rows are added without JavaScript."""
    values = {name: form[name].value() for name in form.fields}
    rows = [{name: row[name].value() for name in row.fields} for row in formset.forms]
    grown = WorkoutExerciseFormSet(prefix="ex", form_kwargs=formset.form_kwargs, initial=rows)
    grown.extra = 1 if len(rows) < MAX_EXERCISES else 0
    return WorkoutForm(initial=values), grown


def _workout_forms(request: HttpRequest, workout: Workout | None):
    kwargs = {"exercise_choices": _exercise_choices(), "units": request.user.units}
    if request.method == "POST":
        form = WorkoutForm(request.POST)
        formset = WorkoutExerciseFormSet(request.POST, prefix="ex", form_kwargs=kwargs)
    elif workout is None:
        routine = _routine_rows(request.user) if request.GET.get("from") == "routine" else []
        form = WorkoutForm(initial={"started_at": _now_local()})
        formset = WorkoutExerciseFormSet(
            prefix="ex", form_kwargs=kwargs, initial=routine[:MAX_EXERCISES]
        )
    else:
        form = WorkoutForm(
            initial={
                "started_at": timezone.localtime(workout.started_at),
                **{
                    name: getattr(workout, name)
                    for name in ("pain_before", "pain_during", "pain_after", "pain_next_morning")
                },
                "notes": workout.notes,
            }
        )
        formset = WorkoutExerciseFormSet(
            prefix="ex",
            form_kwargs=kwargs,
            initial=exercise_initial(workout.exercises.all(), request.user.units),
        )
    return form, formset


@transaction.atomic
def _save_workout(workout: Workout, data: dict, exercises: list[dict]) -> Workout:
    for name in ("started_at", "pain_before", "pain_during", "pain_after", "pain_next_morning"):
        setattr(workout, name, data[name])
    workout.notes = data["notes"]
    workout.save()
    workout.exercises.all().delete()
    WorkoutExercise.objects.bulk_create(
        WorkoutExercise(
            workout=workout,
            exercise_id=row["exercise"],
            name=row["name"],
            sets=row["sets"],
            reps=row["reps"],
            load_kg=row["load_kg"],
            effort_kind=row["effort_kind"],
            effort=row["effort"],
            position=position,
        )
        for position, row in enumerate(exercises)
    )
    return workout


def _workout_form_view(request: HttpRequest, workout: Workout | None) -> HttpResponse:
    form, formset = _workout_forms(request, workout)
    if request.method == "POST" and "add_row" in request.POST:
        form, formset = _with_a_row_added(form, formset)
    elif request.method == "POST" and form.is_valid() and formset.is_valid():
        saved = _save_workout(
            workout or Workout(user=request.user), form.cleaned_data, formset.exercises()
        )
        messages.success(request, "Workout saved." if workout is None else "Workout updated.")
        return redirect("journal:workout", pk=saved.pk)
    return render(
        request,
        "journal/workout_form.html",
        {
            "form": form,
            "formset": formset,
            "workout": workout,
            "units": request.user.units,
            "max_exercises": MAX_EXERCISES,
            "routine_count": RoutineItem.objects.for_user(request.user).count(),
        },
    )


@login_required
def workout_new(request: HttpRequest) -> HttpResponse:
    return _workout_form_view(request, None)


@login_required
def workout_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _workout_form_view(request, _get_workout_for_user(request.user, pk))


def _with_loads(workouts, units: str):
    for workout in workouts:
        for row in workout.exercises.all():
            row.load_display = format_load(row.load_kg, units)
    return workouts


@login_required
def workout_list(request: HttpRequest) -> HttpResponse:
    workouts = Workout.objects.for_user(request.user).with_exercises()
    page = Paginator(workouts, PAGE_SIZE).get_page(request.GET.get("page"))
    _with_loads(page.object_list, request.user.units)
    return render(request, "journal/workout_list.html", {"page": page})


@login_required
def workout_detail(request: HttpRequest, pk: int) -> HttpResponse:
    workout = _get_workout_for_user(request.user, pk)
    _with_loads([workout], request.user.units)
    return render(
        request,
        "journal/workout_detail.html",
        {"workout": workout, "next_form": _next_morning_form(workout)},
    )


@login_required
def workout_delete(request: HttpRequest, pk: int) -> HttpResponse:
    workout = _get_workout_for_user(request.user, pk)
    if request.method != "POST":
        return render(request, "journal/workout_confirm_delete.html", {"workout": workout})
    workout.delete()
    messages.success(request, "Workout deleted.")
    return redirect("journal:workouts")


@require_POST
@login_required
def workout_next_morning(request: HttpRequest, pk: int) -> HttpResponse:
    workout = _get_workout_for_user(request.user, pk)
    form = _next_morning_form(workout, request.POST)
    if form.is_valid():
        workout.pain_next_morning = form.cleaned_data["pain_next_morning"]
        workout.save(update_fields=["pain_next_morning", "updated_at"])
        if request.htmx:
            return render(request, "journal/index.html#next-morning-saved", {"workout": workout})
        messages.success(request, "Next-morning pain saved.")
        return redirect("journal:index")
    if request.htmx:
        workout.next_form = form
        return render(request, "journal/index.html#next-morning", {"workout": workout})
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("journal:index")


# Trends, triggers, summary ---------------------------------------------------------------


def _period(request: HttpRequest, default_days: int) -> tuple[date, date, PeriodForm]:
    today = timezone.localdate()
    form = PeriodForm(request.GET or None)
    start, end = today - timedelta(days=default_days - 1), today
    if form.is_bound and form.is_valid():
        end = form.cleaned_data["end"] or end
        start = form.cleaned_data["start"] or (end - timedelta(days=default_days - 1))
    return start, end, form


def _from_first_entry(days, start: date, form: PeriodForm) -> date:
    """Unless the person chose a start, the period starts at the first entry: no empty month."""
    chosen = form.is_bound and form.is_valid() and form.cleaned_data["start"]
    return start if chosen or not days else days[0].day


def _verdict(user, end: date) -> Progress:
    """The same verdict as the journal page, as of the period's last day."""
    return progress_verdict(queries.daily(user, end - timedelta(days=20), end), end)


@login_required
def trends(request: HttpRequest) -> HttpResponse:
    start, end, form = _period(request, 90)
    days = queries.daily(request.user, start, end)
    start = _from_first_entry(days, start, form)
    weeks = stats.weekly_averages(days)
    workouts = list(
        Workout.objects.for_user(request.user)
        .filter(queries.period_filter("started_at", start, end))
        .order_by("-started_at")[:20]
    )[::-1]
    return render(
        request,
        "journal/trends.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "days": days,
            "weeks": weeks,
            "summary": stats.summary_numbers(days),
            "line": charts.pain_over_time(days, weeks, start, end),
            "daily_rows": charts.daily_rows(days),
            "bars": charts.workout_bars(workouts),
            "calendar": charts.calendar(days, start, end),
            "workouts": workouts,
            "progress": psfs_views.progress(request.user),
            "verdict": _verdict(request.user, end),
        },
    )


def _label(kind: str, value: str) -> str:
    if kind == TagKind.REGION and value in Region.values:
        return Region(value).label
    return value


@login_required
def triggers(request: HttpRequest) -> HttpResponse:
    start, end, form = _period(request, 365)
    total_count, total_sum = queries.totals(request.user, start, end)
    found = stats.associations(queries.tag_rows(request.user, start, end), total_count, total_sum)
    effects = queries.exercise_effects(request.user, start, end)
    units = request.user.units
    for effect in effects:
        effect.rose_display = format_load(effect.pain_rose_at, units)
        effect.comfortable_display = format_load(effect.comfortable_up_to, units)
        for load in effect.loads:
            load.display = format_load(load.load_kg, units)
    return render(
        request,
        "journal/triggers.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "total_count": total_count,
            "overall": total_sum / total_count if total_count else None,
            "ranked": [a for a in found if a.enough_data],
            "too_few": [a for a in found if not a.enough_data],
            "effects": effects,
            "min_entries": stats.MIN_ENTRIES,
        },
    )


@login_required
def summary(request: HttpRequest) -> HttpResponse:
    start, end, form = _period(request, 90)
    user = request.user
    days = queries.daily(user, start, end)
    start = _from_first_entry(days, start, form)
    weeks = stats.weekly_averages(days)
    total_count, total_sum = queries.totals(user, start, end)
    rows = queries.tag_rows(
        user,
        start,
        end,
        kinds=[TagKind.REGION, TagKind.TRIGGER, TagKind.RELIEVER, TagKind.ACTIVITY],
    )
    regions = sorted(
        ((Region(value).label, n) for kind, value, n, _ in rows if kind == TagKind.REGION),
        key=lambda item: -item[1],
    )
    found = [
        a
        for a in stats.associations(
            [row for row in rows if row[0] != TagKind.REGION], total_count, total_sum
        )
        if a.enough_data
    ]
    check = CheckResult.objects.for_user(user).first()
    return render(
        request,
        "journal/summary.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "numbers": stats.summary_numbers(days),
            "weeks": weeks,
            "line": charts.pain_over_time(days, weeks, start, end),
            "regions": regions,
            "worse": [a for a in found if a.direction == "higher"][:6],
            "better": [a for a in found if a.direction == "lower"][:6],
            "medications": queries.medications(user, start, end),
            "check": check,
            # The level's plain title, never its code.
            "check_title": LEVEL_INFO[check.level].title if check else "",
            "verdict": _verdict(user, end),
            "progress": psfs_views.progress(user),
        },
    )


# Exports ---------------------------------------------------------------------------------


def _download(chunks: Iterator[str], content_type: str, name: str) -> StreamingHttpResponse:
    # Streamed: the first bytes leave at once and no export is ever whole in memory.
    response = StreamingHttpResponse(chunks, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{stamp}.{name_ext(content_type)}"'
    )
    return response


def name_ext(content_type: str) -> str:
    return "json" if "json" in content_type else "csv"


@login_required
def export_page(request: HttpRequest) -> HttpResponse:
    return render(request, "journal/export.html")


@login_required
def export_json(request: HttpRequest) -> HttpResponse:
    content_type = "application/json; charset=utf-8"
    return _download(user_data_json(request.user), content_type, "pain-journal")


@login_required
def export_entries_csv(request: HttpRequest) -> HttpResponse:
    return _download(entries_csv(request.user), "text/csv; charset=utf-8", "pain-journal-entries")


@login_required
def export_workouts_csv(request: HttpRequest) -> HttpResponse:
    return _download(workouts_csv(request.user), "text/csv; charset=utf-8", "pain-journal-workouts")
