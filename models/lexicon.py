"""Word-frequency lexicon (normalised words) used to decide proclitic stripping."""

from __future__ import annotations

from pathlib import Path

LEXICON_FILE = "lexicon.tsv"


class Lexicon:
    """Counts of normalised words; unknown words count 0."""

    __slots__ = ("counts",)

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def __len__(self) -> int:
        return len(self.counts)

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def count(self, word: str) -> int:
        """Frequency of ``word`` (already normalised) in the pre-training corpus."""
        return self.counts.get(word, 0)

    def save(self, path: str | Path) -> None:
        """Write ``word<TAB>count`` lines, most frequent first."""
        items = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(f"{w}\t{c}\n" for w, c in items if "\t" not in w and "\n" not in w)

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """Read a file written by :meth:`save`."""
        counts: dict[str, int] = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, _, count = line.rstrip("\n").rpartition("\t")
                if word:
                    counts[word] = int(count)
        return cls(counts)
