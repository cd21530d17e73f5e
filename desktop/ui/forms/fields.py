"""The fields of each kind of record's form."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
)

from db.headings import HEADINGS
from db.money import format_amount

from .record_form import EMAIL, PHONE, Field, RecordForm

INITIATIVE_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Title"), required=True),
    Field("category", QT_TRANSLATE_NOOP("Forms", "Category")),
    Field("status", QT_TRANSLATE_NOOP("Forms", "Status"), "status"),
    Field("amount", QT_TRANSLATE_NOOP("Forms", "Amount (¥1,000)"), "amount"),
    Field("previous_amount", QT_TRANSLATE_NOOP("Forms", "Previous year (¥1,000)"), "amount"),
    Field("budget_note", QT_TRANSLATE_NOOP("Forms", "Budget note")),
    Field("section", QT_TRANSLATE_NOOP("Forms", "Responsible section")),
    Field("measure_code", QT_TRANSLATE_NOOP("Forms", "Measure code"), pattern=re.compile(r"^$|^\d+-\d+$"),
          pattern_message=QT_TRANSLATE_NOOP("Forms", "a measure code like 1-2")),
    Field("description", QT_TRANSLATE_NOOP("Forms", "Description"), "text", height=100),
    Field("highlights", QT_TRANSLATE_NOOP("Forms", "Highlights (☑ lines)"), "lines"),
    Field("indicators", QT_TRANSLATE_NOOP("Forms", "Indicators"), "lines"),
    Field("notes", QT_TRANSLATE_NOOP("Forms", "Notes"), "lines", height=70),
]

VISION_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Title"), required=True),
    Field("colour", QT_TRANSLATE_NOOP("Forms", "Colour"), "colour"),
    Field("direction", QT_TRANSLATE_NOOP("Forms", "Direction (one paragraph per line)"), "lines", height=150),
    Field("related", QT_TRANSLATE_NOOP("Forms", "Related visions"), "ints"),
]

PRIORITY_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Title"), required=True),
    Field("lead", QT_TRANSLATE_NOOP("Forms", "Lead paragraph"), "text"),
    Field("situation", QT_TRANSLATE_NOOP("Forms", "Situation (✓ lines)"), "lines"),
    Field("past_actions", QT_TRANSLATE_NOOP("Forms", "Actions so far (✓ lines)"), "lines"),
]

WARD_FIELDS = [
    Field("headline", QT_TRANSLATE_NOOP("Forms", "Ward vision (headline)")),
    Field("description", QT_TRANSLATE_NOOP("Forms", "Description"), "text"),
    Field("policies", QT_TRANSLATE_NOOP("Forms", "Policies (one per line)"), "lines"),
    Field("allocation", QT_TRANSLATE_NOOP("Forms", "Allocation (¥1,000)"), "amount"),
    Field("printed_initial", QT_TRANSLATE_NOOP("Forms", "Printed total: initial"), "amount"),
    Field("printed_revised", QT_TRANSLATE_NOOP("Forms", "Printed total: revised"), "amount"),
    Field("printed_settled", QT_TRANSLATE_NOOP("Forms", "Printed total: settled"), "amount"),
]

FRONT_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Edition title"), required=True),
    Field("status", QT_TRANSLATE_NOOP("Forms", "Status"), "choice",
          choices=((QT_TRANSLATE_NOOP("Forms", "Draft (案)"), "draft"), (QT_TRANSLATE_NOOP("Forms", "Final"), "final"))),
    Field("slogan", QT_TRANSLATE_NOOP("Forms", "Slogan")),
    Field("publication_date", QT_TRANSLATE_NOOP("Forms", "Publication (YYYY-MM)"), "yearmonth"),
    Field("cover_parts", QT_TRANSLATE_NOOP("Forms", "Parts on the cover"), "lines", height=70),
    Field("cover_credit", QT_TRANSLATE_NOOP("Forms", "Cover artwork credit")),
    Field("about", QT_TRANSLATE_NOOP("Forms", "About the action plan"), "lines"),
    Field("pdca_title", QT_TRANSLATE_NOOP("Forms", "PDCA heading")),
    Field("pdca_steps", QT_TRANSLATE_NOOP("Forms", "PDCA steps"), "lines"),
    Field("pdca_cycle_title", QT_TRANSLATE_NOOP("Forms", "PDCA cycle heading")),
    Field("pdca_cycle_text", QT_TRANSLATE_NOOP("Forms", "PDCA cycle text"), "text"),
    Field("context", QT_TRANSLATE_NOOP("Forms", "Situation of the city"), "lines"),
    Field("priority_intro", QT_TRANSLATE_NOOP("Forms", "Priority items: introduction"), "lines"),
    Field("visions_intro", QT_TRANSLATE_NOOP("Forms", "Visions: introduction"), "text"),
    Field("cross_cutting", QT_TRANSLATE_NOOP("Forms", "Cross-cutting perspectives"), "lines"),
    Field("ward_intro", QT_TRANSLATE_NOOP("Forms", "Wards: introduction"), "lines"),
    Field("ward_policies", QT_TRANSLATE_NOOP("Forms", "Wards: policies"), "lines"),
    Field("ward_budget_lines", QT_TRANSLATE_NOOP("Forms", "Wards: budget summary lines"), "lines"),
]

# Every printed heading, with the default (the seed's wording) in grey while it is not changed.
HEADING_FIELDS = [
    Field("", QT_TRANSLATE_NOOP("Forms", "Printed headings: leave a field empty to print the "
                                         "wording shown in grey; {year}, {n}, {ward}… are filled "
                                         "in when printed"), "section"),
    *(Field("headings", text if len(text) <= 18 else text[:17] + "…", "heading", sub=key,
            placeholder=text) for key, text in HEADINGS.items()),
]

CONTACT_FIELDS = [
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Organisation"), sub="organisation"),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Department"), sub="department", required=True),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Telephone"), sub="tel", pattern=PHONE,
          pattern_message=QT_TRANSLATE_NOOP("Forms", "digits, hyphens and brackets only, like 096-328-2033")),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Fax"), sub="fax", pattern=PHONE,
          pattern_message=QT_TRANSLATE_NOOP("Forms", "digits, hyphens and brackets only, like 096-328-2033")),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "E-mail"), sub="email", pattern=EMAIL,
          pattern_message=QT_TRANSLATE_NOOP("Forms", "an address like seisakukikaku@city.kumamoto.lg.jp")),
]


class InitiativeForm(RecordForm):
    """An initiative's form: a rolled-over initiative's 前年度 is its predecessor's amount,
    shown read-only (typed only where there is no predecessor)."""

    def after_reload(self, row: dict) -> None:
        widget = self.widgets.get("previous_amount")
        if widget is None:
            return
        derived = row.get("predecessor_id") is not None
        widget.setReadOnly(derived)
        if derived:
            item = self.doc.store.initiative(self.row_id)
            widget.setText(format_amount(item.previous) if item else "")
            widget.setToolTip(QCoreApplication.translate(
                "Forms", "From the previous year's amount (automatic): change it there"))
        else:
            widget.setToolTip(QCoreApplication.translate(
                "Forms", "No previous-year initiative is linked: type the amount printed as 前年度"))


def initiative_form(doc, row_id: int, parent=None) -> RecordForm:
    from .pictures import PicturesEditor  # an initiative's page only
    from .small_tables import SmallTablesEditor

    pictures = PicturesEditor(doc, "initiative", row_id, "pictures", QCoreApplication.translate("Forms", "Pictures"))
    tables = SmallTablesEditor(doc, "initiative", row_id, "tables", QCoreApplication.translate("Forms", "Small tables"))
    item = doc.store.row("initiative", row_id)
    return InitiativeForm(doc, "initiative", row_id, INITIATIVE_FIELDS,
                      QCoreApplication.translate("Forms", "Initiative: %1").replace("%1", item["title"] if item else ""), parent,
                      extra=[pictures, tables])
