from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import clinical_review


@require_safe
def clinical_review_pack(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/clinical_review.html", clinical_review.build())
