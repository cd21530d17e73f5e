"""The annual cycle in the editor: the new-year dialog and the 前年度比較 window (the
window's commands for it are shell/year_cycle.py)."""
