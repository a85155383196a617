"""Typo-tolerant search over titles, authors, tags, highlights, highlight tags and notes (no Textual here)."""

from __future__ import annotations

import heapq
import re
import sys
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass

from hltui.model import Document
from hltui.search.field_table import KINDS, FieldTable
from hltui.search.folding import fold, folded_ends, to_original
from hltui.search.ranking import Query, Results, StopCheck, chunks, hit_key
from hltui.search.snippets import merged, snippet, window
from hltui.search.typos import NearWords

__all__ = ["SearchHit", "SearchIndex", "fold"]

# A word in more tokens than this is found by reading the fields: gathering its postings would cost more.
_MOST_TOKENS = 3000
# Up to this many matching fields of a kind are all scored; past it, only each bonus class's best.
_SCORE_ALL_UP_TO = 400
_SPLIT_WORDS_UP_TO = 4
_WALK_FROM = 20_000  # fields in a kind
_WALK_MOST = 10_000  # steps
_STOP_CHECK_EVERY = 500  # longer queries match few fields: scored all rather than split 2^n ways
_READ_CHUNK = 20_000  # fields read between two calls to should_stop
_BUILD_CHUNK_HIGHLIGHTS = 2000  # highlights indexed between two chances for other threads to run


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result."""

    document: Document
    highlight_index: int | None
    field: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    score: float


class SearchIndex:
    """The folded text and token postings of every searchable field, built once per library.

    Build it in the background with `build`, which can be stopped; keep it current with
    `add_document`, `remove_document` and `replace_document` instead of building it again.
    """

    def __init__(self, documents: Sequence[Document] = ()) -> None:
        self._table = FieldTable()
        if documents:
            self._table.add(documents)
            self._table.rank()

    @classmethod
    def build(cls, documents: Sequence[Document], should_stop: Callable[[], bool] | None = None) -> SearchIndex | None:
        """The index of these documents built a chunk at a time, letting other threads run between chunks.

        Returns None when should_stop answers yes (it is asked before each chunk).
        """
        index = cls()
        for chunk in _build_chunks(documents):
            if should_stop is not None and should_stop():
                return None
            index._table.add(chunk)
            time.sleep(0)  # a pure-Python loop keeps the GIL up to the switch interval; give it up now
        for kind in range(len(KINDS)):
            if should_stop is not None and should_stop():
                return None
            index._table.ranked(kind)
            time.sleep(0)
        return index

    def add_document(self, document: Document) -> None:
        """Index one more document, after the others in library order."""
        self._table.add([document])

    def remove_document(self, document: Document) -> None:
        """Stop finding a document (by identity); unknown documents are ignored."""
        number = self._table.number_of(document)
        if number is not None:
            self._table.remove(number)

    def replace_document(self, old: Document, new: Document) -> None:
        """Index `new` in the place of `old` (for a reloaded file), or after the others if `old` is unknown."""
        number = self._table.number_of(old)
        if number is None:
            self._table.add([new])
            return
        self._table.remove(number)
        self._table.add([new], numbers=[number])

    def search(
        self,
        query: str,
        *,
        within: Collection[Document] | None = None,
        limit: int = 200,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[SearchHit]:
        """The best `limit` hits holding every query word, best first; library order among equals."""
        words = fold(query).split()
        if not words or limit <= 0:
            return []
        prepared = Query(tuple(words), " ".join(words))
        allowed = None if within is None else self._table.allowed_fields(within)
        run = _Run(self._table, prepared, allowed, limit, StopCheck(should_stop))
        run.exact_pass()
        if len(run.results) < limit and not run.stop.stopped:
            run.typo_pass()  # typo hits rank below exact ones: only to fill up
        marker = _Marker(prepared.words, self._table.near_words)
        return [self._hit(score, field_id, marker) for score, field_id in run.results.top(limit)]

    def _hit(self, score: float, field_id: int, marker: _Marker) -> SearchHit:
        """A result with its snippet, built only for the hits that are returned."""
        table = self._table
        shown, spans = marker.snippet(table.texts[field_id], table.folded[field_id])
        document = table.documents[table.document_numbers[field_id]]
        assert document is not None  # removed documents' fields are never hits
        kind = KINDS[table.kinds[field_id]]
        return SearchHit(document, table.highlight_indexes[field_id], kind, shown, spans, score)


class _Marker:
    """Where the query words are in a field: as typed, or else as whole-word typos of them."""

    def __init__(self, words: tuple[str, ...], near_words: NearWords) -> None:
        self._words = words
        self._exact = [re.compile(re.escape(word)) for word in words]
        self._typos = [_whole_words(near_words.near(word)) for word in words]
        # How far before the window a match may begin and still reach into it (typos: the longest near word).
        self._reach = [max(map(len, near_words.near(word)), default=len(word)) for word in words]
        self._from_window = [not _overlaps_itself(word) for word in words]
        self._longest = max(range(len(words)), key=lambda position: len(words[position]))

    def snippet(self, text: str, folded: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The field's snippet around the longest word's first match, with every match inside it marked."""
        ends = folded_ends(text)
        patterns = [
            exact if word in folded else typos
            for word, exact, typos in zip(self._words, self._exact, self._typos, strict=True)
        ]
        anchor_pattern = patterns[self._longest]
        first = anchor_pattern.search(folded) if anchor_pattern is not None else None
        anchor = to_original(ends, *first.span()) if first is not None else (0, 0)
        start, end = window(len(text), anchor)
        folded_start = start if ends is None or start == 0 else ends[start - 1]
        # Matches outside the window are never shown: start near it and stop past it, sparing a long text.
        # (Starting late finds the same matches unless a word overlaps itself, like `ana` in `banana`.)
        spans: list[tuple[int, int]] = []
        for position, pattern in enumerate(patterns):
            if pattern is None:
                continue
            exact = pattern is self._exact[position]  # whole-word typo matches never overlap
            late = self._from_window[position] or not exact
            reach = len(self._words[position]) if exact else self._reach[position]
            for match in pattern.finditer(folded, max(0, folded_start - reach) if late else 0):
                span = to_original(ends, *match.span())
                if span[0] > end:
                    break
                if span[1] >= start:
                    spans.append(span)
        return snippet(text, anchor, merged(spans))


def _overlaps_itself(word: str) -> bool:
    """Whether two occurrences of the word can overlap: some start of it is also an end of it."""
    return any(word[:size] == word[-size:] for size in range(1, len(word)))


def _whole_words(words: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern matching any of the words where it stands as a whole word; None for no words."""
    if not words:
        return None
    # Word ends as the vocabulary sees them (search_index._WORD): `reader` stands alone in `slow_reader`.
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(map(re.escape, words))})(?![^\W_])")


class _Run:
    """One query against the table: the fields that match it, and the scoring of those that can rank."""

    def __init__(self, table: FieldTable, query: Query, allowed: set[int] | None, limit: int, stop: StopCheck) -> None:
        self.table = table
        self.query = query
        self.allowed = allowed
        self.limit = limit
        self.stop = stop
        self.results = Results(table)
        self._tokens = {word: table.tokens_containing(word, _MOST_TOKENS) for word in query.words}
        self._starting: dict[tuple[int, int], set[int]] = {}

    def exact_pass(self) -> None:
        """Fields holding every word as typed, the heaviest kinds first, until lighter ones cannot make the cut."""
        exact = (True,) * len(self.query.words)
        for kind in range(len(KINDS)):
            wanted = self.limit - self.results.count_above(self.query.ceiling(kind))
            if wanted <= 0 or self.stop.stopped:
                return
            rarest, rarest_word, fewest = self._rarest_word(kind)
            fields = len(self.table.ids_by_kind[kind])
            # A word in most fields of a big kind: its best fields turn up among the shortest, long before
            # all its matches are gathered. Where matches are sparser they may come late: gather them.
            if fields >= _WALK_FROM and 2 * fewest >= fields and self._walk(kind, wanted, _WALK_MOST):
                continue
            self._offer(kind, self._exact_matches(kind, rarest, rarest_word, fewest), exact)

    def _rarest_word(self, kind: int) -> tuple[Sequence[Sequence[int]], str, int]:
        """The postings of the query word in the fewest fields of a kind, that word and that count."""
        postings = self.table.postings[kind]
        rarest: Sequence[Sequence[int]] = []
        rarest_word = ""
        fewest = sys.maxsize
        for word, tokens in self._tokens.items():
            if tokens is not None:
                lists = [postings[token] for token in tokens if token in postings]
                count = sum(map(len, lists))
                if count < fewest:
                    rarest, rarest_word, fewest = lists, word, count
        return rarest, rarest_word, fewest

    def _exact_matches(
        self, kind: int, rarest: Sequence[Sequence[int]], rarest_word: str, fewest: int
    ) -> Collection[int]:
        """The fields of a kind holding every word: through the rarest word's postings, or else by reading them."""
        searched = self.table.ids_by_kind[kind]
        # Reading a field costs about as much as gathering one posting: take the cheaper way.
        if fewest >= len(searched):
            return self._holding(self._within(searched), self.query.words)
        candidates = self._usable(set().union(*rarest))
        unchecked = [word for word in self.query.words if word != rarest_word]  # its tokens all hold it
        return self._holding(list(candidates), unchecked) if unchecked else candidates

    def _walk(self, kind: int, wanted: int, steps: int) -> bool:
        """Score a kind's fields shortest first until no later one can make the cut; False if `steps` ran out.

        A field later in `ranked` is no shorter, so it scores at most `best_possible` for its length: once
        `wanted` new hits score above that, the rest of the kind cannot displace them. A hit with several
        fields in the kind counts with its first, whose score may be below its best: that only delays the stop.
        With one or two words an equal score means the same bonuses and length, and then `ranked` order is
        library order: equal is enough. (With more words a word-start step is under the shortness range.)
        """
        table, query, results = self.table, self.query, self.results
        folded, words, exact = table.folded, query.words, (True,) * len(query.words)
        removed, allowed = table.removed, self.allowed
        ties_in_order = len(words) <= 2
        best: list[float] = []  # the `wanted` best scores of hits new to the results, lowest first
        length, bound = -1, 0.0
        for step, field_id in enumerate(table.ranked(kind)):
            text = folded[field_id]
            if len(text) != length:
                length = len(text)
                bound = query.best_possible(kind, length)
            if len(best) >= wanted and (best[0] > bound or (ties_in_order and best[0] == bound)):
                return True
            if step >= steps:
                return False
            if step % _STOP_CHECK_EVERY == 0 and self.stop():
                return True
            if field_id in removed or (allowed is not None and field_id not in allowed):
                continue
            for word in words:
                if word not in text:
                    break
            else:
                is_new = hit_key(table, field_id) not in results
                score = query.score(kind, text, exact)
                results.add(field_id, score)
                if is_new:
                    (heapq.heappush if len(best) < wanted else heapq.heappushpop)(best, score)
        return True

    def _usable(self, field_ids: set[int]) -> set[int]:
        """These fields less the removed ones and those outside `within`."""
        field_ids -= self.table.removed
        return field_ids if self.allowed is None else field_ids & self.allowed

    def _within(self, field_ids: list[int]) -> list[int]:
        """Those of the fields that `within` allows."""
        return field_ids if self.allowed is None else [field_id for field_id in field_ids if field_id in self.allowed]

    def _holding(self, field_ids: list[int], words: Sequence[str]) -> list[int]:
        """Those of the fields holding every word, read a chunk at a time."""
        folded = self.table.folded
        held: list[int] = []
        for chunk in chunks(field_ids, self.stop, size=_READ_CHUNK):
            for word in words:
                chunk = [field_id for field_id in chunk if word in folded[field_id]]
            held.extend(chunk)
        return held

    def typo_pass(self) -> None:
        """Fields where some word matches only as a typo of it, found through the vocabulary."""
        table = self.table
        near_words = [table.near_words.near(word) for word in self.query.words]
        ceiling_words = len(self.query.words) - 1  # at least one word is a typo
        for kind in range(len(KINDS)):
            if self.results.count_above(self.query.ceiling(kind, ceiling_words)) >= self.limit or self.stop.stopped:
                return
            near_fields = [table.fields_with_words(near, kind) for near in near_words]
            candidates = self._narrowed(kind, self._usable(set().union(*near_fields)), near_fields)
            for exactness, members in self._by_exactness(candidates, near_fields).items():
                if not all(exactness):
                    self._offer(kind, members, exactness)

    def _narrowed(self, kind: int, candidates: set[int], near_fields: list[set[int]]) -> set[int]:
        """The candidates less those missing a word both as typed and as a typo, where its postings are few."""
        postings = self.table.postings[kind]
        for word, near in zip(self.query.words, near_fields, strict=True):
            tokens = self._tokens[word]
            if tokens is not None:
                lists = [postings[token] for token in tokens if token in postings]
                if sum(map(len, lists)) <= len(candidates):
                    candidates &= near.union(*lists)
        return candidates

    def _by_exactness(self, candidates: set[int], near_fields: list[set[int]]) -> dict[tuple[bool, ...], set[int]]:
        """The candidates split by which words they hold as typed (True) or only as a typo (False)."""
        folded = self.table.folded
        groups: dict[tuple[bool, ...], set[int]] = {(): candidates}
        for word, near in zip(self.query.words, near_fields, strict=True):
            split: dict[tuple[bool, ...], set[int]] = {}
            for exactness, members in groups.items():
                exact = {field_id for field_id in members if word in folded[field_id]}
                typo = (members - exact) & near
                for part, is_exact in ((exact, True), (typo, False)):
                    if part:
                        split[(*exactness, is_exact)] = part
            groups = split
        return groups

    def _offer(self, kind: int, matched: Collection[int], exactness: tuple[bool, ...]) -> None:
        """Score the matching fields of a kind that could rank among the best `limit`."""
        if len(matched) <= _SCORE_ALL_UP_TO or len(self.query.words) > _SPLIT_WORDS_UP_TO:
            self._score(kind, list(matched), exactness)
            return
        starts = [position for position, exact in enumerate(exactness) if exact]  # typos are whole words
        if len(self.query.words) == 1 or not all(exactness):
            # The phrase is the word, in every exact match; with a word matched only as a typo, in none.
            self._offer_classes(kind, self._split_by_starts(kind, set(matched), starts), exactness)
            return
        phrase, folded = self.query.phrase, self.table.folded
        with_phrase = {field_id for field_id in matched if phrase in folded[field_id]}
        # In the phrase every word after the first follows a space: only the first may not begin a word.
        self._offer_classes(kind, self._split_by_starts(kind, with_phrase, starts[:1]), exactness)
        without = set(matched) - with_phrase
        if without:
            # The fields without the phrase score at most this: often the phrase alone fills the results.
            shortest = self._shortest(kind, without)
            best = self.query.best_possible(kind, len(folded[shortest]), phrase=False)
            if self.results.count_above(best) < self.limit:
                self._offer_classes(kind, self._split_by_starts(kind, without, starts), exactness)

    def _offer_classes(self, kind: int, classes: list[set[int]], exactness: tuple[bool, ...]) -> None:
        """Score the first hits of each class of equal bonuses, best class first, while they can make the cut.

        Inside a class only length and library order rank, as in `ranked`: each class's shortest field is
        its best, and its first `limit` hits hold every hit of it that can make the cut.
        """
        folded = self.table.folded
        heads = []
        for members in classes:
            heads.append((self.query.score(kind, folded[self._shortest(kind, members)], exactness), members))
        heads.sort(key=lambda head: head[0], reverse=True)
        for best, members in heads:
            if self.results.count_above(best) >= self.limit:
                return  # neither this class nor the lower ones can make the cut
            self._score(kind, self._first_hits(kind, members), exactness)

    def _shortest(self, kind: int, members: set[int]) -> int:
        """The member first in `ranked` order."""
        return self.table.ranked(kind)[min(map(self.table.rank_positions.__getitem__, members))]

    def _score(self, kind: int, field_ids: list[int], exactness: tuple[bool, ...]) -> None:
        """Score fields of a kind and offer them to the results."""
        folded, score, add = self.table.folded, self.query.score, self.results.add
        # The fields were found before any stop: what is found so far is worth returning.
        for chunk in chunks(field_ids, self.stop, first=False):
            for field_id in chunk:
                add(field_id, score(kind, folded[field_id], exactness))

    def _split_by_starts(self, kind: int, members: set[int], positions: list[int]) -> list[set[int]]:
        """The members split by which of these query words begin a word in them."""
        classes = [members] if members else []
        for position in positions:
            starting = self._starting_fields(kind, position, members)
            classes = [part for group in classes for part in (group & starting, group - starting) if part]
        return classes

    def _starting_fields(self, kind: int, position: int, among: set[int]) -> set[int]:
        """Those of `among` where query word `position` begins a word: through its tokens when they are few."""
        pattern = self.query.word_starts[position]
        cached = self._starting.get((kind, position))
        if cached is not None:
            return cached & among
        tokens = self._tokens[self.query.words[position]]
        if tokens is not None:
            postings = self.table.postings[kind]
            lists = [postings[token] for token in tokens if token in postings and pattern.search(token)]
            if sum(map(len, lists)) <= 4 * len(among):
                starting = self._starting[(kind, position)] = set().union(*lists)
                return starting & among
        word, folded = self.query.words[position], self.table.folded
        after_space = " " + word
        # Most words begin after a space or at the start: those tests are quick; the pattern catches `(word`.
        return {
            field_id
            for field_id in among
            if (text := folded[field_id]).startswith(word) or after_space in text or pattern.search(text)
        }

    def _first_hits(self, kind: int, members: set[int]) -> list[int]:
        """The members in rank order up to and including the one that completes `limit` distinct hits."""
        table = self.table
        ranked = table.ranked(kind)
        first: list[int] = []
        hits: set[tuple[int, int]] = set()
        # Sorting places (plain integers) is one C call; a key function would be one Python call each.
        for position in sorted(map(table.rank_positions.__getitem__, members)):
            field_id = ranked[position]
            first.append(field_id)
            hits.add(hit_key(table, field_id))
            if len(hits) >= self.limit:
                break
        return first


def _build_chunks(documents: Sequence[Document]) -> Iterator[Sequence[Document]]:
    """Runs of documents holding about `_BUILD_CHUNK_HIGHLIGHTS` highlights together."""
    start = 0
    highlights = 0
    for end, document in enumerate(documents, start=1):
        highlights += len(document.highlights) + 1
        if highlights >= _BUILD_CHUNK_HIGHLIGHTS:
            yield documents[start:end]
            start, highlights = end, 0
    if start < len(documents):
        yield documents[start:]
