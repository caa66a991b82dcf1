/**
 * Character n-grams for Chinese text without a word segmenter: every run of two and three
 * characters (letters and digits included, punctuation and spaces dropped) is a term. Terms are
 * hashed into a fixed space so document frequencies fit one typed array whatever the vocabulary;
 * a rare collision only blurs two rare terms together.
 */
export const TERM_SPACE_BITS = 20;
export const TERM_SPACE = 1 << TERM_SPACE_BITS;
const TERM_MASK = TERM_SPACE - 1;

/** Long texts add little beyond their first part and cost time in proportion: read at most this many code units. */
export const MAX_INDEXED_CHARS = 2000;

/** A text's distinct terms and how often each occurs (capped at 255), in first-seen order. */
export interface TermCounts {
  terms: Uint32Array;
  counts: Uint8Array;
  size: number;
}

// Scratch for one text at a time: a count per term of the space (zeroed again after each text) and
// the terms touched. Far cheaper than a Map for the ~700 n-grams of a typical suggestion.
const scratchCounts = new Uint8Array(TERM_SPACE);
let touched = new Uint32Array(4 * MAX_INDEXED_CHARS);

/** Term hash → count in the text. Works on UTF-16 code units, without building strings (a build indexes every suggestion). */
export function termCounts(text: string): TermCounts {
  const length = Math.min(text.length, MAX_INDEXED_CHARS);
  if (touched.length < 2 * length) touched = new Uint32Array(2 * length);
  let size = 0;
  const add = (term: number): void => {
    const c = scratchCounts[term]!;
    if (c === 0) touched[size++] = term;
    if (c < 255) scratchCounts[term] = c + 1;
  };
  // The previous two kept characters (lower-cased), 0 after a separator.
  let a = 0;
  let b = 0;
  for (let i = 0; i < length; i++) {
    const c = keptCode(text.charCodeAt(i));
    if (c === 0) {
      a = 0;
      b = 0;
      continue;
    }
    if (b !== 0) {
      add(pairHash(b, c));
      if (a !== 0) add(tripleHash(a, b, c));
    }
    a = b;
    b = c;
  }
  const terms = touched.slice(0, size);
  const counts = new Uint8Array(size);
  for (let j = 0; j < size; j++) {
    counts[j] = scratchCounts[terms[j]!]!;
    scratchCounts[terms[j]!] = 0;
  }
  return { terms, counts, size };
}

/** CJK ideographs, Latin letters (lower-cased) and digits; 0 for anything else (a boundary no n-gram crosses). */
function keptCode(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  if (code >= 0x3400 && code <= 0x4dbf) return code;
  if (code >= 0xf900 && code <= 0xfaff) return code;
  if (code >= 0x61 && code <= 0x7a) return code;
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code >= 0x30 && code <= 0x39) return code;
  return 0;
}

/** FNV-1a over the code units; a trigram mixes in a marker so "ab" and "ab?" never share a hash by construction. */
function pairHash(a: number, b: number): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  return (h >>> 0) & TERM_MASK;
}

function tripleHash(a: number, b: number, c: number): number {
  let h = 0x811c9dc5 ^ 0x5bd1e995;
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  return (h >>> 0) & TERM_MASK;
}
