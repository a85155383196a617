"""The library: reading an export folder (through the parse cache), grouping it, keeping favorites (no Textual)."""

from hltui.library.collection import Library
from hltui.library.files import find_export_files
from hltui.library.groups import FAVORITES, GROUPINGS, NO_AUTHOR, NO_CATEGORY, SORT_ORDERS, UNTAGGED, Group
from hltui.library.load import LibraryError, cached_summary, load_library, summary_of

__all__ = [
    "FAVORITES",
    "GROUPINGS",
    "NO_AUTHOR",
    "NO_CATEGORY",
    "SORT_ORDERS",
    "UNTAGGED",
    "Group",
    "Library",
    "LibraryError",
    "cached_summary",
    "find_export_files",
    "load_library",
    "summary_of",
]
