"""Excel-like tables: models over the store, cell editors, the filter, the clipboard."""
