/**
 * Calendar dates as contributors write them ("2026-11-20") and as readers see them
 * ("2026年11月20日"). Digests are dated in China Standard Time, the newsletter's home zone.
 */

export const SITE_TIME_ZONE = 'Asia/Shanghai';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when year, month and day name a day that exists (no roll-over: 2026-02-30 is false). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Why a "YYYY-MM-DD" string is not a real calendar date, or undefined when it is. */
export function fullDateProblem(text: string): string | undefined {
  const match = FULL_DATE.exec(text);
  if (!match) return `"${text}" 不是 YYYY-MM-DD 格式`;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (!isRealDay(year, month, day)) return `"${text}" 这一天不存在`;
  return undefined;
}

/** Why a "YYYY", "YYYY-MM" or "YYYY-MM-DD" string is not a real date, or undefined when it is. */
export function partialDateProblem(text: string): string | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return `"${text}" 不是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式`;
  const [year, month, day] = match.slice(1).map((part) => (part ? Number(part) : undefined));
  if (month !== undefined && (month < 1 || month > 12)) return `"${text}" 这个月份不存在`;
  if (day !== undefined && !isRealDay(year!, month!, day)) return `"${text}" 这一天不存在`;
  return undefined;
}

/**
 * The instant a digest dated "YYYY-MM-DD" is published: 08:00 China Standard Time, which is
 * 00:00 UTC, so feeds (whose RFC-822 dates are written in GMT) show the same calendar day.
 */
export function publicationInstant(text: string): Date {
  return new Date(`${text}T08:00:00+08:00`);
}

const chineseDate = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** "2026年11月20日" for a digest date. */
export function formatChineseDate(date: Date): string {
  return chineseDate.format(date);
}

// Made once: a formatter per call cost ~1.3 s of an unchanged 1,000-digest rebuild.
const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: SITE_TIME_ZONE });

/** "2026-11-20", the machine-readable form for `<time datetime>`, in China Standard Time. */
export function isoDay(date: Date): string {
  return isoDate.format(date);
}

/** "2023年12月14日", "2023年12月" or "2023年" for a report date as the report states it. */
export function formatPartialChineseDate(text: string): string {
  const [year, month, day] = text.split('-').map(Number);
  return `${year}年` + (month ? `${month}月` : '') + (day ? `${day}日` : '');
}

const englishDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "20 November 2026" for a digest date on the English pages (China Standard Time, as the Chinese). */
export function formatEnglishDate(date: Date): string {
  return englishDate.format(date);
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "14 December 2023", "December 2023" or "2023" for a report date as the report states it. */
export function formatPartialEnglishDate(text: string): string {
  const [year, month, day] = text.split('-').map(Number);
  const monthName = month ? ENGLISH_MONTHS[month - 1] : undefined;
  return [day, monthName, year].filter((part) => part !== undefined).join(' ');
}
