/**
 * Proleptic Gregorian calendar arithmetic on plain dates (no time, no zone).
 *
 * Kept free of `Date` on purpose: `Date.UTC` maps years 0–99 to 1900–1999 and mixes local-time
 * behaviour into some methods; the algorithms below (Howard Hinnant's days_from_civil /
 * civil_from_days) are exact integer arithmetic for any year.
 */

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

export const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? Number.NaN;
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 (negative before). */
export function epochDay(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12; // March = 0, so the leap day is the last day of the year
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromEpochDay(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(epochDay(date) + days);
}

/** First day of the month `months` after (or before) the month of `date`. */
export function addMonthsToFirst(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1, day: 1 };
}

/** ISO weekday: Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
export function isoWeekday(date: CivilDate): number {
  const d = (((epochDay(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return d + 1;
}

/** The Monday that starts ISO week 1: the week that contains 4 January. */
function isoWeekOneMonday(isoYear: number): CivilDate {
  const jan4: CivilDate = { year: isoYear, month: 1, day: 4 };
  return addDays(jan4, 1 - isoWeekday(jan4));
}

/** 53 when 28 December (always in the last ISO week) falls in week 53, else 52. */
export function isoWeeksInYear(isoYear: number): number {
  return isoWeekOf({ year: isoYear, month: 12, day: 28 }).week;
}

export function isoWeekStart(isoYear: number, week: number): CivilDate {
  return addDays(isoWeekOneMonday(isoYear), (week - 1) * 7);
}

export function isoWeekOf(date: CivilDate): { isoYear: number; week: number } {
  // The ISO year of a date is the calendar year of the Thursday of its week.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const isoYear = thursday.year;
  const week = Math.floor((epochDay(thursday) - epochDay(isoWeekOneMonday(isoYear))) / 7) + 1;
  return { isoYear, week };
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function formatCivilDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
