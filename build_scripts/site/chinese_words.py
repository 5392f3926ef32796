"""Chinese word segmentation for the search index and, the same way, for the reader's query.

Chinese is written without spaces, so both the index and the query must be cut into words, and
cut alike: a query word the index cut differently is never found. The index side runs here, at
build time: jieba's dictionary plus the data's own terms (search_terms.chinese_terms), the
route of highest probability through it (jieba's algorithm, without its HMM guesses, so the
result depends only on the dictionary). Each word is also split into the shorter words it is
made of (jieba's search mode), so that 命运 finds 人类命运共同体.

The browser cuts the query with the same algorithm over `vocabulary()`: every word the index
holds and its frequency (assets/javascripts/workers/pagefind-search.js). Digits and Latin letters are
split from Chinese on both sides: "2019年" is 2019 and 年.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The longest word looked up (jieba's dictionary has longer entries, but not words a reader
# types as one).
MAX_WORD = 8


class ChineseWords:
    """Cuts Chinese text into the words of one dictionary, and remembers the words it used."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        import jieba

        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        self.freq: dict[str, int] = {word: n for word, n in tokenizer.FREQ.items() if n > 0}
        self.total = tokenizer.total
        for term in terms:
            # jieba's add_word default: frequent enough to win over the words it contains.
            self.freq[term] = max(self.freq.get(term, 0), tokenizer.suggest_freq(term))
        self.log_total = math.log(self.total)
        self.used: dict[str, int] = {}

    def _score(self, word: str) -> float:
        return math.log(self.freq.get(word) or 1) - self.log_total

    def route(self, text: str, whole: bool = True) -> list[str]:
        """The most probable cut of a run of Chinese characters (`whole=False`: never the run
        itself as one word, for the parts of a word)."""
        n = len(text)
        best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
        for start in range(n - 1, -1, -1):
            options = []
            for end in range(start + 1, min(n, start + MAX_WORD) + 1):
                word = text[start:end]
                if end - start > 1 and (word not in self.freq or (not whole and end - start == n)):
                    continue
                options.append((self._score(word) + best[end][0], end))
            best[start] = max(options)
        words, start = [], 0
        while start < n:
            end = best[start][1]
            words.append(text[start:end])
            start = end
        return words

    def _note(self, word: str) -> None:
        """Keep `word` for the vocabulary, with the dictionary's words it begins with: a
        query of those ("冰球") finds the longer word ("冰球队"), Pagefind matching prefixes."""
        for end in range(2, len(word) + 1):
            if end == len(word) or word[:end] in self.freq:
                self.used[word[:end]] = self.freq.get(word[:end]) or 1

    def index_words(self, run: str) -> list[str]:
        """A run of Chinese characters as the index reads it: its words, a compound written
        with its parts joined by hyphens ("人类-命运-共同体"), which Pagefind indexes whole and
        part by part. A word is split only into words of two characters or more (not
        俄罗斯 into 俄 and 罗斯)."""
        out = []
        for word in self.route(run):
            self._note(word)
            parts = self.route(word, whole=False) if len(word) > 3 else [word]
            if len(parts) > 1 and all(len(part) > 1 for part in parts):
                for part in parts:
                    self._note(part)
                out.append("-".join(parts))
            else:
                out.append(word)
        return out

    def segment(self, text: str) -> str:
        """Text with its Chinese runs cut into index words, spaces around each."""
        return HAN.sub(lambda match: " " + " ".join(self.index_words(match.group())) + " ", text)

    def vocabulary(self) -> dict:
        """What the browser needs to cut a query as the index was cut: the words the index
        holds, with their frequencies, and the dictionary's total."""
        return {"total": self.total, "max": MAX_WORD, "words": dict(sorted(self.used.items()))}
