// Times as a reader sees them: relative in lists (3分钟前 / 3m ago), absolute in the article
// header (YYYY-MM-DD HH:mm, local time). Pure; the clock is passed in. No react/ink.
import type { Lang } from './state.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "刚刚" / "5分钟前" / "3小时前" / "2天前" (or English), or `MM-DD` past a week. Null in → "". */
export function relativeTime(iso: string | null, now: number, lang: Lang): string {
  if (iso === null) return '';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const ago = now - then;
  if (ago < MINUTE) return lang === 'zh' ? '刚刚' : 'now';
  if (ago < HOUR)
    return lang === 'zh' ? `${Math.floor(ago / MINUTE)}分钟前` : `${Math.floor(ago / MINUTE)}m ago`;
  if (ago < DAY)
    return lang === 'zh' ? `${Math.floor(ago / HOUR)}小时前` : `${Math.floor(ago / HOUR)}h ago`;
  if (ago < 7 * DAY)
    return lang === 'zh' ? `${Math.floor(ago / DAY)}天前` : `${Math.floor(ago / DAY)}d ago`;
  const date = new Date(then);
  return `${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Local `YYYY-MM-DD HH:mm`, or "" when there is no date. */
export function absoluteTime(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
