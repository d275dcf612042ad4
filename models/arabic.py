"""Arabic text normalisation and pre-tokenisation as ``tokenizers`` components.

Everything is expressed as a ``tokenizers`` normalizer / pre-tokenizer so that a fast tokenizer
keeps the alignment to the original string: ``offset_mapping`` always points at characters of
the text that was passed in, whatever was removed or rewritten by normalisation.
"""

from __future__ import annotations

import re
import unicodedata

from tokenizers import Regex, normalizers, pre_tokenizers

# Harakat, tanween, shadda, sukun, maddah/hamza above/below, superscript alef, Quranic marks.
DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
ALEF_VARIANTS = "\u0623\u0625\u0622\u0671"  # أ إ آ ٱ
ALEF = "\u0627"
ALEF_MAKSURA = "\u0649"  # ى
YEH = "\u064a"  # ي

_DROP_RE = re.compile(f"[{DIACRITICS}{TATWEEL}]")
_ALEF_RE = re.compile(f"[{ALEF_VARIANTS}]")


def arabic_normalizer() -> normalizers.Normalizer:
    """Return the normalizer: NFKC, drop diacritics/tatweel, unify alef forms and ى→ي, lowercase."""
    return normalizers.Sequence(
        [
            normalizers.NFKC(),
            normalizers.Replace(Regex(f"[{DIACRITICS}{TATWEEL}]"), ""),
            normalizers.Replace(Regex(f"[{ALEF_VARIANTS}]"), ALEF),
            normalizers.Replace(ALEF_MAKSURA, YEH),
            normalizers.Lowercase(),
        ]
    )


def arabic_pre_tokenizer() -> pre_tokenizers.PreTokenizer:
    """Return the pre-tokenizer: whitespace, isolated punctuation (incl. ، ؛ ؟ « »), digit runs."""
    return pre_tokenizers.Sequence(
        [
            pre_tokenizers.WhitespaceSplit(),
            pre_tokenizers.Punctuation(behavior="isolated"),
            pre_tokenizers.Digits(individual_digits=False),
        ]
    )


def normalize_text(text: str) -> str:
    """Pure-Python equivalent of :func:`arabic_normalizer` (used for lexicon look-ups)."""
    text = unicodedata.normalize("NFKC", text)
    text = _DROP_RE.sub("", text)
    text = _ALEF_RE.sub(ALEF, text)
    return text.replace(ALEF_MAKSURA, YEH).lower()
