"""Front matter: find the blocks in a file and read them, recovering what YAML loses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import JSONHandler, YAMLHandler

from hltui.text import unquote_value

_DELIMITER = re.compile(r"^---\s*$")
_YAML_KEY_LINE = re.compile(r"^([A-Za-z_][^:\n]*):(?:[ \t]+(.*)|[ \t]*)$")
_LIST_ITEM = re.compile(r"^\s*-\s*(.*)$")
_LOOKS_LIKE_FRONT_MATTER = re.compile(r"^([A-Za-z_][\w .-]*:(\s|$)|\{|- [A-Za-z][\w -]*:\s)")
_MAX_FRONT_MATTER_LINES = 400


@dataclass(slots=True)
class Segment:
    """One exported document's worth of a file: its front matter and body lines."""

    front_matter: list[str] | None
    front_matter_line: int
    body: list[str]
    body_line: int


@dataclass(slots=True)
class FrontMatter:
    """Values read from a front matter block, and what went wrong reading it."""

    values: dict[str, Any] = field(default_factory=dict)
    extra_lines: list[str] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def split_segments(lines: list[str]) -> list[Segment]:
    """Cut a file where a front matter block starts: each block begins a new export."""
    segments: list[Segment] = []
    index = 0
    body_start = 0
    front: list[str] | None = None
    front_line = 0
    while index < len(lines):
        closing = _front_matter_end(lines, index)
        if closing is None:
            index += 1
            continue
        if front is not None or index > body_start:
            segments.append(Segment(front, front_line, lines[body_start:index], body_start + 1))
        front, front_line = lines[index + 1 : closing], index + 2
        body_start = index = closing + 1
    segments.append(Segment(front, front_line, lines[body_start:], body_start + 1))
    return segments


def _front_matter_end(lines: list[str], start: int) -> int | None:
    """The index of the closing `---` when a front matter block opens at `start`."""
    if not _DELIMITER.match(lines[start]) or start + 1 >= len(lines):
        return None
    if start > 0 and lines[start - 1].strip() and not _DELIMITER.match(lines[start - 1]):
        return None
    if not _LOOKS_LIKE_FRONT_MATTER.match(lines[start + 1]):
        return None
    for index in range(start + 1, min(len(lines), start + _MAX_FRONT_MATTER_LINES)):
        line = lines[index]
        if _DELIMITER.match(line):
            return index
        if line.startswith("#") and line.lstrip("#").startswith(" "):
            return None
    return None


def read_front_matter(lines: list[str], first_line: int) -> FrontMatter:
    """Read a block with YAML (or JSON); fall back to `key: value` lines when YAML fails or loses."""
    text = "\n".join(lines)
    result = FrontMatter()
    recovered = _recover_lines(lines)
    try:
        handler = JSONHandler() if text.lstrip().startswith("{") else YAMLHandler()
        loaded = handler.load(text)
    except (yaml.YAMLError, ValueError) as error:
        result.values = recovered
        result.problems.append(
            (
                first_line + _error_line(error),
                f"invalid front matter ({_describe(error)}); values recovered line by line",
            )
        )
        return result
    if isinstance(loaded, list):
        # A sequence of `- Key: value` items: read them like metadata bullets.
        result.extra_lines = [line for line in lines if line.strip()]
        return result
    if not isinstance(loaded, dict):
        result.values = recovered
        return result
    result.values = {str(key): value for key, value in loaded.items()}
    _restore_lost_values(result, recovered, lines, first_line)
    return result


def _restore_lost_values(result: FrontMatter, recovered: dict[str, Any], lines: list[str], first_line: int) -> None:
    """Put back values YAML silently dropped, such as `tags: #x` read as a comment."""
    for key, raw in recovered.items():
        if result.values.get(key) is None and isinstance(raw, str) and raw.strip():
            result.values[key] = raw
            line = next((i for i, text in enumerate(lines) if text.startswith(key)), 0)
            result.problems.append(
                (first_line + line, f"front matter `{key}: {raw}` reads as empty in YAML; value recovered")
            )


def _recover_lines(lines: list[str]) -> dict[str, Any]:
    """Read `key: value` lines one by one, the way a person would read them."""
    values: dict[str, Any] = {}
    key: str | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#") and key is None:
            continue
        match = _YAML_KEY_LINE.match(line) if not line[0].isspace() else None
        if match:
            key = match.group(1).strip()
            values[key] = _scalar(match.group(2) or "")
            continue
        if key is None:
            continue
        item = _LIST_ITEM.match(line)
        if item and (line[0].isspace() or values[key] in ("", None) or isinstance(values[key], list)):
            current = values[key] if isinstance(values[key], list) else []
            values[key] = [*current, _scalar(item.group(1))]
        elif isinstance(values[key], str) and values[key] not in ("|", ">", "|-", ">-"):
            values[key] = f"{values[key]} {line.strip()}".strip()
        else:
            values[key] = line.strip()
    return values


def _scalar(raw: str) -> Any:
    """A value as written: quotes removed, a flow list split into items."""
    value = raw.strip()
    if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
        return [unquote_value(item) for item in value[1:-1].split(",") if item.strip()]
    return unquote_value(value)


def _error_line(error: Exception) -> int:
    """The line (0-based within the block) a YAML error points at."""
    mark = getattr(error, "problem_mark", None)
    return int(getattr(mark, "line", 0)) if mark is not None else 0


def _describe(error: Exception) -> str:
    """A one-line reason for a YAML or JSON error."""
    problem = getattr(error, "problem", None)
    return str(problem or error).splitlines()[0]
