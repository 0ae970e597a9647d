from .models import RoutineItem


def routine_data(user) -> dict:
    """A person's "My routine", for their data export."""
    items = RoutineItem.objects.for_user(user).select_related("exercise")
    return {
        "routine": [
            {
                "position": position,
                "exercise": item.exercise.slug,
                "exercise_name": item.exercise.name,
                "notes": item.notes,
                "added_at": item.created_at.isoformat(),
            }
            for position, item in enumerate(items, start=1)
        ]
    }
