import pytest
from django.urls import reverse

from guidance.models import Exercise

from .exercise_factories import add_exercises

LIST = reverse("exercises:list")
HTMX = {"HX-Request": "true"}

pytestmark = pytest.mark.django_db


def result_names(response) -> list[str]:
    return [exercise.name for exercise in response.context["page"].object_list]


def test_the_list_page_is_public_and_shows_filters_and_results(client):
    response = client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert 'id="results"' in html
    assert 'role="search"' in html
    assert 'hx-get="/exercises/"' in html and 'hx-push-url="true"' in html
    assert 'hx-target="#results"' in html
    assert response.context["page"].paginator.count == Exercise.objects.count()


def test_an_htmx_request_gets_only_the_results_fragment(client):
    response = client.get(LIST, {"category": "hinge"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "<form" not in html and "site-header" not in html
    assert 'hx-swap-oob="innerHTML"' in html  # the live region gets the new count


def test_the_same_url_without_htmx_gives_the_whole_page_with_the_same_results(client):
    query = {"category": "hinge", "sort": "easiest"}
    fragment = client.get(LIST, query, headers=HTMX)
    page = client.get(LIST, query)
    assert "<html" in page.content.decode()
    assert result_names(page) == result_names(fragment)
    assert result_names(page)  # not vacuously equal
    for name in result_names(page):
        assert name in fragment.content.decode()


def test_a_history_restore_request_gets_the_whole_page(client):
    response = client.get(
        LIST, {"stage": "2"}, headers={**HTMX, "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()


def test_responses_vary_on_the_htmx_header(client):
    assert "HX-Request" in client.get(LIST)["Vary"]


def test_search_looks_in_names_and_descriptions(client):
    names = result_names(client.get(LIST, {"q": "bird-dog"}))
    assert "Bird-dog" in names and "Glute bridge" not in names
    # "psoas" appears only in the hip flexor stretch's description.
    assert result_names(client.get(LIST, {"q": "PSOAS"})) == ["Half-kneeling hip flexor stretch"]


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("category", "ball", "category"),
        ("stage", "3", "stage"),
        ("equipment", "none", "equipment"),
        ("difficulty", "3", "difficulty"),
        ("body_area", "upper_back", "body_area"),
    ],
)
def test_each_filter_narrows_the_results(client, name, value, field):
    response = client.get(LIST, {name: value})
    expected = Exercise.objects.filter(**{field: value})
    assert 0 < expected.count() < Exercise.objects.count()
    assert sorted(result_names(response)) == sorted(e.name for e in expected)


def test_the_flare_up_filter_keeps_only_exercises_suitable_during_a_flare(client):
    response = client.get(LIST, {"flare": "on"})
    names = result_names(response)
    assert sorted(names) == sorted(
        Exercise.objects.filter(flare_up_ok=True).values_list("name", flat=True)
    )
    assert "Barbell deadlift with cues" not in names


def test_filters_combine(client):
    response = client.get(LIST, {"stage": "1", "category": "core", "difficulty": "1"})
    expected = Exercise.objects.filter(stage=1, category="core", difficulty=1)
    assert sorted(result_names(response)) == sorted(e.name for e in expected)


def test_sorting_hardest_first(client):
    response = client.get(LIST, {"sort": "hardest"})
    difficulties = [e.difficulty for e in response.context["page"].object_list]
    assert difficulties == sorted(difficulties, reverse=True)


def test_an_unknown_filter_value_gives_a_message_and_the_other_filters_still_apply(client):
    response = client.get(LIST, {"category": "yoga", "stage": "9", "equipment": "none"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some of the filters could not be used" in html
    assert "That Category is not one of the options" in html
    assert "That Stage on the path is not one of the options" in html
    expected = Exercise.objects.filter(equipment="none")
    assert sorted(result_names(response)) == sorted(e.name for e in expected)


def test_an_over_long_search_gives_a_clear_message_not_an_error(client):
    response = client.get(LIST, {"q": "x" * 101})
    assert response.status_code == 200
    assert "Search for at most 100 characters (you typed 101)" in response.content.decode()
    assert response.context["page"].paginator.count == Exercise.objects.count()


def test_an_over_long_search_via_htmx_also_gets_the_message(client):
    response = client.get(LIST, {"q": "back " * 500}, headers=HTMX)
    assert response.status_code == 200
    assert "Search for at most 100 characters" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "-1", "999", ""])
def test_odd_page_numbers_are_harmless(client, page):
    assert client.get(LIST, {"page": page}).status_code == 200


def test_a_search_that_matches_nothing_says_so(client):
    response = client.get(LIST, {"q": "zzzz-nothing"})
    assert "No exercises match" in response.content.decode()


def test_the_list_links_to_the_path_and_why_lifting_hurts_pages(client):
    html = client.get(LIST).content.decode()
    assert f'href="{reverse("exercises:path")}"' in html
    assert f'href="{reverse("exercises:why_lifting_hurts")}"' in html
    assert f'href="{reverse("checklist:checklist")}"' in html


def test_the_list_paginates_with_the_filters_kept_in_the_links(client):
    add_exercises(100)
    response = client.get(LIST, {"category": "core"})
    assert response.context["page"].paginator.num_pages > 1
    assert "?category=core&amp;page=2" in response.content.decode()


@pytest.mark.parametrize("total", [40, 400])
@pytest.mark.parametrize(
    "query", [{}, {"q": "bridge", "flare": "on"}, {"stage": "1"}, {"q": "slipped disc"}]
)
def test_the_list_runs_a_constant_number_of_queries(
    client, django_assert_num_queries, total, query
):
    Exercise.objects.filter(pk__in=Exercise.objects.order_by("-pk")[:3]).delete()
    add_exercises(total)
    assert Exercise.objects.count() == total
    with django_assert_num_queries(2):  # count, then one page of results
        response = client.get(LIST, query)
    assert response.status_code == 200


@pytest.mark.parametrize("total", [40, 400])
def test_the_htmx_fragment_runs_the_same_number_of_queries(
    client, django_assert_num_queries, total
):
    Exercise.objects.filter(pk__in=Exercise.objects.order_by("-pk")[:3]).delete()
    add_exercises(total)
    with django_assert_num_queries(2):
        client.get(LIST, {"sort": "stage"}, headers=HTMX)


@pytest.mark.parametrize("query", [{"q": "bird\x00dog"}, {"category": "\x00"}, {"sort": "\x00"}])
def test_nul_bytes_in_the_filters_are_refused_politely(client, query):
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert "Some of the filters could not be used" in response.content.decode()
    assert response.context["page"].paginator.count == Exercise.objects.count()


def test_a_nul_byte_in_the_page_number_shows_the_first_page(client):
    response = client.get(LIST, {"page": "\x00"})
    assert response.status_code == 200
    assert response.context["page"].number == 1
