"""What the reader sees when a folder holds no highlight document, and where to look next."""

from __future__ import annotations

from hltui.display import one_line
from hltui.library import Library

EMPTY_LIBRARY = (
    "No highlight documents were found in {path}.\n\n"
    "hltui reads the Markdown files that Readwise exports to Obsidian or Logseq (.md, .markdown, .txt).\n"
    "Point it at your export folder: hltui ~/Obsidian/Readwise"
)
SKIPPED_HINT = "\nRun `hltui check {path}` to see why {files} skipped."


def empty_library_message(library: Library) -> str:
    """What the pane says when a folder holds no highlight document, and where to look when files were skipped."""
    path = one_line(str(library.root))
    files = "1 file was" if len(library.skipped) == 1 else f"{len(library.skipped)} files were"
    hint = SKIPPED_HINT.format(path=path, files=files) if library.skipped else ""
    return EMPTY_LIBRARY.format(path=path) + hint
