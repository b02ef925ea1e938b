// Escape injection at the pipeline's core, payload by payload and field by field: each payload in
// one field of an otherwise clean RSS or Atom feed. The feed must still parse (one hostile field
// must not lose the whole feed), and every normalized string, and the article text the reader
// makes from the content, must be free of control characters and escape sequences.
import { describe, expect, it } from 'vitest';
import { blocksToPlainText, htmlToBlocks } from '../../src/core/articles/html-to-blocks.js';
import { normalizeFeed, type NormalizedFeed } from '../../src/core/feeds/normalize.js';
import { parseFeed } from '../../src/core/feeds/parse-feed.js';
import { ESCAPE_PAYLOADS, forbiddenCharacters } from '../helpers/escape-payloads.js';

const BASE = 'http://feeds.test/feed.xml';

function attr(text: string): string {
  return text.replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

type Field =
  'title' | 'author' | 'category' | 'summary' | 'content' | 'link' | 'enclosure' | 'feed title';

const RSS_FIELDS: Record<Field, (p: string) => string> = {
  'feed title': (p) => rss(`<title>Feed ${p}</title>`, '<title>t</title>'),
  title: (p) => rss('', `<title>T ${p}</title>`),
  author: (p) => rss('', `<title>t</title><dc:creator>A ${p}</dc:creator>`),
  category: (p) => rss('', `<title>t</title><category>C ${p}</category>`),
  summary: (p) =>
    rss('', `<title>t</title><description>S ${p} &lt;b&gt;${p}&lt;/b&gt;</description>`),
  content: (p) =>
    rss(
      '',
      `<title>t</title><content:encoded><![CDATA[<p>B ${p}</p><a href="http://x.test/${attr(p)}">${p}</a>]]></content:encoded>`,
    ),
  link: (p) => rss('', `<title>t</title><link>http://x.test/a${p}</link>`),
  enclosure: (p) =>
    rss(
      '',
      `<title>t</title><enclosure url="http://x.test/e.mp3${attr(p)}" type="audio/mpeg${attr(p)}" length="1"/>`,
    ),
};

function rss(channel: string, item: string): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${channel || '<title>Feed</title>'}<item>${item}<guid>1</guid><pubDate>Thu, 26 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
}

const ATOM_FIELDS: Record<Field, (p: string) => string> = {
  'feed title': (p) => atom(`<title type="html">Feed ${p}</title>`, '<title>t</title>'),
  title: (p) => atom('', `<title type="html">T ${p}</title>`),
  author: (p) => atom('', `<title>t</title><author><name>A ${p}</name></author>`),
  category: (p) => atom('', `<title>t</title><category term="C ${attr(p)}"/>`),
  summary: (p) => atom('', `<title>t</title><summary type="html">S ${p}</summary>`),
  content: (p) =>
    atom('', `<title>t</title><content type="html">&lt;p&gt;B ${p}&lt;/p&gt;</content>`),
  link: (p) => atom('', `<title>t</title><link rel="alternate" href="http://x.test/a${attr(p)}"/>`),
  enclosure: (p) =>
    atom(
      '',
      `<title>t</title><link rel="enclosure" href="http://x.test/e.ogg${attr(p)}" type="audio/ogg${attr(p)}"/>`,
    ),
};

function atom(feed: string, entry: string): string {
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${feed || '<title>Feed</title>'}<id>urn:f</id><entry>${entry}<id>urn:e</id><updated>2026-11-26T10:00:00Z</updated></entry></feed>`;
}

function strings(feed: NormalizedFeed): string[] {
  return [
    feed.title,
    ...feed.items.flatMap((item) => {
      const article =
        item.contentHtml === null ? null : htmlToBlocks(item.contentHtml, { baseUrl: item.link });
      return [
        item.title,
        item.source,
        item.summary,
        item.author ?? '',
        item.link ?? '',
        item.contentHtml ?? '',
        ...item.categories,
        ...item.enclosures.flatMap((e) => [e.url, e.type ?? '']),
        ...(article === null ? [] : [blocksToPlainText(article.blocks), ...article.links]),
      ];
    }),
  ];
}

const cases = (['RSS', 'Atom'] as const).flatMap((format) =>
  Object.entries(format === 'RSS' ? RSS_FIELDS : ATOM_FIELDS).flatMap(([field, make]) =>
    ESCAPE_PAYLOADS.map((payload) => ({ format, field, payload, xml: make(payload.text) })),
  ),
);

describe('escape payloads in every feed field', () => {
  it.each(cases)('$format $field: $payload.name', async ({ xml }) => {
    const feed = normalizeFeed(await parseFeed(xml), {
      feedUrl: BASE,
      baseUrl: BASE,
      now: new Date(0),
    });
    expect(feed.items).toHaveLength(1);
    expect(strings(feed).flatMap(forbiddenCharacters)).toEqual([]);
    const item = feed.items[0];
    if (item?.link != null) expect(item.link).toMatch(/^http:\/\/x\.test\/\S*$/);
  });
});
