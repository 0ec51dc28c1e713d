// Formatting helpers: Vietnamese date style, diacritics-insensitive matching.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "dd/MM/yyyy HH:mm" in Vietnam time, whatever the UI language; "" for null / invalid. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const parts: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(date)) parts[p.type] = p.value;
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** yyyyMMdd (Vietnam time) for file names. */
export function dateStamp(date: Date = new Date()): string {
  const parts: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(date)) parts[p.type] = p.value;
  return `${parts.year}${parts.month}${parts.day}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Lower case without Vietnamese diacritics ("Đông Sơn" → "dong son"), for client-side filters. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Meeting dates. Vietnam has used UTC+7 all year round since 1975 (no daylight saving), so a
// calendar date in Vietnam time is a plain "yyyy-MM-dd" string and conversions are arithmetic.

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The Vietnam-time wall clock of an instant, read with the UTC getters. */
function vnClock(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + VN_OFFSET_MS);
}

/** "yyyy-MM-dd" of an instant in Vietnam time. */
export function vnDate(value: string | number | Date): string {
  const c = vnClock(value);
  if (!c) return '';
  return `${c.getUTCFullYear()}-${pad2(c.getUTCMonth() + 1)}-${pad2(c.getUTCDate())}`;
}

/** "HH:mm" of an instant in Vietnam time. */
export function vnTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const c = vnClock(value);
  if (!c) return '';
  return `${pad2(c.getUTCHours())}:${pad2(c.getUTCMinutes())}`;
}

/** Today's date in Vietnam. */
export function todayVN(): string {
  return vnDate(new Date());
}

/** ISO instant ("2026-11-23T01:00:00Z") of a Vietnam date + "HH:mm"; null when incomplete/invalid. */
export function vnInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = new Date(`${date}T${time}:00+07:00`);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace('.000Z', 'Z');
}

function parseDate(date: string): Date {
  const [y, m, d] = date.split('-').map((x) => Number.parseInt(x, 10));
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function dateString(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The date `n` days after `date` ("yyyy-MM-dd"). */
export function addDays(date: string, n: number): string {
  return dateString(new Date(parseDate(date).getTime() + n * DAY_MS));
}

/** The same day `n` months later, clamped to the month's length. */
export function addMonths(date: string, n: number): string {
  const d = parseDate(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return dateString(target);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return parseDate(date).getUTCDay();
}

/** The Monday of the week holding `date` (weeks start on Monday in Vietnam). */
export function startOfWeek(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b).getTime() - parseDate(a).getTime()) / DAY_MS);
}

const WEEKDAYS: Record<'vi' | 'en', string[]> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const WEEKDAYS_SHORT: Record<'vi' | 'en', string[]> = {
  vi: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

export function weekdayName(date: string, lang: 'vi' | 'en', short = false): string {
  return (short ? WEEKDAYS_SHORT : WEEKDAYS)[lang][weekdayOf(date)] ?? '';
}

/** "dd/MM/yyyy" of a "yyyy-MM-dd" date. */
export function formatDay(date: string): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "Thứ Hai, 23/11/2026" (or "Monday, 23/11/2026"). */
export function formatDayLong(date: string, lang: 'vi' | 'en'): string {
  if (!date) return '';
  return `${weekdayName(date, lang)}, ${formatDay(date)}`;
}

/** "Tháng 11/2026" / "November 2026" label of the month holding `date`. */
export function formatMonth(date: string, lang: 'vi' | 'en'): string {
  const [y, m] = date.split('-');
  if (lang === 'vi') return `Tháng ${Number(m)}/${y}`;
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${names[Number(m) - 1]} ${y}`;
}

/**
 * A meeting's time: "Thứ Hai, 23/11/2026, 08:00 – 11:30", or with both dates when it spans days.
 */
export function formatSpan(startsAt: string, endsAt: string | null | undefined, lang: 'vi' | 'en'): string {
  const d1 = vnDate(startsAt);
  const start = `${formatDayLong(d1, lang)}, ${vnTime(startsAt)}`;
  if (!endsAt) return start;
  const d2 = vnDate(endsAt);
  if (d1 === d2) return `${start} – ${vnTime(endsAt)}`;
  return `${start} – ${formatDayLong(d2, lang)}, ${vnTime(endsAt)}`;
}

/** Minutes → "2 giờ 30 phút" style text given the unit words. */
export function formatMinutes(total: number, hourWord: string, minuteWord: string): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} ${minuteWord}`;
  return m === 0 ? `${h} ${hourWord}` : `${h} ${hourWord} ${m} ${minuteWord}`;
}

/**
 * The start a new meeting form proposes (an ISO instant, always in the future): 08:00 Vietnam time
 * on `date` when that day is still ahead; on today (the calendar's "new" on today's square) the
 * next whole hour; otherwise (no day, or a day gone by) tomorrow at 08:00.
 */
export function proposeStart(now: Date, date?: string | null): string {
  const today = vnDate(now);
  if (date === today) {
    const nextHour = Math.floor((now.getTime() + VN_OFFSET_MS) / 3600_000 + 1) * 3600_000 - VN_OFFSET_MS;
    return new Date(nextHour).toISOString().replace('.000Z', 'Z');
  }
  const day = date && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > today ? date : addDays(today, 1);
  return vnInstant(day, '08:00') ?? '';
}

/** `hours` after an ISO instant, as an ISO instant. */
export function addHours(instant: string, hours: number): string {
  return new Date(Date.parse(instant) + hours * 3600_000).toISOString().replace('.000Z', 'Z');
}
