// XML text → raw feed objects. The only importer of rss-parser; uses parseString only (parseURL
// garbles GBK and leaks sockets on timeout). No network, no normalization.
import Parser from 'rss-parser';

/** A raw entry as rss-parser returns it, plus the custom fields we ask for. Shapes vary by format. */
export type RawEntry = Record<string, unknown>;

export interface RawFeed {
  readonly title: unknown;
  readonly link: string | undefined;
  readonly entries: readonly RawEntry[];
}

/** A document that is not a feed we can read; the message is one readable line. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

const ITEM_FIELDS: Parser.CustomFieldItem<RawEntry>[] = [
  ['link', 'allLinks', { keepArray: true }],
  ['category', 'allCategories', { keepArray: true }],
  ['published', 'rawPublished'],
  ['updated', 'rawUpdated'],
  ['issued', 'rawIssued'],
  ['modified', 'rawModified'],
  ['created', 'rawCreated'],
  ['dc:date', 'rawDcDate'],
  ['pubDate', 'rawPubDate'],
  ['author', 'rawAuthor', { keepArray: true }],
  ['title', 'rawTitle'],
  ['media:content', 'mediaContent', { keepArray: true }],
];

/**
 * rss-parser's Atom path calls `new Date(x).toISOString()` on `published`/`updated`, which throws
 * on a date it cannot read and would fail the whole feed. We read dates ourselves from the raw
 * fields, so on that error the entry is parsed again without them.
 */
class TolerantParser extends Parser<Record<string, unknown>, RawEntry> {
  parseItemAtom(entry: Record<string, unknown>): RawEntry {
    const parent = Parser.prototype as unknown as { parseItemAtom(e: unknown): RawEntry };
    try {
      return parent.parseItemAtom.call(this, entry);
    } catch {
      const { published: _p, updated: _u, ...rest } = entry;
      return {
        ...parent.parseItemAtom.call(this, rest),
        rawPublished: first(entry['published']),
        rawUpdated: first(entry['updated']),
      };
    }
  }
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

const parser = new TolerantParser({
  defaultRSS: 2,
  // The typings only allow plain keys for feed fields; rss-parser accepts [from, to] pairs there too.
  customFields: { feed: [['title', 'rawTitle']] as unknown as string[], item: ITEM_FIELDS },
});

/** Characters XML 1.0 forbids, raw or as numeric references (one of them would fail the whole feed). */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;
const XML_FORBIDDEN_REFERENCE =
  /&#(?:[xX]0*([0-8bBcCeEfF]|1[0-9a-fA-F])|0*([0-8]|1[1-9]|2[0-9]|3[01]));/g;

/**
 * Raw escape sequences in the document: removed whole (not just their ESC, which would leave
 * `[2J` behind). A string sequence ends at its terminator or at the next markup, so an
 * unterminated one cannot swallow the rest of the feed.
 */
// eslint-disable-next-line no-control-regex
const RAW_ESCAPE =
  /\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|\x1b[\]PX^_][^\x07\x1b<]*(?:\x07|\x1b\\)?/g;

/** Removes what XML forbids, so one bad byte does not lose a whole feed. */
export function removeXmlForbidden(text: string): string {
  return text
    .replace(RAW_ESCAPE, '')
    .replace(XML_FORBIDDEN, '')
    .replace(XML_FORBIDDEN_REFERENCE, '');
}

/** Fixes the common ways real feeds are ill-formed: junk before the root, a DOCTYPE, bare ampersands. */
function repair(text: string): string {
  const start = text.search(/<[?!a-zA-Z]/);
  return (start > 0 ? text.slice(start) : text)
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '')
    .replace(/&(?!(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)/g, '&amp;');
}

function describe(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (/not recognized as RSS/i.test(message)) return 'not an RSS or Atom feed';
  if (/Cannot read propert|reading '0'/i.test(message))
    return 'not an RSS or Atom feed (no channel)';
  return `ill-formed XML: ${message}`;
}

async function parseOnce(text: string): Promise<RawFeed> {
  const result = (await parser.parseString(text)) as Record<string, unknown> & {
    items?: RawEntry[];
  };
  return {
    title: result['rawTitle'] ?? result['title'],
    link: typeof result['link'] === 'string' ? result['link'] : undefined,
    entries: result.items ?? [],
  };
}

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 text. Ill-formed XML gets one lenient retry;
 * then it throws {@link FeedParseError} with a readable message.
 */
export async function parseFeed(text: string): Promise<RawFeed> {
  const cleaned = removeXmlForbidden(text.replace(/^[\ufeff\s]+/, ''));
  if (cleaned.trim() === '') throw new FeedParseError('empty document');
  if (/^(?:<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html|^\s*<html[\s>]/i.test(cleaned)) {
    throw new FeedParseError('an HTML page, not a feed');
  }
  try {
    return await parseOnce(cleaned);
  } catch (error) {
    const repaired = repair(cleaned);
    if (repaired !== cleaned) {
      try {
        return await parseOnce(repaired);
      } catch {
        // report the first, more precise error
      }
    }
    throw new FeedParseError(describe(error));
  }
}
