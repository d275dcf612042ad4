"""Test helper: tagger mentions given by their surface forms."""

from __future__ import annotations

from models.spans import EntitySpan


def tagged(text: str, *mentions: tuple[str, str]) -> list[EntitySpan]:
    """EntitySpans for the first occurrence of each surface form after the previous one."""
    spans, pos = [], 0
    for surface, label in mentions:
        start = text.index(surface, pos)
        spans.append(EntitySpan(start, start + len(surface), label, 0.9))
        pos = start + len(surface)
    return spans
