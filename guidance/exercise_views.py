from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Exercise


def exercise_list(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/exercise_list.html", {"exercises": Exercise.objects.all()})


def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(Exercise, slug=slug)
    return render(request, "guidance/exercise_list.html", {"exercises": [exercise]})


def path_page(request: HttpRequest) -> HttpResponse:
    return exercise_list(request)


why_lifting_hurts = routine = routine_add = path_page


def routine_remove(request: HttpRequest, item_id: int) -> HttpResponse:
    return path_page(request)


routine_move = routine_notes = routine_remove
