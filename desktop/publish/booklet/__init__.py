"""The action-plan booklet: an EditionDocument → a print-ready A4 PDF (pure Python, no Qt).

    report = build_booklet(doc, "plan.pdf", print_production=True, progress=progress)

One layout pass places every block on pages (so the contents know the real page numbers), then
the pages are drawn. The PDF is written to a temporary file beside ``output`` and renamed at the
end: a cancelled or failed build leaves no partial file.
"""

from __future__ import annotations

import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from db.records import EditionDocument

from ..collector import collector_paused
from ..fit import fit_document
from ..output import atomic_output
from ..progress import Progress
from ..typeset import GOTHIC, BuildReport, Preflight, register_fonts
from .blocks import tighten
from .layout import Anchor, Flow, FullPage, Page
from .pages import crop_marks, paint_chrome
from .parts import build_blocks
from .style import BLEED, PAGE_H, PAGE_W, SLUG

__all__ = ["build_booklet", "BuildReport"]


def _outline(anchors: list[Anchor]) -> list[tuple[int, str, int]]:
    return [(a.level, a.title, a.page) for a in anchors]


@collector_paused()
def build_booklet(doc: EditionDocument, output: str | Path, *, print_production: bool = False,
                  progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    progress = progress or Progress()
    register_fonts()
    output = Path(output)
    preflight = Preflight()
    doc = fit_document(doc, preflight)  # what is too long to print is cut, and noted
    progress.step(0, 100, "layout")
    blocks, _contents = build_blocks(doc, preflight)
    flow = Flow(preflight)
    flow.tighten = tighten
    pages = flow.run(blocks)
    progress.step(20, 100, "layout")

    if print_production:
        pages = _pad_to_four(pages, preflight)

    with atomic_output(output, ".pdf") as temp:
        _render(doc, pages, str(temp), print_production, progress)
    progress.step(100, 100, "done")
    return BuildReport(pages=len(pages), preflight=preflight.items,
                       outline=_outline(flow.anchors), seconds=time.perf_counter() - started,
                       kinds=preflight.kinds)


def _pad_to_four(pages: list[Page], preflight: Preflight) -> list[Page]:
    """Blank pages before the back cover until the count is a multiple of 4."""
    missing = -len(pages) % 4
    if not missing:
        return pages
    back = pages[-1] if pages and pages[-1].kind == "back" else None
    body = pages[:-1] if back else pages
    blanks = [Page(0, "blank") for _ in range(missing)]
    pages = body + blanks + ([back] if back else [])
    for n, page in enumerate(pages, 1):
        page.number = n
    where = "before the back cover" if back else "at the end"
    preflight.add(None, "print", f"{missing} blank page{'s' if missing > 1 else ''} added "
                  f"{where} ({len(pages)} pages, a multiple of 4)")
    return pages


def _render(doc: EditionDocument, pages: list[Page], path: str,
            print_production: bool, progress: Progress) -> None:
    e = doc.edition
    offset = SLUG + BLEED if print_production else 0.0
    size = (PAGE_W + 2 * offset, PAGE_H + 2 * offset)
    canvas = Canvas(path, pagesize=size, pageCompression=1, initialFontName=GOTHIC,
                    initialFontSize=9, lang="ja-JP")
    title = f"{doc.plan.name} {e.title}" + ("(案)" if e.status == "draft" else "")
    canvas.setTitle(title.strip())
    canvas.setAuthor(doc.plan.city)
    canvas.setSubject(f"{doc.plan.name} {e.title}".strip())
    canvas.setCreator("PlanBook")
    canvas.setKeywords(["アクションプラン", doc.plan.city, str(e.fiscal_year)])
    canvas.setCatalogEntry("ViewerPreferences", _viewer_preferences())
    if print_production:
        canvas.setTrimBox((offset, offset, offset + PAGE_W, offset + PAGE_H))
        canvas.setBleedBox((offset - BLEED, offset - BLEED, offset + PAGE_W + BLEED,
                            offset + PAGE_H + BLEED))
        canvas.setArtBox((offset, offset, offset + PAGE_W, offset + PAGE_H))
    total = len(pages)
    step_every = max(1, total // 40)
    for index, page in enumerate(pages):
        if index % step_every == 0:
            progress.step(20 + int(75 * index / max(total, 1)), 100, f"page {index + 1}/{total}")
        if offset:
            canvas.saveState()
            canvas.translate(offset, offset)
        for anchor in page.anchors:
            canvas.bookmarkPage(anchor.key, fit="XYZ", top=PAGE_H + offset, left=0)
            canvas.addOutlineEntry(anchor.title, anchor.key, level=anchor.level)
        for block, x, top in page.items:
            if isinstance(block, FullPage):
                block.paint(canvas, page)
            else:
                block.draw(canvas, x, top, page)
        if page.kind == "body":
            paint_chrome(canvas, page, doc, total)
        if offset:
            canvas.restoreState()
            crop_marks_at(canvas, offset)
        canvas.showPage()
    canvas.showOutline()
    progress.step(96, 100, "writing")
    canvas.save()


def crop_marks_at(canvas: Canvas, offset: float) -> None:
    canvas.saveState()
    canvas.translate(offset, offset)
    crop_marks(canvas)
    canvas.restoreState()


def _viewer_preferences():
    from reportlab.pdfbase.pdfdoc import PDFDictionary

    return PDFDictionary({"DisplayDocTitle": "true"})
