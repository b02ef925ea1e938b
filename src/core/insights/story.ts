// When two items are the same story carried by different feeds: the same link once tracking
// parameters are stripped, or the same headline once the site suffix, width, case and
// punctuation are ignored. Pure; no I/O.
import { foldText } from './tokenize.js';

/** What story detection reads of an item. */
export interface StoryFields {
  readonly title: string;
  readonly link: string | null;
  readonly source: string;
}

const TRACKING = /^(utm_\w+|spm|from|src|source|ref|fbclid|gclid|share_token|wt\.mc_id)$/i;

/** The link without protocol, `www.`, fragment, tracking parameters or trailing slash. */
export function linkKey(link: string | null): string | null {
  if (link === null) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const params = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  params.sort(([a], [b]) => a.localeCompare(b));
  const query = params.map(([k, v]) => `${k}=${v}`).join('&');
  const host = url.hostname.replace(/^(www|m|wap)\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `link:${host}${path}${query === '' ? '' : `?${query}`}`;
}

/** The headline without a trailing "- 新华网" style source suffix, spaces and punctuation. */
export function titleKey(title: string, source: string): string | null {
  let text = foldText(title).trim();
  const folded = foldText(source).trim();
  const suffix = /\s*[-|_—–·｜]\s*([^-|_—–·｜]+)$/u.exec(text);
  if (
    suffix?.[1] !== undefined &&
    (folded === '' || suffix[1].trim() === folded || folded.includes(suffix[1].trim()))
  ) {
    text = text.slice(0, suffix.index);
  }
  const key = text.replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
  // Very short headlines ("快讯", "Update") are too generic to identify a story.
  return [...key].length < 6 ? null : `title:${key}`;
}

/** The keys identifying an item's story; two items sharing any key are the same story. */
export function storyKeys(item: StoryFields): string[] {
  const keys: string[] = [];
  const link = linkKey(item.link);
  if (link !== null) keys.push(link);
  const title = titleKey(item.title, item.source);
  if (title !== null) keys.push(title);
  return keys;
}
