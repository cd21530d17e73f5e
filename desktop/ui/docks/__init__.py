"""The panels around the editor: navigator, preview, problems, summary, search."""
