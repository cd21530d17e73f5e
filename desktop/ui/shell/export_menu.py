"""The export and import commands of the File menu: asking for a file, starting the job."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
)
from PySide6.QtWidgets import (
    QMessageBox,
)

from db.era import era_label

from ..file_dialogs import open_file_name, save_file_name
from . import settings as S
from .exports import job_booklet, job_ward_excel, job_ward_sheets


def t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class ExportMenu:
    """The main window's exports (a part of ``MainWindow``)."""

    # -- exports ----------------------------------------------------------------------------
    def _export_dir(self) -> str:
        return self.settings.get(S.LAST_EXPORT_DIR) or self._dialog_dir()

    def _ask_output(self, title: str, name: str, filter_: str) -> Path | None:
        path = save_file_name(self, title, os.path.join(self._export_dir(), name),
                                              filter_)
        if not path:
            return None
        self.settings.set(S.LAST_EXPORT_DIR, str(Path(path).parent))
        return Path(path)

    def current_ward(self) -> str | None:
        if not self.current_key or self.doc is None:
            return None
        kind, _, raw = self.current_key.partition(":")
        if kind in ("ward", "projects") and raw.isdigit():
            plan = self.doc.store.row("ward_plan", int(raw))
            return self.doc.store.row("ward", plan["ward_id"])["name"] if plan else None
        return None

    def export_booklet(self, output: Path, print_production: bool = False) -> None:
        year = self.current_fiscal_year()
        self.exports.run(t("Typesetting the booklet…"),
                         job_booklet(Path(self.doc.path), year, Path(output), print_production))

    def export_ward_sheets(self, output: Path, wards: list[str] | None = None) -> None:
        year = self.current_fiscal_year()
        self.exports.run(t("Typesetting the ward sheets…"),
                         job_ward_sheets(Path(self.doc.path), year, Path(output), wards))

    def export_ward_excel(self, output: Path, ward: str) -> None:
        year = self.current_fiscal_year()
        self.doc.store.ensure_workbook_key()  # the first export makes the signing secret
        self.exports.run(t("Writing the workbook…"),
                         job_ward_excel(Path(self.doc.path), year, ward, Path(output)))

    def ask_export_booklet(self) -> None:
        year = self.current_fiscal_year()
        if self.doc is None or year is None:
            return
        output = self._ask_output(t("Booklet PDF"), f"{era_label(year)}アクションプラン.pdf",
                                  t("PDF (*.pdf)"))
        if output is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, t("Booklet PDF"),
                          t("For the printer (3 mm bleed, crop marks, pages padded to a "
                                  "multiple of 4)?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.export_booklet(output, box.exec() == QMessageBox.StandardButton.Yes)

    def ask_export_ward_sheets(self) -> None:
        year = self.current_fiscal_year()
        if self.doc is None or year is None:
            return
        output = self._ask_output(t("Ward sheets PDF"), f"{era_label(year)}各区まちづくりの取組み.pdf",
                                  t("PDF (*.pdf)"))
        if output is not None:
            self.export_ward_sheets(output)

    def ask_export_ward_excel(self) -> None:
        ward = self.current_ward()
        year = self.current_fiscal_year()
        if ward is None:
            self.show_error(t("Ward sheet to Excel"),
                            t("Select a ward in the navigator first."))
            return
        output = self._ask_output(t("Ward sheet to Excel"), f"{era_label(year)}{ward}.xlsx",
                                  t("Excel workbook (*.xlsx)"))
        if output is not None:
            self.export_ward_excel(output, ward)

    def ask_import_ward_excel(self) -> None:
        if self.doc is None:
            return
        path = open_file_name(self, t("Import a ward workbook"),
                                              self._export_dir(),
                                              t("Excel workbook (*.xlsx)"))
        if path:
            self.exports.import_ward_workbook(Path(path))
