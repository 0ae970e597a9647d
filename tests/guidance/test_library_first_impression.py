"""The library's first impression (issue 12, item 3): the "start here" order, symptom search,
folded filters, the path's starter sets and the start and end figures."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from guidance.exercise_positions import POSITIONS, positions_for
from guidance.models import Difficulty, Exercise

LIST = reverse("exercises:list")
PATH = reverse("exercises:path")
ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"

pytestmark = pytest.mark.django_db


def result_slugs(response) -> list[str]:
    return [exercise.slug for exercise in response.context["page"].object_list]


def all_result_slugs(client, query: dict) -> list[str]:
    slugs, page = [], 1
    while True:
        response = client.get(LIST, {**query, "page": page})
        slugs += result_slugs(response)
        if not response.context["page"].has_next():
            return slugs
        page += 1


# The "start here" order --------------------------------------------------------------------


def start_here_key(exercise):
    rank = exercise.starter_rank if exercise.starter_rank is not None else 10_000
    return (not exercise.flare_up_ok, exercise.difficulty, exercise.stage, rank, exercise.name)


def test_the_default_order_is_start_here_flare_safe_and_gentle_first(client):
    slugs = all_result_slugs(client, {})
    expected = [e.slug for e in sorted(Exercise.objects.all(), key=start_here_key)]
    assert slugs == expected
    assert slugs[0] == "short-walks"  # stage 1's first starter
    first_screen = Exercise.objects.in_bulk(slugs[:6], field_name="slug")
    assert all(e.flare_up_ok and e.difficulty == Difficulty.GENTLE for e in first_screen.values())
    # Barbell work, once first in A to Z, comes last.
    assert set(slugs[-3:]) == {"barbell-deadlift", "elevated-barbell-deadlift", "trap-bar-deadlift"}


def test_flare_safe_exercises_all_come_before_the_others(client):
    flare_ok = dict(Exercise.objects.values_list("slug", "flare_up_ok"))
    ordered = [flare_ok[slug] for slug in all_result_slugs(client, {})]
    assert True in ordered and False in ordered
    assert ordered == sorted(ordered, reverse=True)


def test_a_to_z_is_still_a_sort(client):
    slugs = all_result_slugs(client, {"sort": "name"})
    names = [Exercise.objects.get(slug=s).name for s in slugs]
    assert names == sorted(names)
    assert names[0] == "Banded lat drill"


def test_the_sort_menu_offers_start_here_first_so_the_browser_selects_it(client):
    html = client.get(LIST).content.decode()
    menu = html.split('name="sort"')[1].split("</select>")[0]
    options = re.findall(r'<option value="(\w+)"( selected)?>', menu)
    assert options[0][0] == "start"
    assert "name" in [value for value, _ in options]
    assert not any(selected for _, selected in options)


# Search by symptom and synonym ------------------------------------------------------------

SCIATICA = {
    "short-walks",
    "walking-programme",
    "sitting-breaks",
    "pelvic-tilt",
    "knee-rolls",
    "deep-abdominal-bracing",
    "glute-bridge",
    "prone-lying",
}


@pytest.mark.parametrize("search", ["sciatica", "SCIATICA", "  sciatica "])
def test_searching_sciatica_finds_the_gentle_exercises_tagged_for_it(client, search):
    assert set(all_result_slugs(client, {"q": search})) == SCIATICA


def test_sciatica_never_finds_a_stretch_that_loads_the_nerve_or_a_loaded_lift(client):
    found = Exercise.objects.filter(slug__in=all_result_slugs(client, {"q": "sciatica"}))
    assert not found.filter(slug="lying-hamstring-stretch").exists()
    assert not found.filter(bending_or_loaded=True).exists()


@pytest.mark.parametrize(
    ("search", "must_find"),
    [
        ("slipped disc", {"prone-press-up-forearms", "short-walks"}),
        ("disc slipped", {"prone-press-up-forearms", "short-walks"}),
        ("herniated disc", {"prone-press-up-forearms"}),
        ("stiff", {"cat-camel", "knee-to-chest"}),
        ("stiffness", {"cat-camel", "knee-to-chest"}),
        ("lifting", {"dowel-hip-hinge", "barbell-deadlift", "glute-bridge"}),
        ("trapped nerve", {"short-walks"}),
        ("desk", {"sitting-breaks", "hip-flexor-stretch"}),
    ],
)
def test_symptoms_and_everyday_words_find_exercises(client, search, must_find):
    found = set(all_result_slugs(client, {"q": search}))
    assert must_find <= found
    assert len(found) < Exercise.objects.count()


def test_search_still_finds_names_and_words_in_descriptions(client):
    assert "bird-dog" in result_slugs(client.get(LIST, {"q": "bird-dog"}))
    assert result_slugs(client.get(LIST, {"q": "psoas"})) == ["hip-flexor-stretch"]


def test_a_symptom_search_combines_with_the_filters(client):
    slugs = all_result_slugs(client, {"q": "lifting", "stage": "3"})
    assert slugs and set(slugs) <= set(
        Exercise.objects.filter(stage=3).values_list("slug", flat=True)
    )


def test_keywords_are_searched_but_never_shown(client):
    keywords = Exercise.objects.get(slug="short-walks").keywords
    assert "trapped nerve" in keywords
    for url in (LIST, LIST + "?q=sciatica", reverse("exercises:detail", args=["short-walks"])):
        assert "trapped nerve" not in client.get(url).content.decode()


# Folded filters -----------------------------------------------------------------------------


def filter_details(html: str) -> str:
    return re.search(r"<details class=\"filter-more\"[^>]*>", html).group(0)


@pytest.mark.parametrize("query", [{}, {"q": "sciatica"}, {"sort": "start"}])
def test_the_filters_are_folded_when_none_is_in_use(client, query):
    assert " open" not in filter_details(client.get(LIST, query).content.decode())


@pytest.mark.parametrize(
    "query",
    [{"category": "core"}, {"flare": "on"}, {"sort": "name"}, {"category": "yoga"}],
)
def test_the_filters_are_open_when_one_is_in_use_or_could_not_be_used(client, query):
    assert " open" in filter_details(client.get(LIST, query).content.decode())


def test_the_folded_filters_say_how_many_are_in_use(client):
    html = client.get(LIST, {"category": "core", "stage": "1", "q": "bridge"}).content.decode()
    assert "(2 in use)" in html


def test_the_search_box_and_its_button_stay_outside_the_fold(client):
    html = client.get(LIST).content.decode()
    before_fold = html.split('<details class="filter-more"')[0]
    assert 'name="q"' in before_fold and ">Search</button>" in before_fold


# Starter sets on the path -------------------------------------------------------------------


def starters_in(html: str, stage: int) -> list[str]:
    section = html.split(f'id="stage-{stage}"')[1].split("</section>")[0]
    starter_list = section.split('class="starter-set"')[1].split("</ol>")[0]
    return re.findall(r'href="/exercises/([\w-]+)/"', starter_list)


def test_the_path_shows_a_starter_set_for_each_stage_in_rank_order(client):
    html = client.get(PATH).content.decode()
    for stage in (1, 2, 3):
        shown = starters_in(html, stage)
        expected = list(
            Exercise.objects.filter(stage=stage, starter_rank__isnull=False)
            .order_by("starter_rank")
            .values_list("slug", flat=True)
        )
        assert shown == expected
        assert 3 <= len(shown) <= 5
    assert starters_in(html, 1)[0] == "short-walks"
    assert f"Start with these {len(starters_in(html, 1))}" in html


def test_stage_one_starters_are_gentle_flare_safe_and_need_no_screen():
    starters = Exercise.objects.filter(stage=1, starter_rank__isnull=False)
    assert starters.count() == 5
    for exercise in starters:
        assert exercise.flare_up_ok and exercise.difficulty == Difficulty.GENTLE
        assert not exercise.bending_or_loaded
        assert exercise.sources.count() >= 2


def test_every_stage_starts_with_its_gentlest_exercises():
    for stage in (1, 2, 3):
        starters = Exercise.objects.filter(stage=stage, starter_rank__isnull=False)
        ranks = sorted(starters.values_list("starter_rank", flat=True))
        assert ranks == list(range(1, len(ranks) + 1))
        easiest = min(Exercise.objects.filter(stage=stage).values_list("difficulty", flat=True))
        assert starters.filter(difficulty=easiest).exists()


def test_the_full_stage_list_is_still_on_the_path_below_the_starters(client):
    html = client.get(PATH).content.decode()
    section = html.split('id="stage-1"')[1].split("</section>")[0]
    assert "All 33 exercises in stage 1" in section
    assert section.index('class="starter-set"') < section.index('class="path-all"')


# Start and end positions ---------------------------------------------------------------------


def test_every_exercise_has_a_start_and_an_end_figure():
    slugs = set(Exercise.objects.values_list("slug", flat=True))
    assert slugs == set(POSITIONS)
    for slug in slugs:
        positions = positions_for(slug)
        for path, alt in (
            (positions.start_path, positions.start_alt),
            (positions.end_path, positions.end_alt),
        ):
            svg = (STATIC / path).read_text()
            assert f"<title id=\"t\">{alt}</title>" in svg
        assert positions.start_alt.startswith("Start position: ")
        assert positions.end_alt.startswith("End position: ")


def test_the_committed_figures_are_what_the_script_draws():
    spec = importlib.util.spec_from_file_location("draw", ROOT / "scripts" / "draw_positions.py")
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)
    for slug in POSITIONS:
        start, end = draw.FIGURES[slug]
        positions = positions_for(slug)
        assert (STATIC / positions.start_path).read_text() == draw.svg(
            positions.start_alt, start
        )
        assert (STATIC / positions.end_path).read_text() == draw.svg(positions.end_alt, end)
        assert start != end, f"{slug}: the start and end figures are the same"


def test_the_positions_include_shows_both_figures_with_alt_text_saying_each():
    exercise = Exercise.objects.get(slug="glute-bridge")
    html = render_to_string("guidance/_exercise_positions.html", {"exercise": exercise})
    assert '<figure class="exercise-positions"' in html
    assert 'src="/static/guidance/illustrations/positions/glute-bridge-start.svg"' in html
    assert 'src="/static/guidance/illustrations/positions/glute-bridge-end.svg"' in html
    assert 'alt="Start position: lying on your back, knees bent, feet flat."' in html
    assert 'alt="End position: hips lifted so that shoulders, hips and knees make a' in html


def test_the_positions_include_renders_nothing_for_an_exercise_without_figures():
    exercise = Exercise(slug="made-up", name="Made up")
    html = render_to_string("guidance/_exercise_positions.html", {"exercise": exercise})
    assert html.strip() == ""
