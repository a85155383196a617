"""The user's settings: `config.toml` in the platformdirs config folder. Reading never writes."""

from __future__ import annotations

import os
import shlex
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_config_path, user_state_path

from hltui.library.files import DEFAULT_MAX_FILE_MB, MEGABYTE, ReadRules, Unreadable, read_export_file
from hltui.library.groups import GROUPINGS

APP_NAME = "hltui"
CONFIG_ENV = "HLTUI_CONFIG"
LIBRARY_ENV = "HLTUI_LIBRARY"
# A config file is a few lines; anything bigger is not one (or is /dev/zero).
_CONFIG_RULES = ReadRules(max_bytes=MEGABYTE, follow_symlinks=True)


@dataclass(frozen=True, slots=True)
class Config:
    """Settings with their defaults; `error` says why the file could not be used."""

    library: str | None = None
    theme: str | None = None
    grouping: str = "tag"
    keymap: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    path: Path | None = None
    max_file_mb: int = DEFAULT_MAX_FILE_MB
    follow_symlinks: bool = False
    # Watch the folder while the app runs and show what a sync adds or changes.
    watch: bool = True
    # How many highlights the daily review shows ([review] daily = 10).
    review_daily: int = 10
    # How many highlights a review of a tag, a document or search results shows at most ([review] themed = 50).
    review_themed: int = 50
    # The command `o` opens URLs with (browser = "cmd --flag"), before $BROWSER; run without a shell.
    browser: str | None = None

    @property
    def read_rules(self) -> ReadRules:
        """How export files are read: the size limit and whether links may leave the folder."""
        return ReadRules(self.max_file_mb * MEGABYTE, self.follow_symlinks)


def config_path() -> Path:
    """Where the config file is read from: $HLTUI_CONFIG, else the platform config folder."""
    override = os.environ.get(CONFIG_ENV)
    return Path(override).expanduser() if override else user_config_path(APP_NAME) / "config.toml"


def state_dir() -> Path:
    """Where hltui remembers things between runs (the theme picked in the app); never the library.

    The review database is data, not state: it lives in the data folder (`review/database.py`).
    """
    return user_state_path(APP_NAME)


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives defaults, a broken one defaults plus an error."""
    path = path or config_path()
    if not path.exists():
        return Config(path=path)
    try:
        raw = tomllib.loads(read_export_file(path, path, _CONFIG_RULES).data.decode("utf-8"))
    except (Unreadable, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(error=f"config file {path} ignored: {error}", path=path)
    return _from_table(raw, path)


def _from_table(raw: dict[str, object], path: Path) -> Config:
    """Take the known keys, ignoring values of the wrong type with a message."""
    table = _Table(raw)
    grouping = table.text("grouping") or "tag"
    if grouping not in GROUPINGS:
        table.wrong.append("grouping")
        grouping = "tag"
    config = Config(
        library=table.text("library"),
        theme=table.text("theme"),
        grouping=grouping,
        keymap=table.keymap(),
        path=path,
        max_file_mb=table.megabytes("max_file_mb"),
        follow_symlinks=table.flag("follow_symlinks"),
        watch=table.flag("watch", default=True),
        review_daily=table.review_size("daily", 10),
        review_themed=table.review_size("themed", 50),
        browser=table.command("browser"),
    )
    if not table.wrong:
        return config
    return replace(config, error=f"config file {path}: ignored wrong values for {', '.join(table.wrong)}")


class _Table:
    """The config's top-level table, read key by key; keys of the wrong type are noted in `wrong`."""

    def __init__(self, raw: dict[str, object]) -> None:
        self.raw = raw
        self.wrong: list[str] = []

    def text(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is None or isinstance(value, str):
            return value
        self.wrong.append(key)
        return None

    def command(self, key: str) -> str | None:
        """A command line that splits into words as a shell would (it is never run by one); empty is none."""
        value = self.text(key)
        if not value:
            return None
        try:
            if shlex.split(value):
                return value
        except ValueError:  # an unclosed quote: no way to tell where the words end
            pass
        self.wrong.append(key)
        return None

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.raw.get(key, default)
        if isinstance(value, bool):
            return value
        self.wrong.append(key)
        return default

    def megabytes(self, key: str) -> int:
        value = self.raw.get(key, DEFAULT_MAX_FILE_MB)
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 1 << 20:
            return value
        self.wrong.append(key)
        return DEFAULT_MAX_FILE_MB

    def review_size(self, key: str, default: int) -> int:
        review = self.raw.get("review", {})
        value = review.get(key, default) if isinstance(review, dict) else None
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 500:
            return value
        self.wrong.append(f"review.{key}")
        return default

    def keymap(self) -> dict[str, str]:
        raw = self.raw.get("keymap", {})
        if not isinstance(raw, dict):
            self.wrong.append("keymap")
            return {}
        self.wrong += [f"keymap.{key}" for key, value in raw.items() if not isinstance(value, str)]
        return {str(key): value for key, value in raw.items() if isinstance(value, str)}
