"""Japanese eras ↔ Western years. Fiscal years are stored as Western years (2024)."""

from __future__ import annotations

import re
import unicodedata

# (name, short, first Western year). 平成 ended 2019-04-30; fiscal 2019 is 令和元年度.
ERAS = [("令和", "R", 2019), ("平成", "H", 1989)]
_ERA_INPUT = re.compile(r"^(令和|平成|R|H)(元|\d{1,2})(?:年度?)?$", re.IGNORECASE)


def era_year(year: int) -> tuple[str, str, int]:
    """2024 → ("令和", "R", 6). Years are fiscal years, so 2019 is 令和元 (not 平成31)."""
    for name, short, first in ERAS:
        if year >= first:
            return name, short, year - first + 1
    raise ValueError(f"{year} is before 平成")


def era_label(year: int, *, fiscal: bool = True) -> str:
    """2024 → 令和6年度 (or 令和6年); 2019 → 令和元年度."""
    name, _, number = era_year(year)
    return f"{name}{'元' if number == 1 else number}年{'度' if fiscal else ''}"


def era_short(year: int) -> str:
    """2024 → R6."""
    _, short, number = era_year(year)
    return f"{short}{number}"


def publication_label(year_month: str) -> str:
    """"2024-06" → 令和6年(2024年)6月, as printed on the booklet's cover."""
    year, month = (int(part) for part in year_month.split("-"))
    return f"{era_label(year, fiscal=False)}({year}年){month}月"


def parse_fiscal_year(text: str) -> int:
    """Accept 2024, R6, r6, 令和6, 令和6年度, 令和元年, H30 … and return the Western year."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    if re.fullmatch(r"\d{4}", cleaned):
        year = int(cleaned)
        if 1989 <= year <= 2200:
            return year
        raise ValueError(f"「{text}」: fiscal year out of range (1989–2200)")
    match = _ERA_INPUT.match(cleaned)
    if not match:
        raise ValueError(f"「{text}」 is not a fiscal year: write 2024, R6 or 令和6")
    era, number = match.group(1).upper(), match.group(2)
    number = 1 if number == "元" else int(number)
    for name, short, first in ERAS:
        if era in (name, short) and number >= 1:
            year = first + number - 1
            if name == "平成" and year > 2019:
                break
            return year
    raise ValueError(f"「{text}」 is not a fiscal year")
