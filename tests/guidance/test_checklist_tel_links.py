import pytest

from tests.guidance.phone_numbers import numbers_without_tel_links

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/about/"])
def test_every_emergency_number_on_the_home_and_about_pages_is_a_tel_link(client, path):
    bare, linked = numbers_without_tel_links(client.get(path).text)

    assert not bare
    assert {"999", "112", "911"} <= set(linked)


def test_the_number_finder_sees_a_bare_number_and_ignores_web_addresses():
    bare, linked = numbers_without_tel_links(
        '<p>Call 999 now or <a href="tel:112">112</a>.</p><p>See 111.nhs.uk, ref 19990.</p>'
    )

    assert bare == ["999 in “Call 999 now or”"]
    assert linked == ["112"]
