"""The library screen's commands, in footer order, with the guards that say why one cannot run."""

from __future__ import annotations

from typing import Protocol

from hltui.library.groups import GROUPINGS
from hltui.links import highlight_links
from hltui.model import Document, Highlight
from hltui.tui.browser import is_openable
from hltui.tui.commands.command import Command


class LibraryView(Protocol):
    """What the guards look at: the open document, the highlight under the cursor, the load."""

    @property
    def current_document(self) -> Document | None: ...
    @property
    def highlight(self) -> Highlight | None: ...
    @property
    def is_loading(self) -> bool: ...


def _url_problem(view: LibraryView, url: str | None, owner: str) -> str | None:
    if view.current_document is None:
        return "No document selected"
    if not url:
        return f"This {owner} has no URL"
    return None if is_openable(url) else f"Only http and https links are opened, not {url[:60]}"


def _cannot_open_document(view: LibraryView) -> str | None:
    document = view.current_document
    return _url_problem(view, document.url if document else None, "document")


def _cannot_copy_url(view: LibraryView) -> str | None:
    document = view.current_document
    if document is None:
        return "No document selected"
    return None if document.url else "This document has no URL to copy"


def _cannot_open_highlight_link(view: LibraryView) -> str | None:
    highlight = view.highlight
    if highlight is None:
        return "No highlight selected" if view.current_document else "No document selected"
    if highlight_links(highlight):
        return None
    return _url_problem(view, highlight.url, "highlight") or "This highlight has no web link"


def _cannot_copy(view: LibraryView) -> str | None:
    return None if view.highlight else "No highlight selected: nothing to copy"


def _cannot_quote(view: LibraryView) -> str | None:
    return None if view.highlight else "No highlight selected: nothing to quote"


def _cannot_reload(view: LibraryView) -> str | None:
    return "Still loading the library" if view.is_loading else None


def _palette_only(identifier: str, action: str, help: str, title: str) -> Command:
    """A command the palette offers with no key of its own."""
    return Command(id=identifier, keys="", action=action, label="", help=help, palette=title)


_SORT_WORDINGS = {"title": "title", "highlights": "number of highlights", "recent": "most recent"}
_GROUP_BY = tuple(
    _palette_only(f"group_by_{name}", f"group_by('{name}')", f"Group the tree by {name}", f"Group by {name}")
    for name in GROUPINGS
)
_SORT_BY = tuple(
    _palette_only(
        f"sort_by_{order}", f"sort_by('{order}')", f"Sort the documents in each group by {words}", f"Sort by {words}"
    )
    for order, words in _SORT_WORDINGS.items()
)

# In the footer's order.
LIBRARY_COMMANDS = (
    Command(
        id="open_url",
        keys="o",
        action="open_document_url",
        label="Open",
        help="Open the document's URL in the browser",
        palette="Open URL",
        guard=_cannot_open_document,
    ),
    Command(
        id="open_highlight_url",
        keys="O",
        action="open_highlight_url",
        label="Open hl",
        help="Open the highlight's own link or one in its text",
        palette="Open highlight link",
        show=False,
        guard=_cannot_open_highlight_link,
    ),
    Command(
        id="copy_highlight",
        keys="c",
        action="copy_highlight",
        label="Copy",
        help="Copy the highlight's text",
        palette="Copy highlight",
        guard=_cannot_copy,
    ),
    Command(
        id="copy_quote",
        keys="C",
        action="copy_quote",
        label="Quote",
        help="Copy as a Markdown quote with its source",
        palette="Copy quote",
        guard=_cannot_quote,
    ),
    Command(
        id="copy_url",
        keys="y",
        action="copy_url",
        label="Copy URL",
        help="Copy the document's URL",
        palette="Copy URL",
        show=False,
        guard=_cannot_copy_url,
    ),
    Command(
        id="search",
        keys="slash",
        action="search",
        label="Search",
        help="Search titles, authors, tags, highlights, notes",
        palette="Search",
    ),
    Command(
        id="grouping",
        keys="b",
        action="group_by('next')",
        label="Group",
        help="Group by tag, category, author or folder",
    ),
    Command(
        id="sort", keys="s", action="sort_by('next')", label="Sort", help="Sort by title, highlights or most recent"
    ),
    Command(
        id="sidebar", keys="ctrl+b", action="toggle_sidebar", label="Sidebar", help="Hide or show the tree", show=False
    ),
    Command(
        id="sidebar_narrower",
        keys="less_than_sign",
        action="sidebar_width(-1)",
        label="Narrower",
        help="Narrower tree",
        show=False,
    ),
    Command(
        id="sidebar_wider",
        keys="greater_than_sign",
        action="sidebar_width(1)",
        label="Wider",
        help="Wider tree",
        show=False,
    ),
    Command(
        id="reload",
        keys="r",
        action="reload",
        label="Reload",
        help="Read the folder again, keeping your place",
        palette="Reload",
        show=False,
        guard=_cannot_reload,
    ),
    Command(
        id="problems",
        keys="e",
        action="show_problems",
        label="Problems",
        help="Files skipped or read with problems",
        palette="Problems",
        show=False,
    ),
    Command(
        id="daily_review",
        keys="R",
        action="daily_review",
        label="Review",
        help="Daily review: a few highlights to rate",
        palette="Daily review",
        show=False,
    ),
    Command(
        id="stats",
        keys="S",
        action="show_stats",
        label="Stats",
        help="Review and library statistics",
        palette="Statistics",
        show=False,
    ),
    Command(
        id="favorites",
        keys="F",
        action="show_favorites",
        label="Favorites",
        help="Every favorite highlight",
        palette="Favorite highlights",
        show=False,
    ),
    Command(
        id="favorites_only",
        keys="asterisk",
        action="toggle_favorites_only",
        label="★ only",
        help="Only this document's favorite highlights, or all again",
        palette="Favorites only",
        show=False,
    ),
    Command(
        id="review_here",
        keys="v",
        action="review_here",
        label="Review this",
        help="Review the tag or document chosen",
        palette="Review this tag or document",
        show=False,
    ),
    *_GROUP_BY,
    *_SORT_BY,
)
