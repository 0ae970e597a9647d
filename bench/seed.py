"""The bench's data (run by bench/run.py as `python -m bench.seed` on the throwaway database,
after migrate): 1,000 people. One, the heavy user, has five years of entries and workouts
(tests/journal/history.py: ~5,000 entries, ~780 workouts), 60 saved checklist results and a
routine; the 999 others have 10 days each. Deterministic: no randomness. Prints the numbers as
JSON, with the checklist answers that the bench POSTs."""

import json
import os
import sys

import django


def main() -> None:
    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from backpain.models import User
    from guidance.checklist_forms import ChecklistForm
    from guidance.checklist_questions import QUESTIONS
    from guidance.models import CheckResult, Exercise, RoutineItem
    from journal.models import Entry, Workout
    from tests.journal.history import build_history

    password = make_password(os.environ["BENCH_PASSWORD"])  # hashed once for everyone
    today = timezone.localdate()
    heavy = User.objects.create(
        email="heavy@bench.example", password=password, time_zone="Europe/London"
    )
    entries, workouts = build_history(heavy, end=today)

    answers = {q.code: "no" for q in QUESTIONS if q.emergency or q.modifier} | {"age": "40"}
    form = ChecklistForm(answers)
    if not form.is_valid():
        sys.exit(f"the bench's checklist answers are not valid: {form.errors.as_json()}")
    result = form.result()
    CheckResult.objects.bulk_create(
        CheckResult(
            user=heavy,
            level=result.level,
            answers=form.stored_answers(),
            reasons=result.reasons_as_dicts(),
        )
        for _ in range(60)
    )
    RoutineItem.objects.bulk_create(
        RoutineItem(user=heavy, exercise=exercise, position=position)
        for position, exercise in enumerate(Exercise.objects.order_by("slug")[:6])
    )

    others = User.objects.bulk_create(
        User(email=f"person{n}@bench.example", password=password, time_zone="Europe/London")
        for n in range(999)
    )
    for person in others:
        build_history(person, days=10, end=today)

    print(
        json.dumps(
            {
                "email": heavy.email,
                "people": User.objects.count(),
                "heavy_entries": entries,
                "heavy_workouts": workouts,
                "entries": Entry.objects.count(),
                "workouts": Workout.objects.count(),
                "checklist": answers,
                "exercise": Exercise.objects.order_by("slug").values_list("slug", flat=True)[0],
            }
        )
    )


if __name__ == "__main__":
    main()
