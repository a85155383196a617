"""What the search index keeps of a parsed file: full-text rows beside its cache entry (no Textual).

The index is two SQLite FTS5 tables in the parse cache's database: one row per document (its
title, author, tags and category) and one per highlight (its text, note and tags, with its
document's fields repeated, so that words are ANDed across a highlight and its document in one
match). A file's rows get consecutive rowids, noted in `search_spans`, so that they are replaced
in the same transaction as the file's outline without scanning the index.

Tags are kept twice: as words (so `stoicism` finds the tag) and as one token per tag path, the
folded path in hexadecimal, so that `#stoicism` matches the tag itself exactly and, as a prefix
of `stoicism/`, the tags nested under it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from hltui.model import Document, Highlight, document_key, shown_tags

TOKENIZER = "unicode61 remove_diacritics 2"
DOCUMENT_COLUMNS = ("title", "author", "dtags", "tagpaths", "category")
HIGHLIGHT_COLUMNS = ("text", "note", "htags", "title", "author", "dtags", "tagpaths", "category", "flags")
# Where a document's row came from: which file, which document in it, and the document's merge key.
_DOCUMENT_PLACE = ("name UNINDEXED", "position UNINDEXED", "dockey UNINDEXED")
# A highlight's row names its document's row (not the file and key again: they would double the writing).
_HIGHLIGHT_PLACE = ("docrow UNINDEXED", "hindex UNINDEXED")
FAVORITE_FLAG = "favorite"
NOTE_FLAG = "note"


def _table(name: str, columns: tuple[str, ...], place: tuple[str, ...]) -> str:
    every = ", ".join([*columns, *place])
    return f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5({every}, tokenize = '{TOKENIZER}');"


def _insert(name: str, columns: tuple[str, ...], place: tuple[str, ...]) -> str:
    every = ["rowid", *columns, *(column.split()[0] for column in place)]
    return f"INSERT INTO {name} ({', '.join(every)}) VALUES ({', '.join('?' * len(every))})"


INSERT_DOCUMENT = _insert("search_documents", DOCUMENT_COLUMNS, _DOCUMENT_PLACE)
INSERT_HIGHLIGHT = _insert("search_highlights", HIGHLIGHT_COLUMNS, _HIGHLIGHT_PLACE)
SEARCH_SCHEMA = f"""
{_table("search_documents", DOCUMENT_COLUMNS, _DOCUMENT_PLACE)}
{_table("search_highlights", HIGHLIGHT_COLUMNS, _HIGHLIGHT_PLACE)}
INSERT INTO search_documents (search_documents, rank) VALUES ('automerge', 16);
INSERT INTO search_highlights (search_highlights, rank) VALUES ('automerge', 16);
CREATE TABLE IF NOT EXISTS search_spans (
    name TEXT PRIMARY KEY, documents_from INTEGER, documents_to INTEGER, highlights_from INTEGER, highlights_to INTEGER
);
"""
SEARCH_TABLES = ("search_documents", "search_highlights", "search_spans")

# A file's rows for the two tables, without rowids (given when they are written).
SearchRows = tuple[list[tuple[object, ...]], list[tuple[object, ...]]]

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without accents, as the index's tokenizer sees words (`Éthique` -> `ethique`)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words_of(text: str) -> list[str]:
    """The folded words of a text, split where the tokenizer splits (anything but letters and digits)."""
    return _WORD.findall(fold(text))


def tag_path(tag: str) -> str:
    """A tag as a folded path: `#Stoicism/Ethics/` -> `stoicism/ethics`."""
    parts = [" ".join(words_of(part)) for part in tag.strip().lstrip("#").split("/")]
    return "/".join(part for part in parts if part)


def tag_token(path: str) -> str:
    """The one token a tag path is indexed as: its UTF-8 in hexadecimal (letters and digits only)."""
    return path.encode("utf-8").hex()


def _tag_tokens(tags: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(tag_token(path) for path in map(tag_path, tags) if path))


def search_rows(name: str, documents: Iterable[Document]) -> SearchRows:
    """The index rows of a file's documents (highlights read once each)."""
    document_rows: list[tuple[object, ...]] = []
    highlight_rows: list[tuple[object, ...]] = []
    for position, document in enumerate(documents):
        key = document_key(document)
        tags = shown_tags(document.tags)
        shared = (document.title, document.author or "", " ".join(tags))
        category = document.category or ""
        document_paths = _tag_tokens(tags)
        document_rows.append((*shared, document_paths, category, name, position, key))
        for index, highlight in enumerate(document.highlights):
            own = shown_tags(highlight.tags) if highlight.tags else []
            paths = _tag_tokens([*tags, *own]) if own else document_paths  # most highlights have no tags
            fields = (highlight.text, highlight.note or "", " ".join(own))
            highlight_rows.append((*fields, *shared, paths, category, _flags(highlight), position, index))
    return document_rows, highlight_rows


def _flags(highlight: Highlight) -> str:
    """What `is:favorite` and `has:note` find in the export itself."""
    flags = [FAVORITE_FLAG] if highlight.is_favorite else []
    if highlight.note:
        flags.append(NOTE_FLAG)
    return " ".join(flags)


def numbered(rows: list[tuple[object, ...]], first: int) -> Iterator[tuple[object, ...]]:
    """The rows with their rowids, from `first` on."""
    return ((number, *row) for number, row in enumerate(rows, start=first))


def numbered_highlights(rows: list[tuple[object, ...]], first: int, documents_at: int) -> Iterator[tuple[object, ...]]:
    """Highlight rows with their rowids from `first` on, their document's position made its row's rowid."""
    for number, (*fields, position, index) in enumerate(rows, start=first):
        assert isinstance(position, int)
        yield (number, *fields, documents_at + position, index)
