"""Entry point for the frozen (PyInstaller) build: the same `planbook` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
