from .models import CheckResult, RoutineItem


def user_data(user) -> dict:
    """Checklist results a person saved and their "My routine", for their data export."""
    results = CheckResult.objects.for_user(user).order_by("created_at")
    routine = RoutineItem.objects.for_user(user).select_related("exercise")
    return {
        "checklist_results": [
            {
                "created_at": result.created_at.isoformat(),
                "level": result.level,
                "answers": result.answers,
                "reasons": result.reasons,
            }
            for result in results
        ],
        "routine": [
            {
                "position": position,
                "exercise": item.exercise.slug,
                "exercise_name": item.exercise.name,
                "notes": item.notes,
                "added_at": item.created_at.isoformat(),
            }
            for position, item in enumerate(routine, start=1)
        ],
    }
