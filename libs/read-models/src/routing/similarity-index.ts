import { TERM_SPACE, termCounts, type TermCounts } from './char-ngrams';

/**
 * Terms kept per document: its most telling n-grams by tf·idf. Bounds memory at 5 bytes a term
 * (10,000 suggestions: 3.2 MB; 100,000: 32 MB) whatever the texts' length, and the long tail of a
 * text's n-grams adds little to which others it resembles.
 */
export const TERMS_PER_DOCUMENT = 64;

/** Below this cosine two texts share little more than wording every suggestion uses. */
export const MIN_SIMILARITY = 0.04;

/**
 * While the collection is small every added document moves the weights; later they are refreshed
 * once it has grown by this share (refreshing costs one pass over every kept term).
 */
const REFRESH_GROWTH = 0.02;
const ALWAYS_REFRESH_BELOW = 500;

/** Candidates ordered before the rest are looked at (see scoreAll). */
const FIRST_ROUND = 200;

/** 1 + ln(tf) for tf 0..255 (the stored counts are capped at 255). */
const LOG_TF = Float32Array.from({ length: 256 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

export interface Neighbour {
  /** The document's slot (see idAt). */
  slot: number;
  score: number;
}

/**
 * TF-IDF cosine similarity over character bi- and trigrams, in memory. IDF is ln((N+1)/(df+1)):
 * a phrase in every suggestion ("关于…的建议", "建议") weighs nothing, one in a few weighs most.
 * Documents are never removed or changed (a suggestion's title and content are fixed at
 * submission), so document frequencies only grow.
 */
export class SimilarityIndex {
  private readonly df = new Uint32Array(TERM_SPACE);
  private readonly idf = new Float32Array(TERM_SPACE);
  /** Scratch for one query's weights, zeroed again after each query. */
  private readonly queryWeights = new Float32Array(TERM_SPACE);
  private weightsFor = -1;
  private readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private terms = new Uint32Array(0);
  private counts = new Uint8Array(0);
  private lengths = new Uint8Array(0);
  private norms = new Float32Array(0);

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  idAt(slot: number): string {
    return this.ids[slot]!;
  }

  /** Adds a document once (a second add of the same id changes nothing) and returns its slot. */
  add(id: string, text: string): number {
    const existing = this.slots.get(id);
    if (existing !== undefined) return existing;
    const counts = termCounts(text);
    for (let j = 0; j < counts.size; j++) this.df[counts.terms[j]!]!++;
    const slot = this.ids.length;
    this.ids.push(id);
    this.slots.set(id, slot);
    this.ensureCapacity(slot + 1);
    this.keep(slot, counts);
    return slot;
  }

  /**
   * Chooses a document's kept terms again with today's frequencies: those chosen when the
   * collection was small were chosen with rough weights.
   */
  reselect(id: string, text: string): void {
    const slot = this.slots.get(id);
    if (slot !== undefined) this.keep(slot, termCounts(text));
  }

  /**
   * The documents most similar to `text`, best first, that `accept` lets through (it is asked
   * best first, so a costly check runs only until `limit` are found).
   */
  nearest(text: string, limit: number, accept: (slot: number) => boolean, minScore = MIN_SIMILARITY): Neighbour[] {
    this.refreshWeights();
    const q = this.queryWeights;
    const queryTerms: number[] = [];
    let queryNorm = 0;
    const counts = termCounts(text);
    for (let j = 0; j < counts.size; j++) {
      const term = counts.terms[j]!;
      const w = LOG_TF[counts.counts[j]!]! * this.idf[term]!;
      if (w <= 0) continue;
      q[term] = w;
      queryTerms.push(term);
      queryNorm += w * w;
    }
    try {
      if (queryNorm === 0) return [];
      queryNorm = Math.sqrt(queryNorm);
      const scored = this.scoreAll(queryNorm, minScore);
      const out: Neighbour[] = [];
      for (const candidate of scored) {
        if (out.length >= limit) break;
        if (accept(candidate.slot)) out.push(candidate);
      }
      return out;
    } finally {
      for (const term of queryTerms) q[term] = 0;
    }
  }

  /** Bytes held by the typed arrays (the ids and their map come on top). */
  get heldBytes(): number {
    return this.df.byteLength + this.idf.byteLength + this.queryWeights.byteLength + this.terms.byteLength + this.counts.byteLength + this.lengths.byteLength + this.norms.byteLength;
  }

  /**
   * Every document at or above minScore, best first. Scores go into typed arrays; only the best
   * FIRST_ROUND are ordered first (accept usually lets through `limit` of them), the rest only if asked.
   */
  private *scoreAll(queryNorm: number, minScore: number): Generator<Neighbour> {
    const { terms, counts, lengths, norms, idf } = this;
    const q = this.queryWeights;
    const n = this.ids.length;
    const slots = new Uint32Array(n);
    const scores = new Float32Array(n);
    let found = 0;
    for (let slot = 0; slot < n; slot++) {
      const base = slot * TERMS_PER_DOCUMENT;
      const end = base + lengths[slot]!;
      let dot = 0;
      for (let j = base; j < end; j++) {
        const term = terms[j]!;
        const qw = q[term]!;
        if (qw !== 0) dot += qw * LOG_TF[counts[j]!]! * idf[term]!;
      }
      if (dot === 0) continue;
      const norm = norms[slot]!;
      const score = norm > 0 ? dot / (queryNorm * norm) : 0;
      if (score < minScore) continue;
      slots[found] = slot;
      scores[found++] = Math.min(1, score);
    }
    const order = (from: number[]): number[] => from.sort((a, b) => scores[b]! - scores[a]! || slots[a]! - slots[b]!);
    let first: number[];
    let threshold = -1;
    if (found > FIRST_ROUND) {
      // The FIRST_ROUND-th best score, from a native numeric sort of a copy.
      const sorted = scores.slice(0, found).sort();
      threshold = sorted[found - FIRST_ROUND]!;
      first = [];
      for (let i = 0; i < found; i++) if (scores[i]! >= threshold) first.push(i);
    } else {
      first = Array.from({ length: found }, (_, i) => i);
    }
    for (const i of order(first)) yield { slot: slots[i]!, score: scores[i]! };
    if (threshold < 0) return;
    const rest: number[] = [];
    for (let i = 0; i < found; i++) if (scores[i]! < threshold) rest.push(i);
    for (const i of order(rest)) yield { slot: slots[i]!, score: scores[i]! };
  }

  /**
   * Keeps the document's highest tf·idf terms (by the frequencies known now). The idf here is
   * ln(1 + N/df), never 0, so while the collection is small a term shared with the few others
   * still outranks one of this document alone; a term no other document has yet counts half: it
   * cannot tell this one's likeness to any other so far. (Scoring uses the plain idf, where a
   * term of every document weighs nothing.)
   */
  private keep(slot: number, counts: TermCounts): void {
    const n = this.ids.length;
    const K = TERMS_PER_DOCUMENT;
    // The best K so far, in descending weight: an insertion per term that beats the last.
    const bestTerms = new Uint32Array(K);
    const bestCounts = new Uint8Array(K);
    const bestWeights = new Float64Array(K).fill(-1);
    let kept = 0;
    for (let i = 0; i < counts.size; i++) {
      const term = counts.terms[i]!;
      const tf = counts.counts[i]!;
      const df = this.df[term]!;
      const w = LOG_TF[tf]! * Math.log(1 + n / Math.max(df, 1)) * (df <= 1 ? 0.5 : 1);
      if (kept === K && (w < bestWeights[K - 1]! || (w === bestWeights[K - 1]! && term > bestTerms[K - 1]!))) continue;
      let j = kept < K ? kept++ : K - 1;
      while (j > 0 && (bestWeights[j - 1]! < w || (bestWeights[j - 1] === w && bestTerms[j - 1]! > term))) {
        bestWeights[j] = bestWeights[j - 1]!;
        bestTerms[j] = bestTerms[j - 1]!;
        bestCounts[j] = bestCounts[j - 1]!;
        j--;
      }
      bestWeights[j] = w;
      bestTerms[j] = term;
      bestCounts[j] = tf;
    }
    const base = slot * K;
    this.terms.set(bestTerms.subarray(0, kept), base);
    this.counts.set(bestCounts.subarray(0, kept), base);
    this.lengths[slot] = kept;
    // Weights of the others are refreshed on the next query; this one is right from now on.
    this.norms[slot] = this.weightsFor >= 0 ? this.normOf(slot) : 0;
  }

  private refreshWeights(): void {
    const n = this.ids.length;
    if (n === this.weightsFor) return;
    if (this.weightsFor >= 0 && n >= ALWAYS_REFRESH_BELOW && n < this.weightsFor * (1 + REFRESH_GROWTH)) {
      // Still close enough: only the documents added since have no norm yet (keep() gave them one).
      return;
    }
    const ln = Math.log(n + 1);
    for (let t = 0; t < TERM_SPACE; t++) {
      const df = this.df[t]!;
      this.idf[t] = df === 0 ? 0 : ln - Math.log(df + 1);
    }
    this.weightsFor = n;
    for (let slot = 0; slot < n; slot++) this.norms[slot] = this.normOf(slot);
  }

  private normOf(slot: number): number {
    const base = slot * TERMS_PER_DOCUMENT;
    let sum = 0;
    for (let j = base, end = base + this.lengths[slot]!; j < end; j++) {
      const w = LOG_TF[this.counts[j]!]! * this.idf[this.terms[j]!]!;
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  private ensureCapacity(documents: number): void {
    if (documents <= this.lengths.length) return;
    const capacity = Math.max(256, this.lengths.length * 2);
    this.terms = grow(this.terms, capacity * TERMS_PER_DOCUMENT, Uint32Array);
    this.counts = grow(this.counts, capacity * TERMS_PER_DOCUMENT, Uint8Array);
    this.lengths = grow(this.lengths, capacity, Uint8Array);
    this.norms = grow(this.norms, capacity, Float32Array);
  }
}

function grow<T extends Uint32Array | Uint8Array | Float32Array>(old: T, length: number, Kind: new (n: number) => T): T {
  const next = new Kind(length);
  next.set(old);
  return next;
}
