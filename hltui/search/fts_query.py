"""A parsed query as FTS5 match expressions over the two tables of the search index (no Textual).

Every token is quoted, so a word such as `and`, `not` or `near` is a word and never an operator.
"""

from __future__ import annotations

from collections.abc import Iterable

from hltui.library.search_rows import FAVORITE_FLAG, NOTE_FLAG, tag_token
from hltui.search.plain import Alternatives
from hltui.search.query import Query, TagFilter, Words

# Where a word without a field is looked for: in a highlight's row, and in a document's.
HIGHLIGHT_WORD_COLUMNS = "{text note htags title author dtags}"
HIGHLIGHT_OWN_COLUMNS = "{text note htags}"
DOCUMENT_WORD_COLUMNS = "{title author dtags}"
_FLAGS = {"favorite": FAVORITE_FLAG, "note": NOTE_FLAG}


def phrase(words: Words, tokens: Iterable[str] | None = None) -> str:
    """The words as one FTS5 phrase: `"the mass of men"`, with ` *` for a prefix."""
    body = " ".join(words.tokens if tokens is None else tokens)
    return f'"{body}"' + (" *" if words.prefix else "")


def _in_columns(words: Words, columns: str, alternatives: Alternatives | None = None) -> str:
    """The words in these columns, or in their own field; a single word may come with typo alternatives."""
    where = words.field if words.field is not None else columns
    found = [phrase(words)]
    if alternatives and len(words.tokens) == 1:  # a word being typed may be a whole word mistyped
        found += [f'"{alternative}"' for alternative in alternatives.get(words.tokens[0], ())]
    return f"{where} : ({' OR '.join(found)})"


def _tag(tag: TagFilter) -> str:
    token = tag_token(tag.path)
    if tag.prefix:
        return f'tagpaths : "{token}" *'
    return f'tagpaths : ("{token}" OR "{tag_token(tag.path + "/")}" *)'


def highlight_match(query: Query, alternatives: Alternatives | None = None) -> str | None:
    """What a highlight's row must match (None when only a state the index does not hold is asked for).

    A free word found only in the document's fields would list every highlight of a matching book:
    at least one must be in the highlight itself (its text, note or tags); the document is listed once.
    """
    if "due" in query.states:
        return None
    parts = [_in_columns(words, HIGHLIGHT_WORD_COLUMNS, alternatives) for words in query.words]
    parts += [_tag(tag) for tag in query.tags]
    parts += [f'flags : "{_FLAGS[state]}"' for state in sorted(query.states)]
    free = query.free_words
    if free:
        parts.append(" OR ".join(_in_columns(words, HIGHLIGHT_OWN_COLUMNS, alternatives) for words in free))
    return _with_exclusions(parts, query.excluded, HIGHLIGHT_WORD_COLUMNS)


def document_match(query: Query, alternatives: Alternatives | None = None) -> str | None:
    """What a document's row must match to be listed itself (None for a query of filters or states only)."""
    if query.states or not query.free_words:
        return None
    parts = [_in_columns(words, DOCUMENT_WORD_COLUMNS, alternatives) for words in query.words]
    parts += [_tag(tag) for tag in query.tags]
    return _with_exclusions(parts, query.excluded, DOCUMENT_WORD_COLUMNS)


def _with_exclusions(parts: list[str], excluded: tuple[Words, ...], columns: str) -> str | None:
    if not parts:
        return None
    expression = " AND ".join(f"({part})" for part in parts)
    if excluded:
        expression += " NOT (" + " OR ".join(_in_columns(words, columns) for words in excluded) + ")"
    return expression
