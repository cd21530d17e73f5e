"""The annual cycle in the editor: the new-year dialog, the 前年度比較 window, and the window
part that makes a year final, reopens it and shows the lock banner."""
