"""Read a page as a person sees it: its visible text, and numbers that are not tel: links."""

import re
from html.parser import HTMLParser

NUMBER = re.compile(r"(?<![\w.:/-])(999|112|911|111|116117)(?![\w/-]|\.\w| online)")
# Text that is not shown as page content.
SKIPPED = {"script", "style", "title", "head", "noscript"}


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.bare: list[str] = []
        self.linked: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(tag in SKIPPED for tag, _ in self.stack):
            return
        self.text.append(data)
        links = [attrs.get("href") or "" for tag, attrs in self.stack if tag == "a"]
        for number in NUMBER.findall(data):
            if any(href == f"tel:{number}" for href in links):
                self.linked.append(number)
            else:
                context = data.strip()[:120]
                self.bare.append(f"{number} in “{context}”")


def numbers_without_tel_links(html: str) -> tuple[list[str], list[str]]:
    """(numbers shown as plain text, numbers that are tel: links) in the page's visible text."""
    finder = _Finder()
    finder.feed(html)
    return finder.bare, finder.linked


def visible_text(html: str) -> str:
    """The page's text as a person reads it (no tags, attributes, scripts or styles)."""
    finder = _Finder()
    finder.feed(html)
    return " ".join(" ".join(finder.text).split())
