"""Front matter: find the blocks in a file and read them, recovering what YAML loses."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import SafeLoader

from hltui.parsing.cleaning import unquote_value

_DELIMITER = re.compile(r"^---\s*$")
_YAML_KEY_LINE = re.compile(r"^([A-Za-z_][^:\n]*):(?:[ \t]+(.*)|[ \t]*)$")
_LIST_ITEM = re.compile(r"^\s*-\s*(.*)$")
_LOOKS_LIKE_FRONT_MATTER = re.compile(r"^([A-Za-z_][\w .-]*:(\s|$)|\{|- [A-Za-z][\w -]*:\s)")
_MAX_FRONT_MATTER_LINES = 400
_KNOWN_KEYS = {"title", "fulltitle", "author", "authors", "category", "url", "sourceurl", "tags", "documenttags"}
_PEOPLE_KEYS = {"author", "authors", "creator", "creators"}
# Longer lines are read as text, not given to YAML: a base-60 number of 880 KB (`1:59:59:...`)
# took PyYAML 15 s, and no real front matter line comes near this.
_MAX_YAML_LINE = 16_000
# Python refuses to turn longer digit strings into an int (sys.get_int_max_str_digits()).
_MAX_INT_DIGITS = 4_000
_MAX_INT_BITS = 13_000  # about 3,900 decimal digits, which str() can still write


class _Loader(SafeLoader):  # type: ignore[misc,valid-type]
    """The safe YAML loader, except that a number too long for Python stays text."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.long_numbers: list[str] = []


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> object:
    value = str(node.value)
    if len(value) > _MAX_INT_DIGITS:
        loader.long_numbers.append(value)
        return value
    number = yaml.SafeLoader.construct_yaml_int(loader, node)
    if isinstance(number, int) and number.bit_length() > _MAX_INT_BITS:  # `0xfff…`: few digits, huge number
        loader.long_numbers.append(value)
        return value
    return number


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


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
        closing = _front_matter_end(lines, index) if lines[index].startswith("---") else None
        if closing is None:
            index += 1
            continue
        if front is not None or index > body_start:
            segments.append(Segment(front, front_line, lines[body_start:index], body_start + 1))
        front, front_line = lines[index + 1 : closing], index + 2
        body_start = index = closing + 1
    segments.append(Segment(front, front_line, lines[body_start:], body_start + 1))
    return segments


def _opens_with_a_key(line: str) -> bool:
    """A first line a second export's front matter would start with: `title:`, `Full Title:`, `{`."""
    key = line.lstrip("- ").partition(":")[0].strip()
    return line.startswith("{") or " " not in key or "".join(key.casefold().split()) in _KNOWN_KEYS


def _front_matter_end(lines: list[str], start: int) -> int | None:
    """The index of the closing `---` when a front matter block opens at `start`."""
    if not _DELIMITER.match(lines[start]) or start + 1 >= len(lines):
        return None
    if start > 0 and lines[start - 1].strip() and not _DELIMITER.match(lines[start - 1]):
        return None
    if not _LOOKS_LIKE_FRONT_MATTER.match(lines[start + 1]):
        return None
    if start > 0 and not _opens_with_a_key(lines[start + 1]):
        return None  # mid-file, `---` then `Realistic data is useful when:` is a rule and a sentence
    for index in range(start + 1, min(len(lines), start + _MAX_FRONT_MATTER_LINES)):
        line = lines[index]
        if _DELIMITER.match(line):
            return index
        if line.startswith("#") and line.lstrip("#").startswith(" "):
            return None
    return None


_YAML_NULLS = {"", "~", "null", "Null", "NULL"}


def read_front_matter(lines: list[str], first_line: int) -> FrontMatter:
    """Read a block with YAML (or JSON); fall back to `key: value` lines when YAML fails or loses."""
    result = FrontMatter()
    recovered = _recover_lines(lines)
    long_lines = {index for index, line in enumerate(lines) if len(line) > _MAX_YAML_LINE}
    text = "\n".join("" if index in long_lines else line for index, line in enumerate(lines))
    try:
        loaded, long_numbers = _load(text)
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        as_bullets = _is_bullet_list(lines)
        result.values = {} if as_bullets else recovered
        result.extra_lines = [line for line in lines if line.strip()] if as_bullets else []
        how = "read as metadata bullets" if as_bullets else "values recovered line by line"
        result.problems.append((first_line + _error_line(error), f"invalid front matter ({_describe(error)}); {how}"))
        return result
    if isinstance(loaded, list):
        # A sequence of `- Key: value` items: read them like metadata bullets.
        result.extra_lines = [line for line in lines if line.strip()]
        return result
    if not isinstance(loaded, dict):
        result.values = recovered
        return result
    result.values = {str(key): value for key, value in loaded.items()}
    _report_long_values(result, lines, long_lines, long_numbers, recovered, first_line)
    _restore_lost_values(result, recovered, lines, first_line)
    return result


def _load(text: str) -> tuple[object, list[str]]:
    """The block as YAML or JSON, and the numbers too long for Python that were kept as text."""
    if text.lstrip().startswith("{"):
        long_numbers: list[str] = []

        def parse_int(digits: str) -> object:
            if len(digits) > _MAX_INT_DIGITS:
                long_numbers.append(digits)
                return digits
            return int(digits)

        return json.loads(text, parse_int=parse_int), long_numbers
    loader = _Loader(text)
    try:
        return loader.get_single_data(), loader.long_numbers
    finally:
        loader.dispose()


def _report_long_values(
    result: FrontMatter,
    lines: list[str],
    long_lines: set[int],
    long_numbers: list[str],
    recovered: dict[str, Any],
    first_line: int,
) -> None:
    """A problem for each key whose value was too long for YAML or for a Python number."""
    for index in sorted(long_lines):
        match = _YAML_KEY_LINE.match(lines[index])
        if match:
            key = match.group(1).strip()
            result.values[key] = recovered.get(key)
            result.problems.append(
                (
                    first_line + index,
                    f"front matter `{key}` is too long for YAML ({len(lines[index])} characters); read as text",
                )
            )
    for key, value in result.values.items():
        if isinstance(value, str) and value in long_numbers:
            line = next((i for i, text in enumerate(lines) if text.startswith(key)), 0)
            result.problems.append(
                (first_line + line, f"front matter `{key}` is a number of {len(value)} digits; kept as text")
            )


def _is_bullet_list(lines: list[str]) -> bool:
    """`- Author: [[@x on Twitter]]` lines between the fences: a template's metadata bullets."""
    filled = [line for line in lines if line.strip()]
    return bool(filled) and all(line.lstrip().startswith(("- ", "* ")) for line in filled)


def _restore_lost_values(result: FrontMatter, recovered: dict[str, Any], lines: list[str], first_line: int) -> None:
    """Put back values YAML silently dropped, such as `tags: #x` read as a comment."""
    for key, raw in recovered.items():
        if result.values.get(key) is None and isinstance(raw, str) and raw.strip() not in _YAML_NULLS:
            result.values[key] = raw
            line = next((i for i, text in enumerate(lines) if text.startswith(key)), 0)
            result.problems.append(
                (first_line + line, f"front matter `{key}: {raw}` reads as empty in YAML; value recovered")
            )


def _recover_lines(lines: list[str]) -> dict[str, Any]:
    """Read `key: value` lines one by one, the way a person would read them.

    A plain value that goes on over more lines is joined with spaces, an author's with commas:
    Readwise writes several authors on lines of their own.
    """
    values: dict[str, Any] = {}
    continued: dict[str, list[str]] = {}
    key: str | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#") and key is None:
            continue
        match = _YAML_KEY_LINE.match(line) if not line[0].isspace() else None
        if match:
            key = match.group(1).strip()
            values[key] = _scalar(match.group(2) or "")
            continued.pop(key, None)
            continue
        if key is None:
            continue
        item = _LIST_ITEM.match(line)
        if item and (line[0].isspace() or values[key] in ("", None) or isinstance(values[key], list)):
            if not isinstance(values[key], list):
                values[key] = []
                continued.pop(key, None)  # the value became a list: its earlier lines were not its text
            values[key].append(_scalar(item.group(1)))
        elif isinstance(values[key], str) and values[key] not in ("|", ">", "|-", ">-"):
            continued.setdefault(key, []).append(line.strip())
        else:
            values[key] = line.strip()
            continued.pop(key, None)
    for name, pieces in continued.items():
        values[name] = _joined(name, [values[name], *pieces])
    return values


def _joined(key: str, pieces: list[str]) -> str:
    """Continuation lines of a value joined: `Ann,` / `Ben` and `Ann` / `Ben` both give `Ann, Ben`."""
    if key.casefold() in _PEOPLE_KEYS:
        return ", ".join(piece.rstrip(", ") for piece in pieces if piece.strip(", "))
    return " ".join(piece for piece in pieces if piece).strip()


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
