from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import clinical_review


def clinical_review_pack(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/clinical_review.html", clinical_review.build())
