import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Emergency numbers people may need to tap on a phone: 999 (UK), 112 (EU), 911 (US).
EMERGENCY_NUMBER = re.compile(r"(?<![\d.])(999|112|911)(?!\d|[.,]\d)")


@register.filter
def tel_links(text: str) -> SafeString:
    """Escape the text and make every emergency number in it a tel: link."""
    escaped = conditional_escape(text)
    return mark_safe(EMERGENCY_NUMBER.sub(r'<a href="tel:\1">\1</a>', escaped))
