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
