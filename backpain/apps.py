from django.apps import AppConfig


class BackpainConfig(AppConfig):
    name = "backpain"
    verbose_name = "Accounts"

    def ready(self):
        # Connects the sign-in signal that asks for the second factor.
        from . import two_factor  # noqa: F401
