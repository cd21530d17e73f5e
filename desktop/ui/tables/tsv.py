"""Tab-separated text as Excel puts it on the clipboard (quoted cells may hold tabs/newlines)."""

from __future__ import annotations


def parse_tsv(text: str) -> list[list[str]]:
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    at_start = True
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cell.append(ch)
        elif ch == '"' and at_start:
            quoted = True
        elif ch == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
            i += 1
            continue
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
            i += 1
            continue
        else:
            cell.append(ch)
        at_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def to_tsv(rows: list[list[str]]) -> str:
    def quote(cell: str) -> str:
        if any(c in cell for c in '\t\n\r"'):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    return "".join("\t".join(quote(c) for c in row) + "\r\n" for row in rows)
