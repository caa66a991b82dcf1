import { memoize } from '../../shared/memoize';
import { ObligationKind } from './obligation';

/** What an obligation's key says besides its assignment: see `Obligation.key` for the grammar. */
export interface KeyParts {
  kind: ObligationKind;
  unitId?: string;
  round?: number;
  commitmentId?: string;
}

/** The first assignment's keys stay short; later ones (after an approved return) are told apart. */
export function inAssignment(key: string, n: number): string {
  return n > 1 ? `${key}@${n}` : key;
}

/** How the keys of each kind begin. */
export const KEY_PREFIXES: Readonly<Record<ObligationKind, string>> = {
  assign: 'assign',
  return_window: 'return:',
  co_opinion: 'co_opinion:',
  contact: 'contact:',
  answer: 'answer:',
  rehandling: 'rehandling:',
  feedback: 'feedback:',
  commitment: 'commitment:',
};

const P = KEY_PREFIXES;

export const obligationKeys = {
  assign: (n: number) => inAssignment(P.assign, n),
  returnWindow: (unitId: string, n: number) => inAssignment(`${P.return_window}${unitId}`, n),
  coOpinion: (unitId: string, n: number) => inAssignment(`${P.co_opinion}${unitId}`, n),
  contact: (unitId: string, n: number) => inAssignment(`${P.contact}${unitId}`, n),
  /** `lastDay`: the Asia/Shanghai day a granted extension ends, so every extension is a new obligation. */
  answer: (unitId: string, round: number, lastDay: string | null, n: number) =>
    inAssignment(`${P.answer}${unitId}:${round}${lastDay === null ? '' : `:ext-${lastDay}`}`, n),
  rehandling: (unitId: string, round: number, n: number) => inAssignment(`${P.rehandling}${unitId}:${round}`, n),
  feedback: (unitId: string, round: number, n: number) => inAssignment(`${P.feedback}${unitId}:${round}`, n),
  commitment: (commitmentId: string) => `${P.commitment}${commitmentId}`,
};

/**
 * Whether a key the builders above made from these parts reads back by parseObligationKey without
 * parsing it: true for a unit id without ':' or '@', a round that is a whole number and no extension
 * day in the key (obligation-key.spec.ts checks this). Anything else must be parsed to know.
 */
export function isPlainKey(key: string, parts: KeyParts): boolean {
  const { unitId, round } = parts;
  if (parts.kind === 'commitment') return false;
  if (unitId !== undefined && (unitId === '' || unitId.includes(':') || unitId.includes('@'))) return false;
  if (round !== undefined && !(Number.isSafeInteger(round) && round >= 0)) return false;
  return parts.kind !== 'answer' || !key.includes(':ext-');
}

const UNIT_KINDS: Readonly<Record<string, ObligationKind>> = { return: 'return_window', co_opinion: 'co_opinion', contact: 'contact' };

/**
 * Reads kind, unit, round and commitment back from a key, so the deadline log need not store them.
 * Undefined for a key it cannot read; a unit id that makes a key ambiguous may read wrongly, which is
 * why the log checks every key it stores against the obligation (see deadline-log.ts). Remembered,
 * and string scanning rather than regular expressions: evolve() reads a key for every obligation it
 * opens or closes. The parts returned are shared: never change them.
 */
export const parseObligationKey: (key: string) => Readonly<KeyParts> | undefined = memoize(readObligationKey);

function readObligationKey(key: string): KeyParts | undefined {
  if (key.startsWith('commitment:')) return { kind: 'commitment', commitmentId: key.slice('commitment:'.length) };
  const bare = withoutAssignmentSuffix(key);
  if (bare === 'assign') return { kind: 'assign' };
  const colon = bare.indexOf(':');
  if (colon <= 0 || colon === bare.length - 1) return undefined;
  const prefix = bare.slice(0, colon);
  const rest = bare.slice(colon + 1);
  const unitKind = UNIT_KINDS[prefix];
  if (unitKind !== undefined) return { kind: unitKind, unitId: rest };
  if (prefix === 'answer') return answerParts(rest);
  if (prefix === 'rehandling' || prefix === 'feedback') {
    // The round is last: the unit is everything before the last colon.
    const last = rest.lastIndexOf(':');
    const round = last > 0 ? digitsAt(rest, last + 1, rest.length) : undefined;
    return round === undefined ? undefined : { kind: prefix, unitId: rest.slice(0, last), round };
  }
  return undefined;
}

/** `<unit>:<round>` or `<unit>:<round>:ext-<YYYY-MM-DD>`, the unit as short as the rest allows. */
function answerParts(rest: string): KeyParts | undefined {
  for (let colon = rest.indexOf(':'); colon > 0; colon = rest.indexOf(':', colon + 1)) {
    const next = rest.indexOf(':', colon + 1);
    const end = next < 0 ? rest.length : next;
    const round = digitsAt(rest, colon + 1, end);
    if (round === undefined) continue;
    if (next < 0 || isExtension(rest, next)) return { kind: 'answer', unitId: rest.slice(0, colon), round };
  }
  return undefined;
}

/** `:ext-YYYY-MM-DD` from `at` to the end. */
function isExtension(s: string, at: number): boolean {
  if (s.length - at !== 15 || !s.startsWith(':ext-', at)) return false;
  for (let i = at + 5; i < s.length; i++) {
    const isDash = i === at + 9 || i === at + 12;
    const c = s.charCodeAt(i);
    if (isDash ? c !== 0x2d : c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function withoutAssignmentSuffix(key: string): string {
  const at = key.lastIndexOf('@');
  return at >= 0 && digitsAt(key, at + 1, key.length) !== undefined ? key.slice(0, at) : key;
}

/** The number s[start, end) spells in decimal digits, or undefined (also for an empty range). */
function digitsAt(s: string, start: number, end: number): number | undefined {
  if (end <= start) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  return value;
}
