"""Ward sheets as a print-ready PDF: one A4-landscape page per ward, as the city prints them.

Each ward: the title (令和4年度 中央区まちづくりの取組み), a compact band with its vision
headline, description and policies (in columns), then the project table No. / 事業名 / 事業内容 /
当初予算 / 補正後 / 決算額 (千円) under the ward's ■ group headings (carrying the group's
subtotal where the ward prints one, as the city's sheets do), with status marks before the
names, the total, and a line with the allocation, the remaining amount and the execution rate.

Layout happens first (every row measured, pages decided), drawing second, so each page knows
the ward's page count. A ward is laid out at the largest type of ``DENSITIES`` that fits it on
one page (down to the floor: 事業内容 7 pt, names and figures 7.5 pt); only a ward that does not
fit even then runs across pages, at the largest type that needs no more pages than the floor.
Either adjustment is noted in the BuildReport's preflight. A row never breaks across pages
unless it is taller than a whole page; a continued table repeats its header. Totals are always
the rows' sums; where they differ from the totals printed in the source, the preflight says so.

Modules: style (page, columns, densities), rows and head (measuring), pagination (rows
onto pages, the density chosen), drawing; this module is the public API.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from db.budget import STAGE_LABELS, current_stage, remaining
from db.era import era_label
from db.errors import ValidationError
from db.money import format_amount
from db.records import EditionDocument, WardPlan

from ..collector import collector_paused
from ..fit import fit_records
from ..output import atomic_output
from ..progress import Progress
from ..typeset import GOTHIC, BuildReport, Preflight, register_fonts
from .drawing import _Drawer, sheet_title
from .head import _head_layout as _head_layout
from .pagination import _layout, _layout_note
from .pagination import _paginate as _paginate
from .rows import _columns as _columns
from .rows import _rows as _rows
from .style import DENSITIES as DENSITIES
from .style import FLOOR as FLOOR
from .style import NORMAL as NORMAL
from .style import PAGE_H, PAGE_W

# ``name as name`` above: layout steps the tests check, importable from here as before.
__all__ = ["build_ward_sheets", "sheet_title", "split_ward_sheets"]


def _select(doc: EditionDocument, wards: list[str] | None) -> list[WardPlan]:
    plans = [p for p in doc.ward_plans if p.ward.kind == "ward" or p.projects]
    if wards is None:
        return plans
    problems = [f"{name}: no ward sheet for {era_label(doc.edition.fiscal_year)} (wards: "
                f"{'、'.join(p.ward.name for p in plans) or 'none'})"
                for name in wards if doc.ward_plan(name) is None]
    if problems:
        raise ValidationError(problems, "Nothing was built:")
    return [doc.ward_plan(name) for name in wards]


def _check_totals(plan: WardPlan, preflight: Preflight) -> None:
    totals, printed = plan.totals(), plan.printed_totals
    for key, label in STAGE_LABELS.items():
        ours, theirs = getattr(totals, key), getattr(printed, key)
        if theirs is not None and ours != theirs:
            preflight.add(None, plan.ward.name,
                          f"{label}: the rows add up to {format_amount(ours, blank='(blank)')} "
                          f"but the source printed {format_amount(theirs)}; the sheet prints "
                          "the rows' sum")
    if plan.allocation is not None:
        stage = current_stage(totals)
        spent = getattr(totals, stage) if stage else None
        left = remaining(plan.allocation, spent)
        if spent is not None and left < 0:
            preflight.add(None, plan.ward.name,
                          f"the total {format_amount(spent)} is above the allocation "
                          f"{format_amount(plan.allocation)}")


def build_ward_sheets(doc: EditionDocument, output: str | Path, *, wards: list[str] | None = None,
                      progress: Progress | None = None) -> BuildReport:
    """Write the ward sheets of ``doc`` (all wards, or ``wards`` in that order) as one PDF."""
    started = time.perf_counter()
    plans = _select(doc, wards)
    if not plans:
        raise ValidationError([f"{era_label(doc.edition.fiscal_year)}: no ward sheets to print"],
                              "Nothing was built:")
    with atomic_output(output, ".pdf") as temp:
        report = _write_sheets(doc, plans, temp, progress or Progress())
    report.seconds = time.perf_counter() - started
    return report


@collector_paused()
def _write_sheets(doc: EditionDocument, plans: list[WardPlan], path: Path,
                  progress: Progress) -> BuildReport:
    """Lay out and draw ``plans`` into the PDF at ``path``."""
    register_fonts()
    report = BuildReport()
    preflight = Preflight()
    year = era_label(doc.edition.fiscal_year)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), initialFontName=GOTHIC,
                    pageCompression=1, lang="ja-JP")
    title = doc.edition.heading("ward_sheets", year=year)
    if len(plans) == 1:
        title = sheet_title(doc, plans[0])
    canvas.setTitle(title)
    canvas.setSubject("まちづくり推進経費: " + "、".join(p.ward.name for p in plans))
    canvas.setAuthor(doc.plan.city or doc.plan.name or "PlanBook")
    canvas.setCreator("PlanBook")
    canvas.setKeywords(["PlanBook", "ward sheets", year])
    drawer = _Drawer(canvas, doc, preflight)
    plans = fit_records(plans, preflight)  # what is too long to print is cut, and noted
    for index, plan in enumerate(plans):
        progress.step(index, len(plans), plan.ward.name)
        _check_totals(plan, preflight)
        layout = _layout(plan)
        note = _layout_note(layout)
        if note:
            preflight.add(None, plan.ward.name, note)
        report.outline.append((0, plan.ward.name, drawer.page_no + 1))
        for page in layout.pages:
            drawer.page(page, layout.head)
    progress.step(len(plans), len(plans), "")
    canvas.showOutline()
    canvas.save()
    report.pages = drawer.page_no
    report.preflight = preflight.items
    report.kinds = preflight.kinds
    return report


def split_ward_sheets(doc: EditionDocument, out_dir: str | Path, *,
                      wards: list[str] | None = None,
                      progress: Progress | None = None) -> list[Path]:
    """One PDF per ward in ``out_dir``, named after the ward (中央区.pdf). All or nothing:
    every file is written to a temporary file first, and all are renamed only at the end."""
    out_dir = Path(out_dir)
    plans = _select(doc, wards)
    progress = progress or Progress()
    out_dir.mkdir(parents=True, exist_ok=True)
    finals: list[Path] = []
    names = file_names([plan.ward.name for plan in plans])
    with ExitStack() as staged:
        for index, (plan, name) in enumerate(zip(plans, names, strict=True)):
            progress.step(index, len(plans), plan.ward.name)
            final = out_dir / f"{name}.pdf"
            temp = staged.enter_context(atomic_output(final, ".pdf"))
            _write_sheets(doc, [plan], temp, Progress())
            finals.append(final)
        progress.step(len(plans), len(plans), "")
    return finals


WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
                    *(f"LPT{n}" for n in range(1, 10))}


def file_names(names: list[str]) -> list[str]:
    """A safe, distinct file name (without extension) for each ward name, in order.

    Characters no file system takes become ``_``; a name that is empty, only dots, or reserved
    on Windows (``CON``, ``nul.txt``…) gets a ``ward_`` prefix; names that still collide (``a/b``
    and ``a_b``; ``Ab`` and ``aB`` on a case-insensitive disk) get ``_2``, ``_3``…"""
    taken: set[str] = set()
    out = []
    for name in names:
        safe = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 or c == "\x7f" else c
                       for c in name).strip(". ")[:60].rstrip(". ")
        if not safe or safe.split(".")[0].upper() in WINDOWS_RESERVED:
            safe = f"ward_{safe}"
        candidate, n = safe, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{safe}_{n}"
        taken.add(candidate.casefold())
        out.append(candidate)
    return out
