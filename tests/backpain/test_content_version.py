"""The content version that page caches key on: every content edit changes it, once committed."""

from django.core.management import call_command

from backpain import content_version
from guidance.models import Exercise, Source
from tests.guidance.exercise_factories import make_exercise


def test_the_version_is_stable_until_bumped(db):
    first = content_version.current()
    assert content_version.current() == first
    bumped = content_version.bump()
    assert bumped != first
    assert content_version.current() == bumped


def test_saving_an_exercise_changes_the_version_when_the_edit_commits(
    db, django_capture_on_commit_callbacks
):
    exercise = make_exercise()
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        exercise.name = "Renamed"
        exercise.save()
    assert content_version.current() == before  # not yet committed
    for callback in callbacks:
        callback()
    assert content_version.current() != before


def test_deleting_an_exercise_changes_the_version(db, django_capture_on_commit_callbacks):
    exercise = make_exercise()
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        exercise.delete()
    assert content_version.current() != before


def test_editing_a_source_or_an_exercises_sources_changes_the_version(
    db, django_capture_on_commit_callbacks
):
    exercise = make_exercise()
    source = Source.objects.first() or Source.objects.create(
        slug="test-source",
        title="T",
        publisher="P",
        url="https://example.com/",
        reference_section="1",
    )
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        source.title = "Retitled"
        source.save()
    after_source = content_version.current()
    assert after_source != before
    with django_capture_on_commit_callbacks(execute=True):
        exercise.sources.add(source)
    assert content_version.current() != after_source


def test_a_user_saving_their_own_data_leaves_the_version_alone(
    alice, django_capture_on_commit_callbacks
):
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        alice.display_name = "Al"
        alice.save()
    assert content_version.current() == before
    assert Exercise.objects.exists()  # the shipped content is there, so the test means something


def test_migrate_changes_the_version(db):
    before = content_version.current()
    call_command("migrate", "guidance", verbosity=0)
    assert content_version.current() != before
