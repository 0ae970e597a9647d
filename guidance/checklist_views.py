from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def checklist(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/checklist.html")
