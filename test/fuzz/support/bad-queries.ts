import fc from 'fast-check';

/** A bad query string for a GET route: one parameter with a value it cannot take, an unknown one, or one given twice. */
export interface BadQuery {
  kind: string;
  query: string;
}

const STATUSES = ['submitted', 'accepted', 'rejected', 'assigned', 'answered', 'rehandling', 'rated', 'closed', 'withdrawn'];
const ROLES = ['deputy', 'staff', 'unit', 'supervisor', 'admin'];

const VALID: Record<string, [string, string]> = {
  status: ['submitted', 'assigned'],
  role: ['deputy', 'unit'],
  unitId: ['traffic', 'health'],
  deputyId: ['deputy1', 'deputy2'],
  overdue: ['true', 'false'],
  keySupervised: ['true', 'false'],
  q: ['交通', '教育'],
  page: ['1', '2'],
  pageSize: ['10', '20'],
  after: ['1', '2'],
  from: ['2026-01-01', '2026-02-01'],
  to: ['2026-12-31', '2026-11-30'],
  asOf: ['2026-03-01T00:00:00+08:00', '2026-04-01T00:00:00Z'],
  sessionId: ['legacy', 'c-16-3'],
  year: ['2026', '2025'],
  delegationId: ['dt-east', 'dt-west'],
};

/**
 * Dates that do not exist (Feb 30, month 13, 24:00), that fall outside the documented years
 * 2000–2100 (year 9999 used to be a 500 in the statistics), or that are not a date at all.
 */
export const BAD_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-02-28T24:00:00Z',
  '2026-02-28T23:60:00Z',
  '2026-02-30T10:00:00+08:00',
  '9999-12-31',
  '9999-12-31T23:59:59Z',
  '1999-12-31',
  '2101-01-01',
  '0000-01-01',
  '2026-10-15T08:00:00',
  '20261015',
  '2026-W01',
  '2026-288',
  'yesterday',
] as const;

const text = (max: number) => fc.string({ minLength: 1, maxLength: max });

function badValue(param: string): fc.Arbitrary<string> {
  switch (param) {
    case 'status':
      return text(20).filter((v) => !STATUSES.includes(v));
    case 'role':
      return text(20).filter((v) => !ROLES.includes(v));
    case 'unitId':
    case 'sessionId':
    case 'delegationId':
      return fc.oneof(fc.constant('has space'), fc.constant('a'.repeat(65)), fc.constant('-leading-dash'), text(5).map((s) => `${s}/x`));
    case 'deputyId':
      return fc.oneof(fc.constant('UPPER'), fc.constant('a'.repeat(33)), fc.constant('x'), text(5).map((s) => `${s} x`));
    case 'overdue':
    case 'keySupervised':
      return text(10).filter((v) => v !== 'true' && v !== 'false');
    case 'q':
      return fc.oneof(fc.integer({ min: 101, max: 5000 }).map((n) => '词'.repeat(n)), fc.constantFrom('a\u0000b', '\u001f', 'x\u007f'), fc.constant('   '));
    case 'page':
      return fc.oneof(fc.constantFrom('0', '-1', '1.5', 'abc', '100001', '1e9', ''), text(8).filter((v) => !/^\d+$/.test(v)));
    case 'year':
      return fc.oneof(fc.constantFrom('1999', '2101', '26', '2026.5', 'abc', '-2026'), text(8).filter((v) => !/^\d+$/.test(v)));
    case 'pageSize':
      return fc.oneof(fc.constantFrom('0', '101', '-5', '2.5', 'NaN', 'Infinity'), text(8).filter((v) => !/^\d+$/.test(v)));
    case 'after':
      return fc.oneof(
        text(12).filter((v) => !/^\d{1,20}(:\d{1,20})?$/.test(v.trim())),
        fc.constantFrom('999999999', '99999999999999999999', '1:2:3', '-1'),
      );
    case 'from':
    case 'to':
      return fc.constantFrom(...BAD_DATES);
    case 'asOf':
      // A look back is to a moment: a whole day is not one.
      return fc.constantFrom(...BAD_DATES, '2026-10-15');
    default:
      throw new Error(`no bad values for ${param}`);
  }
}

export function badQueries(params: string[]): fc.Arbitrary<BadQuery> {
  const encode = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
  return fc.oneof(
    fc
      .constantFrom(...params)
      .chain((param) => badValue(param).map((value) => ({ param, value })))
      // An empty value is no value at all for these (absent = allowed); q may be blank-padded, which is "no filter".
      .filter(({ param, value }) => !(value === '' && param !== 'page') && !(param === 'q' && value.trim() === ''))
      .map(({ param, value }) => ({ kind: `bad ${param}`, query: encode([[param, value]]) })),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 15 }).filter((k) => !params.includes(k)), fc.string({ maxLength: 10 }))
      .map(([key, value]) => ({ kind: 'unknown parameter', query: encode([[key, value]]) })),
    // A supervision period (the routes that take sessionId, year and from) is one kind at a time: a
    // session with a year, or a year with dates, is refused. The list combines its filters freely.
    ...(params.includes('sessionId') && params.includes('year') && params.includes('from')
      ? [
          fc.constantFrom<[string, string][]>(
            [['sessionId', 'legacy'], ['year', '2026']],
            [['year', '2026'], ['from', '2026-01-01']],
            [['sessionId', 'legacy'], ['to', '2026-12-31']],
          ).map((pairs) => ({ kind: 'period given two ways', query: encode(pairs) })),
        ]
      : []),
    // Each value alone is fine; twice, the parameter arrives as a list, which no parameter accepts.
    fc.constantFrom(...params).map((param) => ({
      kind: `${param} given twice`,
      query: encode([
        [param, VALID[param]![0]],
        [param, VALID[param]![1]],
      ]),
    })),
  );
}
