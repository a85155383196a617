"""Parsing: one export file's text into documents, skipped reasons and problems (no Textual); start at `parse`."""
