"""Drawing laid-out pages: title, band, table header, rows, totals, summary and footer."""

from __future__ import annotations

from reportlab.lib.colors import Color, white
from reportlab.pdfgen.canvas import Canvas

from db.budget import STAGE_LABELS, current_stage, execution_rate, format_rate, remaining
from db.era import era_label
from db.money import format_amount
from db.records import STATUS_LABELS, EditionDocument, Totals, WardPlan, WardProject

from ..typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    MONO,
    Preflight,
    TextBlock,
    TextStyle,
    draw_figures,
    draw_text,
    figures_width,
    printable,
    round_rect,
    set_line_width,
    short,
    text_width,
)
from .head import (
    BULLET_W,
    HEAD_INSET,
    HEAD_PAD,
    LABEL_GAP,
    POLICY_GAP,
    _Head,
    _label_w,
)
from .pagination import BAND_GAP, Page, _cont_title_h
from .rows import Row, _status_box
from .style import (
    ACCENT,
    AMOUNTS,
    BAND_FILL,
    BLACK,
    BOTTOM,
    CONTENT_W,
    GREY,
    GROUP_FILL,
    HEADER_FILL,
    HEADERS,
    INK,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAD_X,
    PAGE_W,
    RULE,
    STATUS_COLOURS,
    TOP,
    TOTAL_FILL,
    Columns,
    Density,
    _baseline_shift,
)


def sheet_title(doc: EditionDocument, plan: WardPlan) -> str:
    return doc.edition.heading("ward_sheet_title", year=era_label(doc.edition.fiscal_year),
                               ward=plan.ward.name)


class _Drawer:
    def __init__(self, canvas: Canvas, doc: EditionDocument, preflight: Preflight):
        self.c = canvas
        self.doc = doc
        self.preflight = preflight
        self.page_no = 0

    def text(self, x: float, y: float, text: str, font: str, size: float,
             color: Color = ACCENT, align: str = "left", fit: float | None = None) -> None:
        """One line; with ``fit``, set smaller when wider than ``fit`` points (a long label)."""
        text = printable(text, font)[0]  # names and labels: 𠮷 from the fallback font
        width = text_width(text, font, size)
        if fit is not None and width > fit > 0:
            size *= fit / width
            width = fit
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        self.c.setFillColor(color)
        draw_text(self.c, x, y, text, font, size)

    def block(self, block: TextBlock, x: float, top: float, where: str,
              color: Color | None = None) -> float:
        if block.missing:
            self.preflight.missing_glyphs(self.page_no, where, block.missing)
        if block.forced:
            self.preflight.add(self.page_no, where, "a word wider than its cell was broken")
        return block.draw(self.c, x, top, color)

    def page(self, page: Page, head: _Head) -> None:
        self.page_no += 1
        c = self.c
        plan = page.ward
        d = page.density
        title = sheet_title(self.doc, plan)
        y = TOP
        if page.first:
            key = f"ward-{plan.ward.id or plan.ward.name}"
            c.bookmarkPage(key)
            c.addOutlineEntry(plan.ward.name, key, level=0)
            style = TextStyle(font=GOTHIC_BOLD, size=d.title_size,
                              leading=d.title_size * 1.35, align="left", phrase=True)
            block = TextBlock(title, style)
            block.wrap(CONTENT_W)
            self.block(block, MARGIN_X, y, f"{plan.ward.name} title", ACCENT)
            self.unit(y - _baseline_shift(style))
            y -= d.title_h
            c.setStrokeColor(ACCENT)
            set_line_width(c, 1.5)
            c.line(MARGIN_X, y + 4, PAGE_W - MARGIN_X, y + 4)
            if head.height:
                y = self.head(plan, head, y)
            y -= BAND_GAP
        else:
            baseline = y - d.text_size - 4
            self.text(MARGIN_X, baseline, f"{title}（続き）", GOTHIC_BOLD, d.text_size + 2.5)
            self.unit(baseline)
            y -= _cont_title_h(d)
        self.header(y, d, page.cols)
        y -= d.header_h
        for row in page.rows:
            y = self.row(row, y, plan, d, page.cols)
        if page.summary:
            self.summary(plan, y, d)
            y -= d.summary_h
        if y < BOTTOM - 1:
            self.preflight.add(self.page_no, plan.ward.name, "the table runs into the footer "
                               "(the vision and policies take too much of the first page)")
        self.footer(page)
        c.showPage()

    def head(self, plan: WardPlan, head: _Head, top: float) -> float:
        c = self.c
        d = head.density
        box_bottom = top - head.height
        c.setFillColor(BAND_FILL)
        c.setStrokeColor(RULE)
        set_line_width(c, 0.5)
        c.rect(MARGIN_X, box_bottom, CONTENT_W, head.height, stroke=1, fill=1)
        left = MARGIN_X + HEAD_INSET
        y = top - HEAD_PAD
        name = plan.ward.name
        if head.headline:
            label_h = d.headline.line_height
            label_w = _label_w(d)
            pill_h = d.text_size + 6.0
            pill_top = y - (label_h - pill_h) / 2
            c.setFillColor(ACCENT)
            round_rect(c, left, pill_top - pill_h, label_w, pill_h, 3, stroke=0, fill=1)
            self.text(left + label_w / 2, pill_top - pill_h / 2 - 0.38 * d.text_size,
                      self.doc.edition.heading("ward_vision"), GOTHIC_BOLD, d.text_size, white,
                      "center", fit=label_w - 6.0)
            bottom = self.block(head.headline, left + label_w + LABEL_GAP, y, f"{name} vision")
            y = min(bottom, y - label_h) - 2.0
        if head.description:
            y = self.block(head.description, left, y, f"{name} description", INK) - 2.0
        if head.policies:
            y -= 2.0
            style = d.policy
            x = left
            index = 0
            for chunk, width in zip(head.policies, head.policy_widths, strict=True):
                cy = y
                for block in chunk:
                    index += 1
                    c.setFillColor(ACCENT)
                    c.circle(x + 2.5, cy - style.line_height / 2, 1.3, stroke=0, fill=1)
                    cy = self.block(block, x + BULLET_W, cy, f"{name} policy {index}",
                                    INK) - 1.0
                x += width + POLICY_GAP
        return box_bottom

    def unit(self, baseline: float) -> None:
        self.text(PAGE_W - MARGIN_X, baseline, self.doc.edition.heading("ward_unit"), GOTHIC,
                  7.5, GREY, "right")

    def header(self, y: float, d: Density, cols: Columns) -> None:
        c = self.c
        h = d.header_h
        c.setFillColor(HEADER_FILL)
        c.setStrokeColor(RULE)
        set_line_width(c, 0.5)
        c.rect(MARGIN_X, y - h, CONTENT_W, h, stroke=1, fill=1)
        for key, label in HEADERS.items():
            left, width = cols.x(key)
            if key in AMOUNTS:
                label = self.doc.edition.heading(f"ward_{key}")
            self.text(left + width / 2, y - h / 2 - 0.38 * d.text_size, label, GOTHIC_BOLD,
                      d.text_size, ACCENT, "center", fit=width - 2 * PAD_X)
            if left > MARGIN_X:
                c.line(left, y, left, y - h)

    def amounts(self, totals: Totals | WardProject, baseline: float, bold: bool,
                size: float, cols: Columns) -> None:
        font = GOTHIC_BOLD if bold else GOTHIC
        for key in AMOUNTS:
            value = getattr(totals, key)
            if value is None:
                continue
            left, width = cols.x(key)
            text = format_amount(value)
            # proportional figures, every digit as wide as 「0」, right-aligned in the column;
            # an amount too wide for it is set smaller
            room = width - 2 * PAD_X
            fitted = size * min(1.0, room / max(figures_width(text, font, size), 1e-6))
            self.c.setFillColor(BLACK)
            draw_figures(self.c, left + width - PAD_X - figures_width(text, font, fitted),
                         baseline, text, font, fitted)

    def grid(self, top: float, height: float, cols: Columns,
             keys: tuple[str, ...] | None = None) -> None:
        c = self.c
        c.setStrokeColor(RULE)
        set_line_width(c, 0.5)
        c.rect(MARGIN_X, top - height, CONTENT_W, height, stroke=1, fill=0)
        for key in HEADERS:
            left, _ = cols.x(key)
            if left > MARGIN_X and (keys is None or key in keys):
                c.line(left, top, left, top - height)

    def row(self, row: Row, y: float, plan: WardPlan, d: Density, cols: Columns) -> float:
        c = self.c
        bottom = y - row.height
        if row.kind == "group":
            c.setFillColor(GROUP_FILL)
            c.rect(MARGIN_X, bottom, CONTENT_W, row.height, stroke=0, fill=1)
            block = row.blocks["title"]
            self.grid(y, row.height, cols, AMOUNTS if row.totals else ())
            top = y - (row.height - block.height) / 2
            self.group_heading(block, row.label, top, f"{plan.ward.name} group {short(row.label)}")
            if row.totals:
                self.totals_line(self.doc.edition.heading("ward_subtotal"), row.totals,
                                 top - _baseline_shift(block.style), d, cols)
            return bottom
        if row.kind == "total":
            c.setFillColor(TOTAL_FILL)
            c.rect(MARGIN_X, bottom, CONTENT_W, row.height, stroke=0, fill=1)
            self.grid(y, row.height, cols, AMOUNTS)
            baseline = bottom + row.height / 2 - 0.38 * d.text_size
            self.totals_line(self.doc.edition.heading("ward_total"), row.totals, baseline, d,
                             cols)
            return bottom
        project = row.project
        self.grid(y, row.height, cols)
        top = y - d.pad_y
        where = f"{plan.ward.name} No.{project.number or '-'} {short(project.name)}"
        baseline = top - _baseline_shift(d.cell)
        # Drawn in reading order (No., 事業名, 事業内容, amounts) so copied text reads right.
        if not row.continued:
            left, width = cols.x("number")
            if project.number is not None:
                self.text(left + width / 2, baseline, str(project.number), MONO, d.number_size,
                          BLACK, "center")
        if "name" in row.blocks:
            left, _ = cols.x("name")
            name_top = top - row.name_drop
            if project.status and not row.continued:
                self.status(project, left + PAD_X, name_top, d)
            self.block(row.blocks["name"], left + PAD_X, name_top, where, BLACK)
        elif row.continued:
            left, width = cols.x("number")
            if project.number is not None:
                self.text(left + width / 2, baseline, str(project.number), MONO, d.number_size,
                          GREY, "center")
            left, _ = cols.x("name")
            self.text(left + PAD_X, baseline, f"{project.name[:14]}（続き）", GOTHIC,
                      d.number_size, GREY)
        left, _ = cols.x("description")
        self.block(row.blocks["description"], left + PAD_X, top, where, BLACK)
        if not row.continued:
            self.amounts(project, baseline, False, d.number_size, cols)
        return bottom

    def group_heading(self, block: TextBlock, title: str, top: float, where: str) -> None:
        """「■ title」 in the heading's bold; a line after it (the group's description) in
        regular ink when the whole fits on one line, else all of it in the heading's style."""
        head = f"■ {title}\u3000"
        line = block.lines[0].text if len(block.lines) == 1 else ""
        if not (line.startswith(head) and len(line) > len(head)):
            self.block(block, MARGIN_X + PAD_X, top, where, ACCENT)
            return
        if block.missing:
            self.preflight.missing_glyphs(self.page_no, where, block.missing)
        style = block.style
        baseline = top - _baseline_shift(style)
        self.text(MARGIN_X + PAD_X, baseline, head, style.font, style.size, ACCENT)
        self.text(MARGIN_X + PAD_X + text_width(head, style.font, style.size), baseline,
                  line[len(head):], GOTHIC, style.size, INK)

    def totals_line(self, label: str, totals: Totals, baseline: float, d: Density,
                    cols: Columns) -> None:
        """「小計」/「合計」 at the right of 事業内容, then the amounts in bold."""
        left, width = cols.x("description")
        self.text(left + width - PAD_X, baseline, label, GOTHIC_BOLD, d.text_size + 0.5, BLACK,
                  "right")
        self.amounts(totals, baseline, True, d.number_size, cols)

    def status(self, project: WardProject, x: float, top: float, d: Density) -> None:
        """The status mark, boxed, on the name's first line (the name is indented past it)."""
        c = self.c
        label = STATUS_LABELS[project.status]
        colour = STATUS_COLOURS[project.status]
        box_w, box_h = _status_box(project.status, d)
        middle = top - d.name.line_height / 2
        c.setStrokeColor(colour)
        set_line_width(c, 0.6)
        round_rect(c, x, middle - box_h / 2, box_w, box_h, 1.5, stroke=1, fill=0)
        self.text(x + box_w / 2, middle - 0.38 * d.status_size, label, GOTHIC_BOLD,
                  d.status_size, colour, "center")

    def summary(self, plan: WardPlan, y: float, d: Density) -> None:
        totals = plan.totals()
        parts = []
        if plan.allocation is not None:
            parts.append(f"まちづくり推進経費（配分額） {format_amount(plan.allocation)}千円")
            stage = current_stage(totals) or "initial"
            left = remaining(plan.allocation, getattr(totals, stage))
            parts.append(f"残額 {format_amount(left)}千円（配分額－{STAGE_LABELS[stage]}）")
        parts.append(f"執行率 {format_rate(execution_rate(totals))}（決算額÷補正後）")
        self.text(PAGE_W - MARGIN_X, y - d.text_size - 3.5, "　／　".join(parts), GOTHIC,
                  d.text_size + 0.5, ACCENT, "right")

    def footer(self, page: Page) -> None:
        c = self.c
        c.setStrokeColor(RULE)
        set_line_width(c, 0.4)
        y = MARGIN_BOTTOM
        c.line(MARGIN_X, y + 7, PAGE_W - MARGIN_X, y + 7)
        edition = printable(self.doc.edition.heading(
            "ward_sheets", year=era_label(self.doc.edition.fiscal_year)), GOTHIC)[0]
        self.text(MARGIN_X, y - 2, edition, GOTHIC, 7, GREY)
        self.text(PAGE_W - MARGIN_X, y - 2,
                  f"{page.ward.ward.name}  {page.number} / {page.count}", GOTHIC, 7, GREY,
                  "right")
