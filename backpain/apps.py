from django.apps import AppConfig


class BackpainConfig(AppConfig):
    name = "backpain"
    verbose_name = "Accounts"
