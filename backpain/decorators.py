from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required as django_login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect


def login_required(view):
    """Django's login_required, but an htmx request whose session has ended sends the whole
    window to the sign-in page, rather than the sign-in form being swapped into a fragment.

    After signing in, the person goes back to the page they were on (htmx's current URL), not
    to the fragment's address, which may be POST-only.
    """
    wrapped = django_login_required(view)

    @wraps(view)
    def check(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.htmx and not request.user.is_authenticated:
            next_url = request.htmx.current_url_abs_path or resolve_url(settings.LOGIN_REDIRECT_URL)
            return HttpResponseClientRedirect(redirect_to_login(next_url).url)
        return wrapped(request, *args, **kwargs)

    return check
