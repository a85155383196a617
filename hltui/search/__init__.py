"""Search: the index over a library's fields, typo tolerance, ranking and snippets (no Textual)."""

from hltui.search.engine import SearchHit, SearchIndex
from hltui.search.live_index import LiveSearchIndex

__all__ = ["LiveSearchIndex", "SearchHit", "SearchIndex"]
