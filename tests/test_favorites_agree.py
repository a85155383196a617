"""One meaning of favorite in every view (tests/fixtures/favorites, public-domain lines).

Walden has two highlights the export marks favorite (a `favorite` tag, Readwise's `.favorite`
action tag); one highlight of Self-Reliance is starred in a review here; Meditations is a document
tagged `favorite` whose highlights are not favorites. The tree's Favorites group and its counts,
`F`, `*` and `v` must all name the same three highlights.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pilot_helpers import WIDE, pane_text, press_each, reading, settle, top_labels
from textual.widgets import Static

from hltui.tui.screens.favorites import FavoritesScreen
from hltui.tui.screens.review import ReviewScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree

FIXTURES = Path(__file__).parent / "fixtures" / "favorites"


async def test_the_tree_f_star_and_v_report_the_same_favorites(tmp_path: Path) -> None:
    folder = tmp_path / "favorites"
    shutil.copytree(FIXTURES, folder)
    async with reading(folder, WIDE) as (app, pilot, screen):
        assert screen.library is not None
        documents = {document.title: document for document in screen.library.documents}
        walden = documents["Walden"]
        expected = {("Walden", walden.highlights[0].text), ("Walden", walden.highlights[2].text)}

        screen.show_document(documents["Self-Reliance"])  # the tree's cursor goes to it
        await press_each(pilot, "v")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        starred_document, starred_index = review.pairs[0]
        expected.add(("Self-Reliance", starred_document.highlights[starred_index].text))
        await press_each(pilot, "f", "q")

        labels = top_labels(screen)
        assert labels[0] == "Favorites 2 · 3"  # Walden and Self-Reliance; three highlights
        assert "favorite 1 · 2" in labels  # Meditations' own tag: a tag like any other
        favorites_node = screen.query_one(TagTree).root.children[0]
        favorites_group = favorites_node.data
        assert {document.title for document in favorites_group.all_documents()} == {"Walden", "Self-Reliance"}

        await press_each(pilot, "F")
        await settle(pilot)
        listed = app.screen
        assert isinstance(listed, FavoritesScreen)
        assert {
            (hit.document.title, hit.document.highlights[hit.highlight_index].text) for hit in listed.hits
        } == expected
        await press_each(pilot, "escape")

        shown = set()
        for title in ("Walden", "Self-Reliance", "Meditations"):
            screen.show_document(documents[title])
            await press_each(pilot, "asterisk")
            pane = screen.query_one(DetailPane)
            shown |= {(title, highlight.text) for highlight in pane.highlights}
            if title == "Meditations":
                position = str(screen.query_one("#position", Static).content)
                assert not pane.highlights and position.startswith("no favorites")
            await press_each(pilot, "asterisk")
        assert shown == expected

        await press_each(pilot, "S")
        assert "· 3 favorites" in str(app.screen.query_one("#stats-summary", Static).content)
        await press_each(pilot, "q")

        tree = screen.query_one(TagTree)
        tree.focus()
        tree.move_cursor(favorites_node)
        await press_each(pilot, "v")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert {(document.title, document.highlights[index].text) for document, index in review.pairs} == expected
        for _ in review.pairs:  # every card of the review says it is a favorite
            assert "★ favorite" in str(review.query_one("#review-source", Static).content)
            await press_each(pilot, "space")


async def test_the_reader_stars_and_notes_a_highlight_shows_them_and_undoes_them(tmp_path: Path) -> None:
    folder = tmp_path / "favorites"
    shutil.copytree(FIXTURES, folder)
    async with reading(folder, WIDE) as (app, pilot, screen):
        assert screen.library is not None
        [emerson] = [document for document in screen.library.documents if document.title == "Self-Reliance"]
        screen.show_document(emerson, 1)
        await press_each(pilot, "f")
        assert top_labels(screen)[0] == "Favorites 2 · 3"  # Walden with two, and this one
        assert "★ starred" in pane_text(screen)
        await press_each(pilot, "N", *"reread in spring", "enter")
        assert "Your note: reread in spring" in pane_text(screen)
        await press_each(pilot, "u")  # the note goes
        assert "Your note" not in pane_text(screen) and "★ starred" in pane_text(screen)
        await press_each(pilot, "u")  # then the star
        assert "★ starred" not in pane_text(screen) and top_labels(screen)[0] == "Favorites 1 · 2"
        await press_each(pilot, "u")
        assert "Nothing to undo here" in [notification.message for notification in app._notifications]
