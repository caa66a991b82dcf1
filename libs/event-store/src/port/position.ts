import type { Position } from './event-store.port';

export const START: Position = { commit: -1n, prepare: -1n };

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `"42"` when both numbers agree (embedded store), `"42:40"` otherwise (EventStoreDB). */
export function formatPosition(p: Position): string {
  return p.commit === p.prepare ? String(p.commit) : `${p.commit}:${p.prepare}`;
}

/** Inverse of formatPosition; null for anything malformed. */
export function parsePosition(text: string): Position | null {
  const m = /^(\d{1,20})(?::(\d{1,20}))?$/.exec(text.trim());
  if (!m) return null;
  const commit = BigInt(m[1]!);
  return { commit, prepare: m[2] !== undefined ? BigInt(m[2]) : commit };
}
