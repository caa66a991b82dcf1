import fc from 'fast-check';
import { BAD_DATES } from './bad-queries';
import { EndpointSpec, FieldSpec, validBody } from './endpoint-schemas';

/** One malformed request: the raw body text sent as application/json, extra headers, and what is wrong with it. */
export interface BadRequest {
  kind: string;
  rawBody: string;
  headers?: Record<string, string>;
}

const STRINGISH: FieldSpec['kind'][] = ['text', 'id', 'userId', 'date', 'enum'];
const LISTS: FieldSpec['kind'][] = ['idList', 'userIdList', 'commitments'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
/** Just over the 1mb body limit. */
const OVER_BODY_LIMIT = 1024 * 1024 + 10;

const CONTROL_CHARS = [
  ...Array.from({ length: 9 }, (_, i) => String.fromCharCode(i)),
  '\u000b',
  '\u000c',
  ...Array.from({ length: 18 }, (_, i) => String.fromCharCode(0x0e + i)),
  '\u007f',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
];

/**
 * Characters that render as nothing: whitespace, zero-width spaces and joiners, direction marks,
 * embeddings, overrides and isolates, word joiner and invisible operators, BOM, soft hyphen,
 * Hangul filler. A required text made only of these is empty.
 */
const INVISIBLE_CHARS = [
  ' ', '\t', '\n', '\u00a0', '\u3000',
  '\u00ad', '\u034f', '\u180e',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2060', '\u2061', '\u2062', '\u2063', '\u2064',
  '\u2066', '\u2067', '\u2068', '\u2069',
  '\ufeff', '\u3164', '\uffa0',
];

/** Passwords may be any characters (they are compared, never shown): not a blank-text case. */
const isPassword = (field: FieldSpec): boolean => /password/i.test(field.name);

const printableAscii = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0x21, max: 0x7e }), { minLength: min, maxLength: max }).map((codes) => String.fromCharCode(...codes));

const json = (value: unknown) => JSON.stringify(value);

/** `{"a":1}` + `"k":v` → `{"k":v,"a":1}`: how a key that JSON.stringify cannot produce from an object literal (`__proto__`) gets into a body. */
function withRawKey(body: Record<string, unknown>, key: string, valueJson: string): string {
  // The raw key replaces a field of the same name: JSON keeps the last of duplicate keys.
  const others = { ...body };
  delete others[key];
  const rest = json(others).slice(1);
  return `{${json(key)}:${valueJson}${rest === '}' ? '}' : `,${rest}`}`;
}

function wrongTypeFor(field: FieldSpec): fc.Arbitrary<unknown> {
  const anyValue = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    fc.string({ maxLength: 10 }),
    // null means "absent" to an optional field, which is allowed: only a required field may be sent null.
    ...(field.required ? [fc.constant(null)] : []),
  );
  return anyValue.filter((value) => {
    if (STRINGISH.includes(field.kind)) return typeof value !== 'string';
    if (field.kind === 'bool') return typeof value !== 'boolean';
    return !Array.isArray(value);
  });
}

function deepValue(depth: number, objects: boolean): string {
  return objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function oversizedFor(field: FieldSpec): fc.Arbitrary<string> {
  const limit = field.kind === 'text' ? field.max! : field.kind === 'userId' ? 32 : 64;
  return fc.integer({ min: 1, max: 5000 }).map((extra) => 'a'.repeat(limit + extra));
}

function hugeListFor(field: FieldSpec): fc.Arbitrary<unknown[]> {
  const item = Array.isArray(field.valid) && field.valid.length > 0 ? field.valid[0] : 'x';
  return fc.integer({ min: (field.max ?? 50) + 1, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => (typeof item === 'string' ? `${item}${i}` : item)));
}

/** Every kind of bad request that applies to the endpoint, each certainly invalid. */
export function badRequests(endpoint: EndpointSpec, options: { ifMatch: boolean }): fc.Arbitrary<BadRequest> {
  const valid = validBody(endpoint);
  const fields = endpoint.fields;
  const stringFields = fields.filter((f) => STRINGISH.includes(f.kind));
  const listFields = fields.filter((f) => LISTS.includes(f.kind));
  const required = fields.filter((f) => f.required);
  const names = new Set(fields.map((f) => f.name));
  const kinds: fc.Arbitrary<BadRequest>[] = [];

  kinds.push(
    fc
      .oneof(
        fc.constantFrom('{', '{"a":', '{"a":1,}', "{'a':1}", '{"a":1}}', '[', 'nul', 'true', '42', '"text"', 'null', '{"a":NaN}', '{"a":undefined}', '\u0000', '{"a":"\\x"}'),
        fc.integer({ min: 1, max: Math.max(1, json(valid).length - 1) }).map((n) => json(valid).slice(0, n)),
        fc.string({ maxLength: 30 }).map((s) => `{${s}`),
      )
      .filter((raw) => {
        try {
          const parsed = JSON.parse(raw);
          // Valid JSON is only a malformed body when it is not an object (the parser's strict mode refuses those).
          return parsed === null || typeof parsed !== 'object';
        } catch {
          return true;
        }
      })
      .map((rawBody) => ({ kind: 'malformed JSON', rawBody })),
  );
  kinds.push(
    fc.constantFrom('[]', `[${json(valid)}]`, '[1,2,3]').map((rawBody) => ({ kind: 'array instead of object', rawBody })),
  );
  kinds.push(
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !names.has(k)), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, value]) => ({ kind: 'unknown field', rawBody: withRawKey(valid, key, json(value) ?? 'null') })),
  );
  kinds.push(
    fc
      .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
      .map(([key, value, nested]) => {
        const payload = json({ polluted: true, isAdmin: true, value }) ?? '{}';
        if (nested) {
          // Inside an object the API does accept (a commitment) where there is one, else inside another object.
          const commitments = fields.find((f) => f.kind === 'commitments');
          const item = `{${json(key)}:${payload},"description":"年内完成","dueAt":"2099-12-31"}`;
          const rawBody = commitments ? withRawKey(valid, commitments.name, `[${item}]`) : withRawKey(valid, 'wrapper', `{${json(key)}:${payload}}`);
          return { kind: `${key} key (nested)`, rawBody };
        }
        return { kind: `${key} key`, rawBody: withRawKey(valid, key, payload) };
      }),
  );
  kinds.push(
    fc.tuple(fc.integer({ min: 9, max: 5000 }), fc.boolean()).map(([depth, objects]) => ({
      kind: 'deep nesting',
      rawBody: withRawKey(valid, fields[0]?.name ?? 'nested', deepValue(depth, objects)),
    })),
  );
  kinds.push(
    fc.integer({ min: 1001, max: 20000 }).map((n) => ({
      kind: 'huge array',
      rawBody: withRawKey(valid, fields[0]?.name ?? 'items', json(Array.from({ length: n }, (_, i) => i))),
    })),
  );
  kinds.push(fc.constant({ kind: 'body over the size limit', rawBody: json({ ...valid, [fields[0]?.name ?? 'padding']: 'x'.repeat(OVER_BODY_LIMIT) }) }));

  if (fields.length > 0) {
    kinds.push(
      fc
        .constantFrom(...fields)
        .chain((field) => wrongTypeFor(field).map((value) => ({ field, value })))
        .map(({ field, value }) => ({ kind: `wrong type (${field.name})`, rawBody: json({ ...valid, [field.name]: value }) })),
    );
  }
  if (required.length > 0) {
    kinds.push(
      fc.constantFrom(...required).map((field) => {
        const body = { ...valid };
        delete body[field.name];
        return { kind: `missing ${field.name}`, rawBody: json(body) };
      }),
    );
  }
  if (stringFields.length > 0) {
    kinds.push(
      fc
        .constantFrom(...stringFields)
        .chain((field) => oversizedFor(field).map((value) => ({ field, value })))
        .map(({ field, value }) => ({ kind: `oversized ${field.name}`, rawBody: json({ ...valid, [field.name]: value }) })),
    );
    kinds.push(
      fc
        .tuple(fc.constantFrom(...stringFields), fc.constantFrom(...CONTROL_CHARS), fc.nat())
        .map(([field, char, at]) => {
          const base = String(field.valid);
          const i = at % (base.length + 1);
          return { kind: `control character in ${field.name}`, rawBody: json({ ...valid, [field.name]: base.slice(0, i) + char + base.slice(i) }) };
        }),
    );
  }
  const textFields = fields.filter((f) => f.kind === 'text' && !isPassword(f));
  if (textFields.length > 0) {
    kinds.push(
      fc
        .tuple(fc.constantFrom(...textFields), fc.array(fc.constantFrom(...INVISIBLE_CHARS), { minLength: 1, maxLength: 12 }))
        .map(([field, chars]) => ({ kind: `invisible-only ${field.name}`, rawBody: json({ ...valid, [field.name]: chars.join('') }) })),
    );
  }
  const dateFields = fields.filter((f) => f.kind === 'date');
  if (dateFields.length > 0) {
    kinds.push(
      fc
        .tuple(fc.constantFrom(...dateFields), fc.constantFrom(...BAD_DATES))
        .map(([field, date]) => ({ kind: `impossible or out-of-range ${field.name}`, rawBody: json({ ...valid, [field.name]: date }) })),
    );
  }
  const commitmentFields = fields.filter((f) => f.kind === 'commitments');
  if (commitmentFields.length > 0) {
    kinds.push(
      fc
        .tuple(fc.constantFrom(...commitmentFields), fc.constantFrom(...BAD_DATES))
        .map(([field, date]) => ({ kind: `impossible or out-of-range ${field.name}.0.dueAt`, rawBody: json({ ...valid, [field.name]: [{ description: '年内完成', dueAt: date }] }) })),
    );
    kinds.push(
      fc
        .tuple(fc.constantFrom(...commitmentFields), fc.array(fc.constantFrom(...INVISIBLE_CHARS), { minLength: 1, maxLength: 12 }))
        .map(([field, chars]) => ({
          kind: `invisible-only ${field.name}.0.description`,
          rawBody: json({ ...valid, [field.name]: [{ description: chars.join(''), dueAt: (valid[field.name] as { dueAt: string }[])[0]!.dueAt }] }),
        })),
    );
  }
  if (listFields.length > 0) {
    kinds.push(
      fc
        .constantFrom(...listFields)
        .chain((field) => hugeListFor(field).map((value) => ({ field, value })))
        .map(({ field, value }) => ({ kind: `too many ${field.name}`, rawBody: json({ ...valid, [field.name]: value }) })),
    );
  }
  if (endpoint.sender !== 'anonymous') {
    kinds.push(
      fc
        .oneof(printableAscii(129, 400), printableAscii(1, 20).map((s) => `${s} ${s}`))
        .map((key) => ({ kind: 'unusable Idempotency-Key', rawBody: json(valid), headers: { 'idempotency-key': key } })),
    );
  }
  if (options.ifMatch) {
    kinds.push(
      printableAscii(1, 30)
        .filter((value) => !/^(?:W\/)?"?(\d{1,15})"?$/.test(value))
        .map((value) => ({ kind: 'unusable If-Match', rawBody: json(valid), headers: { 'if-match': value } })),
    );
  }
  return fc.oneof(...kinds);
}
