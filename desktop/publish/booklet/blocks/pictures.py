"""A card's pictures: the image scaled to fit with caption and credit (or a labelled frame)."""

from __future__ import annotations

import base64
import io

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ...typeset import (
    TextBlock,
    round_rect,
    set_line_width,
)
from ..style import (
    GREY,
    NOTE,
    PICTURE_CREDIT,
    PICTURE_LABEL,
    WHITE,
    tint,
)


class Picture:
    """A card's picture: the image scaled to fit with caption and credit, or (draft editions
    only) a discreet labelled frame where the image will go."""

    MAX_RATIO = 0.75  # tallest image, as height / width

    def __init__(self, caption: str, credit: str, image: ImageReader | None):
        self.image = image
        self.ratio = 0.62
        if image is not None:
            iw, ih = image.getSize()
            self.ratio = min(ih / iw, self.MAX_RATIO) if iw and ih else 0.62
            self.caption = TextBlock(caption, NOTE) if caption else None
            self.credit = TextBlock(credit, PICTURE_CREDIT) if credit else None
            self.frame_label = None
        else:
            self.caption = TextBlock(caption or "イメージ", NOTE)
            self.credit = TextBlock(credit, PICTURE_CREDIT) if credit else None
            self.frame_label = TextBlock("画像未設定", PICTURE_LABEL)
        self.height = 0.0  # image or frame height
        self.total = 0.0  # with caption and credit

    def wrap(self, width: float) -> float:
        self.width = width
        if self.image is not None:
            self.height = width * self.ratio
            extra = 0.0
            if self.caption:
                extra += self.caption.wrap(width)
            if self.credit:
                extra += self.credit.wrap(width)
            self.total = self.height + (2.0 + extra if extra else 0.0)
        else:
            inner = width - 12
            self.height = 10 + self.frame_label.wrap(inner) + self.caption.wrap(inner)
            self.total = self.height + (2.0 + self.credit.wrap(width) if self.credit else 0.0)
        return self.total

    def draw(self, canvas: Canvas, x: float, top: float, c: Color) -> None:
        w, h = self.width, self.height
        if self.image is None:
            canvas.saveState()
            canvas.setFillColor(WHITE)
            canvas.setStrokeColor(tint(GREY, 0.6))
            set_line_width(canvas, 0.6)
            canvas.setDash(2, 2)
            round_rect(canvas, x, top - h, w, h, 3, stroke=1, fill=1)
            canvas.restoreState()
            self.frame_label.draw(canvas, x + 6, top - 5)
            self.caption.draw(canvas, x + 6, top - 5 - self.frame_label.height)
            if self.credit:
                self.credit.draw(canvas, x, top - h - 2)
            return
        iw, ih = self.image.getSize()
        scale = min(w / iw, h / ih)
        dw, dh = iw * scale, ih * scale
        canvas.drawImage(self.image, x + (w - dw) / 2, top - h + (h - dh) / 2, dw, dh,
                         mask="auto")
        y = top - h - 2
        if self.caption:
            self.caption.draw(canvas, x, y)
            y -= self.caption.height
        if self.credit:
            self.credit.draw(canvas, x, y)


def read_image(data: str) -> ImageReader | None:
    try:
        reader = ImageReader(io.BytesIO(base64.b64decode(data, validate=False)))
        reader.getSize()
        return reader
    except Exception:  # noqa: BLE001 (a broken picture must not stop the booklet)
        return None
