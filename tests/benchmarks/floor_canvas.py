"""The floor the booklet is measured against: a bare reportlab canvas drawing N initiatives'
text boxes with the booklet's fonts, page by page, with no layout at all (fixed boxes, ten a
page, each with its colour bar, category, title, description cut every 38 characters,
highlights, amount and previous amount; a running header and a footer on every page; nothing
measured, nothing broken by rule).

    python tests/benchmarks/floor_canvas.py 200 out.pdf

draws the sample's initiatives, repeated up to 200 (a whole process, as `planbook booklet`).
bench_booklet.py calls ``draw_floor`` in-process with a generated plan's initiatives.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "resources" / "fonts"
PER_PAGE = 10
LINE = 38  # characters per description line


def draw_floor(initiatives: list[dict], path: str) -> int:
    """Draw the initiatives (title, category, description, amount, previous amount or note)
    into ``path``; returns the page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    for name, file in (("Floor-Gothic", "BIZUDPGothic-Regular.ttf"),
                       ("Floor-Gothic-Bold", "BIZUDPGothic-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    canvas = Canvas(path, pagesize=A4, pageCompression=1, initialFontName="Floor-Gothic")
    width, height = A4
    box_h = (height - 80) / PER_PAGE
    pages = 0
    for index, item in enumerate(initiatives):
        slot = index % PER_PAGE
        if slot == 0 and index:
            canvas.showPage()
        if slot == 0:
            pages += 1
            canvas.setFont("Floor-Gothic-Bold", 8)
            canvas.drawString(40, height - 25, "アクションプラン")
            canvas.setFont("Floor-Gothic", 7)
            canvas.drawString(40, 20, "総合計画 アクションプラン")
            canvas.drawRightString(width - 40, 20, str(pages))
        top = height - 40 - slot * box_h
        canvas.setStrokeColorRGB(0.2, 0.4, 0.6)
        canvas.rect(40, top - box_h + 4, width - 80, box_h - 8, stroke=1, fill=0)
        canvas.setFillColorRGB(0.2, 0.4, 0.6)
        canvas.rect(40, top - box_h + 4, 4, box_h - 8, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Floor-Gothic", 7.5)
        canvas.drawString(48, top - 14, item.get("category") or "")
        canvas.setFont("Floor-Gothic-Bold", 10)
        canvas.drawString(48, top - 28, item["title"])
        canvas.setFont("Floor-Gothic", 8.5)
        text = item.get("description") or ""
        lines = [text[n:n + LINE] for n in range(0, len(text), LINE)]
        lines += [f"✓{h}" for h in item.get("highlights") or []]
        for n, line in enumerate(lines[:4]):
            canvas.drawString(48, top - 42 - 10 * n, line)
        canvas.setFont("Floor-Gothic-Bold", 10)
        amount = item.get("amount")
        canvas.drawRightString(width - 48, top - 28, f"{amount:,}千円" if amount else "-")
        canvas.setFont("Floor-Gothic", 8)
        previous = item.get("previous_amount")
        canvas.drawRightString(width - 48, top - 42,
                               f"({previous:,}千円)" if previous else item.get("note") or item.get("budget_note") or "(-)")
    canvas.showPage()
    canvas.save()
    return pages


def sample_initiatives(count: int) -> list[dict]:
    """The sample's initiatives, repeated up to ``count``."""
    data = json.loads((ROOT / "db" / "sample" / "kumamoto.json").read_text(encoding="utf-8"))
    found: list[dict] = []

    def collect(node):
        if isinstance(node, dict):
            if "title" in node and "amount" in node and "description" in node:
                found.append(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(data)
    return [found[i % len(found)] for i in range(count)]


if __name__ == "__main__":
    count, output = int(sys.argv[1]), sys.argv[2]
    print(f"{draw_floor(sample_initiatives(count), output)} pages")
