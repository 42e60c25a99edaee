"""The section tree: the article's outline, following the reader's place."""

from __future__ import annotations

from bisect import bisect_left

from rich.style import Style
from rich.text import Text, TextType
from textual import events
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.document import Document, Section
from reader.outline import label
from reader.widgets.tree_layout import MAX_WIDTH, MIN_WIDTH, fit_label, tree_width

EXPANDED_DEPTH = 2  # deeper sections start collapsed, and open as the reader reaches them
GROUP_OVER = 200  # more sections than this side by side are shown in groups
GROUP_SIZE = 100
READ_MARK = "✓ "


class SectionTree(Tree[Section]):
    """A Tree of a document's sections; `enter` or a click posts `Tree.NodeSelected`."""

    DEFAULT_CSS = """
    SectionTree {
        width: 25%;
        min-width: 16;
        max-width: 60;  /* until the screen fits it to its titles (tree_layout.tree_width) */
        border-right: vkey $foreground 15%;
        background: $surface;
        padding: 0 1 0 0;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    class WidthChosen(Message):
        """The reader dragged the tree's edge to a new width."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(), id=id)
        self._dragging = False
        self._progress = ""  # shown beside the article's title
        self.auto_expand = False
        self.guide_depth = 2
        self._section_nodes: dict[Section, TreeNode[Section]] = {}
        self._groups: dict[TreeNode[Section], tuple[Section, int]] = {}  # node: (parent, first)
        self._counts: dict[Section, int] = {}
        self._read: set[Section] = set()

    def show_document(self, document: Document) -> None:
        """Replace the tree with a document's sections.

        Nodes are made only for sections whose parent is open: a long article's
        deeper levels are added when they are first opened. More than
        GROUP_OVER sections side by side are shown in groups of GROUP_SIZE.
        """
        self.clear()
        root = self.root
        root.set_label(self._label(document.root))
        root.data = document.root
        self._section_nodes = {document.root: root}
        self._groups = {}
        self._counts = {}
        self._read = set()
        self._add_child_nodes(root, depth=0)
        root.expand()

    def render_label(self, node: TreeNode[Section], base_style: Style, style: Style) -> Text:
        """The label, cut with "…" to the tree's width (keeping what tells it from its siblings)."""
        text = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        siblings: list[TreeNode[Section]] = list(node.parent.children) if node.parent else []
        index = siblings.index(node) if 0 < len(siblings) <= GROUP_OVER else -1
        near = [siblings[i] for i in (index - 1, index + 1) if 0 <= i < len(siblings)]
        if node is self.root and self._progress:  # how far through: always in view
            suffix = Text(f"  {self._progress}", style="dim")
            return fit_label(text, room - suffix.cell_len).append_text(suffix)
        return fit_label(text, room, tuple(label(n.data) for n in near if n.data is not None))

    def show_progress(self, progress: str) -> None:
        """How far through the article the reader is ("52%"), beside its title."""
        if progress != self._progress:
            self._progress = progress
            self.root.refresh()

    def fit(self, window: int, beside: int, chosen: int) -> None:
        """Take what the titles need where the window has room beside the reading
        column (`beside` cells), else a quarter of it; or the width the reader `chosen`."""
        width = tree_width(window, self._needed_width(), beside, chosen)
        if self.styles.width is None or self.styles.width.value != width:
            self.styles.width = width

    def _needed_width(self) -> int:
        """The width the open sections' titles need (guides and icons included)."""
        widest = 0
        for node in self._section_nodes.values():
            depth, parent = 0, node.parent
            while parent is not None:
                depth, parent = depth + 1, parent.parent
            title = node.label
            width = title.cell_len if isinstance(title, Text) else len(title)
            widest = max(widest, depth * self.guide_depth + 2 + width)
        return widest

    # -- the edge can be dragged ------------------------------------------------

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.x >= self.outer_size.width - 1:  # on the border at the right
            self._dragging = True
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self.styles.width = max(MIN_WIDTH, min(MAX_WIDTH, event.screen_x + 1))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self.post_message(self.WidthChosen(self.outer_size.width))
            event.stop()

    def process_label(self, label: TextType) -> Text:
        """Labels are single-line Text already (`safe_text.visible_line`): use them as they are."""
        return label if isinstance(label, Text) else super().process_label(label)

    def _add_child_nodes(self, node: TreeNode[Section], depth: int) -> None:
        """Give a node its child nodes (once), opening them down to `EXPANDED_DEPTH`."""
        if node.children:
            return
        group = self._groups.get(node)
        if group is not None:  # a group of sections side by side
            parent, first = group
            self._add_sections(node, parent.children[first : first + GROUP_SIZE], depth)
            return
        section = node.data
        if section is None or not section.children:
            return
        children = section.children
        if len(children) <= GROUP_OVER:
            self._add_sections(node, children, depth)
            return
        for first in range(0, len(children), GROUP_SIZE):
            last = min(first + GROUP_SIZE, len(children))
            caption = Text(f"{first + 1}–{last}: {label(children[first])}", style="dim")
            self._groups[node.add(caption, allow_expand=True)] = (section, first)

    def _add_sections(self, node: TreeNode[Section], sections: list[Section], depth: int) -> None:
        for child in sections:
            opened = depth + 1 < EXPANDED_DEPTH and bool(child.children)
            child_node = node.add(self._label(child), data=child, allow_expand=bool(child.children))
            self._section_nodes[child] = child_node
            if opened:
                self._add_child_nodes(child_node, depth + 1)
                child_node.expand()

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[Section]) -> None:
        self._add_child_nodes(event.node, EXPANDED_DEPTH)

    def show_bookmark_counts(self, counts: dict[Section, int]) -> None:
        """Show how many bookmarks each section holds (its own passages, not its children's)."""
        changed = set(self._counts) | set(counts)
        self._counts = dict(counts)
        for section in changed:
            node = self._section_nodes.get(section)
            if node is not None:
                node.set_label(self._label(section))

    def show_read(self, sections: set[Section]) -> None:
        """Tick and dim the sections the reader has read through."""
        changed = self._read ^ sections
        self._read = set(sections)
        for section in changed:
            node = self._section_nodes.get(section)
            if node is not None:
                node.set_label(self._label(section))

    def follow(self, section: Section) -> None:
        """Highlight a section (without selecting it), opening its parents."""
        node = self._node(section)
        if node is None or node is self.cursor_node:
            return
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:  # expanding rebuilds every line of the tree
                parent.expand()
            parent = parent.parent
        # Node lines are rebuilt on the next refresh; move once they are.
        self.call_after_refresh(self._move_to, node)

    def _node(self, section: Section) -> TreeNode[Section] | None:
        """A section's node, adding the nodes on the way to it if they are not there yet."""
        path = []
        ancestor: Section | None = section
        while ancestor is not None and ancestor not in self._section_nodes:
            path.append(ancestor)
            ancestor = ancestor.parent
        if ancestor is None:
            return None  # not a section of the document shown
        for step in reversed(path):
            if step.parent is None:
                return None
            parent = self._section_nodes[step.parent]
            self._add_child_nodes(parent, EXPANDED_DEPTH)
            if step not in self._section_nodes:  # in a group: open the group that holds it
                starts = [sibling.first_block for sibling in step.parent.children]
                group = parent.children[bisect_left(starts, step.first_block) // GROUP_SIZE]
                self._add_child_nodes(group, EXPANDED_DEPTH)
        return self._section_nodes.get(section)

    def _move_to(self, node: TreeNode[Section]) -> None:
        self.move_cursor(node, animate=False)
        self.scroll_to_node(node, animate=False)

    def _label(self, section: Section) -> Text:
        text = Text()
        if section in self._read:
            text.append(READ_MARK, style="dim")
        style = "italic dim" if section.synthetic else "dim" if section in self._read else ""
        text.append(label(section), style=style)
        if self._counts.get(section):
            text.append(f" ◆{self._counts[section]}", style="bold")
        return text
