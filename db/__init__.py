"""PlanBook's data layer: the SQLite plan file and typed records. All SQL lives here; no Qt."""
