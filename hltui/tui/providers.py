"""Command palette providers: go to a document, go to a tag."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.markup import escape

from hltui.display import counted, strip_control
from hltui.library import NO_AUTHOR, Group
from hltui.model import Document

if TYPE_CHECKING:
    from hltui.tui.screens.main import MainScreen

DISCOVERY_LIMIT = 20


def _main_screen(provider: Provider) -> MainScreen | None:
    """The library screen under the palette, found on the app's screen stack."""
    from hltui.tui.screens.main import MainScreen

    return next((screen for screen in provider.app.screen_stack if isinstance(screen, MainScreen)), None)


Candidate = tuple[str, Callable[[], object], str]


class _ListCommands(Provider):
    """A provider over a list of (text, action, help) candidates, matched fuzzily."""

    def candidates(self, main: MainScreen) -> list[Candidate]:
        """Every command this provider offers."""
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        main = _main_screen(self)
        if main is None or main.library is None:
            return
        matcher = self.matcher(query)
        for text, action, help_text in self.candidates(main):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlighted(matcher, text), action, text=text, help=help_text)


class DocumentCommands(_ListCommands):
    """`Go to document: <title>` for every document."""

    def candidates(self, main: MainScreen) -> list[Candidate]:
        documents = main.library.documents if main.library else ()
        return [
            (
                f"Go to document: {strip_control(document.title)}",
                partial(main.show_document, document),
                _about(document),
            )
            for document in documents
        ]

    async def discover(self) -> Hits:
        main = _main_screen(self)
        if main is None:
            return
        for text, action, help_text in self.candidates(main)[:DISCOVERY_LIMIT]:
            yield DiscoveryHit(Text(text), action, text=text, help=help_text)


def _about(document: Document) -> str:
    """Help line under a document; escaped because the palette reads help text as markup."""
    author = document.author or NO_AUTHOR
    return escape(strip_control(f"{author} · {counted(len(document.highlights), 'highlight')}"))


def _highlighted(matcher: Matcher, text: str) -> Text:
    """The candidate with its matched letters marked, as Text: titles must not be read as markup."""
    display = Text(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        display.stylize("bold underline", offset, offset + 1)
    return display


class TagCommands(_ListCommands):
    """`Go to tag: <name>` for every tag group (nested tags included)."""

    def candidates(self, main: MainScreen) -> list[Candidate]:
        groups = main.library.groups("tag") if main.library else []
        return [
            (f"Go to tag: {strip_control(path)}", partial(main.go_to_tag, group), counted(group.count, "document"))
            for path, group in _all_tag_groups(groups)
        ]


def _all_tag_groups(groups: list[Group], prefix: str = "") -> list[tuple[str, Group]]:
    found: list[tuple[str, Group]] = []
    for group in groups:
        path = f"{prefix}{group.name}"
        found.append((path, group))
        found += _all_tag_groups(list(group.children.values()), f"{path}/")
    return found
