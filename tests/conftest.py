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
