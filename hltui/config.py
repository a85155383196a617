"""The user's settings: `config.toml` in the platformdirs config folder. Reading never writes."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path, user_state_path

GROUPINGS = ("tag", "category", "author", "folder")

APP_NAME = "hltui"
CONFIG_ENV = "HLTUI_CONFIG"
LIBRARY_ENV = "HLTUI_LIBRARY"


@dataclass(frozen=True, slots=True)
class Config:
    """Settings with their defaults; `error` says why the file could not be used."""

    library: str | None = None
    theme: str | None = None
    grouping: str = "tag"
    keymap: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    path: Path | None = None


def config_path() -> Path:
    """Where the config file is read from: $HLTUI_CONFIG, else the platform config folder."""
    override = os.environ.get(CONFIG_ENV)
    return Path(override).expanduser() if override else user_config_path(APP_NAME) / "config.toml"


def state_dir() -> Path:
    """Where hltui keeps its own state (remembered theme, review history)."""
    return user_state_path(APP_NAME)


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives defaults, a broken one defaults plus an error."""
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(path=path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(error=f"config file {path} ignored: {error}", path=path)
    return _from_table(raw, path)


def _from_table(raw: dict[str, object], path: Path) -> Config:
    """Take the known keys, ignoring values of the wrong type with a message."""
    wrong: list[str] = []

    def text(key: str) -> str | None:
        value = raw.get(key)
        if value is None or isinstance(value, str):
            return value
        wrong.append(key)
        return None

    keymap_raw = raw.get("keymap", {})
    if not isinstance(keymap_raw, dict):
        wrong.append("keymap")
        keymap_raw = {}
    keymap = {str(key): value for key, value in keymap_raw.items() if isinstance(value, str)}
    wrong += [f"keymap.{key}" for key, value in keymap_raw.items() if not isinstance(value, str)]
    library, theme, grouping = text("library"), text("theme"), text("grouping") or "tag"
    if grouping not in GROUPINGS:
        wrong.append("grouping")
        grouping = "tag"
    error = f"config file {path}: ignored wrong values for {', '.join(wrong)}" if wrong else None
    return Config(library, theme, grouping, keymap, error, path)
