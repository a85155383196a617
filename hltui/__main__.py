"""`python -m hltui`."""

from __future__ import annotations

import sys

from hltui.cli import main

sys.exit(main())
