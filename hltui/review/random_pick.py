"""One random highlight, optionally of one tag, for `hltui random` (no Textual)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from hltui.model import Document
from hltui.review.weighted_pool import WeightedPool

# Draws before giving up on chance and listing every matching highlight (a tag on one passage of a long book).
_DRAWS = 200


def tag_matches(tags: Iterable[str], wanted: str) -> bool:
    """Whether a tag is the wanted one, or nested under it (`a/b` is under `a`), ignoring case and `#`."""
    wanted = wanted.strip().lstrip("#").casefold()
    for tag in tags:
        tag = tag.strip().lstrip("#").casefold()
        if tag == wanted or tag.startswith(wanted + "/"):
            return True
    return False


def random_highlight(
    documents: Sequence[Document], tag: str | None = None, seed: int | None = None
) -> tuple[Document, int] | None:
    """A highlight chosen evenly among all (or those carrying the tag, on themselves or their document)."""
    rng = random.Random(seed)
    whole = [tag is None or tag_matches(document.tags, tag) for document in documents]
    # The digest knows a document's highlight tags without loading its highlights.
    candidates = [
        position
        for position, document in enumerate(documents)
        if document.highlights and (whole[position] or tag_matches(document.digest.tags, tag or ""))
    ]
    if not candidates:
        return None
    # Weighting documents by size and then accepting only matching highlights keeps the choice even.
    pool = WeightedPool(candidates, [float(len(documents[position].highlights)) for position in candidates])
    for _ in range(_DRAWS):
        position = pool.draw(rng)
        if position is None:
            break
        document = documents[position]
        index = rng.randrange(len(document.highlights))
        if whole[position] or tag_matches(document.highlights[index].tags, tag or ""):
            return document, index
    matching = [
        (documents[position], index)
        for position in candidates
        for index, highlight in enumerate(documents[position].highlights)
        if whole[position] or tag_matches(highlight.tags, tag or "")
    ]
    return rng.choice(matching) if matching else None
