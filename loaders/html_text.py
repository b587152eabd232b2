"""HTML to text lines with the standard library: block elements become lines, table cells become ' | ' cells."""

from __future__ import annotations

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
        elif tag == "img":
            label = dict(attrs).get("alt") or dict(attrs).get("title")
            if label and not self.skip_depth:
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
