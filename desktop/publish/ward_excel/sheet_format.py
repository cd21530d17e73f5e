"""The workbook's format (version 1): its rows, its columns and the words a clerk may type."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from db.limits import count_limit

FORMAT = "planbook-ward-sheet"
FORMAT_VERSION = 2  # 2: rows and the identity are signed (the 署名 column, the signature)
META_SHEET = "PlanBook"
GROUPS_NAME = "PlanBookGroups"
TOTAL_MARK = "TOTAL"
FONT_NAME = "BIZ UDPゴシック"

TITLE_ROW, HINT_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
SPARE_ROWS = 10  # empty editable rows above the total, for new projects
# The most rows read: every project a ward may have, spare and inserted rows, the lines under 合計.
MAX_ROW = FIRST_ROW + count_limit("ward_plan", "projects") + 200

# (key, header, width); the order is the sheet's column order.
COLUMNS = [
    ("number", "No.", 6),
    ("name", "事業名", 28),
    ("description", "事業内容", 60),
    ("initial", "当初予算", 12),
    ("revised", "補正後", 12),
    ("settled", "決算額", 12),
    ("group", "区分", 24),
    ("status", "新規・継続・拡充", 10),
    ("delete", "削除", 6),
    ("id", "PlanBook ID", 10),
    ("ward", "区", 8),
    ("year", "年度", 8),
    ("base", "書き出し時の値", 10),
    ("tag", "署名", 10),  # from format 2
]
V1_COLUMNS = 13
COL = {key: index + 1 for index, (key, _, _) in enumerate(COLUMNS)}
LETTER = {key: get_column_letter(index) for key, index in COL.items()}
AMOUNTS = ("initial", "revised", "settled")
EDITABLE = ("number", "name", "description", "initial", "revised", "settled", "group", "status",
            "delete")
HIDDEN = ("id", "ward", "year", "base", "tag")
BASE_FIELDS = ("number", "name", "description", "initial", "revised", "settled", "group",
               "status")
FIELD_LABELS = {"number": "No.", "name": "事業名", "description": "事業内容", "initial": "当初予算",
                "revised": "補正後", "settled": "決算額", "group": "区分", "status": "新規・継続・拡充"}
STATUS_INPUT = {"新規": "new", "新": "new", "【新規】": "new", "継続": "continued",
                "拡充": "expanded"}
DELETE_MARKS = {"削除", "○", "〇", "◯", "x", "X", "×"}

# The lines under 合計 (labels in 事業名, a figure or formula in 当初予算).
ALLOCATION_LABEL = "まちづくり推進経費 (配分額)"
REMAINDER_LABEL = "残額 (配分額 − 補正後、補正後がなければ当初予算)"
RATE_LABEL = "執行率 (決算額 ÷ 補正後)"
UNDER_TOTAL_LABELS = {ALLOCATION_LABEL, REMAINDER_LABEL, RATE_LABEL}
