import zoneinfo

from django.utils import timezone
from django.utils.cache import patch_cache_control


def user_time_zone(get_response):
    """Show every time in the signed-in person's own zone; the database keeps UTC."""

    def middleware(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return get_response(request)

    return middleware


# The app uses none of these powerful features; denying them means an injected script or a
# framed third party cannot ask for them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


def private_responses(get_response):
    """Nothing personal stays in a browser or proxy cache, and no page may use powerful features.

    Every response to a signed-in person is `no-store`: journal pages, htmx fragments, the
    exports, the routine, checklist history and account pages all hold health or account data,
    and one rule here cannot be forgotten by a new view. Public pages seen while signed out stay
    cacheable. Sits right after SecurityMiddleware so static files get the policy too.
    """

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware
