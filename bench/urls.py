"""The project's URLs plus the baseline: a view that does nothing but goes through the same
middleware (sessions, authentication, CSP, security headers) as every page."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from backpain.urls import handler404, handler500  # noqa: F401


def bare(request: HttpRequest) -> HttpResponse:
    # Looking at the user loads the session and the person, as every signed-in page does.
    return HttpResponse(f"ok {request.user.is_authenticated}", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("backpain.urls")),
]
