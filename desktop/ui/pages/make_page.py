"""Which page opens for each kind of navigator node."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..forms import fields
from ..forms.record_form import RecordForm
from ..tables.plan_models import (
    PrioritiesModel,
    VisionsModel,
)
from .page import FormPage, Page, TablePage


def t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


def make_page(doc, key: str, edition_id: int | None, parent=None) -> Page | None:
    """The page for navigator node ``key``, built inside ``parent`` (the window's page stack):
    with the application's style sheet, a finished page moved into another widget has every
    one of its widgets restyled again."""
    kind, _, raw = key.partition(":")
    row_id = int(raw) if raw.isdigit() else None
    if row_id is None:
        return None
    # each kind's page module loads when a page of that kind first opens (a quicker start)
    if kind in ("vision", "measures", "initiatives"):
        from .vision_page import VisionPage

        vision = doc.store.row("vision", row_id)
        return VisionPage(doc, row_id, vision["edition_id"], parent) if vision else None
    if kind in ("ward", "projects"):
        from .ward_page import WardPage

        plan = doc.store.row("ward_plan", row_id)
        return WardPage(doc, row_id, plan["edition_id"], parent) if plan else None
    if kind == "priority":
        from .priority_page import PriorityPage

        row = doc.store.row("priority", row_id)
        return PriorityPage(doc, row_id, row["edition_id"], parent) if row else None
    if kind == "initiative":
        return FormPage(fields.initiative_form(doc, row_id), parent) if doc.store.row(
            "initiative", row_id) else None
    if kind == "front" or kind == "edition":
        return FormPage(RecordForm(doc, "edition", row_id,
                                   fields.FRONT_FIELDS + fields.HEADING_FIELDS,
                                   QCoreApplication.translate("Pages", "Front matter")), parent)
    if kind == "contact":
        return FormPage(RecordForm(doc, "edition", row_id, fields.CONTACT_FIELDS,
                                   QCoreApplication.translate("Pages", "Contact (back cover)")),
                        parent)
    if kind == "priorities":
        return TablePage(PrioritiesModel(doc, row_id),
                         QCoreApplication.translate("Pages", "Priority items"), parent)
    if kind == "visions":
        return TablePage(VisionsModel(doc, row_id), QCoreApplication.translate("Pages", "Visions"),
                         parent)
    if kind == "wards":
        ward_fields = [f for f in fields.FRONT_FIELDS if f.name.startswith("ward_")]
        return FormPage(RecordForm(doc, "edition", row_id, ward_fields,
                                   QCoreApplication.translate("Pages", "Wards")), parent)
    return None


def page_key(key: str) -> str:
    """Keys that share one page (a vision's measures and initiatives open the vision page)."""
    kind, _, raw = key.partition(":")
    kind = {"measures": "vision", "initiatives": "vision", "projects": "ward",
            "edition": "front"}.get(kind, kind)
    return f"{kind}:{raw}"
