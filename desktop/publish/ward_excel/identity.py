"""Tamper-evident identity for ward workbooks (format 2).

The hidden sheet and columns say which ward, fiscal year and projects a workbook is about; its
sheet protection has no password, so anyone can edit them. Each is therefore signed with an
HMAC keyed by the plan file's secret (``plan.workbook_key``, made on the first export): a
workbook whose identity was edited, or whose signatures were removed, is refused and the
refusal says which part was changed. Without the secret nobody can forge a signature; a plan
file that never exported a workbook has no secret and accepts unsigned (format 1) workbooks.
"""

from __future__ import annotations

import hashlib
import hmac

_SEPARATOR = "\x1f"
_LENGTH = 24  # hex digits of each signature (96 bits)


def _sign(key: str, *parts: object) -> str:
    text = _SEPARATOR.join(str(part) for part in parts)
    return hmac.new(key.encode(), text.encode("utf-8", "surrogatepass"),
                    hashlib.sha256).hexdigest()[:_LENGTH]


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given, expected)


def sheet_signature(key: str, ward: str, year: int, sheet: str, exported_ids: str) -> str:
    """``ward/year`` signature and ``project list`` signature, joined by a dot."""
    return (f"{_sign(key, 'sheet', ward, year, sheet)}."
            f"{_sign(key, 'projects', ward, year, exported_ids)}")


def row_tag(key: str, ward: str, year: int, project_id: int, base: str) -> str:
    """A project row's signature: its identity (id, ward, year), then its export values."""
    return (f"{_sign(key, 'row', ward, year, project_id)}."
            f"{_sign(key, 'base', ward, year, project_id, base)}")


def sheet_tampering(key: str, signature: str | None, ward: str, year: int, sheet: str,
                    exported_ids: str) -> list[str]:
    """Which parts of the sheet's identity do not match their signature: 'sheet', 'projects'."""
    given = (signature or "").split(".")
    expected = sheet_signature(key, ward, year, sheet, exported_ids).split(".")
    if len(given) != 2:
        return ["sheet", "projects"]
    return [name for name, g, e in zip(("sheet", "projects"), given, expected, strict=True)
            if not _same(g, e)]


def row_tampering(key: str, tag: str | None, ward: str, year: int, project_id: int,
                  base: str) -> list[str]:
    """Which parts of a row's identity do not match: 'identity', 'base'."""
    given = (tag or "").split(".")
    expected = row_tag(key, ward, year, project_id, base).split(".")
    if len(given) != 2:
        return ["identity"]
    return [name for name, g, e in zip(("identity", "base"), given, expected, strict=True)
            if not _same(g, e)]
