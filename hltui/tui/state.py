"""What hltui remembers between runs (the chosen theme), in the platformdirs state folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hltui.config import state_dir


def state_file() -> Path:
    """`state.json` in hltui's own state folder (moved by XDG_STATE_HOME), never the library."""
    return state_dir() / "state.json"


def load_state() -> dict[str, Any]:
    """The remembered values; an unreadable file is treated as empty."""
    try:
        loaded = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def remember(key: str, value: str) -> None:
    """Store one value; failing to write only loses the memory, never the session."""
    state = load_state()
    state[key] = value
    try:
        state_file().parent.mkdir(parents=True, exist_ok=True)
        state_file().write_text(json.dumps(state, indent=2), encoding="utf-8")
    except OSError:
        pass
