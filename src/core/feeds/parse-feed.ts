// XML text → raw feed objects. The only importer of rss-parser; uses parseString only (parseURL
// garbles GBK and leaks sockets on timeout). No network, no normalization.
import Parser from 'rss-parser';
import { FeedParseError } from './feed-parse-error.js';

/** A raw entry as rss-parser returns it, plus the custom fields we ask for. Shapes vary by format. */
export type RawEntry = Record<string, unknown>;

export interface RawFeed {
  readonly title: unknown;
  readonly link: string | undefined;
  readonly entries: readonly RawEntry[];
}

export { FeedParseError } from './feed-parse-error.js';

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
      const rest = Object.fromEntries(
        Object.entries(entry).filter(([key]) => key !== 'published' && key !== 'updated'),
      );
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

/**
 * A new parser per document: rss-parser keeps one xml2js parser per instance, and a document that
 * fails inside its callback leaves that parser's error state behind for the next one (found by
 * the fuzz suite). Construction costs microseconds.
 */
function createParser(): TolerantParser {
  return new TolerantParser({
    defaultRSS: 2,
    // The typings only allow plain keys for feed fields; rss-parser accepts [from, to] pairs there too.
    customFields: { feed: [['title', 'rawTitle']] as unknown as string[], item: ITEM_FIELDS },
  });
}

/** Characters XML 1.0 forbids, raw or as numeric references (one of them would fail the whole feed). */

const XML_FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;
const XML_FORBIDDEN_REFERENCE =
  /&#(?:[xX]0*([0-8bBcCeEfF]|1[0-9a-fA-F])|0*([0-8]|1[1-9]|2[0-9]|3[01]));/g;

/**
 * Raw escape sequences in the document: removed whole (not just their ESC, which would leave
 * `[2J` behind). A string sequence ends at its terminator or at the next markup or quote, so an
 * unterminated one cannot swallow the rest of the feed or the end of an attribute.
 */

const RAW_ESCAPE =
  /\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|\x1b[\]PX^_][^\x07\x1b<>"']*(?:\x07|\x1b\\)?/g;

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

/** Growth allowed from expanding internal entities; more is treated as an entity-expansion attack. */
const ENTITY_EXPANSION_LIMIT = 1024 * 1024;

/**
 * Expands simple internal entities declared in the DOCTYPE (`<!ENTITY id "text">`), which sax
 * leaves unexpanded, and drops the DOCTYPE. Only plain-text values are expanded (no nested
 * references, no parameter or external entities), and total growth is capped, so billion-laughs
 * and XXE documents stay errors and never read a file or the network.
 */
function expandInternalEntities(text: string): string {
  const doctype = /<!DOCTYPE\s+[\w:.-]+\s*\[([\s\S]*?)\]\s*>/.exec(text);
  if (doctype === null) return text;
  const values = new Map<string, string>();
  for (const match of (doctype[1] ?? '').matchAll(
    /<!ENTITY\s+([\w.-]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g,
  )) {
    const name = match[1];
    const value = match[2] ?? match[3] ?? '';
    if (name !== undefined && !/[&%<]/.test(value)) values.set(name, value);
  }
  if (values.size === 0) return text;
  let growth = 0;
  const body = text
    .slice(doctype.index + doctype[0].length)
    .replace(/&([\w.-]+);/g, (ref, name: string) => {
      const value = values.get(name);
      if (value === undefined) return ref;
      growth += value.length;
      return value;
    });
  if (growth > ENTITY_EXPANSION_LIMIT) throw new FeedParseError('entity expansion too large');
  return text.slice(0, doctype.index) + body;
}

/**
 * `<rss>` with items but no `<channel>` (or nothing at all) is common in hand-written feeds;
 * rss-parser needs the channel, so one is put around the content.
 */
function wrapChannel(text: string): string {
  if (/<channel[\s>]/.test(text)) return text;
  const rdf = /<rdf:RDF\b[^>]*>/.exec(text);
  if (rdf !== null) {
    const end = rdf.index + rdf[0].length;
    return `${text.slice(0, end)}<channel></channel>${text.slice(end)}`;
  }
  const open = /<rss\b[^>]*?(\/?)>/.exec(text);
  if (open === null) return text;
  const start = open.index + open[0].length;
  if (open[1] === '/')
    return `${text.slice(0, open.index)}<rss><channel></channel></rss>${text.slice(start)}`;
  const close = text.lastIndexOf('</rss>');
  if (close < start) return text;
  return `${text.slice(0, start)}<channel>${text.slice(start, close)}</channel>${text.slice(close)}`;
}

function describe(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (/not recognized as RSS/i.test(message)) return 'not an RSS or Atom feed';
  if (/Cannot read propert|reading '0'/i.test(message))
    return 'not an RSS or Atom feed (no channel)';
  return `ill-formed XML: ${message}`;
}

async function parseOnce(text: string): Promise<RawFeed> {
  const result = (await createParser().parseString(text)) as Record<string, unknown> & {
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
  const prepared = wrapChannel(expandInternalEntities(cleaned));
  try {
    return await parseOnce(prepared);
  } catch (error) {
    const repaired = repair(prepared);
    if (repaired !== prepared) {
      try {
        return await parseOnce(repaired);
      } catch {
        // report the first, more precise error
      }
    }
    throw new FeedParseError(describe(error));
  }
}
