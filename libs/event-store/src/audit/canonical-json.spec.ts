import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and otherwise writes what JSON.stringify writes', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: '二' } })).toBe('{"a":{"c":"二","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ when: new Date('2026-10-01T00:00:00.000Z'), gone: undefined, list: [undefined, NaN, -0, 1e21] })).toBe(
      '{"list":[null,null,0,1e+21],"when":"2026-10-01T00:00:00.000Z"}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('引号"与\n换行')).toBe(JSON.stringify('引号"与\n换行'));
  });

  it('gives the same text for a value, its JSON round trip and any key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(text);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
        // Same content as JSON.stringify, only the order differs.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a __proto__ key that came from JSON as data', () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('leaves out the named keys of the outermost object only', () => {
    expect(canonicalJson({ hash: 'h', eventId: 'e', nested: { hash: 'kept' } }, ['hash', 'prevHash'])).toBe('{"eventId":"e","nested":{"hash":"kept"}}');
  });

  it('refuses a bigint, as JSON.stringify does', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    Object.defineProperty(out, key, { value: reverseKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
