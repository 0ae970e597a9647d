"""The content shipped by the data migration: every exercise, every field the issue lists."""

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from guidance.exercises_path import REASONS, STAGES
from guidance.models import BodyArea, Category, Difficulty, Equipment, Exercise, Source, Stage

ILLUSTRATIONS = Path(settings.BASE_DIR) / "static" / "guidance" / "illustrations"
SVG = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.django_db


def all_exercises():
    return list(
        Exercise.objects.prefetch_related("sources", "harder_variations", "easier_variations")
    )


def test_at_least_forty_exercises_ship_with_the_migrations():
    assert Exercise.objects.count() >= 40


def test_every_exercise_has_every_required_field():
    problems = []
    for exercise in all_exercises():

        def check(condition, what, exercise=exercise):
            if not condition:
                problems.append(f"{exercise.slug}: {what}")

        check(exercise.name and exercise.slug and exercise.purpose, "name, slug or purpose")
        check(len(exercise.purpose) <= 240 and "\n" not in exercise.purpose, "one-line purpose")
        check(len(exercise.step_list) >= 3, "at least three ordered steps")
        check(exercise.how_often, "how often")
        check(
            exercise.reps or exercise.hold_seconds or "minute" in exercise.how_often,
            "reps, a hold or a time",
        )
        check(exercise.progression, "how to progress")
        check(exercise.feel, "what you should feel")
        check(exercise.mistake_list, "common mistakes")
        check(any("down a leg" in c for c in exercise.caution_list), "stop if pain spreads")
        check(any("checklist" in c for c in exercise.caution_list), "points to the checklist")
        check(exercise.equipment in Equipment.values, "equipment")
        check(exercise.difficulty in Difficulty.values, "difficulty")
        check(exercise.category in Category.values, "category")
        check(exercise.body_area in BodyArea.values, "body area")
        check(exercise.stage in Stage.values, "stage on the path")
        check(len(exercise.illustration_alt) >= 20, "illustration text alternative")
        check((ILLUSTRATIONS / exercise.illustration).is_file(), "illustration file")
        sources = list(exercise.sources.all())
        check(sources, "at least one source")
        check(all(s.url.startswith("https://") for s in sources), "sources are real links")
        check(
            list(exercise.harder_variations.all()) or list(exercise.easier_variations.all()),
            "an easier or harder variation",
        )
    assert not problems, "\n".join(problems)


def test_variations_are_linked_both_ways_and_never_to_themselves():
    for exercise in all_exercises():
        for harder in exercise.harder_variations.all():
            assert harder != exercise
            assert exercise in harder.easier_variations.all()
        for easier in exercise.easier_variations.all():
            assert exercise in easier.harder_variations.all()


def test_each_illustration_is_an_svg_with_a_title_matching_its_text_alternative():
    for exercise in Exercise.objects.all():
        root = ET.parse(ILLUSTRATIONS / exercise.illustration).getroot()
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title").text == exercise.illustration_alt


@pytest.mark.parametrize(
    "slug",
    [
        # gentle relief and mobility
        "knee-to-chest",
        "knee-rolls",
        "bottom-to-heels",
        "pelvic-tilt",
        "cat-camel",
        "prone-press-up-forearms",
        # core and trunk endurance
        "bird-dog",
        "side-bridge",
        "curl-up",
        "dead-bug",
        "deep-abdominal-bracing",
        # glutes and hips
        "glute-bridge",
        "single-leg-glute-bridge",
        "clamshell",
        "hip-flexor-stretch",
        "quadruped-hip-capsule-stretch",
        # hip-hinge technique
        "dowel-hip-hinge",
        "wall-hip-hinge",
        "romanian-deadlift-pattern",
        "lat-engagement-setup",
        # return to loading
        "kettlebell-deadlift",
        "trap-bar-deadlift",
        "barbell-deadlift",
        # stability ball, walking
        "stability-ball-reverse-leg-raise",
        "walking-programme",
    ],
)
def test_the_exercises_the_issue_names_are_in_the_library(slug):
    assert Exercise.objects.filter(slug=slug).exists()


def test_the_source_articles_exercises_keep_its_details():
    hinge = Exercise.objects.get(slug="dowel-hip-hinge")
    for contact in ("back of your head", "shoulder blades", "sacrum"):
        assert contact in hinge.steps
    lats = Exercise.objects.get(slug="lat-engagement-setup")
    assert "orange" in lats.steps and "sponge" in lats.steps
    leg_raise = Exercise.objects.get(slug="stability-ball-reverse-leg-raise")
    assert leg_raise.reps == 15 and not leg_raise.flare_up_ok
    capsule = Exercise.objects.get(slug="quadruped-hip-capsule-stretch")
    # Its only clinical source (AZOPT) gives 10 seconds, 10 times; the article's 30 s is opinion.
    assert capsule.hold_seconds == 10 and capsule.reps == 10 and "round" in capsule.steps
    assert "pinch" in capsule.cautions
    flexors = Exercise.objects.get(slug="hip-flexor-stretch")
    assert "sitting" in flexors.description.lower()


def test_every_category_stage_and_the_no_equipment_filter_have_exercises():
    for category in Category.values:
        assert Exercise.objects.filter(category=category).exists(), category
    for stage in STAGES:
        assert Exercise.objects.filter(stage=stage.number).exists(), stage.title
    assert Exercise.objects.filter(equipment=Equipment.NONE).exists()
    assert Exercise.objects.filter(flare_up_ok=True).count() >= 10


def test_loaded_lifting_is_never_offered_for_a_flare_up():
    assert not Exercise.objects.filter(stage=Stage.LOADED, flare_up_ok=True).exists()


def test_every_exercise_named_by_the_three_reasons_exists_at_the_right_stage():
    for reason in REASONS:
        found = Exercise.objects.filter(slug__in=reason.exercise_slugs)
        assert found.count() == len(reason.exercise_slugs), reason.key
        assert {e.stage for e in found} == {reason.stage}, reason.key


def test_get_absolute_url_is_the_detail_page():
    assert Exercise.objects.get(slug="bird-dog").get_absolute_url() == "/exercises/bird-dog/"


def test_the_models_and_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "guidance", "--check", "--dry-run", verbosity=0)


def test_the_wording_fixes_are_applied():
    bracing = Exercise.objects.get(slug="deep-abdominal-bracing")
    assert "30%" not in bracing.feel
    hamstring = Exercise.objects.get(slug="lying-hamstring-stretch")
    assert any(
        caution.startswith("Stop if you feel tingling") for caution in hamstring.caution_list
    )
    assert any("checklist" in caution for caution in hamstring.caution_list)


def test_sources_link_to_the_page_they_cite_or_are_marked_as_front_page_links():
    for source in Source.objects.all():
        path = urlsplit(source.url).path.strip("/")
        front_page = path in ("", "encyclopedia")  # no path, or only a site's index
        assert front_page == source.links_to_front_page, source.slug


def test_the_checked_source_links():
    sources = {source.slug: source for source in Source.objects.all()}
    assert sources["nhs-inform-back-exercises"].url.endswith("/exercises-for-back-pain")
    assert sources["live-liberated-hip-hinge"].url.endswith("/hip-hinge-mechanism-a-necessity/")
    # Lancet 2024;404(10448):134-144 (clinical-reference.md 3.1), as its citation gives it.
    assert sources["walkback-2024"].url == "https://doi.org/10.1016/S0140-6736(24)00755-4"
    assert "Pocovi" in sources["walkback-2024"].title


def test_the_detail_page_says_when_a_source_link_reaches_only_a_front_page(client):
    html = client.get("/exercises/curl-up/").content.decode()
    assert "front page: search there for the title" in html
    html = client.get("/exercises/walking-programme/").content.decode()
    assert "front page" not in html


def test_the_sitting_and_glutes_claim_is_attributed_wherever_it_is_made():
    """It is the source article's expert view, not a finding of the clinical sources."""
    for exercise in Exercise.objects.all():
        text = f"{exercise.purpose} {exercise.description}".lower()
        if "sitting" in text and ("switch" in text or "tighten" in text):
            assert "view of dr erin boynton" in text, exercise.slug
    assert "In the view of the surgeon" in STAGES[0].purpose


@pytest.mark.parametrize(
    "claim", ["every safe", "the base for every core exercise", "the gentlest way"]
)
def test_no_exercise_states_coaching_opinion_as_fact(claim):
    assert not Exercise.objects.filter(description__icontains=claim).exists()
    assert not any(claim in stage.purpose for stage in STAGES)
