"""Reading a workbook's cells cheaply and safely, whatever the file holds.

A ward sheet has a few hundred rows and 13 columns, but a hostile or damaged workbook may have a
cell at row 1,048,576, a zip member that inflates to gigabytes, or XML that openpyxl cannot
parse. ``open_workbook`` checks the file and the zip first; ``Grid`` then walks the sheet's XML
once in openpyxl's read-only mode, keeping only the rows and columns a ward sheet can have and
noting where anything lies beyond them (so it can be named, not silently dropped).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet._reader import WorkSheetParser

from db.errors import ValidationError
from db.input_files import check_input_file
from db.limits import MAX_WORKBOOK_BYTES
from db.messages import msg

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # a ward workbook unzips to well under 1 MB
REFUSED = "The workbook was refused; nothing was imported:"


def not_ward_sheet(path: Path, why: str) -> ValidationError:
    return ValidationError([msg("%1: not a PlanBook ward sheet (%2); export the ward's sheet with "
                                "PlanBook, edit it, and import that file", path.name, why)],
                           msg(REFUSED))


def open_workbook(path: str | Path):
    """The workbook in read-only mode, or ValidationError (never a traceback)."""
    path = check_input_file(path, MAX_WORKBOOK_BYTES)
    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise not_ward_sheet(path, msg("not an .xlsx workbook: %1", error)) from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise not_ward_sheet(path, msg("it unpacks to %1 MB, far more than a ward sheet",
                                       f"{unzipped // 2**20:,}"))
    try:
        return load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise not_ward_sheet(path, msg("not an .xlsx workbook: %1", error)) from None
    except Exception as error:  # noqa: BLE001 - openpyxl raises assorted types for foreign files
        raise not_ward_sheet(path, msg("cannot be read: %1", type(error).__name__)) from None


@dataclass
class Grid:
    """The values (and formula marks) of rows 1…``max_row``, columns 1…``max_col``."""

    max_row: int
    max_col: int
    values: dict[int, list[Any]] = field(default_factory=dict)
    formulas: set[tuple[int, int]] = field(default_factory=set)
    beyond: list[tuple[int, int]] = field(default_factory=list)  # (row, column) past the bounds

    @property
    def last_row(self) -> int:
        return max(self.values, default=0)

    def value(self, row: int, column: int) -> Any:
        cells = self.values.get(row)
        return cells[column - 1] if cells is not None else None

    def is_formula(self, row: int, column: int) -> bool:
        return (row, column) in self.formulas


def read_grid(path: Path, ws, max_row: int, max_col: int) -> Grid:
    """One pass over the sheet's XML; ValidationError when it cannot be parsed."""
    grid = Grid(max_row, max_col)
    try:
        source = ws._get_source()
    except (AttributeError, KeyError, OSError) as error:
        raise not_ward_sheet(path, msg("cannot be read: %1", type(error).__name__)) from None
    try:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=False,
                                 epoch=ws.parent.epoch, date_formats=ws.parent._date_formats,
                                 timedelta_formats=ws.parent._timedelta_formats)
        for row, cells in parser.parse():
            for cell in cells:
                column, value = cell["column"], cell["value"]
                if value is None or value == "":
                    continue
                if row > max_row or column > max_col:
                    if len(grid.beyond) < 10:
                        grid.beyond.append((row, column))
                    continue
                grid.values.setdefault(row, [None] * max_col)[column - 1] = value
                if cell["data_type"] == "f":
                    grid.formulas.add((row, column))
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - malformed XML, numbers beyond Python's limits, …
        raise not_ward_sheet(path, msg("its sheet 「%1」 cannot be read: %2", ws.title,
                                       type(error).__name__)) from None
    finally:
        source.close()
    return grid
