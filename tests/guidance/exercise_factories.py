import itertools

from guidance.models import Exercise, Source

_numbers = itertools.count(1)


def make_exercise(**overrides) -> Exercise:
    number = next(_numbers)
    fields = {
        "slug": f"test-exercise-{number}",
        "name": f"Test exercise {number}",
        "purpose": "A test exercise.",
        "description": "Made by a test.",
        "steps": "Lie down.\nBreathe.\nGet up.",
        "reps": 10,
        "hold_seconds": 5,
        "sets": 1,
        "how_often": "every day",
        "progression": "Add one repetition.",
        "feel": "Nothing much.",
        "mistakes": "Rushing.",
        "cautions": "Stop if pain spreads down a leg.",
        "category": "relief",
        "body_area": "lower_back",
        "stage": 1,
        "illustration": "bird-dog.svg",
        "illustration_alt": "A stick figure doing a test exercise.",
    }
    fields.update(overrides)
    return Exercise.objects.create(**fields)


def add_exercises(total: int) -> None:
    """Bulk-create extra exercises (with a source and a variation each) up to `total`."""
    missing = total - Exercise.objects.count()
    start = next(_numbers) * 10_000
    extra = Exercise.objects.bulk_create(
        Exercise(
            slug=f"bulk-{start + i}",
            name=f"Bulk exercise {start + i}",
            purpose="Bulk test exercise.",
            steps="One.\nTwo.\nThree.",
            how_often="daily",
            progression="More.",
            feel="Fine.",
            mistakes="None.",
            cautions="Stop if pain spreads down a leg.",
            category="core",
            body_area="trunk",
            stage=1 + i % 3,
            difficulty=1 + i % 3,
            illustration="bird-dog.svg",
            illustration_alt="A stick figure.",
        )
        for i in range(missing)
    )
    source = Source.objects.first()
    Through = Exercise.sources.through
    Through.objects.bulk_create(Through(exercise=e, source=source) for e in extra)
    bird_dog = Exercise.objects.get(slug="bird-dog")
    Variation = Exercise.harder_variations.through
    Variation.objects.bulk_create(Variation(from_exercise=bird_dog, to_exercise=e) for e in extra)
