"""The reader App: wires the section tree and the content pane to a document."""

from __future__ import annotations

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Tree

from reader.document import Document, Section
from reader.parsers import parse, preview
from reader.safe_text import visible_line
from reader.source import Source
from reader.widgets import ContentView, SectionTree


class ReaderApp(App[None]):
    """A section tree beside a scrolling article."""

    TITLE = "reader"
    CSS = """
    #main { height: 1fr; }
    Footer { background: $panel; }
    """

    BINDINGS = [
        Binding("tab", "focus_next", "Pane", priority=True),
        Binding("shift+tab", "focus_previous", "Pane", show=False, priority=True),
        Binding("right_square_bracket", "next_section", "Next §", key_display="]"),
        Binding("left_square_bracket", "previous_section", "Prev §", key_display="["),
        Binding("t", "toggle_tree", "Tree"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, source: Source) -> None:
        super().__init__()
        self.source = source
        self.document: Document | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield SectionTree(id="tree")
            yield ContentView(id="content")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        source = self.source
        self.sub_title = visible_line(source.name)
        if source.notice:
            self.notify(visible_line(source.notice), severity="warning", timeout=10, markup=False)
        head = preview(source.text, source.kind)
        self._show(parse(head if head is not None else source.text, source.kind, source.name))
        if head is not None:
            self._parse_whole()
        self.query_one(ContentView).focus()

    @work(thread=True, exclusive=True, group="parse")
    def _parse_whole(self) -> None:
        """Parse the whole article off the UI thread; the preview shows meanwhile."""
        document = parse(self.source.text, self.source.kind, self.source.name)
        self.call_from_thread(self._show, document)

    def _show(self, document: Document) -> None:
        self.document = document
        self.title = visible_line(document.title)
        self.query_one(SectionTree).show_document(document)
        content = self.query_one(ContentView)
        content.show_document(document)

    # -- following the reader ----------------------------------------------

    @on(ContentView.PassageChanged)
    def _passage_changed(self, event: ContentView.PassageChanged) -> None:
        if self.document is not None:
            self.query_one(SectionTree).follow(self.document.section_of(event.block))

    @on(Tree.NodeSelected)
    def _section_chosen(self, event: Tree.NodeSelected[Section]) -> None:
        if event.node.data is not None:
            self.query_one(ContentView).scroll_to_block(event.node.data.first_block)

    # -- actions ------------------------------------------------------------

    def action_next_section(self) -> None:
        document, passage = self._place()
        if document is None:
            return
        index = document.section_position(document.section_of(passage))
        if index + 1 < len(document.sections):
            self._go_to(document.sections[index + 1])
        else:
            self.notify("This is the last section.", timeout=2)

    def action_previous_section(self) -> None:
        document, passage = self._place()
        if document is None:
            return
        section = document.section_of(passage)
        content = self.query_one(ContentView)
        if passage > section.first_block or content.scrolled_past_start(section.first_block):
            self._go_to(section)  # back to the start of the section being read
            return
        earlier = [
            s
            for s in document.sections[: document.section_position(section)]
            if s.first_block < section.first_block  # not a parent starting at the same place
        ]
        if earlier:
            self._go_to(earlier[-1])
        else:
            self.notify("This is the first section.", timeout=2)

    def action_toggle_tree(self) -> None:
        tree = self.query_one(SectionTree)
        tree.display = not tree.display
        if not tree.display:
            self.query_one(ContentView).focus()

    def _place(self) -> tuple[Document | None, int]:
        content = self.query_one(ContentView)
        if self.document is None or not self.document.blocks:
            return None, -1
        return self.document, max(content.passage, 0)

    def _go_to(self, section: Section) -> None:
        self.query_one(ContentView).scroll_to_block(section.first_block)
