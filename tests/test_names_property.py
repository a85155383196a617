"""File and folder names (and file content) full of terminal controls never reach `check` or `export` output raw.

Every example builds a small library in its own temporary folder: a nested folder holding a good
export, a file with broken front matter (a problem) and a file that is skipped, all with hostile
names. `hltui check` and `hltui export --format markdown` must print no control character, escape
sequence or bidi override; `export --format json` must escape them and stay faithful to the names.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hltui.cli import main
from hltui.display import counted, one_line

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file names (any byte but / and NUL)")

# What must never reach a terminal: C0 controls but tab and newline, DEL, C1 controls, bidi overrides.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

CONTROLS = [chr(code) for code in range(0x01, 0x20)] + ["\x7f"] + [chr(code) for code in range(0x80, 0xA0)]
BIDI = [chr(code) for code in range(0x202A, 0x202F)] + [chr(code) for code in range(0x2066, 0x206A)]
SEQUENCES = [
    "\x1b]52;c;aGk=\x07",  # OSC 52: write the clipboard
    "\x1b]0;title\x1b\\",  # OSC with ST: set the window title
    "\x1b]8;;https://evil/\x07",  # OSC 8 hyperlink, left open
    "\x1b[31m",
    "\x1b[2J",
    "\x1b[?1049h",
    "\x1bP1$q\x1b\\",  # DCS
    "\x9b31m",  # 8-bit CSI
    "\x9d0;t\x9c",  # 8-bit OSC with 8-bit ST
    "\x1b[",  # unfinished sequences
    "\x1b]",
    "\x1b",
    "\r\x1b[K",
]
HOSTILE = st.sampled_from(SEQUENCES) | st.sampled_from(CONTROLS) | st.sampled_from(BIDI)

# Anything a POSIX file name may hold: no '/', no NUL, no lone surrogates (not encodable as UTF-8).
NAME_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=4)
NAME_HOSTILE = HOSTILE.map(lambda piece: piece.replace("/", "\\"))  # '/' would split the name
NAME_PIECE = NAME_HOSTILE | NAME_TEXT
# Content pieces: anything but NUL (a NUL makes the file binary, which is tested as a skip of its own).
CONTENT_PIECE = HOSTILE | st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=4)


def _with_hostile(piece: st.SearchStrategy[str], hostile: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Text made of pieces with at least one hostile piece somewhere in it."""
    return st.tuples(st.lists(piece, max_size=3), hostile, st.lists(piece, max_size=3)).map(
        lambda parts: "".join(parts[0]) + parts[1] + "".join(parts[2])
    )


def _valid_name(name: str, suffix: str) -> bool:
    # Folders starting with '.' are hidden and left out by design; '.' and '..' are not names.
    return not name.startswith(".") and len((name + suffix).encode("utf-8")) <= 255


FOLDER_NAMES = _with_hostile(NAME_PIECE, NAME_HOSTILE).filter(lambda name: _valid_name(name, ""))
FILE_STEMS = _with_hostile(NAME_PIECE, NAME_HOSTILE).filter(lambda name: _valid_name(name, ".md"))
CONTENT = _with_hostile(CONTENT_PIECE, HOSTILE)
SKIPPED_CONTENT = st.sampled_from([b"", b"\x00\x01binary\x1b[2J", b"just notes, no highlights\n", b"   \n\n"])


def _yaml_quoted(value: str) -> str:
    """A YAML double-quoted scalar that PyYAML decodes back to value, controls and all."""
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            out.append(f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _good_export(title: str, author: str, tag: str, section: str, text: str, note: str) -> bytes:
    # Front matter values reach the model through YAML escapes; body values are written raw.
    # "Good" and "Broken" keep the titles apart, so the two documents are never merged into one.
    return (
        f"---\ntitle: {_yaml_quoted('Good ' + title)}\nauthor: {_yaml_quoted(author)}\n"
        f"tags: [{_yaml_quoted(tag)}]\n---\n"
        f"## Highlights\n### {section}\n- {text}\n    - Note: {note}\n- plain second highlight\n"
    ).encode()


def _broken_export(hostile: str) -> bytes:
    # Invalid YAML (an unclosed flow list) with raw controls in it: a problem with a line number.
    return f"---\ntitle: [Broken {hostile}\n---\n## Highlights\n- t {hostile}\n".encode()


@dataclass(frozen=True)
class Case:
    """One generated library: hostile folder and file names, hostile content."""

    outer: str
    inner: str
    good: str
    broken: str
    skipped: str
    skipped_content: bytes
    fields: tuple[str, str, str, str, str, str]  # title, author, tag, section, highlight text, note


CASES = st.builds(
    Case,
    outer=FOLDER_NAMES,
    inner=FOLDER_NAMES,
    good=FILE_STEMS,
    broken=FILE_STEMS,
    skipped=FILE_STEMS,
    skipped_content=SKIPPED_CONTENT,
    fields=st.tuples(CONTENT, CONTENT, CONTENT, CONTENT, CONTENT, CONTENT),
)
# A tame library; the explicit examples below make one name in it hostile.
_MINIMAL = Case("o", "i", "g", "b", "s", b"", ("t", "a", "x", "s", "h", "n"))


@dataclass(frozen=True)
class Outputs:
    good_name: str
    broken_name: str
    skipped_name: str
    json: tuple[int, str, str]
    check: tuple[int, str, str]
    markdown: tuple[int, str, str]


def _run(*argv: str) -> tuple[int, str, str]:
    """`hltui ARGV` in process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _build_and_run(case: Case) -> Outputs:
    """Write the library to a fresh folder (not tmp_path: Hypothesis reuses it) and run the CLI on it."""
    # The good and the broken file share the nested folder; the skipped file is alone at the root.
    good_name = f"{case.outer}/{case.inner}/{case.good}.md"
    broken_name = f"{case.outer}/{case.inner}/{case.broken}.md"
    if good_name == broken_name:
        broken_name = f"{case.outer}/{case.inner}/{case.broken}x.md"
    skipped_name = f"{case.skipped}.md"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / case.outer / case.inner).mkdir(parents=True)
        (root / good_name).write_bytes(_good_export(*case.fields))
        (root / broken_name).write_bytes(_broken_export(case.fields[4]))
        (root / skipped_name).write_bytes(case.skipped_content)
        return Outputs(
            good_name,
            broken_name,
            skipped_name,
            json=_run("export", folder, "--format", "json"),
            check=_run("check", folder),
            markdown=_run("export", folder, "--format", "markdown"),
        )


def _assert_clean(output: str) -> None:
    found = FORBIDDEN.search(output)
    assert found is None, f"raw {found.group()!r} at {found.start()} in {output!r}"


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(CASES)
def test_hostile_names_and_content_never_reach_the_terminal(case: Case) -> None:
    result = _build_and_run(case)
    (json_code, json_out, json_err), (check_code, check_out, check_err) = result.json, result.check
    markdown_code, markdown_out, markdown_err = result.markdown
    assert (json_code, check_code, markdown_code) == (0, 0, 0)
    assert (json_err, check_err, markdown_err) == ("", "", "")

    # JSON: valid, every control \u-escaped (its newlines are indentation), and faithful to the real names.
    _assert_clean(json_out)
    payload: dict[str, Any] = json.loads(json_out)
    documents = payload["documents"]
    assert result.good_name in [document["source_path"] for document in documents]
    assert [item["path"] for item in payload["skipped"]] == [result.skipped_name]
    assert result.broken_name in [item["path"] for item in payload["problems"]]
    assert {item["path"] for item in payload["problems"]} <= {result.good_name, result.broken_name}

    # check: no controls, one line per skipped file and per problem, then the summary.
    _assert_clean(check_out)
    assert check_out.endswith("\n")
    lines = check_out.split("\n")[:-1]
    assert len(lines) == len(payload["skipped"]) + len(payload["problems"]) + 1
    highlights = sum(len(document["highlights"]) for document in documents)
    assert lines[-1] == (
        f"{counted(len(documents), 'document')}, {counted(highlights, 'highlight')}, "
        f"{len(payload['skipped'])} skipped, {counted(len(payload['problems']), 'problem')}"
    )

    # export --format markdown: no controls; every document is still there, with its source line.
    _assert_clean(markdown_out)
    assert markdown_out.count("\n## Highlights\n") == len(documents)
    assert markdown_out.count("\n- Source: ") == len(documents)


# An escape sequence left open in a name (`\x1b]` starts an OSC, which runs to BEL or ST) must not
# swallow what `check` prints after the name: the line still says the file was skipped, and why,
# or at which line the problem is.
@SETTINGS
@example(replace(_MINIMAL, skipped="c\x1b]"))  # printed `c`, not `c: skipped: empty file`
@example(replace(_MINIMAL, broken="b\x1b]"))  # printed `o/i/b`, not `o/i/b.md:3: invalid front matter ...`
@example(replace(_MINIMAL, outer="o\x1b]"))  # every line under the folder printed as `o`
@given(CASES)
def test_check_lines_still_say_what_happened(case: Case) -> None:
    result = _build_and_run(case)
    payload: dict[str, Any] = json.loads(result.json[1])
    lines = result.check[1].split("\n")[:-1]
    expected = [": skipped: " + one_line(item["reason"]) for item in payload["skipped"]]
    expected += [
        (f":{item['line']}: " if item["line"] else ": ") + one_line(item["message"]) for item in payload["problems"]
    ]
    assert len(lines) == len(expected) + 1
    for line, ending in zip(lines, expected, strict=False):
        assert line.endswith(ending), f"{line!r} lost {ending!r}"
