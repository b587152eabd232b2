"""What an HTML element shows besides text: an icon's accessible label, status words in its classes, data
attributes or image file name, its inline colour or svg fill, a lone symbol. These marks let a status recognizer
read a cell whose status is an icon or a colour."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from model.colours import css_colour, is_symbol, named_colour
from model.document import Mark
from model.statuses import match_status

_ICON_TAGS = {"img", "span", "i", "svg", "abbr", "em", "b", "strong", "div", "td", "figure", "use", "icon"}
_MAX_GLYPH = 2
_CLASS_PREFIXES = ("status", "stoplicht", "kleur", "traffic", "icon", "icoon", "indicator", "rag", "bol", "dot",
                   "light", "state", "smiley", "score", "badge", "label")
_DATA_WORDS = ("status", "kleur", "color", "colour", "state", "stoplicht", "rag", "score")
_STYLE_COLOUR = re.compile(r"(?:^|;)\s*(?:background(?:-color)?|color|fill)\s*:\s*([^;]+)", re.IGNORECASE)
_SHAPES = ("circle", "rect", "path", "ellipse", "polygon")


def icon_label(element) -> str | None:
    """The accessible label of an icon (img alt or title, aria-label of an element that shows no words)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "img":
        label = element.get("alt") or element.get("title")
        return " ".join(label.split()) if label and label.strip() else None
    if tag not in _ICON_TAGS:
        return None
    label = element.get("aria-label") or (element.get("title") if tag in {"span", "i", "abbr", "svg"} else None)
    if not label or not label.strip():
        if tag == "svg":
            title = element.find(".//{*}title")
            if title is None:
                title = element.find(".//title")
            return " ".join(title.text.split()) if title is not None and title.text else None
        return None
    own = "".join(element.itertext()).strip()
    return " ".join(label.split()) if len(own) <= _MAX_GLYPH else None


def _class_words(element) -> list[str]:
    words: list[str] = []
    for token in (element.get("class") or "").split():
        token = token.lower()
        if "--" in token:
            words.append(token.rsplit("--", 1)[1])
            continue
        for prefix in _CLASS_PREFIXES:
            if token.startswith((prefix + "-", prefix + "_")) and len(token) > len(prefix) + 1:
                words.append(token[len(prefix) + 1 :])
                break
        else:  # any other prefix when the class ends in a colour ('stip-groen', 'bullet_red')
            last = re.split(r"[-_]", token)[-1]
            if last != token and named_colour(last):
                words.append(last)
    words.extend(value.lower() for name, value in element.attrib.items() if _status_data(name) and value)
    source = element.get("src") if element.tag == "img" else None
    if source:
        stem = PurePosixPath(source.split("?")[0]).stem.lower()
        words.extend(part for part in re.split(r"[-_.]", stem) if named_colour(part))
    return [w for w in (w.replace("_", " ").replace("-", " ") for w in words) if _meaningful(w)]


def _status_data(attribute: str) -> bool:
    """A data attribute that holds a status or its colour ('data-status', 'data-kleur', 'data-rag')."""
    return attribute.startswith("data-") and any(word in attribute for word in _DATA_WORDS)


def _meaningful(word: str) -> bool:
    """A class word that can mean a status: a colour name or a status word ('green', 'op koers')."""
    return bool(word) and (named_colour(word) is not None or match_status(word).known)


def _colours(element) -> list[str]:
    found: list[str] = []
    for value in _STYLE_COLOUR.findall(element.get("style") or ""):
        word = css_colour(value)
        if word:
            found.append(word)
    for attribute in ("bgcolor", "fill", "color"):
        if element.get(attribute):
            word = css_colour(element.get(attribute))
            if word:
                found.append(word)
    if element.tag == "svg":
        for shape in element.iter():
            tag = shape.tag.rsplit("}", 1)[-1] if isinstance(shape.tag, str) else ""
            if tag in _SHAPES:
                for value in [shape.get("fill") or "", *(_STYLE_COLOUR.findall(shape.get("style") or ""))]:
                    word = css_colour(value) if value and value != "none" else None
                    if word:
                        found.append(word)
    return found


def element_marks(element) -> list[Mark]:
    """The element's own marks (not those of its children)."""
    marks: list[Mark] = []
    label = icon_label(element)
    if label:
        marks.append(Mark("label", label))
    marks.extend(Mark("class", word) for word in _class_words(element))
    marks.extend(Mark("colour", word) for word in _colours(element))
    own = (element.text or "").strip()
    if is_symbol(own):
        marks.append(Mark("glyph", own))
    return marks
