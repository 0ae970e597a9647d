import itertools

import pytest
from django.core.cache import cache

from backpain.models import User

PASSWORD = "a-long-test-passphrase-42"
_emails = itertools.count(1)


def make_user(**overrides) -> User:
    fields = {"email": f"person{next(_emails)}@example.com", "password": PASSWORD}
    fields.update(overrides)
    return User.objects.create_user(**fields)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashers are slow by design; the tests check behaviour, not hash strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache():
    # Sign-up and reset throttles count in the cache; every test starts from zero.
    cache.clear()


@pytest.fixture
def alice(db) -> User:
    return make_user(email="alice@example.com", display_name="Alice", time_zone="Europe/London")


@pytest.fixture
def bob(db) -> User:
    return make_user(email="bob@example.com", display_name="Bob", time_zone="America/New_York")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


def sign_in_with_second_factor(client, user: User):
    """Sign `user` in past the authenticator-app step, as the admin needs for staff."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.pop("two_factor_pending", None)
    session.save()
    return device
