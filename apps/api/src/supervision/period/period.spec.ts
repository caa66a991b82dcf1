import { BadRequestException } from '@nestjs/common';
import { parsePeriod, scopeOf } from './period';

function fieldOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { errors: { field: string }[] }).errors[0]?.field;
    throw error;
  }
  return undefined;
}

describe('the supervision period', () => {
  it('is everything when nothing is asked for', () => {
    expect(parsePeriod({})).toEqual({ sessionId: null, year: null, from: null, to: null });
    expect(scopeOf(parsePeriod({}))).toEqual({});
  });

  it('a year is its Beijing span, echoed with the year', () => {
    const period = parsePeriod({ year: 2026 });
    expect(period).toEqual({ sessionId: null, year: 2026, from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(scopeOf(period)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
  });

  it('a session is only the session', () => {
    expect(scopeOf(parsePeriod({ sessionId: 's-1' }))).toEqual({ sessionId: 's-1' });
  });

  it('dates are whole days, instants keep their minute; either end may be open', () => {
    expect(parsePeriod({ from: '2026-03-01' })).toMatchObject({ from: '2026-02-28T16:00:00.000Z', to: null });
    expect(parsePeriod({ to: '2026-03-01T10:00:00+08:00' })).toMatchObject({ from: null, to: '2026-03-01T02:00:00.000Z' });
  });

  it('a period asked for two ways, or backwards, is a 400 naming the field that clashes', () => {
    expect(fieldOf(() => parsePeriod({ sessionId: 's-1', year: 2026 }))).toBe('year');
    expect(fieldOf(() => parsePeriod({ sessionId: 's-1', to: '2026-01-01' }))).toBe('to');
    expect(fieldOf(() => parsePeriod({ year: 2026, from: '2026-01-01' }))).toBe('from');
    expect(fieldOf(() => parsePeriod({ from: '2026-02-01', to: '2026-01-01' }))).toBe('to');
  });
});
