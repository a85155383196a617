"""Export text -> documents, skipped files and problems. Total: it never raises."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

from hltui.display import strip_control
from hltui.model import Document, Highlight, ParseResult, Problem, Skipped, identity
from hltui.parsing.action_tags import apply_action_tags
from hltui.parsing.cleaning import (
    HEADING,
    category_from,
    clean_block,
    clean_line,
    folder_category,
    parse_tags,
    unescape_markdown,
    unquote_value,
)
from hltui.parsing.dates import document_updated, header_date
from hltui.parsing.front_matter import FrontMatter, Segment, read_front_matter, split_segments
from hltui.parsing.highlight_list import HIGHLIGHTS_HEADER, is_header_bullet, parse_highlights
from hltui.parsing.merge import merge_documents, unique_highlights
from hltui.parsing.metadata import BodyMetadata, read_body_metadata
from hltui.parsing.readwisesync import readwisesync_document
from hltui.parsing.single_highlight import single_highlight

_LINKED_NAME = re.compile(r"^\[([^\[\]]+)\]\([^()\s]*\)$")  # `[Jane Doe](https://…)`, the Kindle plugin's author
_TOP_BULLET = re.compile(r"^[-*][ \t]+(.*)$")
_SYNC_LINE = re.compile(r"\bsynced\s+[\d,]+\s+highlights?\s+from\s+[\d,]+\s+(?:documents?|books?|sources?)", re.I)
_SYNC_HINT = re.compile(r"ynced\s+[\d,]")
_HIGHLIGHTS_SUFFIX = "(highlights)"
# Logseq pages in a namespace: `Readwise/Highlights/Some Book` is the page `Some Book`.
_NAMESPACE_WORDS = {"readwise", "highlights", "books", "articles", "tweets", "podcasts", "literature", "sources"}
_URL_IN_TEXT = re.compile(r"https?://[^\s)\]>]+")
_NON_HIGHLIGHT_SECTIONS = {"metadata", "fulldocument", "linkednotes", "summary"}


def parse_bytes(data: bytes, source_path: str) -> ParseResult:
    """Parse a file's bytes; undecodable or binary input is reported, not raised."""
    if b"\x00" in data[:8192]:
        return ParseResult(skipped=(Skipped(source_path, "binary file, not a text export"),))
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
        problems.append(Problem(source_path, f"not valid UTF-8 (byte {error.start}); unreadable bytes replaced"))
    result = parse_text(text, source_path)
    return ParseResult(result.documents, result.skipped, (*problems, *result.problems))


def parse_text(text: str, source_path: str) -> ParseResult:
    """Parse export text into documents; anything unexpected becomes a problem."""
    try:
        return _parse(text, source_path)
    except Exception as error:  # noqa: BLE001 - the parser must never take the app down
        message = f"could not be parsed ({type(error).__name__}: {error})"
        return ParseResult(skipped=(Skipped(source_path, message),))


def _parse(text: str, source_path: str) -> ParseResult:
    text = normalise_newlines(text.lstrip("\ufeff"))
    lines = text.split("\n")
    skip_reason = _skip_reason(text, lines, source_path)
    if skip_reason:
        return ParseResult(skipped=(Skipped(source_path, skip_reason),))
    if (readwisesync := readwisesync_document(lines, source_path)) is not None:
        return ParseResult(documents=(readwisesync,))
    documents: list[Document] = []
    problems: list[Problem] = []
    for segment in split_segments(lines):
        document = _segment_document(segment, source_path, problems)
        if document is not None:
            documents.append(document)
    if not documents:
        # A file is a document or skipped: the problems of a file not read as one would mislead.
        return ParseResult(skipped=(Skipped(source_path, "no highlights or export metadata found"),))
    return ParseResult(documents=tuple(merge_documents(documents)), problems=tuple(problems))


def normalise_newlines(text: str) -> str:
    """CRLF files become LF; a stray CR+LF inside a title or property joins its two halves."""
    if "\r" not in text:
        return text  # most files: nothing to split and join again
    crlf = text.count("\r\n")
    if crlf and crlf * 2 >= text.count("\n"):
        return text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = text.split("\n")
    joined: list[str] = []
    for piece in pieces:
        if joined and joined[-1].endswith("\r"):
            previous = joined.pop()[:-1]
            if _is_value_line(previous):
                joined.append(f"{previous.rstrip()} {piece.strip()}")
                continue
            joined.append(previous)
        joined.append(piece)
    return "\n".join(line.rstrip("\r") for line in joined).replace("\r", "\n")


def _is_value_line(line: str) -> bool:
    """Lines whose value an embedded line break cut in two (a heading, a property, a wikilink)."""
    stripped = line.lstrip()
    return stripped.startswith(("#", ">")) or "::" in line or line.count("[[") > line.count("]]")


def _skip_reason(text: str, lines: list[str], source_path: str) -> str | None:
    """Why a file is not a highlight document, or None when it may be one."""
    if not text or text.isspace():
        return "empty file"
    # Each sync line holds `ynced 12` in some case (the pattern's `s` may be `ſ`): one search of the
    # lowered file is much cheaper than the pattern on every line, and lower() than casefold().
    if _SYNC_HINT.search(text.lower()) and _is_sync_log(lines, source_path):
        return "Readwise sync log, not a document"
    if "full document contents/" in source_path.casefold() or _is_full_document(lines):
        return "Reader full-document content, not highlights"
    return None


def _is_sync_log(lines: list[str], source_path: str) -> bool:
    """Lines such as `Synced 12 highlights from 3 books` are a third of the file (or its name says so)."""
    top_level = [line for line in lines if line.strip() and not line[0].isspace()]
    sync_lines = sum(1 for line in top_level if _SYNC_LINE.search(line))
    return bool(sync_lines) and (sync_lines * 3 >= len(top_level) or "readwise sync" in source_path.casefold())


def _is_full_document(lines: list[str]) -> bool:
    """A `## Full Document` section holding the article itself (not just a link to it)."""
    for index, line in enumerate(lines):
        heading = HEADING.match(line) if line.startswith("#") else None
        if heading and identity(heading.group(2)) == "fulldocument":
            following = [text for text in lines[index + 1 : index + 40] if text.strip()]
            body = [text for text in following if not text.startswith("#")][:5]
            return len(body) >= 3 and not any(HIGHLIGHTS_HEADER.match(_heading_text(text)) for text in following)
    return False


def _heading_text(line: str) -> str:
    heading = HEADING.match(line)
    return heading.group(2) if heading else ""


def _split_regions(lines: list[str]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Separate metadata lines from the highlight regions (start index and lines, one per header)."""
    meta = [""] * len(lines)
    regions: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    in_fence = False
    for index, line in enumerate(lines):
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
        heading = HEADING.match(line) if not in_fence and line.startswith("#") else None
        bullet = _TOP_BULLET.match(line) if not in_fence and line.startswith(("-", "*")) else None
        if heading and HIGHLIGHTS_HEADER.match(heading.group(2)):
            current = [""]
            regions.append((index, current))
            continue
        if bullet and is_header_bullet(bullet.group(1)):
            current = [line]
            regions.append((index, current))
            continue
        if heading and current is not None and _ends_highlights(heading):
            current = None
        if current is not None:
            current.append(line)
        else:
            meta[index] = line
    return meta, regions


def _ends_highlights(heading: re.Match[str]) -> bool:
    """A title or a metadata/full-document heading closes the highlight list."""
    return len(heading.group(1)) == 1 or identity(heading.group(2)) in _NON_HIGHLIGHT_SECTIONS


def _segment_document(segment: Segment, source_path: str, problems: list[Problem]) -> Document | None:
    """Build the document one export segment describes, or None when it holds nothing."""
    front = FrontMatter()
    if segment.front_matter is not None:
        front = read_front_matter(segment.front_matter, segment.front_matter_line)
        problems.extend(Problem(source_path, message, line) for line, message in front.problems)
    meta_lines, regions = _split_regions(segment.body)
    body = read_body_metadata([*front.extra_lines, *meta_lines], loose_keys=False)
    highlights: list[Highlight] = []
    for start, region in regions:
        found = parse_highlights(region, header_date(segment.body[start]))
        if not found and any(line.strip() for line in region[1:]):
            problems.append(Problem(source_path, "highlights section holds no highlight", segment.body_line + start))
        highlights.extend(found)
    if not regions:
        highlights = _headerless_highlights(front.values, meta_lines, body, len(front.extra_lines))
    document = _build_document(front.values, body, highlights, source_path)
    described = any((document.author, document.category, document.url, document.full_title))
    return document if highlights or described else None


def _headerless_highlights(
    values: dict[str, Any], meta_lines: list[str], body: BodyMetadata, offset: int
) -> list[Highlight]:
    """Highlights of a file without a highlights header, when the file shows it is an export."""
    single = single_highlight(values, meta_lines)
    if single is not None:
        return [single]
    highlights = parse_highlights(_implicit_highlight_lines(meta_lines, body, offset))
    # Plain bullets count only in a file that looks like an export, not in any Markdown note.
    looks_exported = bool(values) or bool(body.fields) or any(h.location or h.url for h in highlights)
    return highlights if looks_exported else []


def _implicit_highlight_lines(meta_lines: list[str], body: BodyMetadata, offset: int) -> list[str]:
    """Without a highlights header, the bullets that are not metadata are the highlights."""
    kept: list[str] = []
    section = ""
    for index, line in enumerate(meta_lines):
        heading = HEADING.match(line) if line.startswith("#") else None
        if heading:
            section = identity(heading.group(2))
        hidden = section in _NON_HIGHLIGHT_SECTIONS and section != "summary"
        skip = index + offset in body.consumed or hidden or line.strip() in ("None", "---")
        kept.append("" if skip or heading else line)
    return kept


def _build_document(
    values: dict[str, Any], body: BodyMetadata, highlights: list[Highlight], source_path: str
) -> Document:
    """Choose each field from the most trustworthy place that has it."""
    yaml_values = {identity(key): value for key, value in values.items() if key != "Author"}
    kindle = _kindle_plugin_values(yaml_values)
    fields = body.fields
    category_sources = [
        fields.get("category"),
        fields.get("type"),
        fields.get("media"),
        yaml_values.get("category"),
        yaml_values.get("type"),
        yaml_values.get("media"),
        fields.get("source"),
    ]
    category = next((found for found in map(category_from, category_sources) if found), None)
    path = PurePosixPath(source_path)
    # A tag like `readwise-books` is the last hint, after the folder name.
    category = (
        category
        or folder_category(path.parent.parts)
        or category_from([yaml_values.get("tags"), *body.tags], reader_types=False)
        or ("books" if kindle else None)
    )
    excluded = {identity(tag) for source in category_sources[:6] for tag in parse_tags(source)}  # not `source`
    tags = [tag for tag in parse_tags([yaml_values.get("tags"), *body.tags]) if identity(tag) not in excluded]
    full_title = (
        clean_line(unquote_value(fields.get("full_title", "")))
        or clean_line(yaml_values.get("fulltitle"))
        or clean_line(kindle.get("title"))
    )
    title = _first_line(
        yaml_values.get("title"),
        _page_title(_first_line(fields.get("title")), full_title),
        body.heading_title,
        full_title,
        _file_title(path),
    )
    author = _first_line(
        fields.get("author"),
        yaml_values.get("author"),
        yaml_values.get("authors"),
        values.get("Author"),
        kindle.get("author"),
    )
    return Document(
        title=title or strip_control(path.name),
        full_title=full_title,
        author=_author_name(author),
        category=category,
        url=_document_url(fields, yaml_values, body),
        tags=tuple(tags),
        summary=clean_block(fields.get("summary")) or clean_block(yaml_values.get("summary")),
        note=clean_block(fields.get("note")) or clean_block(yaml_values.get("documentnote")),
        source_path=source_path,
        highlights=tuple(unique_highlights(apply_action_tags(highlights))),
        updated=document_updated([yaml_values, _kindle_block(yaml_values), fields], highlights),
    )


def _kindle_block(yaml_values: dict[str, Any]) -> dict[str, object]:
    """The Kindle plugin's `kindle-sync:` block, keys as `identity` writes them (`lastannotateddate`)."""
    block = yaml_values.get("kindlesync")
    return {identity(str(key)): value for key, value in block.items()} if isinstance(block, dict) else {}


def _kindle_plugin_values(yaml_values: dict[str, Any]) -> dict[str, object]:
    """`title` and `author` from the Kindle plugin's `kindle-sync:` block or `kindle-title:` keys."""
    found = _kindle_block(yaml_values)
    for key in ("title", "author"):
        if yaml_values.get(f"kindle{key}") is not None:
            found.setdefault(key, yaml_values[f"kindle{key}"])
    return {key: found[key] for key in ("title", "author") if found.get(key) is not None}


def _author_name(author: str | None) -> str | None:
    """The author as a name: `[Jane Doe](url)` and `Jane Doe;` -> `Jane Doe`, `#people/authors/jane` -> `jane`."""
    if not author:
        return None
    linked = _LINKED_NAME.match(author)
    if linked:
        author = linked.group(1).strip()
    if author.startswith("@@"):
        author = author[1:]  # a template's `[[@{{author}}]]` around a handle that has its own `@`
    if author.startswith("#") and " " not in author and len(author) > 1:
        author = author.rsplit("/", 1)[-1].lstrip("#") or author
    return author.rstrip(";,")


def _first_line(*candidates: object) -> str | None:
    """The first candidate that is a real value, cleaned, ` (highlights)` removed."""
    for candidate in candidates:
        value = clean_line(candidate)
        if value:
            return _without_highlights_suffix(value) or value
    return None


def _without_highlights_suffix(title: str) -> str:
    """`Antifragile (highlights)` -> `Antifragile`, as Logseq page titles are written."""
    stripped = title.rstrip()
    if stripped.casefold().endswith(_HIGHLIGHTS_SUFFIX):
        return stripped[: -len(_HIGHLIGHTS_SUFFIX)].rstrip()
    return title


def _file_title(path: PurePosixPath) -> str:
    """A title from the file name, for files that say nothing better."""
    return _without_highlights_suffix(unquote(path.stem)).strip()


def _page_title(title: str | None, full_title: str | None) -> str | None:
    """A Logseq property title without its namespace; the full title when it has one."""
    if not title or "/" not in title:
        return title
    if full_title and title.endswith("/" + full_title):
        return full_title  # `Document/World War I` with `full-title:: World War I`
    *namespace, name = title.split("/")
    # `TCP/IP Illustrated` is a title with a slash; `Readwise/Highlights/X` is a namespace.
    is_namespace = all(part and not part[0].isspace() and " " not in part for part in namespace) and (
        len(namespace) >= 2 or namespace[0].casefold() in _NAMESPACE_WORDS
    )
    if not is_namespace or not name.strip():
        return title
    return full_title or name.strip()


def _document_url(fields: dict[str, str], yaml_values: dict[str, Any], body: BodyMetadata) -> str | None:
    """The document's own address, from the first place that gives one."""
    candidates: list[object] = [
        fields.get("url"),
        yaml_values.get("url"),
        yaml_values.get("sourceurl"),
        yaml_values.get("link"),
        *body.bare_urls,
        fields.get("source"),
    ]
    for candidate in candidates:
        for value in filter(None, (clean_line(item) for item in _as_list(candidate))):
            value = unescape_markdown(value) if "\\" in value else value  # Logseq writes `\-` in URLs
            value = value[1:-1] if value.startswith("<") and value.endswith(">") else value  # `<https://…>`
            found = _URL_IN_TEXT.search(value) if "](" in value or " " in value else None
            if found:
                return found.group(0)
            if re.match(r"^[a-z][a-z0-9+.-]*:\S+$", value, re.IGNORECASE):
                return value
    return None


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else [value]
