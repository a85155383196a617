"""Typo candidates: made by edits for a short word, compared for a long one; both equal a brute-force comparison."""

from __future__ import annotations

import random

from hltui.search.typos import LetterWords, edits_within, near_words, one_edit_away, typo_limit


def counted(words: dict[str, int]) -> LetterWords:
    return LetterWords.of(words)


def test_one_edit_away_makes_each_kind_of_edit_but_on_the_first_letter() -> None:
    made = set(one_edit_away("stone", set("abcdefghijklmnopqrstuvwxyz")))
    assert {"stoone", "stoe", "stome", "sotne", "stones"} <= made  # added, left out, changed, swapped, added at the end
    assert not {"tstone", "tone", "ttone", "tsone"} & made  # the first letter is never touched


def test_near_words_are_the_most_frequent_first() -> None:
    words = {"stone": 3, "stove": 9, "stoned": 1, "spine": 50, "atone": 70}
    found = near_words("stome", counted(words), lambda near: {word: words[word] for word in near})
    assert found == ("stove", "stone")  # two edits away, or another first letter: not near


def test_made_and_compared_candidates_equal_brute_force() -> None:
    chooser = random.Random(7)
    letters = "aeiourstnl"
    vocabulary = {
        "s" + "".join(chooser.choice(letters) for _ in range(chooser.randint(3, 11))): chooser.randint(1, 99)
        for _ in range(3000)
    }
    words = counted(vocabulary)
    for query in chooser.sample(sorted(vocabulary), 80):
        limit = typo_limit(query)
        found = near_words(query, words, lambda near: {word: vocabulary[word] for word in near})
        expected = sorted(
            (word for word in vocabulary if word != query and limit and edits_within(query, word, limit)),
            key=lambda word: (-vocabulary[word], word),
        )[:8]
        assert found == tuple(expected), query


def test_no_typo_for_short_words_or_numbers() -> None:
    words = counted({"walk": 1, "wall": 1, "12345": 1, "12346": 1})
    assert near_words("walk", words, lambda near: {}) == ()
    assert near_words("12345", words, lambda near: {}) == ()
