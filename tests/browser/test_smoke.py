def test_home_page_is_accessible_and_self_contained(page, assert_accessible):
    page.goto("/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert_accessible(page)
