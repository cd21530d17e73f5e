"""The central editor's pages, one for each kind of navigator node."""
