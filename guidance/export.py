from .models import CheckResult


def user_data(user) -> dict:
    results = CheckResult.objects.for_user(user).order_by("created_at")
    return {
        "checklist_results": [
            {
                "created_at": result.created_at.isoformat(),
                "level": result.level,
                "answers": result.answers,
                "reasons": result.reasons,
            }
            for result in results
        ]
    }
