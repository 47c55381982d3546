/** Excel date serials (1900 system) and ISO dates, without time zones: a plan's dates are days. */

const MS_PER_DAY = 86_400_000;
// Serial 25569 is 1970-01-01 in Excel's 1900 system (which counts the fictional 29/02/1900).
const UNIX_EPOCH_SERIAL = 25569;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoFromParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoToSerial(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
}

/** The day part of a serial (a time of day is dropped). */
export function serialToIso(serial: number): string {
  const ms = (Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY;
  const d = new Date(ms);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** dd/mm/yyyy, the way Vietnamese users read dates. */
export function isoToVn(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today's date in local time, as ISO. */
export function todayIso(now: Date = new Date()): string {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function addDays(iso: string, days: number): string {
  return serialToIso(isoToSerial(iso) + days);
}

/** Why a typed date was refused, in both languages; `text` is what was typed. */
export type DateProblem = 'format' | 'impossible';

/**
 * A date as a Vietnamese clerk types it: dd/mm/yyyy (also with "." or "-", one-digit day and
 * month, or the eight digits ddmmyyyy run together), or ISO yyyy-mm-dd. A two-digit year is read
 * in 2000–2099. The day is checked against the calendar: 31/02/2024 is refused, never moved on.
 */
export function readTypedDate(text: string): { iso: string } | { problem: DateProblem } {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  const run = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  let parts: [number, number, number] | null = null;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) {
    const y = Number(dmy[3]);
    parts = [dmy[3].length === 2 ? 2000 + y : y, Number(dmy[2]), Number(dmy[1])];
  } else if (run) parts = [Number(run[3]), Number(run[2]), Number(run[1])];
  if (!parts) return { problem: 'format' };
  const [y, m, d] = parts;
  if (y < 1900 || !isRealDate(y, m, d)) return { problem: 'impossible' };
  return { iso: isoFromParts(y, m, d) };
}

/**
 * A moment as the `Lịch sử` sheet shows it: the writer's local wall-clock time, dd/mm/yyyy hh:mm,
 * with its offset from UTC (`21/06/2024 15:00 (UTC+7)`), so a clerk reads it as the time of day
 * they merged and the instant stays known. `offsetMinutes` is east of UTC; by default the local
 * zone's at that moment (Date#getTimezoneOffset is west-positive, hence the sign).
 */
export function historyTime(at: Date, offsetMinutes: number = -at.getTimezoneOffset()): string {
  const wall = new Date(at.getTime() + offsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(wall.getUTCDate())}/${two(wall.getUTCMonth() + 1)}/${wall.getUTCFullYear()}`;
  const time = `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
  const abs = Math.abs(offsetMinutes);
  const zone =
    offsetMinutes === 0
      ? 'UTC'
      : `UTC${offsetMinutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${two(abs % 60)}` : ''}`;
  return `${date} ${time} (${zone})`;
}

const ISO_INSTANT_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** The last instant historyTimeOf formatted, with the zone offset it was formatted in. */
let lastHistoryTime: { at: string; offset: number; shown: string } | null = null;

/**
 * A history row's time as stored: an ISO instant (what the merge, revise and add record) becomes
 * local time; anything else (a row someone typed, or text already formatted) is kept as it is.
 */
export function historyTimeOf(at: string): string {
  const last = lastHistoryTime;
  // A merge writes one instant on every history row it adds (hundreds): formatted once. The
  // zone's offset is part of the key, so a process whose zone changes never shows a stale time.
  if (last !== null && at === last.at && -new Date(at).getTimezoneOffset() === last.offset) return last.shown;
  if (!ISO_INSTANT_START.test(at)) return at;
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return at;
  const offset = -instant.getTimezoneOffset();
  lastHistoryTime = { at, offset, shown: historyTime(instant, offset) };
  return lastHistoryTime.shown;
}
