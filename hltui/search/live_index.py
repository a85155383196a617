"""The search index of the library on screen: built in the background, kept current as files change (no Textual)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection

from hltui.library.collection import Library
from hltui.library.gc_pause import garbage_collector_paused
from hltui.model import Document, document_key
from hltui.search.engine import SearchHit, SearchIndex

# Up to this share of the documents changed, the index is updated in place rather than rebuilt.
_UPDATE_SHARE = 0.1
_WAIT_STEP = 0.02


class LiveSearchIndex:
    """One SearchIndex following the library as it is replaced; safe to use from several threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._library: Library | None = None
        self._building: Library | None = None  # the library some thread is indexing now

    def follow(self, library: Library, should_stop: Callable[[], bool] | None = None) -> None:
        """Index this library (from a worker thread): update the last index in place when little changed."""
        with self._lock:
            index, indexed = self._index, self._library
            if indexed is library:
                return
            if index is not None and indexed is not None and _update_in_place(index, indexed, library):
                self._library = library
                return
            self._building = library
        with garbage_collector_paused():  # full collections over a growing index stall every thread, the UI's too
            built = SearchIndex.build(library.documents, should_stop)
        with self._lock:
            if self._building is library:
                self._building = None
            if built is not None:
                self._index, self._library = built, library

    def search(
        self,
        library: Library,
        query: str,
        *,
        within: Collection[Document] | None = None,
        limit: int = 200,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[SearchHit]:
        """Search this library, waiting for (or doing) its indexing first."""
        index = self._index_of(library, should_stop)
        if index is None:
            return []
        with self._lock:  # an update in place must not run under a search
            return index.search(query, within=within, limit=limit, should_stop=should_stop)

    def _index_of(self, library: Library, should_stop: Callable[[], bool] | None) -> SearchIndex | None:
        while True:
            with self._lock:
                if self._library is library:
                    return self._index
                if self._building is not library:
                    break
            if should_stop is not None and should_stop():
                return None
            time.sleep(_WAIT_STEP)  # another thread is indexing this very library: wait for it
        self.follow(library)
        with self._lock:
            return self._index if self._library is library else None


def _update_in_place(index: SearchIndex, indexed: Library, library: Library) -> bool:
    """Remove the documents that went and add those that came, when they are few (documents by identity)."""
    old = {id(document): document for document in indexed.documents}
    new = {id(document): document for document in library.documents}
    gone = [document for number, document in old.items() if number not in new]
    came = [document for number, document in new.items() if number not in old]
    if len(gone) + len(came) > max(50, _UPDATE_SHARE * len(new)):
        return False
    replacements = {document_key(document): document for document in came}
    for document in gone:
        replacement = replacements.pop(document_key(document), None)
        if replacement is None:
            index.remove_document(document)
        else:  # a file read again: its document keeps its place in the index
            index.replace_document(document, replacement)
    for document in replacements.values():
        index.add_document(document)
    return True
