import { describe, expect, it } from 'vitest';
import {
  addDays,
  addHours,
  addMonths,
  daysBetween,
  fold,
  formatDateTime,
  formatDay,
  formatDayLong,
  formatMinutes,
  formatMonth,
  formatNumber,
  formatSpan,
  proposeStart,
  startOfMonth,
  startOfWeek,
  vnDate,
  vnInstant,
  vnTime,
  weekdayName,
} from './format';

// vite.config.ts runs the tests with TZ=America/New_York: every result below must still be
// Vietnam time (UTC+7, no daylight saving).

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('runs on a machine whose own zone is not Vietnam', () => {
    expect(new Date('2026-11-23T01:00:00Z').getHours()).not.toBe(8);
  });

  it('formats an instant as dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatDateTime('2026-11-23T01:00:00Z')).toBe('23/11/2026 08:00');
    // 18:30 UTC is already the next day in Vietnam
    expect(formatDateTime('2026-11-23T18:30:00Z')).toBe('24/11/2026 01:30');
    expect(formatDateTime(new Date(Date.UTC(2026, 0, 1, 0, 5)))).toBe('01/01/2026 07:05');
  });

  it('leaves missing values empty and shows what it cannot read', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('splits an instant into the Vietnam date and time', () => {
    expect(vnDate('2026-11-22T17:00:00Z')).toBe('2026-11-23');
    expect(vnDate('2026-11-22T16:59:00Z')).toBe('2026-11-22');
    expect(vnTime('2026-11-22T17:00:00Z')).toBe('00:00');
    expect(vnTime('2026-11-23T04:30:00Z')).toBe('11:30');
    expect(vnTime(undefined)).toBe('');
  });

  it('reads date and time inputs as Vietnam time', () => {
    expect(vnInstant('2026-11-23', '08:00')).toBe('2026-11-23T01:00:00Z');
    expect(vnInstant('2026-11-23', '06:59')).toBe('2026-11-22T23:59:00Z');
    expect(vnInstant('2026-11-23', '')).toBeNull();
    expect(vnInstant('23/11/2026', '08:00')).toBeNull();
  });

  it('round-trips the meeting form inputs', () => {
    const instant = vnInstant('2026-12-31', '23:30');
    expect(instant).not.toBeNull();
    expect(vnDate(instant ?? '')).toBe('2026-12-31');
    expect(vnTime(instant)).toBe('23:30');
  });
});

describe('calendar arithmetic on yyyy-MM-dd', () => {
  it('adds days and months (clamped to the month)', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', -11)).toBe('2025-12-15');
  });

  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(startOfMonth('2026-11-29')).toBe('2026-11-01');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
  });

  it('names days and months in both languages', () => {
    expect(weekdayName('2026-11-23', 'vi')).toBe('Thứ Hai');
    expect(weekdayName('2026-11-29', 'vi', true)).toBe('CN');
    expect(weekdayName('2026-11-23', 'en')).toBe('Monday');
    expect(formatDay('2026-11-23')).toBe('23/11/2026');
    expect(formatDayLong('2026-11-23', 'vi')).toBe('Thứ Hai, 23/11/2026');
    expect(formatMonth('2026-11-05', 'vi')).toBe('Tháng 11/2026');
    expect(formatMonth('2026-11-05', 'en')).toBe('November 2026');
  });
});

describe('meeting times', () => {
  it('shows one date for a meeting within a day', () => {
    expect(formatSpan('2026-11-23T01:00:00Z', '2026-11-23T04:30:00Z', 'vi')).toBe('Thứ Hai, 23/11/2026, 08:00 – 11:30');
  });

  it('shows both dates for a meeting over several days', () => {
    expect(formatSpan('2026-11-23T01:00:00Z', '2026-11-24T10:00:00Z', 'en')).toBe(
      'Monday, 23/11/2026, 08:00 – Tuesday, 24/11/2026, 17:00',
    );
  });

  it('shows only the start without an end', () => {
    expect(formatSpan('2026-11-23T01:00:00Z', undefined, 'vi')).toBe('Thứ Hai, 23/11/2026, 08:00');
  });

  it('writes durations with the given words', () => {
    expect(formatMinutes(45, 'giờ', 'phút')).toBe('45 phút');
    expect(formatMinutes(120, 'giờ', 'phút')).toBe('2 giờ');
    expect(formatMinutes(150, 'h', 'min')).toBe('2 h 30 min');
  });
});

describe('numbers and text', () => {
  it('groups thousands the Vietnamese way', () => {
    expect(formatNumber(356)).toBe('356');
    expect(formatNumber(1234567)).toBe('1.234.567');
  });

  it('folds Vietnamese diacritics for matching', () => {
    expect(fold('Đông Sơn')).toBe('dong son');
    expect(fold('  Thiệu   Giao ')).toBe('thieu giao');
    expect(fold('THANH HÓA')).toBe('thanh hoa');
    expect(fold('Huyện Quảng Xương').includes(fold('quang xuong'))).toBe(true);
    expect(fold('đường Lê Lợi')).toBe('duong le loi');
    // decomposed input (as some keyboards produce) folds the same way
    expect(fold('Nguye\u0302\u0303n')).toBe('nguyen');
  });
});

describe('the time a new meeting proposes', () => {
  // 14:20 in Vietnam on Monday 23/11/2026 (07:20 UTC; 02:20 in New York, where the tests run)
  const now = new Date('2026-11-23T07:20:00Z');

  it('is tomorrow at 08:00 Vietnam time by default', () => {
    expect(proposeStart(now)).toBe('2026-11-24T01:00:00Z');
    expect(vnTime(proposeStart(now))).toBe('08:00');
  });

  it('is the next whole hour when creating for today', () => {
    expect(proposeStart(now, '2026-11-23')).toBe('2026-11-23T08:00:00Z');
    expect(vnTime(proposeStart(now, '2026-11-23'))).toBe('15:00');
    // late in the evening the next whole hour is after midnight
    expect(proposeStart(new Date('2026-11-23T16:30:00Z'), '2026-11-23')).toBe('2026-11-23T17:00:00Z');
    expect(vnDate(proposeStart(new Date('2026-11-23T16:30:00Z'), '2026-11-23'))).toBe('2026-11-24');
  });

  it('is 08:00 on a later day that was chosen, tomorrow for a day gone by', () => {
    expect(proposeStart(now, '2026-12-01')).toBe('2026-12-01T01:00:00Z');
    expect(proposeStart(now, '2026-11-20')).toBe('2026-11-24T01:00:00Z');
    expect(proposeStart(now, 'nonsense')).toBe('2026-11-24T01:00:00Z');
    expect(Date.parse(proposeStart(now, '2026-11-23'))).toBeGreaterThan(now.getTime());
  });

  it('ends two hours later', () => {
    expect(addHours('2026-11-24T01:00:00Z', 2)).toBe('2026-11-24T03:00:00Z');
    expect(vnDate(addHours('2026-11-23T16:00:00Z', 2))).toBe('2026-11-24');
  });
});
