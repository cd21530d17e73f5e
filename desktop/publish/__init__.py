"""Exports: records → PDF and Excel. Pure Python (reportlab, openpyxl); never imports Qt."""
