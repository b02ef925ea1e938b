// Feeds and pages that carry every escape payload (test/helpers/escape-payloads.ts) in every field
// a feed has: feed and item titles, authors, categories, summaries, HTML content, links and
// enclosure URLs; RSS 2.0 and Atom; plus article pages with the payloads in their title, meta and
// text, served by the local feed server.
import type { FeedServer } from '../helpers/feed-server.js';
import {
  ALL_PAYLOADS_TEXT,
  ESCAPE_PAYLOADS,
  type EscapePayload,
} from '../helpers/escape-payloads.js';

/** One more payload: all of them in a row, so one item or page exercises every payload at once. */
export const ALL_PAYLOADS: EscapePayload = { name: 'all payloads', text: ALL_PAYLOADS_TEXT };

/** The payloads the hostile feeds carry, one item each: every payload, then all of them at once. */
export const FEED_PAYLOADS: readonly EscapePayload[] = [...ESCAPE_PAYLOADS, ALL_PAYLOADS];

/** XML attribute text: the payload's markup characters kept, quotes escaped. */
function attr(text: string): string {
  return text.replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A payload for an attribute of the main feeds. An unterminated escape inside an attribute is
 * served by its own feed (attributeFeed), so that if it breaks parsing it loses only that feed.
 */
function inAttribute(payload: EscapePayload): string {
  if (payload === ALL_PAYLOADS) return ESCAPE_PAYLOADS.map(inAttribute).join(' ');
  return payload.name.includes('unterminated') ? '' : attr(payload.text);
}

function rssItem(server: FeedServer, payload: EscapePayload, i: number): string {
  const p = payload.text;
  const minute = String(59 - i).padStart(2, '0');
  const a = inAttribute(payload);
  return `<item>
<title>RSS ${i} ${payload.name.replace(/[&<]/g, '')} ${p}</title>
<link>${server.url(`/page/${i}.html`)}</link>
<guid isPermaLink="false">rss-${i}</guid>
<pubDate>Thu, 26 Nov 2026 10:${minute}:00 GMT</pubDate>
<author>mail@example.com (${p})</author>
<dc:creator>Creator ${p}</dc:creator>
<category>cat ${p}</category>
<description>Summary ${p} &lt;b&gt;bold ${p}&lt;/b&gt;</description>
<content:encoded><![CDATA[<p>Content ${p}</p><p><a href="http://example.com/a${a}">link ${p}</a> <img src="http://example.com/i.png${a}" alt="alt ${a}"></p>]]></content:encoded>
<enclosure url="${server.url(`/e/${i}.mp3`)}${a}" type="audio/mpeg${a}" length="10"/>
</item>`;
}

/**
 * An RSS 2.0 feed: one item per payload, the channel title carrying all of them. Every item links
 * to the hostile page of its payload (a link with a payload in it is dropped as unusable, which
 * the pipeline tests cover), so reading or saving it fetches hostile HTML.
 */
export function hostileRss(
  server: FeedServer,
  payloads: readonly EscapePayload[] = FEED_PAYLOADS,
): string {
  const all = payloads.map((p) => p.text).join(' ');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Hostile RSS ${all}</title>
<link>${server.url('/')}</link>
<description>${all}</description>
${payloads.map((p, i) => rssItem(server, p, i)).join('\n')}
</channel>
</rss>`;
}

function atomEntry(server: FeedServer, payload: EscapePayload, i: number): string {
  const p = payload.text;
  const minute = String(59 - i).padStart(2, '0');
  const a = inAttribute(payload);
  return `<entry>
<title type="html">Atom ${i} ${p}</title>
<id>urn:atom:${i}</id>
<updated>2026-11-26T09:${minute}:00Z</updated>
<author><name>Name ${p}</name></author>
<category term="term ${a}"/>
<link rel="alternate" href="${server.url(`/page/${i}.html`)}"/>
<link rel="enclosure" href="${server.url(`/f/${i}.ogg`)}${a}" type="audio/ogg"/>
<summary type="html">Summary ${p}</summary>
<content type="html">&lt;p&gt;Content ${p}&lt;/p&gt;</content>
</entry>`;
}

/** An Atom 1.0 feed: one entry per payload, plus an xhtml title. */
export function hostileAtom(
  server: FeedServer,
  payloads: readonly EscapePayload[] = FEED_PAYLOADS,
): string {
  const all = payloads.map((p) => p.text).join(' ');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hostile <b>Atom</b> ${all}</div></title>
<id>urn:hostile-atom</id>
<updated>2026-11-26T10:00:00Z</updated>
${payloads.map((p, i) => atomEntry(server, p, i)).join('\n')}
</feed>`;
}

/** An article page with the payload in its title, meta tags, headings, text and links. */
export function hostilePage(payload: EscapePayload, i: number): string {
  const p = payload.text;
  const paragraph = `这是第 ${i} 篇测试文章的正文，其中夹带了 ${p} 这样的内容。The page text carries ${p} as well, in the middle of a sentence long enough for the extractor to keep it.`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Page ${i} ${p}</title>
<meta name="author" content="${attr(p)}"><meta property="og:title" content="OG ${attr(p)}">
</head><body>
<nav>nav ${p}</nav>
<article>
<h1>Heading ${p}</h1>
<p class="byline">By ${p}</p>
${Array.from({ length: 6 }, () => `<p>${paragraph}</p>`).join('\n')}
<blockquote>Quote ${p}</blockquote>
<ul><li>Item ${p}</li></ul>
<table><tr><th>H ${p}</th><th>V</th></tr><tr><td>${p}</td><td>1</td></tr></table>
<p><a href="http://example.com/x${attr(p)}">anchor ${p}</a> <img src="/img${attr(p)}.png" alt="${attr(p)}"></p>
<pre>code ${p}</pre>
<p>责任编辑：${p}</p>
</article></body></html>`;
}

/** An RSS feed with unterminated escapes inside attributes (enclosure URL and type, link href). */
export function attributeFeed(server: FeedServer): string {
  const unterminated = ESCAPE_PAYLOADS.filter((p) => p.name.includes('unterminated'));
  const items = unterminated.map(
    (payload, i) => `<item><title>Attribute ${i}</title><guid>attr-${i}</guid>
<link>${server.url(`/page/${i}.html`)}</link>
<pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
<enclosure url="${server.url('/e.mp3')}${attr(payload.text)}" type="audio/mpeg${attr(payload.text)}" length="1"/>
<content:encoded><![CDATA[<a href="http://example.com/${attr(payload.text)}">a</a>]]></content:encoded></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Attributes</title>${items.join('')}</channel></rss>`;
}

/** Routes the hostile feeds and every page; returns the feed URLs. */
export function routeHostileFeeds(server: FeedServer): {
  rss: string;
  atom: string;
  attributes: string;
} {
  server.route('/attributes.rss', { body: attributeFeed(server) });
  server.route('/hostile.rss', {
    body: hostileRss(server),
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
  server.route('/hostile.atom', {
    body: hostileAtom(server),
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
  FEED_PAYLOADS.forEach((payload, i) =>
    server.route(`/page/${i}.html`, {
      body: hostilePage(payload, i),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    }),
  );
  return {
    rss: server.url('/hostile.rss'),
    atom: server.url('/hostile.atom'),
    attributes: server.url('/attributes.rss'),
  };
}
