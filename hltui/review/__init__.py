"""Reviewing highlights: stable ids, the review store (FSRS cards, favorites, notes) and selections (no Textual)."""
