"""Cutting article text into model windows that keep character offsets.

Windows are made of whole sentences whenever a sentence fits; a sentence longer than the
window is cut at the last whitespace before the limit (or hard at the limit when there is
none), so every character of the text lands in exactly one window and the cost is linear
in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends after . ! ? ؟ ؛ or a line break (with any closing quotes/brackets after them).
_SENTENCE_END = re.compile(r"[.!?\u061f\u061b\n]+[\"'\u201d\u00bb)\]]*\s*")


@dataclass(frozen=True, slots=True)
class Window:
    """A slice of the article: ``text == article_text[start:start + len(text)]``."""

    start: int
    text: str


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` covering it without gaps."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_chars`` at whitespace."""
    pieces: list[tuple[int, int]] = []
    while end - start > max_chars:
        limit = start + max_chars
        cut = text.rfind(" ", start + max_chars // 2, limit)
        cut = limit if cut <= start else cut + 1
        pieces.append((start, cut))
        start = cut
    if end > start:
        pieces.append((start, end))
    return pieces


def split_windows(text: str, max_chars: int) -> list[Window]:
    """Pack consecutive sentences into windows of at most ``max_chars`` characters."""
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    windows: list[Window] = []
    win_start = win_end = 0
    for s_start, s_end in sentence_spans(text):
        if s_end - win_start <= max_chars:
            win_end = s_end
            continue
        if win_end > win_start:
            windows.append(Window(win_start, text[win_start:win_end]))
        if s_end - s_start <= max_chars:
            win_start, win_end = s_start, s_end
            continue
        pieces = _cut_long(text, s_start, s_end, max_chars)
        windows.extend(Window(a, text[a:b]) for a, b in pieces[:-1])
        win_start, win_end = pieces[-1]
    if win_end > win_start:
        windows.append(Window(win_start, text[win_start:win_end]))
    return windows
