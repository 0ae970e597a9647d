"""Whatever a form or a query string holds, the answer is never a 500, and input the form
refuses changes nothing stored.

Hypothesis builds the input from each form's own fields: plausible values (choices, numbers,
dates) mixed with hostile ones (huge, NUL, unicode, wrong types, the same key twice). The form
itself is the oracle: a request may change stored rows only if the form accepts the data.
Each example runs in a rolled-back savepoint, so examples do not see each other's writes.
"""

import copy
from datetime import date, datetime

import pytest
from django import forms
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backpain.forms import DeleteAccountForm, ProfileForm, SignUpForm
from backpain.models import User
from guidance.checklist_forms import ChecklistForm
from guidance.exercise_forms import ExerciseFilterForm, RoutineNotesForm
from guidance.models import CheckResult, Exercise, RoutineItem
from journal.forms import (
    EntryForm,
    FilterForm,
    NextMorningForm,
    PeriodForm,
    QuickLogForm,
    WorkoutExerciseForm,
    WorkoutExerciseFormSet,
    WorkoutForm,
)
from journal.models import DismissedPrompt, Entry, EntryTag, Workout, WorkoutExercise
from tests.journal.factories import make_entry, make_workout

# Modest counts keep `make test` fast; CI runs them on both databases every time.
FUZZ = settings(
    max_examples=20,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout; every run starts fresh
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\x00b",
            "x" * 5000,
            "9" * 40,
            "-1",
            "1e9",
            "NaN",
            "Infinity",
            "0x10",
            "[]",
            "{}",
            "true",
            "null",
            "\u202e\u0301\ufeff",
            "😀" * 30,
            "2026-02-31",
            "0000-00-00T25:61",
            "99999-01-01",
            "' OR 1=1 --",
            "<b>x</b>",
        ]
    ),
)


def plausible(field: forms.Field) -> st.SearchStrategy:
    if isinstance(field, forms.ChoiceField) and field.choices:
        return st.sampled_from([str(key) for key, _ in field.choices])
    if isinstance(field, forms.IntegerField | forms.DecimalField):
        return st.integers(-5, 30).map(str)
    if isinstance(field, forms.DateTimeField):
        return st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1)).map(
            lambda value: value.strftime("%Y-%m-%dT%H:%M")
        )
    if isinstance(field, forms.DateField):
        return st.dates(date(1900, 1, 1), date(2200, 1, 1)).map(str)
    if isinstance(field, forms.NullBooleanField | forms.BooleanField):
        return st.sampled_from(["true", "false", "unknown", "on"])
    return st.text(max_size=30)


def value(field: forms.Field | None) -> st.SearchStrategy:
    one = HOSTILE if field is None else st.one_of(plausible(field), HOSTILE)
    # A list is sent as the same key more than once.
    return st.one_of(one, st.lists(one, min_size=2, max_size=3))


def form_data(fields: dict, extra: dict | None = None) -> st.SearchStrategy:
    keys = {name: value(field) for name, field in fields.items()}
    keys |= {name: value(None) for name in (extra or {"unknown": None, "page": None})}
    return st.fixed_dictionaries({}, optional=keys)


def query_dict(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, item in data.items():
        query.setlist(key, item if isinstance(item, list) else [item])
    return query


def _exercise_choices():
    return list(Exercise.objects.order_by("name").values_list("id", "name"))


def workout_fields() -> dict:
    row = WorkoutExerciseForm(exercise_choices=_exercise_choices())
    management = {
        f"ex-{name}": forms.IntegerField()
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
    }
    rows = {f"ex-{i}-{name}": field for i in range(2) for name, field in row.fields.items()}
    return {**WorkoutForm().fields, **management, **rows}


def workout_valid(data, user) -> bool:
    kwargs = {"exercise_choices": _exercise_choices(), "units": user.units}
    formset = WorkoutExerciseFormSet(data, prefix="ex", form_kwargs=kwargs)
    return WorkoutForm(data).is_valid() and formset.is_valid()


def _checklist_saves(data) -> bool:
    # An emergency result is saved even with other answers blank: the person was sent for help
    # first, and the record of that result is theirs to keep.
    form = ChecklistForm(data)
    valid = form.is_valid()
    return valid or form.emergency_result() is not None


def never(data, user) -> bool:
    return False


# Every form and query string, with how to tell whether the app should accept it.
# (url name, method, fields, signed in?, accepted(data, user))
ENDPOINTS = {
    "journal index filters": ("journal:index", "get", FilterForm().fields, True, never),
    "journal trends period": ("journal:trends", "get", PeriodForm().fields, True, never),
    "journal triggers period": ("journal:triggers", "get", PeriodForm().fields, True, never),
    "journal summary period": ("journal:summary", "get", PeriodForm().fields, True, never),
    "workout list": ("journal:workouts", "get", {}, True, never),
    "exercise list filters": ("exercises:list", "get", ExerciseFilterForm().fields, False, never),
    "checklist answers": (
        "checklist:checklist",
        "post",
        {
            **ChecklistForm().fields,
            # What the htmx follow-up and emergency checks send along with the answers.
            "_partial": forms.ChoiceField(choices=[("followup", ""), ("emergency", "")]),
            "parent": forms.ChoiceField(choices=[(name, "") for name in ChecklistForm().fields]),
        },
        False,
        never,
    ),
    "quick log": (
        "journal:quick_log",
        "post",
        QuickLogForm().fields,
        True,
        lambda data, user: QuickLogForm(data).is_valid(),
    ),
    "new entry": (
        "journal:entry_new",
        "post",
        EntryForm().fields,
        True,
        lambda data, user: EntryForm(data).is_valid(),
    ),
    "edit entry": (
        "journal:entry_edit",
        "post",
        EntryForm().fields,
        True,
        lambda data, user: EntryForm(data).is_valid(),
    ),
    "undo": ("journal:entry_restore", "post", {"token": forms.CharField()}, True, never),
    "new workout": ("journal:workout_new", "post", None, True, workout_valid),
    "edit workout": ("journal:workout_edit", "post", None, True, workout_valid),
    "next-morning pain": (
        "journal:workout_next_morning",
        "post",
        NextMorningForm().fields,
        True,
        lambda data, user: NextMorningForm(data).is_valid(),
    ),
    "routine add": (
        "exercises:routine_add",
        "post",
        {
            "exercise": forms.ChoiceField(choices=[("bird-dog", ""), ("no-such", "")]),
            "from": forms.ChoiceField(choices=[("list", "")]),
            "next": forms.CharField(),
        },
        True,
        lambda data, user: Exercise.objects.filter(slug=data.get("exercise")).exists(),
    ),
    "routine move": (
        "exercises:routine_move",
        "post",
        {"direction": forms.ChoiceField(choices=[("up", ""), ("down", "")])},
        True,
        lambda data, user: data.get("direction") in ("up", "down"),
    ),
    "routine notes": (
        "exercises:routine_notes",
        "post",
        RoutineNotesForm().fields,
        True,
        lambda data, user: RoutineNotesForm(data).is_valid(),
    ),
    "save checklist": (
        "checklist:save",
        "post",
        ChecklistForm().fields,
        True,
        lambda data, user: _checklist_saves(data),
    ),
    "account settings": (
        "settings",
        "post",
        ProfileForm().fields,
        True,
        lambda data, user: ProfileForm(data, instance=User.objects.get(pk=user.pk)).is_valid(),
    ),
    "delete account": (
        "delete_account",
        "post",
        DeleteAccountForm(None).fields,
        True,
        lambda data, user: DeleteAccountForm(user, data).is_valid(),
    ),
    "sign up": (
        "signup",
        "post",
        SignUpForm().fields,
        False,
        lambda data, user: SignUpForm(data).is_valid(),
    ),
    "sign in": (
        "login",
        "post",
        {"username": forms.EmailField(), "password": forms.CharField()},
        False,
        never,
    ),
    "password reset": ("password_reset", "post", {"email": forms.EmailField()}, False, never),
}

STORED = [User, Entry, EntryTag, Workout, WorkoutExercise, DismissedPrompt, CheckResult]


def snapshot() -> dict:
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in STORED}
    rows["RoutineItem"] = list(RoutineItem.objects.order_by("pk").values())
    return rows


@pytest.fixture
def alices_journal(alice):
    today = timezone.localdate()
    entry = make_entry(alice, today, 5, regions=["neck"], notes="before")
    workout = make_workout(alice, today, 2, 4, exercises=[("Squat", 60)])
    for slug in ("bird-dog", "curl-up"):
        RoutineItem.objects.create(
            user=alice,
            exercise=Exercise.objects.get(slug=slug),
            position=RoutineItem.objects.count(),
        )
    return {"entry": entry, "workout": workout, "item": RoutineItem.objects.first()}


def _url(name: str, things: dict) -> str:
    from django.urls import reverse

    if name in ("journal:entry_edit",):
        return reverse(name, args=[things["entry"].pk])
    if name in ("journal:workout_edit", "journal:workout_next_morning"):
        return reverse(name, args=[things["workout"].pk])
    if name.startswith("exercises:routine_") and name != "exercises:routine_add":
        return reverse(name, args=[things["item"].pk])
    return reverse(name)


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_no_input_causes_a_server_error_and_refused_input_changes_nothing(
    client, alice, alices_journal, endpoint
):
    name, method, fields, signed_in, accepted = ENDPOINTS[endpoint]
    fields = workout_fields() if fields is None else fields
    url = _url(name, alices_journal)
    if signed_in:
        client.force_login(alice)
    cookies = copy.deepcopy(client.cookies)

    @FUZZ
    @given(data=form_data(fields), htmx=st.booleans())
    def check(data, htmx):
        headers = {"HX-Request": "true"} if htmx else {}
        with transaction.atomic():
            before = snapshot()
            should_change = accepted(query_dict(data), alice)
            response = getattr(client, method)(url, data, headers=headers)
            after = snapshot()
            transaction.set_rollback(True)
        client.cookies = copy.deepcopy(cookies)
        assert response.status_code < 500, (endpoint, data)
        if not should_change:
            assert after == before, (endpoint, data, response.status_code)

    check()


def test_adding_to_the_routine_with_a_next_that_is_not_a_url_redirects_safely(alice_client):
    response = alice_client.post(
        "/exercises/routine/add/", {"exercise": "bird-dog", "from": "list", "next": "foo"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/exercises/bird-dog/"


def test_an_entry_edit_refused_by_its_form_changes_nothing(alice_client, alices_journal):
    entry = alices_journal["entry"]
    response = alice_client.post(
        f"/journal/entries/{entry.pk}/edit/", {"occurred_at": "x", "pain": "3", "notes": "after"}
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert (entry.pain, entry.notes) == (5, "before")
