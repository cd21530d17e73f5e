"""The Qt desktop editor. Nothing outside this package imports Qt widgets."""
