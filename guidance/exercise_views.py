from django.contrib import messages
from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from backpain.decorators import login_required
from backpain.page_cache import public_page

from .exercise_forms import DEFAULT_SORT, SORTS, ExerciseFilterForm, RoutineNotesForm
from .exercises_path import (
    REASONS,
    reason_exercise_slugs,
    reasons_with_exercises,
    stages_with_exercises,
)
from .models import Exercise, RoutineItem, Source

PAGE_SIZE = 24

# The session timer's rests. No source on these pages gives rest times: they are coaching
# practice, and the page says so. Loaded lifts (stage 3) get a longer rest between sets.
RELAX_BETWEEN_HOLDS = 5
REST_BETWEEN_SETS = 60
REST_BETWEEN_LOADED_SETS = 120


def _is_fragment_request(request: HttpRequest) -> bool:
    # htmx asks for the whole page when it restores history it has no snapshot for.
    return bool(request.htmx) and not request.htmx.history_restore_request


@vary_on_headers("HX-Request")
@public_page()
def exercise_list(request: HttpRequest) -> HttpResponse:
    form = ExerciseFilterForm(request.GET)
    filters = form.filters()
    order_by = SORTS[filters.get("sort", DEFAULT_SORT)][1]
    exercises = Exercise.objects.cards().browse(filters, order_by)
    page = Paginator(exercises, PAGE_SIZE).get_page(request.GET.get("page"))
    saved_ids = set()
    if request.user.is_authenticated:
        saved_ids = set(
            RoutineItem.objects.for_user(request.user)
            .filter(exercise__in=[exercise.pk for exercise in page.object_list])
            .values_list("exercise_id", flat=True)
        )
    context = {
        "form": form,
        "page": page,
        "saved_ids": saved_ids,
        "filtered": any(name != "sort" for name in filters),
        "filters_in_use": sum(name not in ("q", "sort") for name in filters),
        "default_sort": DEFAULT_SORT,
        # On a phone the filters fold away; they open when one is in use, or could not be used.
        "filters_open": any(name not in ("q", "sort") for name in filters)
        or filters.get("sort", DEFAULT_SORT) != DEFAULT_SORT
        or any(name != "q" for name in form.errors),
        "fragment": _is_fragment_request(request),
    }
    template = "guidance/exercise_list.html"
    if context["fragment"]:
        template += "#results"
    return render(request, template, context)


def _get_exercise(slug: str) -> Exercise:
    variations = Exercise.objects.only("slug", "name", "difficulty").order_by("difficulty", "name")
    try:
        return (
            Exercise.objects.select_related("dose_source")
            .prefetch_related(
                "sources",
                Prefetch("harder_variations", queryset=variations),
                Prefetch("easier_variations", queryset=variations),
            )
            .get(slug=slug)
        )
    except Exercise.DoesNotExist:
        raise Http404("No exercise has that address.") from None


def _routine_item_for(user, exercise: Exercise) -> RoutineItem | None:
    if not user.is_authenticated:
        return None
    return RoutineItem.objects.for_user(user).filter(exercise=exercise).first()


@public_page()
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = _get_exercise(slug)
    context = {
        "exercise": exercise,
        "routine_item": _routine_item_for(request.user, exercise),
        "has_timer": bool(exercise.hold_seconds or exercise.reps),
        "relax_seconds": RELAX_BETWEEN_HOLDS,
        "rest_seconds": REST_BETWEEN_LOADED_SETS if exercise.stage >= 3 else REST_BETWEEN_SETS,
    }
    return render(request, "guidance/exercise_detail.html", context)


@public_page()
def path_page(request: HttpRequest) -> HttpResponse:
    exercises = Exercise.objects.cards().order_by("stage", *SORTS[DEFAULT_SORT][1])
    return render(request, "guidance/path.html", {"stages": stages_with_exercises(exercises)})


@public_page()
def why_lifting_hurts(request: HttpRequest) -> HttpResponse:
    exercises = Exercise.objects.cards().filter(slug__in=reason_exercise_slugs())
    return render(
        request,
        "guidance/why_lifting_hurts.html",
        {"reasons": reasons_with_exercises(exercises), "reason_count": len(REASONS)},
    )


# My routine ------------------------------------------------------------------------------


def _routine_items(user):
    return RoutineItem.objects.for_user(user).select_related("exercise__dose_source")


def _locked_routine(user):
    """Inside a transaction: the person's routine rows, locked until it ends on PostgreSQL (their
    own rows only, never the exercises they join). On SQLite an IMMEDIATE transaction already
    holds the write lock."""
    return RoutineItem.objects.for_user(user).select_for_update(of=("self",))


def _get_routine_item_for_user(user, item_id: int, lock: bool = False) -> RoutineItem:
    items = _routine_items(user)
    if lock:
        items = items.select_for_update(of=("self",))
    try:
        return items.get(pk=item_id)
    except RoutineItem.DoesNotExist:
        raise Http404("That is not in your routine.") from None


def _render_routine(request: HttpRequest, status: str = "", invalid=None, code: int = 200):
    """`invalid` is an unsaved notes form, shown with its errors and what was typed."""
    items = list(_routine_items(request.user))
    for item in items:
        item.notes_input, item.note_errors = item.notes, []
        if invalid is not None and invalid.instance.pk == item.pk:
            item.notes_input = invalid.data.get("notes", "")
            item.note_errors = invalid.errors["notes"]
    context = {
        "items": items,
        "status": status,
        "sources": Source.objects.filter(slug__in=["nhs-inform-back-exercises", "nhs-back-pain"]),
    }
    template = "guidance/routine.html"
    if _is_fragment_request(request):
        template += "#routine"
    return render(request, template, context, status=code)


def _render_routine_button(request, exercise, routine_item, status: str) -> HttpResponse:
    context = {"exercise": exercise, "routine_item": routine_item, "status": status}
    return render(request, "guidance/exercise_detail.html#routine-button", context)


@vary_on_headers("HX-Request")
@login_required
def routine(request: HttpRequest) -> HttpResponse:
    return _render_routine(request)


@require_POST
@login_required
def routine_add(request: HttpRequest) -> HttpResponse:
    slug = request.POST.get("exercise", "")
    if not slug_re.fullmatch(slug):  # e.g. a NUL byte, which PostgreSQL refuses outright
        raise Http404("No exercise has that address.")
    try:
        exercise = Exercise.objects.only("slug", "name").get(slug=slug)
    except Exercise.DoesNotExist:
        raise Http404("No exercise has that address.") from None
    with transaction.atomic():
        # Locked, so that two adds at once do not both take the same last place.
        positions = _locked_routine(request.user).values_list("position", flat=True)
        last = max(positions, default=None)
        # get_or_create, not filter-then-create: a double submit must not break the unique
        # constraint.
        item, _ = RoutineItem.objects.get_or_create(
            user=request.user,
            exercise=exercise,
            defaults={"position": 0 if last is None else last + 1},
        )
    status = f"{exercise.name} is in My routine."
    from_list = request.POST.get("from") == "list"
    if request.htmx and from_list:
        context = {"exercise": exercise, "saved_ids": {exercise.pk}, "status": status}
        return render(request, "guidance/exercise_list.html#card-routine", context)
    if request.htmx:
        return _render_routine_button(request, exercise, item, status)
    messages.success(request, status)
    next_url = request.POST.get("next", "")
    # A URL, never a view name: redirect("foo") would try to reverse it and fail with a 500.
    if (
        from_list
        and next_url.startswith("/")
        and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None)
    ):
        return HttpResponseRedirect(next_url)
    return redirect(exercise)


@require_POST
@login_required
def routine_remove(request: HttpRequest, item_id: int) -> HttpResponse:
    with transaction.atomic():
        item = _get_routine_item_for_user(request.user, item_id, lock=True)
        exercise = item.exercise
        item.delete()
    status = f"{exercise.name} was removed from My routine."
    came_from_detail = request.POST.get("from") == "detail"
    if request.htmx:
        if came_from_detail:
            return _render_routine_button(request, exercise, None, status)
        return _render_routine(request, status)
    messages.success(request, status)
    return redirect(exercise if came_from_detail else reverse("exercises:routine"))


@require_POST
@login_required
def routine_move(request: HttpRequest, item_id: int) -> HttpResponse:
    direction = request.POST.get("direction")
    with transaction.atomic():
        # The item is found in the locked list itself: another request may have removed it, or
        # reordered the list, while this one waited for the lock.
        items = list(_locked_routine(request.user).select_related("exercise"))
        index = next((i for i, other in enumerate(items) if other.pk == item_id), None)
        if index is None:
            raise Http404("That is not in your routine.")
        item = items[index]
        if direction not in ("up", "down"):
            status = "Choose to move it up or down."
        else:
            target = index - 1 if direction == "up" else index + 1
            if 0 <= target < len(items):
                items[index], items[target] = items[target], items[index]
                for position, other in enumerate(items):
                    other.position = position
                RoutineItem.objects.bulk_update(items, ["position"])
                status = f"{item.exercise.name} moved {direction}, to number {target + 1}."
            else:
                end = "top" if direction == "up" else "bottom"
                status = f"{item.exercise.name} is already at the {end}."
    if request.htmx:
        return _render_routine(request, status)
    messages.info(request, status)
    return redirect("exercises:routine")


@require_POST
@login_required
def routine_notes(request: HttpRequest, item_id: int) -> HttpResponse:
    with transaction.atomic():
        item = _get_routine_item_for_user(request.user, item_id, lock=True)
        form = RoutineNotesForm(request.POST, instance=item)
        if form.is_valid():
            item.notes = form.cleaned_data["notes"]
            item.save(update_fields=["notes"])
    if not form.is_valid():
        # htmx swaps only 2xx responses, so the fragment with the error comes back as 200.
        code = 200 if request.htmx else 400
        return _render_routine(request, "Your notes were not saved.", form, code=code)
    status = f"Notes for {item.exercise.name} saved."
    if request.htmx:
        return _render_routine(request, status)
    messages.success(request, status)
    return redirect("exercises:routine")
