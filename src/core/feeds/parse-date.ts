// Dates as feeds write them (RFC 822, ISO 8601, W3C-DTF, Chinese 年月日) → ISO 8601 or null.
// Pure. Never returns "Invalid Date".

const CHINESE_DATE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/**
 * Parses a feed date. A date without a zone is read as UTC+8 when written the Chinese way
 * (年月日: China Standard Time is the only zone such feeds use), otherwise as UTC.
 */
export function parseFeedDate(value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  const chinese = CHINESE_DATE.exec(text);
  let time: number;
  if (chinese !== null) {
    const [, y, mo, d, h, mi, s] = chinese;
    time = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0) - 8,
      Number(mi ?? 0),
      Number(s ?? 0),
    );
  } else {
    // "2024-05-01 10:00:00" has no zone: JavaScript would read it as local time, which depends
    // on the machine. Read it as UTC so the same feed gives the same dates everywhere.
    const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
    time = Date.parse(zoneless ? `${text.replace(' ', 'T')}Z` : text);
    if (Number.isNaN(time))
      time = Date.parse(text.replace(/\s+\(.*\)$/, '').replace(/\b(UT|Z)$/, 'GMT'));
  }
  if (!Number.isFinite(time) || time < EARLIEST || time > LATEST) return null;
  return new Date(time).toISOString();
}
