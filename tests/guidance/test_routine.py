import pytest
from django.db.models import QuerySet
from django.test import Client
from django.urls import reverse

from guidance.models import Exercise, RoutineItem

from ..conftest import make_user

ROUTINE = reverse("exercises:routine")
ADD = reverse("exercises:routine_add")
HTMX = {"HX-Request": "true"}

pytestmark = pytest.mark.django_db


def exercise(slug: str) -> Exercise:
    return Exercise.objects.get(slug=slug)


def save(user, *slugs: str) -> list[RoutineItem]:
    return [
        RoutineItem.objects.create(user=user, exercise=exercise(slug), position=i)
        for i, slug in enumerate(slugs)
    ]


def routine_slugs(user) -> list[str]:
    return [item.exercise.slug for item in RoutineItem.objects.for_user(user)]


def test_the_routine_needs_signing_in(client):
    response = client.get(ROUTINE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_adding_needs_signing_in_and_stores_nothing(client):
    response = client.post(ADD, {"exercise": "bird-dog"})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert not RoutineItem.objects.exists()


def test_a_second_add_that_races_the_first_keeps_one_item_and_no_error(
    alice_client, alice, monkeypatch
):
    """The other request's row lands between this request's look-up and its insert."""
    save(alice, "bird-dog")
    real_get, missed = QuerySet.get, []

    def first_look_up_misses(queryset, *args, **kwargs):
        if queryset.model is RoutineItem and not missed:
            missed.append(True)
            raise RoutineItem.DoesNotExist
        return real_get(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "get", first_look_up_misses)
    response = alice_client.post(ADD, {"exercise": "bird-dog"})
    assert response.status_code == 302
    assert missed and routine_slugs(alice) == ["bird-dog"]


def test_adding_must_be_a_post(alice_client):
    assert alice_client.get(ADD).status_code == 405


def test_adding_without_javascript_redirects_back_with_a_message(alice_client, alice):
    response = alice_client.post(ADD, {"exercise": "bird-dog"}, follow=True)
    assert response.redirect_chain[-1][0] == "/exercises/bird-dog/"
    assert "Bird-dog is in My routine." in response.content.decode()
    assert routine_slugs(alice) == ["bird-dog"]


def test_adding_with_htmx_returns_only_the_button_fragment(alice_client, alice):
    response = alice_client.post(ADD, {"exercise": "bird-dog"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="card routine-button" id="routine-button"')
    assert "Remove from My routine" in html
    assert 'id="routine-announcer" hx-swap-oob="innerHTML">Bird-dog is in My routine.' in html
    assert "<html" not in html


def test_adding_twice_keeps_one_item_and_new_items_go_to_the_end(alice_client, alice):
    alice_client.post(ADD, {"exercise": "bird-dog"})
    alice_client.post(ADD, {"exercise": "curl-up"})
    alice_client.post(ADD, {"exercise": "bird-dog"})
    assert routine_slugs(alice) == ["bird-dog", "curl-up"]


@pytest.mark.parametrize("slug", ["", "no-such-thing", "x" * 500, "bird\x00dog", "bird dog"])
def test_adding_an_unknown_exercise_is_404(alice_client, alice, slug):
    assert alice_client.post(ADD, {"exercise": slug}).status_code == 404
    assert not RoutineItem.objects.exists()


def test_the_routine_page_shows_only_my_items_in_order_with_notes(alice_client, alice, bob):
    save(alice, "curl-up", "bird-dog")
    RoutineItem.objects.filter(user=alice, exercise__slug="curl-up").update(notes="3 holds")
    save(bob, "barbell-deadlift")
    response = alice_client.get(ROUTINE)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("McGill curl-up") < html.index("Bird-dog")
    assert "3 holds" in html
    assert "Barbell deadlift" not in html
    assert 'media="print"' in html  # the printable stylesheet
    assert "Print my routine" in html


def test_the_empty_routine_explains_how_to_add(alice_client):
    assert "Your routine is empty" in alice_client.get(ROUTINE).content.decode()


def test_the_routine_page_gives_the_general_rules_with_their_sources(alice_client):
    html = alice_client.get(ROUTINE).content.decode()
    rules = html.split('id="routine-safety-heading"')[1].split("</section>")[0]
    for rule in ("Start with about 5 repetitions", "severe pain", "If you are pregnant"):
        assert rule in rules
    assert 'href="https://www.nhsinform.scot/illnesses-and-conditions/' in rules


def test_moving_down_and_up(alice_client, alice):
    items = save(alice, "bird-dog", "curl-up", "side-bridge")
    move = reverse("exercises:routine_move", args=[items[0].pk])
    alice_client.post(move, {"direction": "down"})
    assert routine_slugs(alice) == ["curl-up", "bird-dog", "side-bridge"]
    response = alice_client.post(move, {"direction": "down"}, headers=HTMX)
    assert routine_slugs(alice) == ["curl-up", "side-bridge", "bird-dog"]
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="routine"')
    assert "Bird-dog moved down, to number 3." in html
    alice_client.post(move, {"direction": "up"})
    assert routine_slugs(alice) == ["curl-up", "bird-dog", "side-bridge"]


def test_moving_past_the_end_changes_nothing_and_says_so(alice_client, alice):
    items = save(alice, "bird-dog", "curl-up")
    move = reverse("exercises:routine_move", args=[items[0].pk])
    response = alice_client.post(move, {"direction": "up"}, follow=True)
    assert "Bird-dog is already at the top." in response.content.decode()
    assert routine_slugs(alice) == ["bird-dog", "curl-up"]


def test_an_unknown_direction_gives_a_message_and_changes_nothing(alice_client, alice):
    items = save(alice, "bird-dog", "curl-up")
    move = reverse("exercises:routine_move", args=[items[0].pk])
    response = alice_client.post(move, {"direction": "sideways"}, follow=True)
    assert response.status_code == 200
    assert "Choose to move it up or down." in response.content.decode()
    assert routine_slugs(alice) == ["bird-dog", "curl-up"]


def test_saving_dosage_notes(alice_client, alice):
    [item] = save(alice, "bird-dog")
    notes = reverse("exercises:routine_notes", args=[item.pk])
    response = alice_client.post(notes, {"notes": "  2 sets of 6, mornings  "}, follow=True)
    assert "Notes for Bird-dog saved." in response.content.decode()
    item.refresh_from_db()
    assert item.notes == "2 sets of 6, mornings"


def test_over_long_notes_are_refused_with_a_message_and_nothing_changes(alice_client, alice):
    [item] = save(alice, "bird-dog")
    item.notes = "before"
    item.save()
    notes = reverse("exercises:routine_notes", args=[item.pk])
    response = alice_client.post(notes, {"notes": "n" * 301})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ensure this value has at most 300 characters" in html
    assert 'aria-invalid="true"' in html
    item.refresh_from_db()
    assert item.notes == "before"
    htmx = alice_client.post(notes, {"notes": "n" * 301}, headers=HTMX)
    assert htmx.status_code == 200 and "at most 300 characters" in htmx.content.decode()


def test_removing_from_the_routine_page_and_from_the_detail_page(alice_client, alice):
    first, second = save(alice, "bird-dog", "curl-up")
    response = alice_client.post(reverse("exercises:routine_remove", args=[first.pk]))
    assert response["Location"] == ROUTINE
    response = alice_client.post(
        reverse("exercises:routine_remove", args=[second.pk]), {"from": "detail"}, headers=HTMX
    )
    assert "Add to My routine" in response.content.decode()
    assert routine_slugs(alice) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("exercises:routine_remove", {}),
        ("exercises:routine_move", {"direction": "up"}),
        ("exercises:routine_notes", {"notes": "mine now"}),
    ],
)
def test_another_persons_routine_item_is_404_and_unchanged(alice_client, bob, name, data):
    bobs = save(bob, "bird-dog", "curl-up")
    response = alice_client.post(reverse(name, args=[bobs[1].pk]), data)
    assert response.status_code == 404
    assert routine_slugs(bob) == ["bird-dog", "curl-up"]
    assert RoutineItem.objects.get(pk=bobs[1].pk).notes == ""


def lands_while_waiting_for_the_lock(monkeypatch, model, other_request) -> list:
    """Runs `other_request` (another request's committed change) just before this request's
    first locking read of `model`: what happens when this request waits for the lock."""
    real, ran = QuerySet.select_for_update, []

    def select_for_update(queryset, *args, **kwargs):
        if queryset.model is model and not ran:
            ran.append(True)
            other_request()
        return real(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", select_for_update)
    return ran


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("exercises:routine_move", {"direction": "up"}),
        ("exercises:routine_move", {"direction": "sideways"}),
        ("exercises:routine_notes", {"notes": "2 sets of 6"}),
        ("exercises:routine_remove", {}),
    ],
)
def test_an_item_removed_while_this_request_waited_is_404_and_nothing_is_written(
    alice_client, alice, monkeypatch, name, data
):
    first, second = save(alice, "bird-dog", "curl-up")
    removed = lands_while_waiting_for_the_lock(
        monkeypatch, RoutineItem, lambda: RoutineItem.objects.filter(pk=second.pk).delete()
    )
    response = alice_client.post(reverse(name, args=[second.pk]), data)
    # The 404 rolls back this request's transaction, and in this test the other request's
    # delete with it, as both share one connection: what matters is that nothing else changed.
    assert removed and response.status_code == 404
    first.refresh_from_db()
    assert (first.position, first.notes) == (0, "")


def test_a_move_that_waited_for_another_reorder_moves_from_the_new_place(
    alice_client, alice, monkeypatch
):
    items = save(alice, "bird-dog", "curl-up", "side-bridge")

    def other_move_puts_side_bridge_first():
        for position, item in enumerate([items[2], items[0], items[1]]):
            RoutineItem.objects.filter(pk=item.pk).update(position=position)

    moved = lands_while_waiting_for_the_lock(
        monkeypatch, RoutineItem, other_move_puts_side_bridge_first
    )
    response = alice_client.post(
        reverse("exercises:routine_move", args=[items[2].pk]), {"direction": "up"}, follow=True
    )
    assert moved
    assert "Side bridge is already at the top." in response.content.decode()
    assert routine_slugs(alice) == ["side-bridge", "bird-dog", "curl-up"]


def test_two_adds_at_once_go_one_after_the_other_at_the_end(alice_client, alice, monkeypatch):
    save(alice, "bird-dog")
    added = lands_while_waiting_for_the_lock(
        monkeypatch,
        RoutineItem,
        lambda: RoutineItem.objects.create(user=alice, exercise=exercise("curl-up"), position=1),
    )
    alice_client.post(ADD, {"exercise": "side-bridge"})
    assert added
    positions = list(RoutineItem.objects.for_user(alice).values_list("position", flat=True))
    assert positions == [0, 1, 2]
    assert routine_slugs(alice) == ["bird-dog", "curl-up", "side-bridge"]


def test_an_unknown_item_id_is_404(alice_client):
    assert alice_client.post(reverse("exercises:routine_remove", args=[999999])).status_code == 404


def test_deleting_a_person_deletes_their_routine():
    carol = make_user()
    save(carol, "bird-dog")
    carol.delete()
    assert not RoutineItem.objects.exists()


def test_the_routine_page_runs_a_constant_number_of_queries(
    alice_client, alice, django_assert_num_queries
):
    save(alice, *Exercise.objects.values_list("slug", flat=True)[:30])
    alice_client.get(ROUTINE)
    # session, user, routine items with their exercises, the two general-rule sources
    with django_assert_num_queries(4):
        alice_client.get(ROUTINE)


def test_an_htmx_request_after_the_session_ends_sends_the_whole_page_to_sign_in(client):
    response = client.post(
        ADD,
        {"exercise": "bird-dog"},
        headers={**HTMX, "HX-Current-URL": "http://testserver/exercises/bird-dog/"},
    )
    assert response["HX-Redirect"] == "/accounts/signin/?next=/exercises/bird-dog/"
    assert not RoutineItem.objects.exists()


def test_notes_with_a_nul_byte_are_refused_and_nothing_changes(alice_client, alice):
    [item] = save(alice, "bird-dog")
    response = alice_client.post(
        reverse("exercises:routine_notes", args=[item.pk]), {"notes": "a\x00b"}
    )
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    item.refresh_from_db()
    assert item.notes == ""


# Adding from the list page -------------------------------------------------------------------

LIST = reverse("exercises:list")


def test_the_list_offers_add_to_my_routine_only_when_signed_in(alice_client, alice):
    assert "Add to My routine" not in Client().get(LIST).content.decode()
    save(alice, "glute-bridge")  # on the first page in the default "start here" order
    html = alice_client.get(LIST).content.decode()
    assert 'value="cat-camel"><input type="hidden" name="from" value="list">' in html
    bridge = html.split('id="card-routine-glute-bridge"')[1].split("</div>")[0]
    assert "In <a" in bridge and "Add to My routine" not in bridge


def test_adding_from_the_list_with_htmx_returns_only_that_cards_action(alice_client, alice):
    response = alice_client.post(ADD, {"exercise": "curl-up", "from": "list"}, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="card-routine" id="card-routine-curl-up">')
    assert "In <a" in html and "Add to My routine" not in html
    assert '<p id="results-status" hx-swap-oob="innerHTML">McGill curl-up is in My routine.' in html
    assert "<html" not in html
    assert routine_slugs(alice) == ["curl-up"]


def test_adding_from_the_list_without_javascript_goes_back_to_the_same_list(alice_client):
    response = alice_client.post(
        ADD, {"exercise": "curl-up", "from": "list", "next": "/exercises/?stage=1&page=2"}
    )
    assert response["Location"] == "/exercises/?stage=1&page=2"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", ""])
def test_adding_from_the_list_never_redirects_off_the_site(alice_client, next_url):
    response = alice_client.post(ADD, {"exercise": "curl-up", "from": "list", "next": next_url})
    assert response["Location"] == "/exercises/curl-up/"


@pytest.mark.parametrize("total", [40, 400])
def test_the_list_for_a_signed_in_person_runs_a_constant_number_of_queries(
    alice_client, alice, django_assert_num_queries, total
):
    from .exercise_factories import add_exercises

    Exercise.objects.filter(pk__in=Exercise.objects.order_by("-pk")[:3]).delete()
    add_exercises(total)
    save(alice, *Exercise.objects.values_list("slug", flat=True)[:30])
    alice_client.get(LIST)
    # session, user, count, one page of results, which of them are in the routine
    with django_assert_num_queries(5):
        response = alice_client.get(LIST)
    assert len(response.context["saved_ids"]) > 0


def test_the_htmx_results_fragment_carries_the_add_buttons_too(alice_client):
    response = alice_client.get(LIST, {"category": "core"}, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert html.count('name="from" value="list"') == len(response.context["page"].object_list)
