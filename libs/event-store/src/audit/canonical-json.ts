import { assertNever } from '@duban/domain';

/**
 * JSON with every object's keys sorted (by UTF-16 code units), otherwise exactly what
 * JSON.stringify writes: toJSON is honoured, undefined and functions are left out of objects and
 * become null in arrays, non-finite numbers become null. So a value and its JSON round trip give
 * the same text, whichever key order a writer (or EventStoreDB's client) happened to use — which
 * is what lets a hash computed at append be checked again on what is read back.
 *
 * One pass, no copies: each object's keys are sorted once, where the object is written.
 * `omitTopLevel` leaves keys of the outermost object out (the metadata's own hash fields).
 */
export function canonicalJson(value: unknown, omitTopLevel?: readonly string[]): string {
  return write(value, '', omitTopLevel) ?? 'null';
}

/** Event data and metadata repeat the same few keys: quote each once. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function write(value: unknown, key: string, omit?: readonly string[]): string | undefined {
  const kind = typeof value;
  switch (kind) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return writeArray(value);
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto === Object.prototype || proto === null) return writeObject(value as Record<string, unknown>, omit);
      return writeSpecial(value as object, key, omit);
    }
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      // Left out of objects, null in arrays, as JSON.stringify does.
      return undefined;
    default:
      return assertNever(kind, 'typeof');
  }
}

/** Anything not plain data: toJSON (Date), boxed primitives, class instances (their own enumerable keys). */
function writeSpecial(value: object, key: string, omit?: readonly string[]): string | undefined {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: (key: string) => unknown }).toJSON(key), key, omit);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return write(value.valueOf(), key, omit);
  return writeObject(value as Record<string, unknown>, omit);
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i], String(i)) ?? 'null';
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>, omit?: readonly string[]): string {
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const key of keys) {
    if (omit !== undefined && omit.includes(key)) continue;
    const text = write(object[key], key);
    if (text === undefined) continue;
    if (out.length > 1) out += ',';
    out += quoteKey(key);
    out += ':';
    out += text;
  }
  return `${out}}`;
}
