// The invariants every normalized feed must hold, whatever bytes it came from. Returns the list of
// violations (empty when all hold) so a failing fuzz run says exactly what broke.
import type { NormalizedFeed } from '../../src/core/feeds/normalize.js';
import { blocksToPlainText, htmlToBlocks } from '../../src/core/articles/html-to-blocks.js';
import { isTerminalSafe } from '../../src/core/feeds/sanitize.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[0-9a-f]{12}$/;

function isIso(value: string): boolean {
  return ISO.test(value) && new Date(value).toISOString() === value;
}

function isHttpUrl(value: string): boolean {
  if (/\s/.test(value) || !isTerminalSafe(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Violations of the feed invariants; `feedUrl` is the URL the feed was normalized under. */
export function feedViolations(feed: NormalizedFeed, feedUrl: string): string[] {
  const problems: string[] = [];
  const safe = (what: string, value: string): void => {
    if (!isTerminalSafe(value))
      problems.push(`${what} is not terminal-safe: ${JSON.stringify(value)}`);
  };
  const oneLine = (what: string, value: string): void => {
    safe(what, value);
    if (value.includes('\n')) problems.push(`${what} spans lines: ${JSON.stringify(value)}`);
  };
  oneLine('feed title', feed.title);
  const ids = new Set<string>();
  feed.items.forEach((item, i) => {
    const at = `item ${i}`;
    if (!ID.test(item.id))
      problems.push(`${at}: id ${JSON.stringify(item.id)} is not 12 hex digits`);
    if (ids.has(item.id)) problems.push(`${at}: duplicate id ${item.id}`);
    ids.add(item.id);
    if (item.feedUrl !== feedUrl) problems.push(`${at}: feedUrl ${item.feedUrl}`);
    if (item.source !== feed.title) problems.push(`${at}: source differs from the feed title`);
    oneLine(`${at} title`, item.title);
    if (item.author !== null) oneLine(`${at} author`, item.author);
    item.categories.forEach((c, j) => oneLine(`${at} category ${j}`, c));
    safe(`${at} summary`, item.summary);
    if (item.link !== null && !isHttpUrl(item.link))
      problems.push(`${at}: link is not http(s): ${JSON.stringify(item.link)}`);
    if (item.published !== null && !isIso(item.published))
      problems.push(`${at}: published is not ISO 8601: ${JSON.stringify(item.published)}`);
    if (!isIso(item.firstSeen)) problems.push(`${at}: firstSeen ${JSON.stringify(item.firstSeen)}`);
    item.enclosures.forEach((e, j) => {
      if (!isHttpUrl(e.url))
        problems.push(`${at} enclosure ${j}: not http(s): ${JSON.stringify(e.url)}`);
      if (e.type !== null) oneLine(`${at} enclosure ${j} type`, e.type);
      if (e.length !== null && !(Number.isFinite(e.length) && e.length >= 0))
        problems.push(`${at} enclosure ${j}: length ${e.length}`);
    });
    if (item.contentHtml !== null) {
      safe(`${at} contentHtml`, item.contentHtml);
      // What the reader shows: the content turned into article text and its numbered links.
      const result = htmlToBlocks(item.contentHtml, { baseUrl: item.link });
      safe(`${at} article text`, blocksToPlainText(result.blocks));
      result.links.forEach((link, j) => safe(`${at} article link ${j}`, link));
    }
  });
  return problems;
}
