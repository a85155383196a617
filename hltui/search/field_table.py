"""The searchable fields of a library, column by column, and the postings that find them (no Textual)."""

from __future__ import annotations

import re
from array import array
from collections.abc import Collection, Iterator, Sequence

from hltui.model import Document
from hltui.search.folding import fold_all
from hltui.search.typos import NearWords

KINDS = ("title", "author", "tag", "highlight tag", "highlight", "note")  # heaviest first
# Letters and digits: an underscore joins words a reader searches apart (`@example_naturalist`).
_WORD = re.compile(r"[^\W_]+")
_TOKEN_SEPARATOR = "\n"  # never inside a token: tokens are split on whitespace


def _fields_of(document: Document) -> Iterator[tuple[int | None, int, str]]:
    """(highlight index, kind number, text) of every searchable string of a document."""
    yield None, 0, document.title
    if document.author:
        yield None, 1, document.author
    for tag in document.tags:
        yield None, 2, tag
    # One pass over the highlights: a lazily loaded sequence may fetch them on each access.
    for index, highlight in enumerate(document.highlights):
        for tag in highlight.tags:
            yield index, 3, tag
        yield index, 4, highlight.text
        if highlight.note:
            yield index, 5, highlight.note


class FieldTable:
    """Every searchable field in columns, the fields each token is in, and the vocabulary for typos.

    Columns rather than an object per field: a hundred thousand long-lived objects would take memory
    and slow down every garbage collection. Field numbers only grow: a replaced document's fields are
    marked removed and its new fields appended, so postings stay sorted without rebuilding them.
    """

    def __init__(self) -> None:
        self.documents: list[Document | None] = []  # by document number; None once removed
        self.document_numbers: list[int] = []
        self.highlight_indexes: list[int | None] = []
        self.kinds = bytearray()
        self.texts: list[str] = []
        self.folded: list[str] = []
        self.lengths: list[int] = []  # of the folded texts
        self.of_document: list[range] = []  # the field numbers of each document
        self.ids_by_kind: list[list[int]] = [[] for _ in KINDS]
        self.removed: set[int] = set()
        # For each kind, each whitespace-separated folded token -> the fields holding it; kinds apart,
        # so a search reaching only titles never gathers highlight postings.
        # Postings are arrays, which the garbage collector does not track: a library's hundred thousand
        # lists would make each full collection during the build traverse them all (pauses of 0.2-0.5 s).
        self.postings: list[dict[str, array[int]]] = [{} for _ in KINDS]
        self.tokens: dict[str, None] = {}  # every token of every kind, in order of arrival
        # A word's tokens are itself and these: `mind` is in `mind,` and `(mind` (one string each, joined).
        self.other_tokens_of_word: dict[str, str] = {}
        self.near_words = NearWords()
        self._joined_tokens: str | None = None
        self._ranked: list[list[int] | None] = [None] * len(KINDS)
        self.rank_positions: list[int] = []  # each field's place in `ranked` of its kind
        self._replaced = False

    def add(self, documents: Sequence[Document], numbers: Sequence[int] | None = None) -> None:
        """Index documents, each under its own new number or under the given ones (a replacement)."""
        first = len(self.texts)
        for position, document in enumerate(documents):
            number = len(self.documents) if numbers is None else numbers[position]
            if number == len(self.documents):
                self.documents.append(document)
                self.of_document.append(range(0))
            else:
                self.documents[number] = document
                self._replaced = True
            self._add_fields(number, document)
        self._index_text(first)
        self._ranked = [None] * len(KINDS)

    def remove(self, number: int) -> None:
        """Forget a document's fields (their numbers are never reused)."""
        gone = set(self.of_document[number])
        self.documents[number] = None
        self.of_document[number] = range(0)
        self.removed |= gone
        for kind, field_ids in enumerate(self.ids_by_kind):
            self.ids_by_kind[kind] = [field_id for field_id in field_ids if field_id not in gone]
        self._ranked = [None] * len(KINDS)

    def rank(self) -> None:
        """Sort every kind's fields for `ranked` now rather than on the first search."""
        for kind in range(len(KINDS)):
            self.ranked(kind)

    def ranked(self, kind: int) -> list[int]:
        """The fields of a kind, shortest first, then in library order (sorted once, after each change)."""
        ranked = self._ranked[kind]
        if ranked is None:
            field_ids = self.ids_by_kind[kind]
            if self._replaced:  # a replacement's fields were numbered after later documents' fields
                field_ids = sorted(field_ids, key=self.document_numbers.__getitem__)
            # Sorting is stable: among equal lengths, library order stays.
            ranked = self._ranked[kind] = sorted(field_ids, key=self.lengths.__getitem__)
            positions = self.rank_positions
            positions.extend([0] * (len(self.texts) - len(positions)))
            for position, field_id in enumerate(ranked):
                positions[field_id] = position
        return ranked

    def _add_fields(self, number: int, document: Document) -> None:
        """Append one document's fields to the columns."""
        start = len(self.texts)
        rows = list(_fields_of(document))
        if rows:
            highlight_indexes, kinds, texts = zip(*rows, strict=True)
            self.highlight_indexes.extend(highlight_indexes)
            self.kinds.extend(kinds)
            self.texts.extend(texts)
            self.document_numbers.extend([number] * len(rows))
        self.of_document[number] = range(start, len(self.texts))

    def _index_text(self, first: int) -> None:
        """Fold the fields from `first` on and record their tokens and words."""
        folded = fold_all(self.texts[first:])
        self.folded.extend(folded)
        self.lengths.extend(map(len, folded))
        postings_of_kind, kinds, tokens = self.postings, self.kinds, self.tokens
        appenders = [field_ids.append for field_ids in self.ids_by_kind]
        new_tokens: list[str] = []
        for field_id, text in enumerate(folded, start=first):
            kind = kinds[field_id]
            appenders[kind](field_id)
            postings = postings_of_kind[kind]
            for token in set(text.split()):
                field_ids = postings.get(token)
                if field_ids is not None:
                    field_ids.append(field_id)
                    continue
                postings[token] = array("i", (field_id,))
                if token not in tokens:
                    tokens[token] = None
                    new_tokens.append(token)
        self._add_words(new_tokens)

    def _add_words(self, tokens: list[str]) -> None:
        """Record the words of new tokens, for typo look-ups."""
        others = self.other_tokens_of_word
        words: list[str] = []
        for token in tokens:
            if token.isalpha():
                words.append(token)
                continue
            for word in set(_WORD.findall(token)):
                words.append(word)
                if word != token:
                    held = others.get(word)
                    others[word] = token if held is None else held + _TOKEN_SEPARATOR + token
        self.near_words.add(words)
        if tokens:
            self._joined_tokens = None

    def tokens_containing(self, word: str, most: int) -> list[str] | None:
        """The tokens holding `word` (which has no whitespace), or None when more than `most` do."""
        if self._joined_tokens is None:
            self._joined_tokens = _TOKEN_SEPARATOR.join(self.tokens)
        joined = self._joined_tokens
        if joined.count(word) > most:
            return None
        found: list[str] = []
        position = joined.find(word)
        while position >= 0:
            start = joined.rfind(_TOKEN_SEPARATOR, 0, position) + 1
            end = joined.find(_TOKEN_SEPARATOR, position)
            end = len(joined) if end < 0 else end
            found.append(joined[start:end])
            position = joined.find(word, end)
        return found

    def fields_with_words(self, words: Collection[str], kind: int) -> set[int]:
        """Fields of a kind holding, as a whole word, one of these vocabulary words."""
        postings = self.postings[kind]
        fields: set[int] = set()
        for word in words:
            fields.update(postings.get(word, ()))
            for token in self.other_tokens_of_word.get(word, "").split(_TOKEN_SEPARATOR):
                fields.update(postings.get(token, ()))
        return fields

    def allowed_fields(self, within: Collection[Document]) -> set[int]:
        """The field numbers of the documents in `within` (by identity: equal documents may be distinct)."""
        wanted = {id(document) for document in within}
        allowed: set[int] = set()
        for document, field_ids in zip(self.documents, self.of_document, strict=True):
            if id(document) in wanted:
                allowed.update(field_ids)
        return allowed

    def number_of(self, document: Document) -> int | None:
        """The number of an indexed document (by identity), if it is indexed."""
        return next((number for number, known in enumerate(self.documents) if known is document), None)
