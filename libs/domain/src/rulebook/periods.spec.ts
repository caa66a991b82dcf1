import { createWorkingCalendar } from '../calendar/create-working-calendar';
import { dueAt, remindAt, subtractPeriod } from './periods';

const calendar = createWorkingCalendar();
/** 10:00 in Shanghai on the given day. */
const morning = (date: string): string => `${date}T02:00:00.000Z`;

describe('dueAt in working days', () => {
  it('counts 10 working days from 2026-09-25 across Mid-Autumn, National Day and the make-up Saturday', () => {
    // 09-25..27 Mid-Autumn off; 28, 29, 30; 10-01..07 off; 8, 9, 10 (Sat, worked); 12, 13, 14, 15.
    expect(dueAt(morning('2026-09-25'), { amount: 10, unit: 'wd' }, calendar)).toBe('2026-10-15T16:00:00.000Z');
  });

  it('does not count the day of the event, even when it is a working day', () => {
    expect(dueAt(morning('2026-09-29'), { amount: 1, unit: 'wd' }, calendar)).toBe('2026-09-30T16:00:00.000Z');
    expect(dueAt(morning('2026-09-30'), { amount: 1, unit: 'wd' }, calendar)).toBe('2026-10-08T16:00:00.000Z');
  });

  it('counts across the 2026 Spring Festival, including the make-up Saturday before it', () => {
    // 02-13 Fri, 02-14 Sat (worked), 15..23 off, 24, 25, 26.
    expect(dueAt(morning('2026-02-12'), { amount: 5, unit: 'wd' }, calendar)).toBe('2026-02-26T16:00:00.000Z');
  });

  it('starts from the Shanghai date, not the UTC date', () => {
    // 2026-09-29T17:00Z is already 2026-09-30 01:00 in Shanghai.
    expect(dueAt('2026-09-29T17:00:00.000Z', { amount: 1, unit: 'wd' }, calendar)).toBe('2026-10-08T16:00:00.000Z');
  });
});

describe('dueAt in calendar days and months', () => {
  it('ends a month period on the same day number of the next month at 24:00', () => {
    expect(dueAt(morning('2026-03-05'), { amount: 3, unit: 'm' }, calendar)).toBe('2026-06-05T16:00:00.000Z');
  });

  it('clamps to the month end: Mar 31 + 1 month = Apr 30', () => {
    expect(dueAt(morning('2026-03-31'), { amount: 1, unit: 'm' }, calendar)).toBe('2026-04-30T16:00:00.000Z');
  });

  it('clamps Jan 31 + 1 month to Feb 28, a worked make-up Saturday in 2026, so no extension', () => {
    expect(dueAt(morning('2026-01-31'), { amount: 1, unit: 'm' }, calendar)).toBe('2026-02-28T16:00:00.000Z');
  });

  it('extends a month period ending on a holiday to the next working day (民法典 第二百零三条)', () => {
    // 2026-09-01 + 1 month = 10-01, National Day: the period ends with 10-08.
    expect(dueAt(morning('2026-09-01'), { amount: 1, unit: 'm' }, calendar)).toBe('2026-10-08T16:00:00.000Z');
  });

  it('extends a month period ending on a plain weekend to the Monday', () => {
    // 2026-02-08 + 1 month = 03-08, a Sunday.
    expect(dueAt(morning('2026-02-08'), { amount: 1, unit: 'm' }, calendar)).toBe('2026-03-09T16:00:00.000Z');
  });

  it('counts calendar days and extends past a holiday end (山东: 5 days)', () => {
    expect(dueAt(morning('2026-09-26'), { amount: 5, unit: 'd' }, calendar)).toBe('2026-10-08T16:00:00.000Z');
    expect(dueAt(morning('2026-03-02'), { amount: 5, unit: 'd' }, calendar)).toBe('2026-03-09T16:00:00.000Z');
  });

  it('ends a month period crossing the Spring Festival inside the holiday at its end', () => {
    // 2026-01-16 + 1 month = 02-16, inside the Spring Festival: runs to 02-24.
    expect(dueAt(morning('2026-01-16'), { amount: 1, unit: 'm' }, calendar)).toBe('2026-02-24T16:00:00.000Z');
  });
});

describe('subtractPeriod and remindAt', () => {
  it('reminds 3 working days ahead: at 24:00 of the day after which three working days remain', () => {
    // Due 24:00 10-08; working days left after 09-28: 09-29, 09-30, 10-08.
    expect(remindAt('2026-10-08T16:00:00.000Z', { amount: 3, unit: 'wd' }, calendar)).toBe('2026-09-28T16:00:00.000Z');
  });

  it('keeps the time of day of a due time that is not at midnight', () => {
    expect(subtractPeriod('2026-10-08T07:00:00.000Z', { amount: 1, unit: 'wd' }, calendar)).toBe('2026-09-30T07:00:00.000Z');
  });

  it('subtracts calendar days and months', () => {
    expect(subtractPeriod('2026-03-31T16:00:00.000Z', { amount: 1, unit: 'm' }, calendar)).toBe('2026-02-28T16:00:00.000Z');
    expect(subtractPeriod('2026-10-08T16:00:00.000Z', { amount: 7, unit: 'd' }, calendar)).toBe('2026-10-01T16:00:00.000Z');
  });
});

describe('dueAt with an override year', () => {
  it('uses the override for a year the package does not know', () => {
    const withOverride = createWorkingCalendar({
      years: { '2099': { holidays: ['2099-10-01', '2099-10-02', '2099-10-05'], workdays: ['2099-10-03'] } },
    });
    // 2099-09-30 Wed; 10-01 Thu off, 10-02 Fri off, 10-03 Sat worked, 10-04 Sun, 10-05 Mon off, 10-06 Tue.
    expect(dueAt(morning('2099-09-30'), { amount: 2, unit: 'wd' }, withOverride)).toBe('2099-10-06T16:00:00.000Z');
    // Without it, 国庆 10-01..03 are computed statutory days off: the next working day is Mon 10-05.
    expect(dueAt(morning('2099-09-30'), { amount: 1, unit: 'wd' }, calendar)).toBe('2099-10-05T16:00:00.000Z');
  });
});
