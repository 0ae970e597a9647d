"""`{{ text|phone_links }}`: every emergency or urgent-care number in a text becomes a tel: link.

The clinical texts (reasons, care cards, the safety net) are data that name numbers such as
"Call 999 / 112 / 911"; on a phone a number should be one tap away, wherever it is written.
"""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from guidance.checklist_questions import REGIONS

register = template.Library()


def _numbers() -> list[str]:
    numbers = {"999", "112", "911", "111", "116117"}
    for region in REGIONS.values():
        numbers |= {region.emergency, region.urgent_service.tel} - {""}
    # Longest first, so that a longer number is never cut into a shorter one.
    return sorted(numbers, key=len, reverse=True)


# Not part of a longer number, a web address ("111.nhs.uk"), an existing link ("tel:999") or
# the name of a website ("NHS 111 online").
PHONE_NUMBER = re.compile(rf"(?<![\w.:/-])({'|'.join(_numbers())})(?![\w/-]|\.\w| online)")


@register.filter(needs_autoescape=True)
def phone_links(text, autoescape=True):
    escaped = conditional_escape(text) if autoescape else str(text)
    return mark_safe(PHONE_NUMBER.sub(r'<a class="tel" href="tel:\1">\1</a>', escaped))
