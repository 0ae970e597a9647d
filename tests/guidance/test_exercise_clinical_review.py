"""Issue 8, the exercise side: cauda equina signs go to 999 (item 4), lifting claims are
attributed and the evidence is given (10), every dose has a source or says it is coaching
practice (11), flare suitability and the before-you-start screen (12), and no draft notes on
any exercise page (0)."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from guidance.exercises_path import REASONS, STAGES
from guidance.models import COACHING_PRACTICE, Exercise, RoutineItem, Source
from guidance.templatetags.phone_links import phone_links

pytestmark = pytest.mark.django_db

LIST = reverse("exercises:list")
PATH = reverse("exercises:path")
WHY = reverse("exercises:why_lifting_hurts")
ROUTINE = reverse("exercises:routine")


def main_of(html: str) -> str:
    """The page's own content: the site header and footer belong to the base template."""
    return html.split('<main id="main"')[1].split("</main>")[0]


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def every_exercise_page(client):
    for exercise in Exercise.objects.order_by("slug"):
        yield exercise, main_of(client.get(exercise.get_absolute_url()).content.decode())


@pytest.fixture
def every_page(alice_client, alice):
    """Every exercise page, the list (both pages), path, why-lifting-hurts and a routine holding
    every exercise."""
    RoutineItem.objects.bulk_create(
        RoutineItem(user=alice, exercise=exercise, position=position)
        for position, exercise in enumerate(Exercise.objects.all())
    )
    urls = [e.get_absolute_url() for e in Exercise.objects.all()]
    urls += [LIST, f"{LIST}?page=2", PATH, WHY, ROUTINE]
    pages = {}
    for url in urls:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        pages[url] = main_of(response.content.decode())
    return pages


# Item 4: cauda equina signs -> call 999 / go to A&E now ------------------------------------

TEL_999 = '<a href="tel:999">999</a>'


def test_every_exercises_first_caution_sends_cauda_equina_signs_to_999_by_a_tel_link(client):
    for exercise, html in every_exercise_page(client):
        cautions = section(html, "cautions-heading")
        first = cautions.split("<li>")[1].split("</li>")[0]
        assert first.startswith('Call <a class="tel" href="tel:999">999</a>'), exercise.slug
        assert "go to A&amp;E now" in first, exercise.slug
        for sign in ("genitals", "bottom", "peeing", "bladder or bowel"):
            assert sign in first, (exercise.slug, sign)
        assert 'href="tel:112">112</a>' in first and 'href="tel:911">911</a>' in first
        assert "checklist" not in first, exercise.slug  # the checklist is for everything else
        assert f'href="{reverse("checklist:checklist")}"' in cautions, exercise.slug


@pytest.mark.parametrize("url", [LIST, PATH, WHY])
def test_the_list_path_and_why_pages_send_cauda_equina_signs_to_999(client, url):
    html = main_of(client.get(url).content.decode())
    emergency = html.split('class="emergency-line"')[1].split("</p>")[0]
    assert f"Call {TEL_999} or go to A&amp;E now" in emergency
    assert "genitals" in emergency and "bladder or bowel" in emergency
    assert "Emergency advice: " in emergency  # said first to screen-reader users
    assert f'href="{reverse("checklist:checklist")}"' in html
    assert "checklist now" not in html


def test_the_emergency_advice_comes_before_the_exercises_on_the_list_and_path_pages(client):
    html = client.get(LIST).content.decode()
    assert html.index("tel:999") < html.index('id="results"')
    html = client.get(PATH).content.decode()
    assert html.index("tel:999") < html.index('id="stage-1"')


def test_every_emergency_number_on_an_exercise_page_is_a_tel_link(every_page):
    for url, html in every_page.items():
        without_tel_links = re.sub(r'<a [^>]*href="tel:(\d+)"[^>]*>\1</a>', "", html)
        text = re.sub(r"<[^>]+>", " ", without_tel_links)
        assert not re.search(r"\b(999|112|911)\b", text), url


def test_phone_links_escapes_the_text_and_links_only_whole_emergency_numbers():
    assert phone_links("Call 999 <now> & 112, or 911.") == (
        'Call <a class="tel" href="tel:999">999</a> &lt;now&gt; &amp; '
        '<a class="tel" href="tel:112">112</a>, or <a class="tel" href="tel:911">911</a>.'
    )
    assert phone_links("In 1999 we did 9112 reps, 2.999 kg, 999.5") == (
        "In 1999 we did 9112 reps, 2.999 kg, 999.5"
    )


# Item 10: lifting claims are the source article's opinion; the evidence is given ---------------


def test_the_lifting_claims_are_attributed_to_the_source_article_as_coaching_opinion(client):
    texts = [f"{e.purpose} {e.description}" for e in Exercise.objects.all()]
    texts += [f"{r.explanation} {r.fix}" for r in REASONS] + [s.purpose for s in STAGES]
    texts += [main_of(client.get(url).content.decode()) for url in (PATH, WHY)]
    everything = " ".join(texts)
    assert "protect your back" not in everything.replace("not a proven way to protect", "")
    for claim in ("one of three things", "strain"):
        sentences = [s for s in re.split(r"(?<=[.!?])\s", everything) if claim in s]
        assert sentences, claim
        for sentence in sentences:
            assert re.search(r"article|coach|In his view|In the view of", sentence), sentence
    barbell = Exercise.objects.get(slug="barbell-deadlift")
    assert "coaching opinion, not a research finding" in barbell.description
    technique = next(r for r in REASONS if r.key == "technique")
    assert "coaching opinion" in technique.explanation


def test_lifting_pages_give_the_saraceni_evidence_and_hurt_does_not_equal_harm(client):
    pages = [PATH, WHY] + [
        e.get_absolute_url() for e in Exercise.objects.filter(stage__gte=2).order_by("slug")
    ]
    assert len(pages) > 10
    for url in pages:
        html = main_of(client.get(url).content.decode())
        evidence = section(html, "lifting-evidence-heading")
        assert "Bending your back is not dangerous" in evidence, url
        assert 'href="https://pubmed.ncbi.nlm.nih.gov/31775556/"' in evidence, url
        assert "Saraceni et al., Journal of Orthopaedic &amp; Sports Physical Therapy, 2020" in (
            evidence
        )
        assert "Hurt does not equal harm" in evidence, url


# Item 11: every dose has a source that gives it, or says it is coaching practice ---------------

# Cited by the cautions, the before-you-start screen or the evidence box, not for the exercise.
EVERY_PAGE_OR_SCREEN_SOURCES = {
    "nhs-back-pain",
    "girft-ces-pathway",
    "downie-bmj-2013",
    "hsc-northern-trust-back-pain",
    "saraceni-2020",
    "gstt-hurt-not-harm",
}

NO_SOURCE_GIVES_THESE_DOSES = [
    "dead-bug",
    "glute-bridge-march",
    "kettlebell-deadlift",  # "a bell you could lift 15 times"
    "trap-bar-deadlift",  # "two or three repetitions in reserve", and how often
    "barbell-deadlift",
    "elevated-barbell-deadlift",
    "kettlebell-romanian-deadlift",
    "lying-hamstring-stretch",  # "about 30 seconds, common practice"
    "hip-flexor-stretch",
    "standing-hip-flexor-stretch",
    "stability-ball-reverse-leg-raise",
]


def test_every_dose_on_the_page_names_its_source_or_says_it_is_coaching_practice(client):
    for exercise, html in every_exercise_page(client):
        dosage = section(html, "dosage-heading")
        basis = dosage.split('<dd class="dose-basis">')[1].split("</dd>")[0]
        if exercise.dose_source is None:
            assert basis == COACHING_PRACTICE, exercise.slug
        else:
            source = exercise.dose_source
            link = f'<a href="{escape(source.url)}" rel="noopener">{escape(source.citation)}</a>'
            assert basis == link, exercise.slug
            assert source in exercise.sources.all(), exercise.slug


@pytest.mark.parametrize("slug", NO_SOURCE_GIVES_THESE_DOSES)
def test_doses_no_source_gives_say_coaching_practice(client, slug):
    assert Exercise.objects.get(slug=slug).dose_source is None
    html = client.get(reverse("exercises:detail", args=[slug])).content.decode()
    assert "Coaching practice, no guideline gives a dose." in section(html, "dosage-heading")


def test_no_dose_cites_a_guideline_or_review_that_gives_no_dose(client):
    no_doses = ["nice-ng59", "acp-2017", "cochrane-exercise-2021"]
    assert not Exercise.objects.filter(dose_source__slug__in=no_doses).exists()
    # Nor are they listed as if they described a particular exercise; each page says what they do.
    assert not Exercise.objects.filter(sources__slug__in=no_doses).exists()
    html = client.get(reverse("exercises:detail", args=["dead-bug"])).content.decode()
    general = section(html, "sources-heading").split("Guidelines recommend")[1]
    assert "without naming particular exercises or doses" in general
    assert 'href="https://www.nice.org.uk/guidance/ng59/chapter/Recommendations"' in general
    assert not Exercise.objects.filter(dosage_note__icontains="NICE").exists()
    assert not Exercise.objects.filter(dosage_note__icontains="common practice").exists()


def test_exercises_no_clinical_source_describes_say_they_are_coaching_practice():
    for exercise in Exercise.objects.prefetch_related("sources"):
        describing = {s.slug for s in exercise.sources.all()} - EVERY_PAGE_OR_SCREEN_SOURCES
        if not describing:
            description = exercise.description.lower()
            assert "coaching practice" in description, exercise.slug
            assert "no clinical guideline describes it" in description, exercise.slug


def test_the_quadruped_hip_stretch_takes_its_sources_dose_10_seconds_10_times(client):
    capsule = Exercise.objects.get(slug="quadruped-hip-capsule-stretch")
    assert capsule.dose_source.slug == "azopt-posterior-hip"
    assert (capsule.hold_seconds, capsule.reps) == (10, 10)
    assert "hold 10 seconds and repeat 10 times" in capsule.dosage_note
    assert "at least 30" not in capsule.dosage_note.lower()
    html = client.get(capsule.get_absolute_url()).content.decode()
    assert "<strong>Dosage:</strong> 10 repetitions, hold 10 seconds" in html


def test_the_routine_says_where_each_suggested_dose_comes_from(alice_client, alice):
    for position, slug in enumerate(["knee-rolls", "dead-bug"]):
        RoutineItem.objects.create(
            user=alice, exercise=Exercise.objects.get(slug=slug), position=position
        )
    html = alice_client.get(ROUTINE).content.decode()
    knee_rolls, dead_bug = html.split('class="card routine-item"')[1:]
    assert "Dose from NHS: Lower back pain exercises (2019)." in knee_rolls
    assert COACHING_PRACTICE in dead_bug


def test_the_routine_page_runs_a_constant_number_of_queries(
    alice_client, alice, django_assert_num_queries
):
    alice_client.get(ROUTINE)  # warm the session
    for position, exercise in enumerate(Exercise.objects.all()[:10]):
        RoutineItem.objects.create(user=alice, exercise=exercise, position=position)
    # session, user, the items with their exercises and dose sources, the page's sources
    with django_assert_num_queries(4):
        alice_client.get(ROUTINE)


# Item 12: flare suitability, bone and cancer cautions, the before-you-start screen ------------

BENDING = ["knee-to-chest", "double-knee-to-chest", "bottom-to-heels", "cat-camel"]


def test_the_lying_hamstring_stretch_is_not_offered_during_a_flare_up(client):
    hamstring = Exercise.objects.get(slug="lying-hamstring-stretch")
    assert not hamstring.flare_up_ok
    assert any("straight-leg raise" in caution for caution in hamstring.caution_list)
    flare_list = client.get(LIST, {"flare": "on"}).content.decode()
    assert hamstring.get_absolute_url() not in flare_list
    html = client.get(hamstring.get_absolute_url()).content.decode()
    assert "Not for a flare-up" in html


def test_bending_and_loaded_exercises_carry_the_osteoporosis_steroids_and_cancer_caution():
    screened = Exercise.objects.filter(bending_or_loaded=True)
    assert set(Exercise.objects.filter(stage__gte=2)) <= set(screened)
    assert set(BENDING) <= {exercise.slug for exercise in screened}
    for exercise in screened:
        caution = next(c for c in exercise.caution_list if "Osteoporosis" in c)
        assert "steroid tablets" in caution and "cancer" in caution, exercise.slug
        assert "Downie et al., BMJ 2013" in caution, exercise.slug
        assert exercise.sources.filter(slug="downie-bmj-2013").exists(), exercise.slug
    for exercise in Exercise.objects.filter(bending_or_loaded=False):
        assert not any("Osteoporosis" in c for c in exercise.caution_list), exercise.slug


def _before_you_start(html: str) -> str:
    return section(html, "before-you-start-heading")


def test_loaded_and_bending_exercises_open_with_a_before_you_start_screen(client):
    for exercise in Exercise.objects.filter(bending_or_loaded=True):
        html = client.get(exercise.get_absolute_url()).content.decode()
        screen = _before_you_start(html)
        assert TEL_999 in screen and "genitals" in screen, exercise.slug
        assert "Osteoporosis, steroid tablets for a long time, or cancer" in screen
        assert f'href="{reverse("checklist:checklist")}"' in screen, exercise.slug
        assert html.index("before-you-start-heading") < html.index('id="steps-heading"')
    html = client.get(reverse("exercises:detail", args=["knee-rolls"])).content.decode()
    assert "before-you-start-heading" not in html


def test_the_path_page_opens_with_the_before_you_start_screen(client):
    html = client.get(PATH).content.decode()
    screen = _before_you_start(html)
    assert TEL_999 in screen and "bladder or bowel" in screen
    assert "Osteoporosis" in screen and f'href="{reverse("checklist:checklist")}"' in screen
    assert html.index("before-you-start-heading") < html.index('id="stage-1"')


# Item 0: sources name publisher, title and year; no draft notes on any page -------------------

DRAFT_NOTES = [
    "verify",
    "(2019 copy)",
    "archived copy",
    "secondary cop",
    "http://",
    "section 4.2",
    "clinical reference",
    "vercel.app",
    "unverified",
]


def test_no_exercise_page_shows_a_draft_note(every_page):
    to_verify = [s.to_verify for s in Source.objects.exclude(to_verify="")]
    assert len(to_verify) >= 10
    for url, html in every_page.items():
        lowered = html.lower()
        for note in DRAFT_NOTES:
            assert note not in lowered, (url, note)
        for note in to_verify:
            assert note not in html, (url, note)


def test_sources_still_to_check_are_kept_for_the_hazard_log():
    notes = dict(Source.objects.values_list("slug", "to_verify"))
    assert "2019 copy" in notes["nhs-lower-back-pain-exercises"]
    assert "secondary summaries" in notes["mcgill-big-3"]
    assert "not retrieved" in notes["girft-ces-pathway"]


def test_every_source_shown_names_publisher_title_and_year_with_an_https_link(client):
    for exercise, html in every_exercise_page(client):
        sources = section(html, "sources-heading")
        for source in exercise.sources.all():
            assert source.url.startswith("https://"), source.slug
            citation = f"{source.publisher}: {source.title} ({source.year or 'undated'})"
            link = f'<a href="{escape(source.url)}" rel="noopener">{escape(citation)}</a>'
            assert link in sources, source.slug
    years = dict(Source.objects.values_list("slug", "year"))
    assert years["saraceni-2020"] == "2020" and years["nice-ng59"] == "2016, updated 2020"
    assert years["walkback-2024"] == "2024" and years["downie-bmj-2013"] == "2013"


def test_the_content_migration_can_run_twice_with_the_same_result():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("guidance.migrations.0010_clinical_review_exercise_content")
    before = list(Exercise.objects.order_by("slug").values())
    migration.edit_content(apps, None)
    assert list(Exercise.objects.order_by("slug").values()) == before
    bird_dog = Exercise.objects.get(slug="bird-dog")
    assert len([c for c in bird_dog.caution_list if c.startswith("Call 999")]) == 1
