"""The open plan file and its undo commands (the document imports the commands, not back)."""
