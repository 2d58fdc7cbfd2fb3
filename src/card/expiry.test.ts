import { describe, expect, it } from 'vitest';
import { expiryProblem, isExpired, isTooFarAhead, parseExpiry } from './expiry';

const now = new Date('2026-03-15T12:00:00Z');

describe('parseExpiry', () => {
  it.each([
    ['1/27', 1, 2027],
    ['01/27', 1, 2027],
    ['01 / 27', 1, 2027],
    ['01 / 2027', 1, 2027],
    ['1/2027', 1, 2027],
    ['12/2027', 12, 2027],
    ['0127', 1, 2027],
    ['012027', 1, 2027],
    ['1227', 12, 2027],
    ['1 27', 1, 2027],
    ['01 27', 1, 2027],
    ['01-27', 1, 2027],
    ['12-2030', 12, 2030],
    ['01.27', 1, 2027],
    ['2027-01', 1, 2027],
    ['2027-1', 1, 2027],
    ['2027/12', 12, 2027],
    ['  01/27  ', 1, 2027],
  ])('reads %j as %i/%i', (text, month, year) => {
    expect(parseExpiry(text, now)).toEqual({ month, year });
  });

  it.each(['', '1', '12/', '12/2', '127', '00/27', '13/27', '2027-13', 'ab/cd', '1/2/27'])(
    'reads nothing from %j',
    (text) => {
      expect(parseExpiry(text, now)).toBeNull();
    },
  );

  it('does not judge the date itself', () => {
    expect(parseExpiry('01/20', now)).toEqual({ month: 1, year: 2020 });
    expect(parseExpiry('01/2090', now)).toEqual({ month: 1, year: 2090 });
  });
});

describe('two-digit years', () => {
  it.each([
    ['2026-03-15', '27', 2027],
    ['2026-03-15', '46', 2046],
    ['2026-03-15', '99', 2099],
    ['2026-03-15', '06', 2006],
    ['2026-03-15', '05', 2105],
    ['2095-06-01', '95', 2095],
    ['2095-06-01', '99', 2099],
    ['2095-06-01', '00', 2100],
    ['2095-06-01', '03', 2103],
    ['2095-06-01', '75', 2075],
    ['2095-06-01', '74', 2174],
  ])('on %s read %s as %i: the hundred years from twenty years ago', (date, yy, year) => {
    expect(parseExpiry(`01/${yy}`, new Date(`${date}T12:00:00Z`))?.year).toBe(year);
  });
});

describe('expiryProblem', () => {
  it.each([
    ['03/26', 'this month'],
    ['3/26', 'this month, one-digit month'],
    ['03/2026', 'this month, four-digit year'],
    ['04/26', 'next month'],
    ['01/27', 'next year'],
    ['12/46', 'the last month of the twentieth year ahead'],
  ])('accepts %j (%s)', (text) => {
    expect(expiryProblem(text, now)).toBeNull();
  });

  it.each(['', '   '])('reports %j as empty', (text) => {
    expect(expiryProblem(text, now)).toBe('empty');
  });

  it.each(['1', '12', '12/', '12 / ', '12/2', '12 / 2', '123', '12/202', '12027', '2027-'])(
    'reports %j as incomplete',
    (text) => {
      expect(expiryProblem(text, now)).toBe('incomplete');
    },
  );

  it.each(['ab/cd', '12/27a', '1/2/27', '12//27', '1234567', '12/27/1', '12 27 1'])(
    'reports %j as invalid',
    (text) => {
      expect(expiryProblem(text, now)).toBe('invalid');
    },
  );

  it.each(['00/27', '0/27', '13/27', '0027', '1327', '2027-00', '2027-13', '20/27', '2027'])(
    'reports %j as an invalid month',
    (text) => {
      expect(expiryProblem(text, now)).toBe('invalid_month');
    },
  );

  it.each(['02/26', '2/26', '12/25', '01/20', '0226', '2026-02'])('reports %j as past', (text) => {
    expect(expiryProblem(text, now)).toBe('past');
  });

  it.each(['01/47', '01/2047', '01/99', '2050-01'])('reports %j as too far ahead', (text) => {
    expect(expiryProblem(text, now)).toBe('too_far');
  });

  it('rolls over from December to January', () => {
    const newYearsEve = new Date('2026-12-31T20:00:00Z');
    expect(expiryProblem('12/26', newYearsEve)).toBeNull();
    expect(expiryProblem('11/26', newYearsEve)).toBe('past');
    const newYear = new Date('2027-01-02T00:00:00Z');
    expect(expiryProblem('12/26', newYear)).toBe('past');
    expect(expiryProblem('01/27', newYear)).toBeNull();
    expect(expiryProblem('12/47', newYear)).toBeNull();
    expect(expiryProblem('01/48', newYear)).toBe('too_far');
  });
});

describe('isExpired', () => {
  it('keeps a card valid through its expiry month', () => {
    expect(isExpired({ month: 3, year: 2026 }, new Date('2026-03-01T00:00:00Z'))).toBe(false);
    expect(isExpired({ month: 3, year: 2026 }, new Date('2026-03-31T23:59:59Z'))).toBe(false);
    expect(isExpired({ month: 2, year: 2026 }, now)).toBe(true);
    expect(isExpired({ month: 12, year: 2025 }, now)).toBe(true);
    expect(isExpired({ month: 1, year: 2027 }, now)).toBe(false);
  });

  it('ends the month when it has ended in the last time zone, UTC−12', () => {
    const card = { month: 3, year: 2026 };
    expect(isExpired(card, new Date('2026-04-01T11:59:59.999Z'))).toBe(false);
    expect(isExpired(card, new Date('2026-04-01T12:00:00Z'))).toBe(true);
  });

  it('ends December in the next year', () => {
    const card = { month: 12, year: 2026 };
    expect(isExpired(card, new Date('2027-01-01T11:59:59Z'))).toBe(false);
    expect(isExpired(card, new Date('2027-01-01T12:00:00Z'))).toBe(true);
  });
});

describe('isTooFarAhead', () => {
  it('allows up to twenty years ahead', () => {
    expect(isTooFarAhead({ month: 12, year: 2046 }, now)).toBe(false);
    expect(isTooFarAhead({ month: 1, year: 2047 }, now)).toBe(true);
  });
});
