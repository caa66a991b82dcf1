/**
 * Character n-grams for Chinese text without a word segmenter: every run of two and three
 * characters (letters and digits included, punctuation and spaces dropped) is a term. Terms are
 * hashed into a fixed space so document frequencies fit one typed array whatever the vocabulary;
 * a rare collision only blurs two rare terms together.
 */
export const TERM_SPACE_BITS = 20;
export const TERM_SPACE = 1 << TERM_SPACE_BITS;
const TERM_MASK = TERM_SPACE - 1;

/** Long texts add little beyond their first part and cost time in proportion: read at most this much. */
export const MAX_INDEXED_CHARS = 2000;

/** Keeps CJK ideographs, Latin letters and digits; everything else separates runs. */
const KEEP = /[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]/;

/** Term hash → count in the text. */
export function termCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  const chars = normalise(text);
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (a === ' ') continue;
    const b = chars[i + 1];
    if (b === undefined || b === ' ') continue;
    add(counts, hashTerm(a, b, ''));
    const c = chars[i + 2];
    if (c !== undefined && c !== ' ') add(counts, hashTerm(a, b, c));
  }
  return counts;
}

function add(counts: Map<number, number>, term: number): void {
  counts.set(term, (counts.get(term) ?? 0) + 1);
}

/** Characters kept, every other run collapsed to one space (a boundary no n-gram crosses). */
function normalise(text: string): string[] {
  const out: string[] = [];
  let gap = true;
  let seen = 0;
  for (const ch of text) {
    if (++seen > MAX_INDEXED_CHARS) break;
    if (KEEP.test(ch)) {
      out.push(ch.toLowerCase());
      gap = false;
    } else if (!gap) {
      out.push(' ');
      gap = true;
    }
  }
  return out;
}

/** FNV-1a over the UTF-16 code units; the third part empty for a bigram (so "ab" and "ab?" differ). */
function hashTerm(a: string, b: string, c: string): number {
  let h = 0x811c9dc5;
  const text = c === '' ? a + b : a + b + '\u0001' + c;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & TERM_MASK;
}
