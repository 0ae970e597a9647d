"""What a person reads: no draft notes, no internal codes, and every emergency number dials.

Walks every page an anonymous visitor can reach (each exercise, the checklist result at every
level) and a signed-in person's journal and history pages, and reads the visible text the way a
browser would (attributes, scripts and styles ignored).
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from guidance import triage
from guidance.models import CheckResult, Exercise
from tests.guidance.checklist_answers import all_no
from tests.journal.factories import make_entry, make_workout
from tests.urlwalk import all_paths

pytestmark = pytest.mark.django_db

DRAFT_NOTES = re.compile(
    r"to verify|verify on the live page|secondary cop|\(\d{4} copy\)|archived copy|"
    r"clinical reference|section \d+\.\d+|vercel\.app|safety-netting|safety netting|"
    r"Noted: does not raise|\bTODO\b|\bFIXME\b|\bself_care\b|\bsame_day\b|\bwithin_days\b",
    re.IGNORECASE,
)
EMERGENCY_NUMBER = re.compile(r"(?<![\d/.:;,-])(999|112|911)(?![\d/])")
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}


class VisibleText(HTMLParser):
    """The text a person sees, and the emergency numbers that are not inside a tel: link."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.hidden_depth = 0
        self.chunks: list[str] = []
        self.undialable: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        dials = tag == "a" and (attrs.get("href") or "").startswith("tel:")
        hidden = tag in ("script", "style", "template", "title")
        self.stack.append((tag, dials, hidden))
        self.hidden_depth += hidden

    def handle_endtag(self, tag):
        while self.stack:
            name, _, hidden = self.stack.pop()
            self.hidden_depth -= hidden
            if name == tag:
                break

    def handle_data(self, data):
        if self.hidden_depth:
            return
        self.chunks.append(data)
        # A region choice ("United Kingdom (999)") is a label, not advice to call.
        if not any(dials or name == "option" for name, dials, _ in self.stack):
            for match in EMERGENCY_NUMBER.finditer(data):
                start = max(match.start() - 40, 0)
                self.undialable.append(data[start : match.end() + 40].strip())

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def read(html: str) -> VisibleText:
    parser = VisibleText()
    parser.feed(html)
    return parser


def check(path: str, response) -> list[str]:
    assert response.status_code == 200, (path, response.status_code)
    page = read(response.content.decode())
    problems = [
        f"{path}: draft note or code {m.group(0)!r}" for m in DRAFT_NOTES.finditer(page.text)
    ]
    problems += [
        f"{path}: emergency number without a tel: link in {text!r}" for text in page.undialable
    ]
    return problems


def public_paths(client) -> list[str]:
    paths = [path for path in all_paths() if "sample" not in path and "/1/" not in path]
    paths += [
        reverse("exercises:detail", args=[slug])
        for slug in Exercise.objects.values_list("slug", flat=True)
    ]
    return [path for path in paths if client.get(path).status_code == 200]


def test_the_reader_finds_what_this_test_looks_for():
    page = read('<p>Call 999 now.</p><p>Call <a href="tel:999">999</a></p><script>"112"</script>')
    assert page.undialable == ["Call 999 now."]
    assert read("<p>NHS (2019 copy), to verify</p>").text == "NHS (2019 copy), to verify"
    assert DRAFT_NOTES.search("level self_care")
    assert not EMERGENCY_NUMBER.search("doi 10.1186/s12891-019-2949-6, 2019;20:112-118")


def test_no_public_page_shows_a_draft_note_or_code_and_every_emergency_number_dials(client):
    paths = public_paths(client)
    assert len(paths) > 50
    problems = []
    for path in paths:
        problems += check(path, client.get(path))
    assert not problems, "\n".join(problems)


def level_answers() -> dict[str, dict]:
    """Answers reaching each level through the form (every needed question answered)."""
    return {
        triage.EMERGENCY: all_no(incontinence="yes"),
        triage.SAME_DAY: all_no(fever="yes"),
        triage.WITHIN_DAYS: all_no(age=17),
        triage.ROUTINE: all_no(stops_daily_activities="yes"),
        triage.SELF_CARE: all_no(duration_weeks=1),
    }


@pytest.mark.parametrize("level", triage.LEVELS)
def test_the_checklist_result_at_every_level_reads_cleanly(client, level):
    response = client.post(reverse("checklist:checklist"), level_answers()[level])
    assert f'data-triage-level="{level}"' in response.content.decode()
    problems = check(f"result {level}", response)
    assert not problems, "\n".join(problems)


def test_a_signed_in_persons_pages_read_cleanly(client, alice):
    today = timezone.localdate()
    make_entry(alice, today, 6, regions=["neck"], triggers=["lifting"])
    make_workout(alice, today, before=2, after=5, exercises=[("Deadlift", 100)])
    for level in triage.LEVELS:
        CheckResult.objects.create(user=alice, level=level, answers={"age": 40}, reasons=[])
    client.force_login(alice)
    paths = [path for path in all_paths() if path.startswith(("/journal/", "/checklist/"))]
    paths += [reverse("checklist:history_detail", args=[r.pk]) for r in CheckResult.objects.all()]
    problems = []
    for path in paths:
        response = client.get(path)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            problems += check(path, response)
    assert not problems, "\n".join(problems)
