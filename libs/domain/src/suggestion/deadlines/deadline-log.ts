import { PackedInstant, unpackInstant } from '../../calendar/packed-instant';
import { Commitment } from '../values';
import { concernsOf, DeadlineRecord, Obligation } from './obligation';
import { isPlainKey, KeyParts, parseObligationKey } from './obligation-key';

/**
 * One obligation as the state keeps it in `deadlineLog`: a `DeadlineRecord` in as few bytes as it
 * takes, because the read model stores every suggestion's state as JSON (and a rebuild writes them all):
 *
 *     [key, dueAt, openedAt, fulfilledAt, endedAt, remindedAt, missedAt, parts]
 *
 * Instants are packed (packed-instant.ts); one not set is null, and trailing nulls are left out.
 * Kind, unit, round and commitment are read back from the key (a commitment's unit from the
 * suggestion's commitments); `parts` holds them only for the rare key they cannot be read from (an odd
 * unit id). `obligationLog()` gives the full records.
 */
export type DeadlineLogEntry = [
  key: string,
  dueAt: PackedInstant,
  openedAt: PackedInstant,
  fulfilledAt?: PackedInstant | null,
  endedAt?: PackedInstant | null,
  remindedAt?: PackedInstant | null,
  missedAt?: PackedInstant | null,
  parts?: KeyParts,
];

export const KEY = 0;
export const DUE = 1;
export const FULFILLED = 3;
export const ENDED = 4;
export const REMINDED = 5;
export const MISSED = 6;
const OPENED = 2;
const PARTS = 7;

type Slot = typeof FULFILLED | typeof ENDED | typeof REMINDED | typeof MISSED;

/** A new entry for an obligation that has just opened: its due time and the opening instant packed. */
export function openEntry(obligation: Obligation, dueAt: PackedInstant, openedAt: PackedInstant, commitments: readonly Commitment[]): DeadlineLogEntry {
  const entry: DeadlineLogEntry = [obligation.key, dueAt, openedAt];
  if (!readsBack(obligation, commitments)) entry.push(null, null, null, null, partsOf(obligation));
  return entry;
}

export function isOpen(entry: DeadlineLogEntry): boolean {
  return slot(entry, FULFILLED) === null && slot(entry, ENDED) === null;
}

/** A slot's value, null when not set. Reads within the array only: reading past its end is slow in V8. */
export function slot(entry: DeadlineLogEntry, index: Slot): PackedInstant | null {
  return index < entry.length ? (entry[index] ?? null) : null;
}

/** A copy with one slot set; entries are never changed in place (states share them). */
export function withSlot(entry: DeadlineLogEntry, slot: Slot, value: PackedInstant): DeadlineLogEntry {
  const next: unknown[] = entry.slice();
  while (next.length < slot) next.push(null);
  next[slot] = value;
  return next as DeadlineLogEntry;
}

/** A copy with the fulfilment or end cleared (reopened) and, for a moved due time, the reminder and miss too. */
export function reopened(entry: DeadlineLogEntry, dueAt: PackedInstant, clearClosing: boolean): DeadlineLogEntry {
  const next: unknown[] = entry.slice();
  if (clearClosing) clear(next, FULFILLED, ENDED);
  if (next[DUE] !== dueAt) {
    next[DUE] = dueAt;
    clear(next, REMINDED, MISSED);
  }
  // Trailing nulls are left out (the parts, when there are some, keep every slot before them).
  while (next.length > OPENED + 1 && (next[next.length - 1] ?? null) === null) next.pop();
  return next as DeadlineLogEntry;
}

function clear(slots: unknown[], ...which: Slot[]): void {
  for (const slot of which) if (slot < slots.length) slots[slot] = null;
}

/** What the entry's obligation is; undefined only for a damaged state (openEntry() stores what does not read back). */
export function partsOfEntry(entry: DeadlineLogEntry, commitments: readonly Commitment[]): KeyParts | undefined {
  return (entry.length > PARTS ? entry[PARTS] : undefined) ?? readKey(entry[KEY], commitments);
}

/** The full record of an entry. */
export function toDeadlineRecord(entry: DeadlineLogEntry, commitments: readonly Commitment[]): DeadlineRecord {
  const parts = partsOfEntry(entry, commitments);
  if (!parts) throw new Error(`deadline log entry with an unreadable key: ${entry[KEY]}`);
  const { kind, unitId, commitmentId, round } = parts;
  const record: DeadlineRecord = {
    key: entry[KEY],
    kind,
    concerns: concernsOf(kind),
    ...(unitId !== undefined ? { unitId } : {}),
    ...(commitmentId !== undefined ? { commitmentId } : {}),
    ...(round !== undefined ? { round } : {}),
    dueAt: unpackInstant(entry[DUE]),
    openedAt: unpackInstant(entry[OPENED]),
  };
  const optional = [
    ['fulfilledAt', slot(entry, FULFILLED)],
    ['endedAt', slot(entry, ENDED)],
    ['remindedAt', slot(entry, REMINDED)],
    ['missedAt', slot(entry, MISSED)],
  ] as const;
  for (const [name, value] of optional) if (value !== null) record[name] = unpackInstant(value);
  return record;
}

/** The key's parts; a commitment's unit is the commitment's (commitments are never removed or changed). */
function readKey(key: string, commitments: readonly Commitment[]): KeyParts | undefined {
  const parts = parseObligationKey(key);
  if (parts?.kind !== 'commitment') return parts;
  const unitId = commitments.find((c) => c.commitmentId === parts.commitmentId)?.unitId;
  return unitId === undefined ? undefined : { kind: 'commitment', unitId, commitmentId: parts.commitmentId };
}

function readsBack(obligation: Obligation, commitments: readonly Commitment[]): boolean {
  // Most keys are plain: knowing it spares parsing every key the fold opens.
  if (obligation.kind !== 'commitment' && isPlainKey(obligation.key, obligation)) return true;
  const parts = readKey(obligation.key, commitments);
  return (
    parts !== undefined &&
    parts.kind === obligation.kind &&
    parts.unitId === obligation.unitId &&
    parts.round === obligation.round &&
    parts.commitmentId === obligation.commitmentId
  );
}

function partsOf({ kind, unitId, round, commitmentId }: Obligation): KeyParts {
  return {
    kind,
    ...(unitId !== undefined ? { unitId } : {}),
    ...(round !== undefined ? { round } : {}),
    ...(commitmentId !== undefined ? { commitmentId } : {}),
  };
}
