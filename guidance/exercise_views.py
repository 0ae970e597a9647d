from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import Exercise


def exercise_list(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/exercise_list.html", {"exercises": Exercise.objects.all()})
