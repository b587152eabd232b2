"""HTML to text lines with the standard library: block elements become lines, table cells become ' | ' cells."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
    "dt",
    "dd",
    "caption",
    "blockquote",
    "pre",
    "hr",
}
_SKIP = {"script", "style", "nav", "noscript", "template", "head", "svg"}


_STATUS_CLASS = re.compile(r"(?:status|stoplicht|kleur|traffic)[-_](\w+)", re.IGNORECASE)


def _status_label(tag: str, attributes: dict[str, str | None]) -> str | None:
    """Text that stands for an icon: alt or title of images, aria-label, or a class like 'status-groen'."""
    if tag == "img":
        return attributes.get("alt") or attributes.get("title")
    if attributes.get("aria-label") and tag in {"span", "i", "div", "td", "svg", "abbr"}:
        return attributes["aria-label"]
    match = _STATUS_CLASS.search(attributes.get("class") or "")
    return match.group(1) if match else None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.in_cell = False

    def _flush(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCKS:
            self._flush()
        elif tag in {"td", "th"}:
            if self.current and "".join(self.current).strip():
                self.current.append(" | ")
        elif not self.skip_depth:
            label = _status_label(tag, dict(attrs))
            if label:
                self.current.append(f" {label} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(" ".join(data.split()) if data.strip() else (" " if data else ""))


def html_to_text(markup: str) -> str:
    """Visible text of `markup`, one block per line; scripts, styles and navigation dropped."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    collector._flush()
    return "\n".join(collector.lines)
