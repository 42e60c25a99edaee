"""The section tree: the article's outline, following the reader's place."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.document import Document, Section
from reader.outline import label

EXPANDED_DEPTH = 2  # deeper sections start collapsed, and open as the reader reaches them


class SectionTree(Tree[Section]):
    """A Tree of a document's sections; `enter` or a click posts `Tree.NodeSelected`."""

    DEFAULT_CSS = """
    SectionTree {
        width: 25%;
        min-width: 16;
        max-width: 60;
        border-right: vkey $foreground 15%;
        background: $surface;
        padding: 0 1 0 0;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.auto_expand = False
        self.guide_depth = 2
        self._section_nodes: dict[Section, TreeNode[Section]] = {}

    def show_document(self, document: Document) -> None:
        """Replace the tree with a document's sections."""
        self.clear()
        root = self.root
        root.set_label(_label(document.root))
        root.data = document.root
        self._section_nodes = {document.root: root}
        stack = [(root, child) for child in reversed(document.root.children)]
        while stack:
            parent, section = stack.pop()
            node = parent.add(
                _label(section),
                data=section,
                expand=section.depth < EXPANDED_DEPTH,
                allow_expand=bool(section.children),
            )
            self._section_nodes[section] = node
            stack.extend((node, child) for child in reversed(section.children))
        root.expand()

    def show_bookmark_counts(self, counts: dict[Section, int]) -> None:
        """Show how many bookmarks each section holds (its own passages, not its children's)."""
        for section, node in self._section_nodes.items():
            label = _label(section)
            if counts.get(section):
                label.append(f" ◆{counts[section]}", style="bold")
            node.set_label(label)

    def follow(self, section: Section) -> None:
        """Highlight a section (without selecting it), opening its parents."""
        node = self._section_nodes.get(section)
        if node is None or node is self.cursor_node:
            return
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:  # expanding rebuilds every line of the tree
                parent.expand()
            parent = parent.parent
        # Node lines are rebuilt on the next refresh; move once they are.
        self.call_after_refresh(self._move_to, node)

    def _move_to(self, node: TreeNode[Section]) -> None:
        self.move_cursor(node, animate=False)
        self.scroll_to_node(node, animate=False)


def _label(section: Section) -> Text:
    return Text(label(section), style="italic dim" if section.synthetic else "")
