"""Text made safe to show: control characters removed or made visible, counts with their noun."""

from __future__ import annotations

import re

# C0/C1 controls (and DEL) except tab and newline: they could drive the terminal.
# Also the bidirectional embeddings, overrides and isolates, which can make a title read backwards.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# CSI (`ESC [ 31 m`), OSC (`ESC ] 52 ; ... BEL`) and two-character escapes, removed whole.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")


def strip_control(text: str) -> str:
    """Remove escape sequences and control characters, keeping tabs and newlines."""
    if text.isprintable() or not _CONTROL_CHARACTERS.search(text):
        return text  # no control or bidi character (line breaks are not printable): the common case
    return _CONTROL_CHARACTERS.sub("", _ESCAPE_SEQUENCE.sub("", text))


# What `one_line` writes visibly: every control character (line breaks and tabs included) and the
# bidirectional controls, each as its escape. Nothing is dropped, so a name stays recognisable.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_VISIBLE_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def one_line(text: str) -> str:
    """A file name or message safe to print on one line: `new\\nline\\x1b[31m.md`, escapes shown, not run."""
    return _INVISIBLE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    return _VISIBLE_ESCAPES.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def counted(count: int, noun: str) -> str:
    """`1 document`, `2 documents`: a count with its noun in the right number."""
    return f"{count} {noun if count == 1 else noun + 's'}"


# JSON leaves C1 controls and bidi overrides raw; written as \u escapes they are the same JSON
# but cannot drive a terminal the output is shown on. Outside strings JSON has none of them.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_for_a_terminal(text: str) -> str:
    """JSON text with the controls JSON leaves raw (C1, bidi overrides) written as `\\u` escapes."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
