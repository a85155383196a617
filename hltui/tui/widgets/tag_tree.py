"""The sidebar: groups of documents (by tag, category, author or folder), filled on expand."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from hltui.display import strip_control
from hltui.library.groups import Group, sort_documents
from hltui.model import Document, document_key
from hltui.tui.tree_width import DEFAULT_SHARE, tree_columns

Node = TreeNode["Group | Document"]
# The meta Tree's click handler looks for on an icon, to open or close the group.
TOGGLE_STYLE = Style.from_meta({"toggle": True})


@dataclass(frozen=True)
class TreeOrder:
    """How documents are sorted, with the modification times 'recent' needs."""

    order: str
    modified: dict[str, float]


class TagTree(Tree["Group | Document"]):
    """Groups and their documents; a document under each group it belongs to."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="tree.down", tooltip="Next entry"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up", tooltip="Previous entry"),
        Binding("h", "collapse_or_parent", "Collapse", show=False, id="tree.collapse", tooltip="Close or go up"),
        Binding("l,right", "expand_or_open", "Expand", show=False, id="tree.expand", tooltip="Open group or document"),
        # Enter as l: the group is filled before the next key, so `Enter j` typed at once lands on its first entry.
        Binding("enter", "expand_or_open", "Open", show=False, id="tree.open", tooltip="Open group or read document"),
        Binding("g", "scroll_home", "Top", show=False, id="tree.top", tooltip="First entry"),
        Binding("G", "scroll_end", "Bottom", show=False, id="tree.bottom", tooltip="Last entry"),
    ]

    class DocumentChosen(Message):
        """The cursor is on a document: show it."""

        def __init__(self, document: Document) -> None:
            super().__init__()
            self.document = document

    class DocumentOpened(Message):
        """Enter on a document: read it."""

        def __init__(self, document: Document) -> None:
            super().__init__()
            self.document = document

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Library"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.tree_order = TreeOrder("title", {})
        self.width_share = DEFAULT_SHARE  # which of the shares of the terminal the tree takes (`<` and `>`)
        # Per node: the counts drawn right-aligned after its name (`12 · 140`, or a document's `65`).
        self._counts: dict[int, str] = {}
        # The group the reader last moved the cursor onto or into, by path: a path survives a rebuild of the tree.
        self._chosen_path: str | None = None
        # Where the tree last put the cursor by itself (filling, revealing a document): not the reader's choice.
        self._placed_at: tuple[str, str] | None = None

    def fit_width(self, terminal_width: int) -> None:
        """Take the tree's share of a terminal this wide, always leaving the document room to read."""
        self.styles.width = tree_columns(terminal_width, self.width_share)

    def show_groups(self, groups: list[Group], tree_order: TreeOrder) -> None:
        """Show these top-level groups (filled on expand), keeping open groups and the cursor's entry.

        A library read again, re-sorted or still arriving keeps the reader's place; groups that
        no longer exist are simply not reopened.
        """
        self._follow_the_reader()
        opened = self._opened_paths(self.root)
        place = self._place_of(self.cursor_node)
        line = self.cursor_line
        self.tree_order = tree_order
        self.clear()
        self._counts.clear()
        for group in groups:
            self._add_group(self.root, group)
        self.root.expand()
        self._reopen(self.root, opened)
        if not groups:
            return
        found = self._node_at(self.root, place) if place is not None else None
        if found is not None:
            # Set now, not after the next refresh: a key pressed meanwhile must act on this entry.
            self.cursor_line = self._visible_index(found)
            self.call_after_refresh(self.scroll_to_node, found, animate=False)
        else:  # a visible cursor from the start, on the first group (or where it was)
            self._chosen_path = None  # the reader's entry is gone (regrouped): what the cursor lands on is not chosen
            self.cursor_line = max(0, min(line, self._visible_index(None) - 1)) if place is not None else 0
        self._placed_at = self._place_of(self.cursor_node)

    def _visible_index(self, wanted: Node | None) -> int:
        """The line of a node among the entries shown (or how many there are, for None)."""
        index = 0
        pending = list(reversed(self.root.children))
        while pending:
            node = pending.pop()
            if node is wanted:
                return index
            index += 1
            if node.is_expanded:
                pending.extend(reversed(node.children))
        return index

    def _opened_paths(self, node: Node) -> set[str]:
        opened: set[str] = set()
        for child in node.children:
            if isinstance(child.data, Group) and child.is_expanded:
                opened.add(child.data.path)
                opened |= self._opened_paths(child)
        return opened

    def _reopen(self, node: Node, opened: set[str]) -> None:
        for child in node.children:
            if isinstance(child.data, Group) and child.data.path in opened:
                self._fill(child)
                child.expand()
                self._reopen(child, opened)

    @staticmethod
    def _place_of(node: Node | None) -> tuple[str, str] | None:
        """What the cursor is on, in terms that survive a rebuild: a group path or a document key."""
        if node is None:
            return None
        if isinstance(node.data, Group):
            return ("group", node.data.path)
        if isinstance(node.data, Document):
            parent = node.parent.data if node.parent is not None else None
            return (parent.path if isinstance(parent, Group) else "", document_key(node.data))
        return None

    def _node_at(self, node: Node, place: tuple[str, str]) -> Node | None:
        for child in node.children:
            if self._place_of(child) == place:
                return child
            if child.is_expanded:
                found = self._node_at(child, place)
                if found is not None:
                    return found
        return None

    def _add_group(self, parent: Node, group: Group) -> None:
        documents = group.all_documents()
        highlights = sum(group.highlight_count(document) for document in documents)
        label = Text(" ".join(strip_control(group.name).split()), style="bold")
        node = parent.add(label, data=group, allow_expand=True)
        self._counts[node.id] = f"{len(documents)} · {highlights}"

    def _fill(self, node: Node) -> None:
        """Add a group's sub-groups and documents the first time it opens."""
        group = node.data
        if not isinstance(group, Group) or node.children:
            return
        for child in sorted(group.children.values(), key=lambda child: child.name.casefold()):
            self._add_group(node, child)
        for document in sort_documents(group.documents, self.tree_order.order, self.tree_order.modified):
            leaf = node.add_leaf(Text(" ".join(strip_control(document.title).split())), data=document)
            self._counts[leaf.id] = str(group.highlight_count(document))

    def entry_text(self, node: Node) -> str:
        """An entry as plain text, its name then its counts: `philosophy 2 · 31`, `Walden 12`."""
        count = self._counts.get(node.id)
        name = _name_of(node).plain
        return f"{name} {count}" if count else name

    def render_label(self, node: Node, base_style: Style, style: Style) -> Text:
        """The name cut with `…` to leave the counts visible, right-aligned at the tree's edge."""
        icon = ""
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        room = max(1, self._label_room(node) - cell_len(icon))
        body = fitted_label(_name_of(node), self._counts.get(node.id, ""), room)
        body.stylize(style)
        # Assembled, not added: the toggle meta must cover the icon only, or a click on the name opens the group.
        return Text.assemble((icon, base_style + TOGGLE_STYLE), body)

    def watch_show_vertical_scrollbar(self) -> None:
        """Labels fill the room the scrollbar leaves: rows drawn before it came (or went) are drawn again.

        Tree keeps drawn rows by the widget's width, which the scrollbar does not change: once, on a
        loaded CI machine, rows of a group just opened kept their counts under the new scrollbar.
        """
        self._invalidate()

    def get_label_width(self, node: Node) -> int:
        # Labels fill the width they are given, so the tree never scrolls sideways.
        return self._label_room(node)

    def _label_room(self, node: Node) -> int:
        """The columns left for a node's label after the guides of its depth."""
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return max(1, self.scrollable_content_region.width - depth * self.guide_depth)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Group | Document]) -> None:
        self._fill(event.node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Group | Document]) -> None:
        event.stop()
        self._follow_the_reader()
        if isinstance(event.node.data, Document):
            self.post_message(self.DocumentChosen(event.node.data))

    def _follow_the_reader(self) -> None:
        """If the reader moved the cursor since the tree last put it somewhere, choose the group at or around it.

        Asked when the cursor moves and again when the chosen group is wanted: keys typed fast may run an
        action before the tree has heard that its cursor moved.
        """
        node = self.cursor_node
        if node is None or self._place_of(node) == self._placed_at:
            return
        self._placed_at = None
        parent = node.parent.data if node.parent is not None else None
        group = node.data if isinstance(node.data, Group) else parent
        self._chosen_path = group.path if isinstance(group, Group) else None

    def chosen_group(self) -> Group | None:
        """The group the reader last put the cursor on or in, as the tree holds it now; None until they move it."""
        self._follow_the_reader()
        pending = [node.data for node in self.root.children]
        while pending and self._chosen_path is not None:
            group = pending.pop()
            if isinstance(group, Group):
                if group.path == self._chosen_path:
                    return group
                pending.extend(group.children.values())
        return None

    def on_tree_node_selected(self, event: Tree.NodeSelected[Group | Document]) -> None:
        event.stop()
        if isinstance(event.node.data, Document):
            self.post_message(self.DocumentOpened(event.node.data))

    def action_collapse_or_parent(self) -> None:
        """`h`: close an open group, else move to the group above."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand_or_open(self) -> None:
        """`l`: open a group, or read the document under the cursor."""
        node = self.cursor_node
        if node is None:
            return
        if isinstance(node.data, Document):
            self.post_message(self.DocumentOpened(node.data))
        elif not node.is_expanded:
            self._fill(node)  # now, not on the Expanded message: a `j` typed right after must find the children
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def reveal(self, document: Document) -> bool:
        """Open the groups holding a document and put the cursor on it; False if it is not here."""
        node = self._find(self.root, document)
        if node is None:
            return False
        self._put_cursor_on(node)
        return True

    def _put_cursor_on(self, node: Node) -> None:
        """Move the cursor once the groups just opened have their lines laid out; the group chosen stays as it was."""

        def settle() -> None:
            self._follow_the_reader()
            self._placed_at = self._place_of(node)
            self.move_cursor(node)
            self.scroll_to_node(node, animate=False)

        self.call_after_refresh(settle)

    def reveal_group(self, path: str) -> bool:
        """Open the way to a group (by its path, such as `tag:topic/sub`) and put the cursor on it."""
        node: Node = self.root
        while True:
            for child in node.children:
                data = child.data
                if isinstance(data, Group) and (data.path == path or path.startswith(data.path + "/")):
                    break
            else:
                return False
            if data.path == path:
                # Asked for by name (Go to tag): chosen now, whatever the cursor passes on the way there.
                self._chosen_path, self._placed_at = path, self._place_of(self.cursor_node)
                self._put_cursor_on(child)
                return True
            self._fill(child)
            child.expand()
            node = child

    def _find(self, node: Node, document: Document) -> Node | None:
        for child in node.children:
            data = child.data
            if data is document:
                return child
            if isinstance(data, Group) and any(found is document for found in data.all_documents()):
                self._fill(child)
                child.expand()
                found_node = self._find(child, document)
                if found_node is not None:
                    return found_node
        return None


def _name_of(node: Node) -> Text:
    label = node.label
    return label.copy() if isinstance(label, Text) else Text(label)


def fitted_label(name: Text, counts: str, room: int) -> Text:
    """`name … counts` exactly `room` cells wide: the name cut with `…`, the counts right-aligned.

    In a narrow or deeply nested tree the counts shorten (`12 · 140` to `12`) or go, rather than
    being cut into a different number; a few letters of the name always stay.
    """
    shortest_name = min(name.cell_len, 4)
    choices = (counts, counts.split(" · ")[0], "")
    count = next(choice for choice in choices if not choice or len(choice) + 1 + shortest_name <= room)
    name_room = room - len(count) - 1 if count else room
    if name.cell_len > name_room:
        name.truncate(max(0, name_room - 1))
        name.append("…")
    name.truncate(room)
    gap = max(0, room - name.cell_len - len(count))
    return name + Text(" " * gap + count, style="dim")
