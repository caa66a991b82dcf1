// Commands return the global position of their last event; queries pass the highest one seen as
// `after`, so the api waits until its read model has caught up and the user sees their own write.
// Positions are "42" (embedded store) or "42:40" (EventStoreDB: commit:prepare).

interface Position {
  commit: bigint;
  prepare: bigint;
  text: string;
}

let highest: Position | null = null;

function parse(value: string | number): Position | null {
  const text = String(value).trim();
  const m = /^(\d{1,20})(?::(\d{1,20}))?$/.exec(text);
  if (!m) return null;
  const commit = BigInt(m[1]);
  return { commit, prepare: m[2] !== undefined ? BigInt(m[2]) : commit, text };
}

function isAfter(a: Position, b: Position): boolean {
  return a.commit !== b.commit ? a.commit > b.commit : a.prepare > b.prepare;
}

export function rememberPosition(position: string | number | undefined | null): void {
  if (position === undefined || position === null) return;
  const parsed = parse(position);
  // A position we cannot read is not worth failing a command over.
  if (parsed && (highest === null || isAfter(parsed, highest))) highest = parsed;
}

export function afterParam(): string | null {
  return highest?.text ?? null;
}

export function forgetPositions(): void {
  highest = null;
}
