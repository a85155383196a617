"""Loading folders and grouping documents, without Textual."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

from hltui.library import FAVORITES, UNTAGGED, LibraryError, load_library

BOOK = "# {title}\n## Metadata\n- Author: [[{author}]]\n- Category: #{category}\n{tags}\n## Highlights\n- {text}\n"


def write(folder: Path, name: str, **fields: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {"author": "A", "category": "books", "tags": "", "text": "x", **fields}
    path.write_text(BOOK.format(**values), encoding="utf-8")


def test_tags_nest_and_count_documents(tmp_path: Path) -> None:
    write(tmp_path, "a.md", title="A", tags="- Document Tags: [[topic/sub]] [[other]]")
    write(tmp_path, "b.md", title="B", tags="- Document Tags: [[topic]] [[favorite]]")
    write(tmp_path, "c.md", title="C")
    groups = {group.name: group for group in load_library(tmp_path).groups("tag")}
    # A document's own `favorite` tag is a tag like any other; Favorites gathers favorite highlights (issue 15).
    assert list(groups) == ["favorite", "other", "topic", UNTAGGED] and FAVORITES not in groups
    assert groups["topic"].count == 2
    assert [child.name for child in groups["topic"].children.values()] == ["sub"]
    assert [d.title for d in groups[UNTAGGED].documents] == ["C"]
    assert [d.title for d in groups["favorite"].documents] == ["B"]


def test_highlight_tags_group_their_document(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n## Highlights\n- text\n    - Tags: [[idea]]\n", encoding="utf-8")
    [group] = load_library(tmp_path).groups("tag")
    assert (group.name, group.count) == ("idea", 1)


def test_other_groupings(tmp_path: Path) -> None:
    write(tmp_path, "Books/a.md", title="A", author="Ann")
    write(tmp_path, "Articles/b.md", title="B", author="Bob", category="articles")
    library = load_library(tmp_path)
    assert [g.name for g in library.groups("category")] == ["articles", "books"]
    assert [g.name for g in library.groups("author")] == ["Ann", "Bob"]
    assert [g.name for g in library.groups("folder")] == ["Articles", "Books"]
    with pytest.raises(ValueError):
        library.groups("colour")


def test_recursive_load_orders_by_path_and_merges_duplicates(tmp_path: Path) -> None:
    write(tmp_path, "z/book.md", title="Same", text="one")
    write(tmp_path, "a/book-2.md", title="Same", text="one")
    write(tmp_path, "m/other.txt", title="Other")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".trash").mkdir()
    write(tmp_path, ".trash/old.md", title="Old")
    library = load_library(tmp_path)
    assert [(d.title, d.source_path) for d in library.documents] == [("Same", "a/book-2.md"), ("Other", "m/other.txt")]
    assert len(library.documents[0].highlights) == 1


def test_single_file_and_missing_path(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="One")
    assert [d.source_path for d in load_library(tmp_path / "one.md").documents] == ["one.md"]
    with pytest.raises(LibraryError, match="not found"):
        load_library(tmp_path / "missing")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read unreadable files")
def test_unreadable_file_is_skipped_by_name(tmp_path: Path) -> None:
    write(tmp_path, "ok.md", title="Ok")
    write(tmp_path, "locked.md", title="Locked")
    (tmp_path / "locked.md").chmod(0)
    library = load_library(tmp_path)
    assert [d.title for d in library.documents] == ["Ok"]
    assert library.skipped[0].path == "locked.md"


def test_loading_never_changes_the_export_folder(tmp_path: Path) -> None:
    before = {path: path.stat().st_mtime_ns for path in SAMPLES.rglob("*")}
    load_library(SAMPLES)
    assert {path: path.stat().st_mtime_ns for path in SAMPLES.rglob("*")} == before


def test_core_modules_import_without_textual() -> None:
    """Every module outside hltui.tui (the parsing and library packages included) loads without Textual."""
    code = (
        "import importlib, pkgutil, sys, hltui, hltui.parsing, hltui.library\n"
        "packages = (hltui, hltui.parsing, hltui.library)\n"
        "names = [m.name for p in packages for m in pkgutil.iter_modules(p.__path__, p.__name__ + '.')]\n"
        "core = [n for n in names if not n.startswith('hltui.tui') and n != 'hltui.__main__']\n"
        "[importlib.import_module(n) for n in core]\n"
        "print(len(core), 'textual' in sys.modules, 'rich' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    count, textual_loaded, _ = output.split()
    assert int(count) >= 20 and textual_loaded == "False"


def test_screens_widgets_and_commands_never_import_the_app_module() -> None:
    """They reach the app through `self.app`; no import of app.py anywhere in them, even a deferred one."""
    tui = Path(__file__).parent.parent / "hltui" / "tui"
    importers = []
    for path in tui.rglob("*.py"):
        if path.name == "app.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "hltui.tui.app":
                importers.append(path.name)
    assert len(list(tui.rglob("*.py"))) > 10 and importers == []


def test_every_package_outside_the_interface_imports_without_textual() -> None:
    """Walked, not listed: a package added later (search, review, ...) is held to it at once."""
    # Found from the files: walking the packages with pkgutil would import hltui.tui's to look inside.
    code = (
        "import importlib, pathlib, sys, hltui\n"
        "root = pathlib.Path(hltui.__file__).parent\n"
        "names = ['.'.join(('hltui', *p.relative_to(root).with_suffix('').parts)) for p in root.rglob('*.py')]\n"
        "names = [n.removesuffix('.__init__') for n in names]\n"
        "core = [n for n in names if not n.startswith('hltui.tui') and n != 'hltui.__main__']\n"
        "[importlib.import_module(n) for n in core]\n"
        "print(len(core), ' '.join(sorted({n.split('.')[1] for n in core if '.' in n})), 'textual' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert {"model", "display", "parsing", "library", "search", "review", "export", "config"} <= set(output[1:-1])
    assert int(output[0]) >= 50 and output[-1] == "False"


def test_starting_the_app_does_not_import_the_review_scheduler() -> None:
    """The scheduler, the review store and the selections load when a review or a star is first asked for."""
    code = "import sys, hltui.tui.app; print('fsrs' in sys.modules, 'hltui.review.store' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "False"]
