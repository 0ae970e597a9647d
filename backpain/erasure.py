"""Deleting an account leaves no row about the person in any table.

Rows with a foreign key to the user go with it (every such key cascades, and a test checks it).
The rest are found here: django-axes keeps sign-in records by email, sessions hold the user id
inside their encoded data, and the admin's history names the account as an edited object.

Audit rows of admin reads (backpain/audit.py) go with the person whose data was read. Where the
person was the reading superuser, the row is the record of a staff action on someone else's
data: it keeps the reader's email and loses only the link to the deleted account.
"""

from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction


def delete_sessions(user, keep: str | None = None) -> int:
    """Delete every stored session signed in as `user` but `keep`; returns how many.

    Sessions are not indexed by user, so this reads them all: fine for the rare deletion or
    two-factor change; `manage.py clearsessions` (run daily) keeps the table small. Engines that
    keep no table (cache, signed cookies) have nothing here to scan.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    user_id = str(user.pk)
    decoder = store_class()
    keys = [
        key
        for key, data in store_class.get_model_class()
        .objects.values_list("session_key", "session_data")
        .iterator()
        if key != keep and decoder.decode(data).get("_auth_user_id") == user_id
    ]
    for key in keys:
        store_class(session_key=key).delete()
    return len(keys)


@transaction.atomic
def erase_user(user) -> None:
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=user.email).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).delete()
    delete_sessions(user)
    user.delete()
