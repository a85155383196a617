"""Search: the query language over the FTS5 index kept in the parse cache (no Textual)."""

from hltui.search.engine import ReaderMarks, Searcher
from hltui.search.hits import SearchHit
from hltui.search.plain import Marks

__all__ = ["Marks", "ReaderMarks", "SearchHit", "Searcher"]
