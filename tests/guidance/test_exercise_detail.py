import pytest
from django.urls import reverse
from django.utils.html import escape

from guidance.models import Exercise, RoutineItem

from .exercise_factories import add_exercises, make_exercise

pytestmark = pytest.mark.django_db


def detail(slug: str) -> str:
    return reverse("exercises:detail", args=[slug])


def test_the_detail_page_shows_everything_about_an_exercise(client):
    exercise = Exercise.objects.get(slug="glute-bridge")
    response = client.get(detail("glute-bridge"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{exercise.name}</h1>" in html
    assert exercise.purpose in html
    for step in exercise.step_list:
        assert f"<li>{step}</li>" in html
    assert "How often" in html and "How to progress" in html
    assert "What you should feel" in html and "Common mistakes" in html
    assert "When to stop" in html and "spreads down a leg" in html
    assert f'href="{reverse("checklist:checklist")}"' in html
    # The detail page shows the start and end positions side by side, each with its own alt text.
    assert f'alt="{escape(exercise.positions.start_alt)}"' in html
    assert f'alt="{escape(exercise.positions.end_alt)}"' in html
    assert "Suitable during a flare-up" in html
    for source in exercise.sources.all():
        assert f'href="{escape(source.url)}"' in html


def test_the_variations_ladder_links_easier_and_harder_versions(client):
    html = client.get(detail("glute-bridge-march")).content.decode()
    assert f'href="{detail("glute-bridge")}"' in html  # easier
    assert f'href="{detail("single-leg-glute-bridge")}"' in html  # harder
    # and back the other way
    assert (
        f'href="{detail("glute-bridge-march")}"'
        in client.get(detail("glute-bridge")).content.decode()
    )


def test_the_session_timer_carries_the_whole_dose_with_a_live_region_and_a_fallback(client):
    html = client.get(detail("bird-dog")).content.decode()
    assert (
        'data-timer data-hold="5" data-reps="10" data-sets="2" data-relax="5" data-rest="60"'
        in html
    )
    assert 'role="status" aria-live="polite" data-timer-status' in html
    assert "Count each hold slowly" in html
    # The controls are hidden until the script shows them: never dead without JavaScript.
    assert '<div class="timer-controls" data-timer-controls hidden>' in html
    assert "data-timer-start" in html and "data-timer-skip" in html


def test_the_rests_are_stated_as_coaching_practice(client):
    html = client.get(detail("bird-dog")).content.decode()
    assert "Relax for 5 seconds between holds. Rest for 60 seconds between sets." in html
    assert "Rest times are coaching practice: the sources on this page give none." in html


def test_loaded_lifts_rest_two_minutes_between_sets(client):
    html = client.get(detail("kettlebell-deadlift")).content.decode()  # 8 repetitions, 3 sets
    assert 'data-sets="3" data-relax="5" data-rest="120"' in html
    assert "Rest for 120 seconds between sets." in html and "between holds" not in html


def test_a_single_hold_needs_no_rest_line(client):
    html = client.get(detail("prone-lying")).content.decode()  # 1 hold of 60 seconds, 1 set
    assert "data-timer " in html and 'class="rest-line"' not in html


def test_an_exercise_with_reps_only_gets_a_self_paced_timer(client):
    make_exercise(slug="reps-only", hold_seconds=None, reps=12, sets=3)
    html = client.get(detail("reps-only")).content.decode()
    assert 'data-hold="" data-reps="12" data-sets="3"' in html
    assert "Count your repetitions out loud, up to 12." in html
    assert "Relax for" not in html and "Rest for 60 seconds between sets." in html


def test_walking_has_no_timer_but_shows_its_dose_at_the_top(client):
    html = client.get(detail("walking-programme")).content.decode()
    assert "data-timer" not in html
    assert html.index('<h2 id="session-heading">Your dose</h2>') < html.index('id="steps-heading"')


@pytest.mark.parametrize(
    "slug", ["no-such-exercise", "BIRD-DOG", "bird-dog-", "x" * 300, "%F0%9F%92%A5"]
)
def test_unknown_slugs_are_404(client, slug):
    assert client.get(f"/exercises/{slug}/").status_code == 404


def test_anonymous_visitors_are_invited_to_sign_in_to_save(client):
    html = client.get(detail("bird-dog")).content.decode()
    assert "Sign in</a> or" in html and "?next=/exercises/bird-dog/" in html
    assert "Add to My routine" not in html


def test_signed_in_people_see_add_or_remove(alice_client, alice):
    assert "Add to My routine" in alice_client.get(detail("bird-dog")).content.decode()
    RoutineItem.objects.create(user=alice, exercise=Exercise.objects.get(slug="bird-dog"))
    html = alice_client.get(detail("bird-dog")).content.decode()
    assert "Remove from My routine" in html and "Add to My routine" not in html


@pytest.mark.parametrize("total", [40, 400])
def test_the_detail_page_runs_a_constant_number_of_queries(
    client, django_assert_num_queries, total
):
    Exercise.objects.filter(pk__in=Exercise.objects.order_by("-pk")[:3]).delete()
    add_exercises(total)  # every extra exercise is also a harder variation of the bird-dog
    assert Exercise.objects.count() == total
    bird_dog = Exercise.objects.get(slug="bird-dog")
    ladder = bird_dog.harder_variations.count() + bird_dog.easier_variations.count()
    assert ladder > 0
    # exercise, sources, harder variations, easier variations
    with django_assert_num_queries(4):
        response = client.get(detail("bird-dog"))
    assert response.content.decode().count('<li class="ladder-') == ladder + 1  # and this one


@pytest.mark.parametrize("total", [40, 400])
def test_the_detail_page_for_a_signed_in_person_is_constant_too(
    alice_client, alice, django_assert_num_queries, total
):
    Exercise.objects.filter(pk__in=Exercise.objects.order_by("-pk")[:3]).delete()
    add_exercises(total)
    alice_client.get(detail("bird-dog"))  # warm the session
    # session, user, the four exercise queries, the routine item
    with django_assert_num_queries(7):
        alice_client.get(detail("bird-dog"))


def test_every_shipped_exercise_has_a_working_detail_page(client):
    for exercise in Exercise.objects.all():
        response = client.get(exercise.get_absolute_url())
        assert response.status_code == 200, exercise.slug
        html = response.content.decode()
        assert f'alt="{escape(exercise.positions.start_alt)}"' in html, exercise.slug
        assert f'alt="{escape(exercise.positions.end_alt)}"' in html, exercise.slug
        assert "Easier:" in html or "Harder:" in html, exercise.slug


def test_the_dose_and_the_timer_come_before_the_picture_and_the_steps(client):
    html = client.get(detail("bird-dog")).content.decode()
    summary = (
        "<strong>Dosage:</strong> 10 repetitions, hold 5 seconds, 2 sets, every day or most days."
    )
    assert html.index("<h1>") < html.index(summary) < html.index("data-timer-start")
    assert html.index("data-timer-start") < html.index('class="exercise-positions"')
    assert html.index("data-timer-start") < html.index('id="steps-heading"')
    link = '<a href="#dosage-heading">More on this dose: where it comes from, how to progress</a>'
    assert link in html


def test_the_glute_bridge_dose_matches_its_source(client):
    exercise = Exercise.objects.select_related("dose_source").get(slug="glute-bridge")
    # URMC's bridge page: hold 5 seconds, repeat 10 times - one set.
    assert (exercise.reps, exercise.hold_seconds, exercise.sets) == (10, 5, 1)
    assert exercise.dose_source.slug == "urmc-glute-bridge"
    assert "contentid=4465" in exercise.dose_source.url
    assert not exercise.dose_source.links_to_front_page
    html = client.get(detail("glute-bridge")).content.decode()
    assert "10 repetitions, hold 5 seconds, 1 set, every day." in html
    assert "2 sets" not in html
    assert "repeat 10 times. That is one set." in html
    assert f'href="{escape(exercise.dose_source.url)}"' in html


def test_every_detail_page_says_when_to_see_a_gp_and_what_to_do_in_pregnancy(client):
    html = client.get(detail("cat-camel")).content.decode()
    cautions = html.split('id="cautions-heading"')[1].split("</section>")[0]
    assert "See a GP if an exercise causes you severe pain" in cautions
    assert "If you are pregnant, ask your midwife, GP or physiotherapist" in cautions
    assert 'href="https://www.northerntrust.hscni.net/' in cautions
