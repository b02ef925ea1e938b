import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../../src/core/feeds/parse-feed.js';
import { normalizeFeed } from '../../../src/core/feeds/normalize.js';
import { parseFeedDate } from '../../../src/core/feeds/parse-date.js';
import { isTerminalSafe } from '../../../src/core/feeds/sanitize.js';

const context = {
  feedUrl: 'http://example.test/feed.xml',
  baseUrl: 'http://example.test/news/feed.xml',
  now: new Date('2026-11-27T08:00:00Z'),
};

async function normalize(xml: string) {
  return normalizeFeed(await parseFeed(xml), context);
}

describe('parseFeed + normalizeFeed', () => {
  it('reads RSS 2.0 with every field', async () => {
    const feed = await normalize(`<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>国内新闻</title><link>http://example.test/</link>
<item><title>福州地铁 &amp; 新线路</title><link>/news/1.html</link><guid isPermaLink="false">abc-1</guid>
<dc:creator>张三</dc:creator><category>交通</category><category domain="x">福州</category>
<pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>
<description>&lt;p&gt;摘要 &lt;b&gt;内容&lt;/b&gt;&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>完整 <i>正文</i></p>]]></content:encoded>
<enclosure url="/a.mp3" type="audio/mpeg" length="1234"/></item></channel></rss>`);
    expect(feed.title).toBe('国内新闻');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      feedUrl: context.feedUrl,
      source: '国内新闻',
      title: '福州地铁 & 新线路',
      link: 'http://example.test/news/1.html',
      published: '2025-06-10T04:00:00.000Z',
      author: '张三',
      categories: ['交通', '福州'],
      summary: '摘要 内容',
      contentHtml: '<p>完整 <i>正文</i></p>',
      enclosures: [{ url: 'http://example.test/a.mp3', type: 'audio/mpeg', length: 1234 }],
      firstSeen: '2026-11-27T08:00:00.000Z',
    });
  });

  it('gives stable ids: the same guid in the same feed gives the same id, duplicates collapse', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><title>one</title><guid>g</guid></item><item><title>dup</title><guid>g</guid></item>
      <item><title>by link</title><link>http://example.test/x</link></item>
      <item><title>by title</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>`;
    const first = await normalize(xml);
    const second = await normalize(xml);
    expect(first.items.map((i) => i.title)).toEqual(['one', 'by link', 'by title']);
    expect(first.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    expect(new Set(first.items.map((i) => i.id)).size).toBe(3);
  });

  it('treats <rss> without a version as RSS 2.0', async () => {
    const feed = await normalize(
      '<rss><channel><title>No version</title><item><title>x</title></item></channel></rss>',
    );
    expect(feed.items.map((i) => i.title)).toEqual(['x']);
  });

  it('reads RSS 0.91 and RSS 1.0 (RDF)', async () => {
    const rss091 = await normalize(
      '<rss version="0.91"><channel><title>old</title><item><title>a</title><link>http://e.test/a</link></item></channel></rss>',
    );
    expect(rss091.items[0]?.link).toBe('http://e.test/a');
    const rdf =
      await normalize(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="http://e.test/"><title>RDF feed</title></channel>
      <item rdf:about="http://e.test/1"><title>rdf item</title><link>http://e.test/1</link><dc:date>2024-03-01T10:00:00+08:00</dc:date></item></rdf:RDF>`);
    expect(rdf.title).toBe('RDF feed');
    expect(rdf.items[0]).toMatchObject({
      title: 'rdf item',
      published: '2024-03-01T02:00:00.000Z',
    });
  });

  it('reads Atom 1.0 with an xhtml title, html content, enclosure links and categories', async () => {
    const feed = await normalize(`<feed xmlns="http://www.w3.org/2005/Atom">
      <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Atom <b>Feed</b></div></title>
      <entry><title type="html">&lt;em&gt;Big&lt;/em&gt; news</title><id>urn:1</id>
      <link rel="alternate" href="/post/1"/><link rel="enclosure" href="/pod.mp3" type="audio/mpeg" length="9"/>
      <category term="tech"/><author><name>Ann</name></author>
      <published>2025-01-02T03:04:05Z</published><summary>Short</summary>
      <content type="html">&lt;p&gt;Long body&lt;/p&gt;</content></entry></feed>`);
    expect(feed.title).toBe('Atom Feed');
    expect(feed.items[0]).toMatchObject({
      title: 'Big news',
      link: 'http://example.test/post/1',
      author: 'Ann',
      categories: ['tech'],
      published: '2025-01-02T03:04:05.000Z',
      summary: 'Short',
      contentHtml: '<p>Long body</p>',
      enclosures: [{ url: 'http://example.test/pod.mp3', type: 'audio/mpeg', length: 9 }],
    });
  });

  it('reads Atom 0.3 dates and survives an unparseable date', async () => {
    const feed =
      await normalize(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>a03</title>
      <entry><title>x</title><id>1</id><issued>2004-01-01T00:00:00Z</issued></entry>
      <entry><title>y</title><id>2</id><published>not a date</published></entry></feed>`);
    expect(feed.items.map((i) => i.published)).toEqual(['2004-01-01T00:00:00.000Z', null]);
  });

  it('never yields "Invalid Date" and keeps non-http links out', async () => {
    const feed = await normalize(`<rss version="2.0"><channel><title>t</title>
      <item><title>a</title><link>javascript:alert(1)</link><pubDate>yesterday-ish</pubDate></item></channel></rss>`);
    expect(feed.items[0]).toMatchObject({ link: null, published: null });
  });

  it('removes escape sequences from every field, raw or as references', async () => {
    const feed = await normalize(`<rss version="2.0"><channel><title>T\x1b]0;owned\x07itle</title>
      <item><title>a\x1b[2Jb&#x9b;31mc\u202e</title><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">x&#x9b;y</dc:creator>
      <description>&lt;p&gt;s&amp;#27;]52;c;QUFB&amp;#7;&lt;/p&gt;</description><category>c&#x1b;</category></item></channel></rss>`);
    const item = feed.items[0];
    expect(item).toBeDefined();
    expect(feed.title).toBe('Title');
    expect(item?.title).toBe('abc');
    for (const value of [
      feed.title,
      item?.title,
      item?.author,
      item?.summary,
      item?.contentHtml,
      ...(item?.categories ?? []),
    ]) {
      expect(isTerminalSafe(value ?? '')).toBe(true);
    }
  });

  it('names the problem for documents that are not feeds', async () => {
    await expect(parseFeed('')).rejects.toThrow(new FeedParseError('empty document'));
    await expect(parseFeed('<!DOCTYPE html><html><body>hi</body></html>')).rejects.toThrow(
      'an HTML page, not a feed',
    );
    await expect(parseFeed('<opml><body/></opml>')).rejects.toThrow('not an RSS or Atom feed');
    await expect(parseFeed('<rss version="2.0"><channel><title>x</titl')).rejects.toThrow(
      /^ill-formed XML/,
    );
  });

  it('recovers ill-formed feeds with one lenient retry (bare ampersands, junk before the root)', async () => {
    const feed = await normalize(
      'junk\n<rss version="2.0"><channel><title>A & B</title><item><title>Q&A</title></item></channel></rss>',
    );
    expect(feed.title).toBe('A & B');
    expect(feed.items[0]?.title).toBe('Q&A');
  });
});

describe('parseFeed document repairs', () => {
  it('expands simple internal DOCTYPE entities but never nested ones (billion laughs stays an error)', async () => {
    const feed = await normalize(
      `<!DOCTYPE rss [<!ENTITY site "Example">]><rss version="2.0"><channel><title>&site; news</title></channel></rss>`,
    );
    expect(feed.title).toBe('Example news');
    const bomb = `<!DOCTYPE rss [<!ENTITY a "x"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`;
    await expect(parseFeed(bomb)).rejects.toThrow(FeedParseError);
  });

  it('refuses a quadratic entity expansion', async () => {
    const big = 'x'.repeat(100_000);
    const doc = `<!DOCTYPE rss [<!ENTITY big "${big}">]><rss version="2.0"><channel><title>${'&big;'.repeat(20)}</title></channel></rss>`;
    await expect(parseFeed(doc)).rejects.toThrow('entity expansion too large');
  });

  it('reads <rss> and <rdf:RDF> documents without a channel', async () => {
    const feed = await normalize('<rss><item><title>lonely</title></item></rss>');
    expect(feed.items.map((i) => i.title)).toEqual(['lonely']);
    expect((await normalize('<rss version="2.0"></rss>')).items).toEqual([]);
    expect(
      (
        await normalize(
          '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>',
        )
      ).items,
    ).toEqual([]);
  });
});

describe('parseFeedDate', () => {
  it('reads RFC 822, ISO 8601 and Chinese dates', () => {
    expect(parseFeedDate('Sat, 07 Sep 2002 00:00:01 GMT')).toBe('2002-09-07T00:00:01.000Z');
    expect(parseFeedDate('2024-05-01T10:00:00+08:00')).toBe('2024-05-01T02:00:00.000Z');
    expect(parseFeedDate('2024-05-01 10:00:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(parseFeedDate('2025年1月6日 14:30')).toBe('2025-01-06T06:30:00.000Z');
    expect(parseFeedDate('2025年1月6日')).toBe('2025-01-05T16:00:00.000Z');
    expect(parseFeedDate('garbage')).toBeNull();
    expect(parseFeedDate('')).toBeNull();
  });
});
