"""Command palette providers: go to a document, go to a tag."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.markup import escape

from hltui.library import Group
from hltui.model import Document
from hltui.text import strip_control

if TYPE_CHECKING:
    from hltui.screens.main import MainScreen

DISCOVERY_LIMIT = 20


def _main_screen(provider: Provider) -> MainScreen | None:
    from hltui.screens.main import MainScreen

    for screen in provider.app.screen_stack:
        if isinstance(screen, MainScreen):
            return screen
    return None


class DocumentCommands(Provider):
    """`Go to document: <title>` for every document."""

    async def search(self, query: str) -> Hits:
        main = _main_screen(self)
        if main is None or main.library is None:
            return
        matcher = self.matcher(query)
        for document in main.library.documents:
            text = f"Go to document: {strip_control(document.title)}"
            score = matcher.match(text)
            if score > 0:
                go_to = partial(main.show_document, document)
                yield Hit(score, _highlighted(matcher, text), go_to, text=text, help=_about(document))

    async def discover(self) -> Hits:
        main = _main_screen(self)
        if main is None or main.library is None:
            return
        for document in main.library.documents[:DISCOVERY_LIMIT]:
            text = f"Go to document: {strip_control(document.title)}"
            yield DiscoveryHit(Text(text), partial(main.show_document, document), text=text, help=_about(document))


def _about(document: Document) -> str:
    """Help line under a document; escaped because the palette reads help text as markup."""
    return escape(strip_control(f"{document.author or 'unknown author'} · {len(document.highlights)} highlights"))


def _highlighted(matcher: Matcher, text: str) -> Text:
    """The candidate with its matched letters marked, as Text: titles must not be read as markup."""
    display = Text(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        display.stylize("bold underline", offset, offset + 1)
    return display


class TagCommands(Provider):
    """`Go to tag: <name>` for every tag group (nested tags included)."""

    async def search(self, query: str) -> Hits:
        main = _main_screen(self)
        if main is None or main.library is None:
            return
        matcher = self.matcher(query)
        for path, group in _all_tag_groups(main.library.groups("tag")):
            text = f"Go to tag: {strip_control(path)}"
            score = matcher.match(text)
            if score > 0:
                go_to = partial(main.go_to_tag, group)
                yield Hit(score, _highlighted(matcher, text), go_to, text=text, help=f"{group.count} documents")


def _all_tag_groups(groups: list[Group], prefix: str = "") -> list[tuple[str, Group]]:
    found: list[tuple[str, Group]] = []
    for group in groups:
        path = f"{prefix}{group.name}"
        found.append((path, group))
        found += _all_tag_groups(list(group.children.values()), f"{path}/")
    return found
