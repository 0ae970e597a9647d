from django.apps import AppConfig


class BackpainConfig(AppConfig):
    name = "backpain"
    verbose_name = "Accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import content_version
        from .auth import start_idle_clock

        user_logged_in.connect(start_idle_clock, dispatch_uid="backpain.start_idle_clock")
        content_version.connect_signals()
        # Connects the sign-in signal that asks for the second factor.
        from . import two_factor  # noqa: F401
