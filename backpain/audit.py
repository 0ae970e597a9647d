"""An audit trail of superusers reading health data in the admin.

Every list and detail page of a `HealthDataAdminMixin` admin records who looked, when, at whose
data (one row per person shown), which model, which rows, and the URL with its filters. The
trail is read-only in the admin, for superusers, and nobody can delete it there. A person's own
rows (as the subject) are part of their data export and go when their account is deleted.
"""

from collections import defaultdict

from django.conf import settings

from .models import HealthDataRead

PATH_LIMIT = HealthDataRead._meta.get_field("path").max_length


def _owner_field(model):
    """The foreign key that says whose data a row is."""
    return next(
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model._meta.label == settings.AUTH_USER_MODEL
    )


def _record(request, model, view: str, ids_by_owner: dict) -> None:
    reader = request.user
    HealthDataRead.objects.bulk_create(
        HealthDataRead(
            reader=reader,
            reader_email=reader.email,
            subject_id=owner_id,
            model=model._meta.label_lower,
            view=view,
            object_ids=ids,
            path=request.get_full_path()[:PATH_LIMIT],
        )
        for owner_id, ids in ids_by_owner.items()
    )


def record_list(request, model, rows) -> None:
    owner = _owner_field(model).attname
    ids_by_owner = defaultdict(list)
    for row in rows:
        ids_by_owner[getattr(row, owner)].append(row.pk)
    _record(request, model, HealthDataRead.View.LIST, ids_by_owner)


def record_detail(request, row) -> None:
    owner = _owner_field(type(row)).attname
    _record(request, type(row), HealthDataRead.View.DETAIL, {getattr(row, owner): [row.pk]})
