"""Widgets: they render a document and post messages; the App wires them together."""

from reader.widgets.content import ContentView
from reader.widgets.section_tree import SectionTree

__all__ = ["ContentView", "SectionTree"]
