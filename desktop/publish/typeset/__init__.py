"""Shared typesetting for PlanBook's PDFs (booklet, ward sheets). No Qt.

    from desktop.publish.typeset import (
        register_fonts, GOTHIC, GOTHIC_BOLD, MONO, MONO_BOLD, MINCHO,   # embedded BIZ UD fonts
        TextStyle, TextBlock, draw_text, text_width,                   # fast paragraphs
        set_fill, set_stroke, set_line_width, round_rect,  # as reportlab draws them, faster
        break_lines, atoms, phrases, violations,                       # 禁則 line breaking
        printable, Preflight, BuildReport,
    )

Call ``register_fonts()`` once before drawing (idempotent, thread-safe). Every string printed
goes through ``printable`` (inside TextBlock), which swaps characters the fonts lack for 〓 and
returns them so a build can list them in its preflight.
"""

from .fonts import (
    FONT_DIR,
    GETA,
    GOTHIC,
    GOTHIC_BOLD,
    MINCHO,
    MONO,
    MONO_BOLD,
    metrics,
    printable,
    register_fonts,
)
from .linebreak import NO_END, NO_START, Line, atoms, break_lines, phrases, violations
from .paint import round_rect, set_fill, set_line_width, set_stroke
from .preflight import Preflight, short
from .report import BuildReport
from .text import (
    TextBlock,
    TextStyle,
    draw_figures,
    draw_text,
    figures_width,
    line_counter,
    text_width,
)

__all__ = [
    "FONT_DIR", "GETA", "GOTHIC", "GOTHIC_BOLD", "MINCHO", "MONO", "MONO_BOLD", "NO_END",
    "NO_START", "BuildReport", "Line", "Preflight", "TextBlock", "TextStyle",
    "atoms", "break_lines", "draw_figures", "draw_text", "figures_width", "line_counter",
    "metrics", "phrases", "printable", "register_fonts", "round_rect", "set_fill",
    "set_line_width", "set_stroke",
    "short", "text_width", "violations",
]
