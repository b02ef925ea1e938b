// Date formats of the demo edition's feeds and pages. Pure; the clock is passed in.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The edition's clock: the caller's "now", rounded down to 10 minutes. Dates, bodies and ETags
 * stay the same within that window, so a refresh a minute later gets a real 304, while the demo
 * still looks fresh on every run (every date is "now minus an offset").
 */
export const EDITION_STEP_MS = 10 * 60_000;

export function editionTime(now: Date): Date {
  return new Date(Math.floor(now.getTime() / EDITION_STEP_MS) * EDITION_STEP_MS);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The wall clock at a fixed UTC offset, read through the UTC getters of a shifted Date. */
function shifted(date: Date, offsetMinutes: number): Date {
  return new Date(date.getTime() + offsetMinutes * 60_000);
}

/** RFC 822 date as RSS wants it, at a fixed offset: `Fri, 27 Nov 2026 16:05:00 +0800`. */
export function rfc822(date: Date, offsetMinutes: number): string {
  const d = shifted(date, offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'GMT' : `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${zone}`
  );
}

/** RFC 3339 at a fixed offset, as Atom wants it: `2026-11-27T16:05:00+08:00`. */
export function rfc3339(date: Date, offsetMinutes: number): string {
  const d = shifted(date, offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${zone}`
  );
}

/** The date line of a Chinese portal page, Beijing time: `2026-11-27 16:05`. */
export function portalDate(date: Date): string {
  const d = shifted(date, 8 * 60);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The date line of an English page: `27 Nov 2026, 08:05 UTC`. */
export function magazineDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
