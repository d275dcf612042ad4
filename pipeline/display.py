"""Human-readable rendering of events for the terminal (``python -m pipeline tail``)."""

from __future__ import annotations

from typing import Any


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_event(event: dict[str, Any]) -> str:
    """A few lines describing one event of any of the output topics."""
    kind = event.get("event_type")
    if kind == "article.analyzed":
        lines = [f"■ {event['article_id']}  {_short(event.get('title') or '', 70)}"]
        names: dict[tuple[str, str], int] = {}
        for entity in event["entities"]:
            key = (entity["label"], entity["name"])
            names[key] = names.get(key, 0) + 1
        for label in ("PER", "ORG", "LOC", "MISC"):
            found = [
                f"{name}×{n}" if n > 1 else name for (lab, name), n in names.items() if lab == label
            ]
            if found:
                lines.append(f"  {label:<4} {'، '.join(found)}")
        for quote in event["quotes"]:
            lines.append("  " + format_quote(quote))
        return "\n".join(lines)
    if kind == "quote.attributed":
        return f"❝ {event['article_id']}  " + format_quote(event["quote"])
    if "error" in event:
        error = event["error"]
        source = event["input"]
        where = (
            f"{source['topic']}[{source['partition']}]@{source['offset']}"
            if source.get("topic")
            else f"{source.get('file')}:{source.get('line')}"
        )
        return (
            f"✗ dead letter {where}: {error['stage']}/{error['type']}: {_short(error['message'])}"
        )
    return _short(str(event), 200)


def format_quote(quote: dict[str, Any]) -> str:
    """``speaker (cue, kind): «quote»`` on one line."""
    speaker = quote.get("speaker") or {}
    who = speaker.get("name") or "?"
    cue = (quote.get("cue") or {}).get("text") or "-"
    return f"{who} ({cue}, {quote['kind']}): «{_short(quote['text'])}»"
