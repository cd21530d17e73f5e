"""Going to a record (from Problems, Search, the change log) shows the tab that holds it."""

from __future__ import annotations


def _ward_plan(window):
    store = window.doc.store
    return store.ward_plans(store.edition(2024).id)[0]


def test_go_to_a_ward_group_shows_the_groups_tab(window):
    plan = _ward_plan(window)
    group = window.doc.store.ward_groups(plan.id)[0]
    window.select_key(f"ward:{plan.id}")
    page = window.current_page()
    assert page.tabs.currentWidget() is not page.groups  # another tab is showing
    assert window.go_to("ward_group", group.id, "title")
    page = window.current_page()
    assert page.tabs.currentWidget() is page.groups and page.groups.isVisible()
    current = page.groups.proxy.mapToSource(page.groups.view.currentIndex())
    assert page.groups.model.rows[current.row()]["id"] == group.id


def test_go_to_a_ward_plan_field_shows_the_ward_tab(window):
    plan = _ward_plan(window)
    window.select_key(f"projects:{plan.id}")
    assert window.go_to("ward_plan", plan.id, "headline")
    page = window.current_page()
    form = page.forms[0]
    assert page.tabs.currentWidget() is form and form.isVisible()
    assert form.widgets["headline"].hasFocus()
