"""PlanBook's desktop application: the Qt editor (``ui``), exports (``publish``) and the CLI."""
