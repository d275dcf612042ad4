"""Train the Arabic WordPiece tokenizer and the word-frequency lexicon.

Usage: ``python -m models.train_tokenizer --out runs/tokenizer [--vocab-size 64000]``
"""

from __future__ import annotations

import argparse
import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, processors, trainers
from tqdm import tqdm
from transformers import PreTrainedTokenizerFast

from models.arabic import arabic_normalizer, arabic_pre_tokenizer
from models.corpus import default_data_dir, iter_pretraining_texts
from models.lexicon import LEXICON_FILE, Lexicon

log = logging.getLogger(__name__)
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
VOCAB_SIZE = 64000  # the largest that keeps the checkpoint under 50 MB (MODEL_CARD.md)


def build_backend(vocab: dict[str, int] | None = None) -> Tokenizer:
    """WordPiece with the Arabic normalizer and pre-tokenizer (untrained without a vocab)."""
    tok = Tokenizer(models.WordPiece(vocab or {}, unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = arabic_normalizer()
    tok.pre_tokenizer = arabic_pre_tokenizer()
    tok.decoder = decoders.WordPiece(prefix="##")
    return tok


def wrap(tok: Tokenizer, model_max_length: int = 512) -> PreTrainedTokenizerFast:
    """Add the BERT post-processor and wrap as a ``transformers`` fast tokenizer."""
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=model_max_length,
    )


def train_tokenizer(
    texts: Iterable[str], vocab_size: int = VOCAB_SIZE, min_lexicon_count: int = 3
) -> tuple[PreTrainedTokenizerFast, Lexicon]:
    """Train WordPiece on ``texts`` and count normalised words for the proclitic lexicon."""
    tok = build_backend()
    counts: Counter[str] = Counter()
    normalizer, pre_tok = tok.normalizer, tok.pre_tokenizer

    def stream() -> Iterable[str]:
        for text in texts:
            counts.update(w for w, _ in pre_tok.pre_tokenize_str(normalizer.normalize_str(text)))
            yield text

    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=SPECIAL_TOKENS,
        continuing_subword_prefix="##",
        show_progress=False,
    )
    tok.train_from_iterator(stream(), trainer=trainer)
    lexicon = Lexicon({w: c for w, c in counts.items() if c >= min_lexicon_count})
    return wrap(tok), lexicon


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=Path("runs/tokenizer"))
    parser.add_argument("--vocab-size", type=int, default=VOCAB_SIZE)
    parser.add_argument("--min-lexicon-count", type=int, default=3)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    texts = tqdm(iter_pretraining_texts(args.data_dir), desc="texts", unit=" docs")
    tokenizer, lexicon = train_tokenizer(texts, args.vocab_size, args.min_lexicon_count)
    args.out.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(args.out)
    lexicon.save(args.out / LEXICON_FILE)
    log.info("vocab %d, lexicon %d words -> %s", len(tokenizer), len(lexicon), args.out)


if __name__ == "__main__":
    main()
