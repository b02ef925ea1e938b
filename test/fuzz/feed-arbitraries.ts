// fast-check generators for feed documents: raw random bytes, a "token soup" of feed markup and
// hostile strings, and random mutations of real corpus feeds.
import fc from 'fast-check';
import { ESCAPE_PAYLOADS } from '../helpers/escape-payloads.js';

/** Markup and hostile fragments that steer random input towards the parser's interesting paths. */
export const FEED_TOKENS: readonly string[] = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<?xml version="1.0" encoding="gbk"?>',
  '<?xml version="1.0" encoding="utf-16"?>',
  '<rss version="2.0">',
  '<rss>',
  '</rss>',
  '<channel>',
  '</channel>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">',
  '<item>',
  '</item>',
  '<entry>',
  '</entry>',
  '<title>',
  '</title>',
  '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">',
  '</div></title>',
  '<link>',
  '</link>',
  '<link>javascript:alert(1)</link>',
  '<link href="data:text/html,x"/>',
  '<link rel="enclosure" href="file:///etc/passwd" length="-5"/>',
  '<link rel="alternate" href="//evil.test/a b"/>',
  '<enclosure url="http://x.test/a.mp3" type="audio/mpeg" length="12"/>',
  '<enclosure url="javascript:alert(1)"/>',
  '<media:content url="http://x.test/i.jpg" medium="image"/>',
  '<guid>',
  '</guid>',
  '<guid>1</guid>',
  '<id>urn:1</id>',
  '<pubDate>',
  '</pubDate>',
  '<pubDate>Wed, 26 Nov 2026 10:00:00 GMT</pubDate>',
  '<pubDate>+275760-09-13T00:00:00Z</pubDate>',
  '<published>not a date</published>',
  '<updated>2026年11月27日 08:00</updated>',
  '<dc:date>0000-00-00</dc:date>',
  '<author>',
  '</author>',
  '<author><name>',
  '</name></author>',
  '<dc:creator>',
  '</dc:creator>',
  '<category>',
  '</category>',
  '<category term="a\u202eb"/>',
  '<description>',
  '</description>',
  '<content:encoded>',
  '</content:encoded>',
  '<content type="html">',
  '</content>',
  '<summary>',
  '</summary>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<!DOCTYPE rss [<!ENTITY e "x\u001b[2Jy">]>',
  '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
  '&e;',
  '&a;',
  '&b;',
  '&amp;',
  '&lt;script&gt;',
  '&Tab;',
  '&NewLine;',
  '&nbsp;',
  '&#0;',
  '&#x0;',
  '&#xD800;',
  '&#x110000;',
  '&#9;',
  '&#13;',
  '&',
  '<',
  '>',
  '"',
  '\n',
  ' ',
  '新闻',
  '標題',
  '👨‍👩‍👧',
  '<p>',
  '</p>',
  '<a href="javascript:alert(1)">',
  '<a href="http://x.test/\u001b]52;c;QUFB\u0007">',
  '</a>',
  '<img src="data:image/png;base64,AAAA" alt="\u202e">',
  '<script>alert(1)</script>',
  '<table><tr><td>',
  '</td></tr></table>',
  ...ESCAPE_PAYLOADS.map((payload) => payload.text),
];

/** Content-Type headers to pretend the bytes came with. */
export const contentTypeArb = fc.constantFrom(
  null,
  'application/rss+xml',
  'application/atom+xml; charset=utf-8',
  'text/xml; charset=gbk',
  'text/xml; charset=big5',
  'application/xml; charset=utf-16',
  'text/html; charset=shift_jis',
  'text/xml; charset=utf-32',
  'text/xml; charset=no-such-charset',
  'text/xml; charset="',
);

/** Random bytes, up to 4 KiB. */
export const randomBytesArb = fc.uint8Array({ maxLength: 4096 });

/** A document made of feed markup tokens and random strings, as UTF-8 bytes. */
export const tokenSoupArb = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FEED_TOKENS) },
      { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => new TextEncoder().encode(parts.join('')));

/** One edit of a byte string; positions are taken modulo the current length. */
export type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly byte: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly op: 'truncate'; readonly at: number };

const tokenBytesArb = fc.constantFrom(...FEED_TOKENS).map((t) => new TextEncoder().encode(t));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(tokenBytesArb, fc.uint8Array({ minLength: 1, maxLength: 16 })),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 256 }),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 512 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies mutations in order to a copy of `bytes`. */
export function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let data = Buffer.from(bytes);
  for (const m of mutations) {
    const n = data.length;
    const at = n === 0 ? 0 : m.at % (n + 1);
    switch (m.op) {
      case 'set':
        if (n > 0) data[at % n] = m.byte;
        break;
      case 'insert':
        data = Buffer.concat([data.subarray(0, at), m.bytes, data.subarray(at)]);
        break;
      case 'delete':
        data = Buffer.concat([data.subarray(0, at), data.subarray(at + m.length)]);
        break;
      case 'duplicate':
        data = Buffer.concat([data.subarray(0, at + m.length), data.subarray(at)]);
        break;
      case 'truncate':
        data = data.subarray(0, at);
        break;
      default: {
        const exhaustive: never = m;
        return exhaustive;
      }
    }
  }
  return new Uint8Array(data);
}

/** Text for one field: hostile tokens, entities, CJK and random strings (markup characters kept). */
const fieldTextArb = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...FEED_TOKENS.filter((t) => !t.startsWith('<'))) },
      { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const rssItemArb = fc
  .record({
    title: fieldTextArb,
    link: fc.oneof(fc.constant('http://x.test/a'), fc.constant('/relative'), fieldTextArb),
    guid: fc.oneof(fc.constant(''), fc.constant('same'), fieldTextArb),
    date: fc.oneof(fc.constant('Thu, 26 Nov 2026 10:00:00 GMT'), fieldTextArb),
    author: fieldTextArb,
    category: fieldTextArb,
    description: fieldTextArb,
    content: fieldTextArb,
    enclosure: fieldTextArb,
  })
  .map(
    (f) =>
      `<item><title>${f.title}</title><link>${f.link}</link>${f.guid === '' ? '' : `<guid>${f.guid}</guid>`}<pubDate>${f.date}</pubDate><dc:creator>${f.author}</dc:creator><category>${f.category}</category><description>${f.description}</description><content:encoded><![CDATA[${f.content}]]></content:encoded><enclosure url="http://x.test/${f.enclosure.replace(/"/g, '')}" type="audio/mpeg"/></item>`,
  );

const atomEntryArb = fc
  .record({
    title: fieldTextArb,
    href: fc.oneof(fc.constant('http://x.test/a'), fieldTextArb),
    id: fc.oneof(fc.constant('urn:same'), fieldTextArb),
    date: fc.oneof(fc.constant('2026-11-26T10:00:00Z'), fieldTextArb),
    author: fieldTextArb,
    summary: fieldTextArb,
  })
  .map(
    (f) =>
      `<entry><title type="html">${f.title}</title><link href="${f.href.replace(/"/g, '')}"/><id>${f.id}</id><updated>${f.date}</updated><author><name>${f.author}</name></author><summary type="html">${f.summary}</summary></entry>`,
  );

/** A well-structured RSS or Atom document whose fields hold hostile text, as UTF-8 bytes. */
export const structuredFeedArb = fc
  .oneof(
    fc
      .tuple(fieldTextArb, fc.array(rssItemArb, { maxLength: 5 }))
      .map(
        ([title, items]) =>
          `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title>${items.join('')}</channel></rss>`,
      ),
    fc
      .tuple(fieldTextArb, fc.array(atomEntryArb, { maxLength: 5 }))
      .map(
        ([title, entries]) =>
          `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${entries.join('')}</feed>`,
      ),
  )
  .map((text) => new TextEncoder().encode(text));
