import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import { defaultCatalog } from '../../../src/core/catalog/default-edition.js';
import { formatOpml } from '../../../src/core/catalog/format-opml.js';
import { readCatalogFile } from '../../../src/core/catalog/load-catalog.js';
import { CatalogError } from '../../../src/core/catalog/parse-catalog.js';
import { IMPORTED_CHANNEL, parseOpml } from '../../../src/core/catalog/parse-opml.js';

const NOW = new Date('2026-11-27T08:00:00Z');

/** The shape Feedly, Inoreader and NetNewsWire export: folders of rss outlines. */
const FEEDLY = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Subscriptions in feedly Cloud</title></head>
  <body>
    <outline text="Tech" title="Tech">
      <outline type="rss" text="The Verge" title="The Verge" xmlUrl="https://www.theverge.com/rss/index.xml" htmlUrl="https://www.theverge.com/"/>
      <outline type="rss" text="Ars Technica" title="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index"/>
    </outline>
    <outline text="新闻" title="新闻">
      <outline type="rss" text="中国新闻网" title="中国新闻网" xmlUrl="https://www.chinanews.com.cn/rss/scroll-news.xml"/>
    </outline>
  </body>
</opml>
`;

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogError) return error.message;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('parseOpml', () => {
  it('maps top-level folders to channels', () => {
    const { catalog, warnings } = parseOpml(FEEDLY, 'feedly.opml');
    expect(warnings).toEqual([]);
    expect(catalog).toEqual({
      channels: [
        {
          id: 'tech',
          name: 'Tech',
          feeds: [
            { url: 'https://www.theverge.com/rss/index.xml', title: 'The Verge' },
            { url: 'https://feeds.arstechnica.com/arstechnica/index', title: 'Ars Technica' },
          ],
        },
        {
          id: 'channel-2',
          name: '新闻',
          feeds: [{ url: 'https://www.chinanews.com.cn/rss/scroll-news.xml', title: '中国新闻网' }],
        },
      ],
      regions: [],
    });
  });

  it('flattens nested folders into their top folder and sends loose feeds to one channel', () => {
    const text = `<opml version="2.0"><body>
      <outline type="rss" text="Loose" xmlUrl="https://loose.example/rss"/>
      <outline text="Dev">
        <outline text="Languages">
          <outline text="Rust">
            <outline type="rss" text="This Week in Rust" xmlUrl="https://this-week-in-rust.org/rss.xml"/>
          </outline>
        </outline>
        <outline type="rss" text="Lobsters" xmlUrl="https://lobste.rs/rss"/>
      </outline>
    </body></opml>`;
    const { catalog } = parseOpml(text, 'nested.opml');
    expect(catalog.channels).toEqual([
      { ...IMPORTED_CHANNEL, feeds: [{ url: 'https://loose.example/rss', title: 'Loose' }] },
      {
        id: 'dev',
        name: 'Dev',
        feeds: [
          { url: 'https://this-week-in-rust.org/rss.xml', title: 'This Week in Rust' },
          { url: 'https://lobste.rs/rss', title: 'Lobsters' },
        ],
      },
    ]);
    const intoTech = parseOpml(text, 'nested.opml', { id: 'tech', name: '科技' }).catalog;
    expect(intoTech.channels[0]).toEqual({
      id: 'tech',
      name: '科技',
      feeds: [{ url: 'https://loose.example/rss', title: 'Loose' }],
    });
  });

  it('accepts missing titles, url instead of xmlUrl, odd attribute case and feed: URLs', () => {
    const text = `<opml version="2.0"><body><outline text="Mixed">
      <outline type="rss" xmlUrl="https://no-title.example/rss"/>
      <outline type="rss" text="https://url-as-text.example/rss" xmlUrl="https://url-as-text.example/rss"/>
      <outline type="rss" text="By url" url="https://by-url.example/atom"/>
      <outline text="Lower" xmlurl="https://lower.example/rss"/>
      <outline text="Feed scheme" xmlUrl="feed://old.example/rss"/>
      <outline type="link" text="A web page" url="https://page.example/"/>
      <outline type="include" text="Another list" url="https://lists.example/more.opml"/>
    </outline></body></opml>`;
    expect(parseOpml(text, 'x.opml').catalog.channels[0]?.feeds).toEqual([
      { url: 'https://no-title.example/rss' },
      { url: 'https://url-as-text.example/rss' },
      { url: 'https://by-url.example/atom', title: 'By url' },
      { url: 'https://lower.example/rss', title: 'Lower' },
      { url: 'http://old.example/rss', title: 'Feed scheme' },
    ]);
  });

  it('decodes entities in titles and URLs and sanitizes titles for the terminal', () => {
    const text = `<opml version="2.0"><body><outline text="Food &amp; Drink">
      <outline type="rss" text="Ben &amp; Jerry&apos;s &#20013;&#25991; &#x1b;[31mred" xmlUrl="https://e.example/rss?a=1&amp;b=2"/>
      <outline type="rss" text="Tabs&#9;and&#10;newlines" xmlUrl="https://t.example/rss"/>
    </outline></body></opml>`;
    const channel = parseOpml(text, 'e.opml').catalog.channels[0];
    expect(channel?.name).toBe('Food & Drink');
    expect(channel?.feeds).toEqual([
      { url: 'https://e.example/rss?a=1&b=2', title: "Ben & Jerry's 中文 red" },
      { url: 'https://t.example/rss', title: 'Tabs and newlines' },
    ]);
  });

  it('skips non-http feeds with a warning that names the line', () => {
    const text = `<opml version="2.0"><body>
<outline text="A">
<outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
<outline type="rss" text="Good" xmlUrl="https://good.example/rss"/>
</outline></body></opml>`;
    const result = parseOpml(text, 'w.opml');
    expect(result.warnings).toEqual(['w.opml:3: skipped "file:///etc/passwd": not an http(s) URL']);
    expect(result.catalog.channels[0]?.feeds).toEqual([
      { url: 'https://good.example/rss', title: 'Good' },
    ]);
  });

  it('names the file, the line and the problem of a broken file', () => {
    expect(
      errorOf(() =>
        parseOpml('<opml version="2.0">\n<body>\n<outline text="a">\n</body>\n</opml>', 'b.opml'),
      ),
    ).toBe(
      'b.opml:4: not well-formed OPML: </body> does not match <outline> opened on line 3 (column 1)',
    );
    expect(errorOf(() => parseOpml('<rss version="2.0"><channel/></rss>', 'r.xml'))).toBe(
      'r.xml:1: not an OPML file: the root element is <rss>, not <opml>',
    );
    expect(errorOf(() => parseOpml('<opml version="2.0"><head/></opml>', 'h.opml'))).toBe(
      'h.opml:1: the OPML file has no <body>',
    );
    expect(
      errorOf(() =>
        parseOpml('<opml version="2.0">\n<body>\n<outline text="x"/>\n</body></opml>', 'n.opml'),
      ),
    ).toBe('n.opml:2: the OPML file lists no feeds (no outline with an xmlUrl)');
    expect(errorOf(() => parseOpml('{"channels": []}', 'j.opml'))).toBe(
      'j.opml:1: not well-formed OPML: text before the first element: "{" (column 1)',
    );
  });
});

describe('OPML round trip', () => {
  it('import → export → import keeps feeds, titles and grouping', () => {
    const first = parseOpml(FEEDLY, 'feedly.opml').catalog;
    const exported = formatOpml(first, { now: NOW });
    const second = parseOpml(exported, 'exported.opml').catalog;
    expect(second).toEqual(first);
    expect(formatOpml(second, { now: NOW })).toBe(exported);
  });

  it('keeps ids, English names, regions and keywords of a tidings catalog', () => {
    const catalog = defaultCatalog();
    const back = parseOpml(formatOpml(catalog, { now: NOW }), 'default.opml').catalog;
    expect(back).toEqual(catalog);
  });

  it('keeps feeds without titles and titles with markup characters', () => {
    const catalog: Catalog = {
      channels: [
        {
          id: 'odd',
          name: '<Odd> & "quoted"',
          nameEn: "It's odd",
          feeds: [
            { url: 'https://a.example/rss?x=1&y=2' },
            { url: 'https://b.example/', title: 'a < b > c' },
          ],
        },
      ],
      regions: [{ id: 'r', name: '区', keywords: ['区', 'Qu'], feeds: [] }],
    };
    const text = formatOpml(catalog, { now: NOW });
    expect(text).toContain('<dateCreated>Fri, 27 Nov 2026 08:00:00 GMT</dateCreated>');
    expect(text).toContain('xmlUrl="https://a.example/rss?x=1&amp;y=2"');
    expect(parseOpml(text, 'odd.opml').catalog).toEqual(catalog);
  });
});

describe('OPML files on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidings-opml-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file with a UTF-8 BOM', async () => {
    const file = join(dir, 'bom.opml');
    await writeFile(file, `\uFEFF${FEEDLY}`);
    const catalog = await readCatalogFile(file);
    expect(catalog.channels.map((c) => c.feeds.length)).toEqual([2, 1]);
  });

  it('reads a GBK-encoded file by its XML declaration', async () => {
    const file = join(dir, 'gbk.opml');
    const text = `<?xml version="1.0" encoding="GBK"?>
<opml version="2.0"><body><outline text="新闻">
<outline type="rss" text="中国新闻网 · 即时新闻" xmlUrl="https://www.chinanews.com.cn/rss/scroll-news.xml"/>
</outline></body></opml>`;
    await writeFile(file, iconv.encode(text, 'gbk'));
    const catalog = await readCatalogFile(file);
    expect(catalog.channels[0]?.name).toBe('新闻');
    expect(catalog.channels[0]?.feeds[0]?.title).toBe('中国新闻网 · 即时新闻');
  });

  it('tells JSON and OPML apart by content, not by name', async () => {
    const file = join(dir, 'catalog.txt');
    await writeFile(file, '{"channels": [{"id": "a", "feeds": ["https://a.example/rss"]}]}');
    expect(await readCatalogFile(file)).toEqual({
      channels: [{ id: 'a', name: 'a', feeds: [{ url: 'https://a.example/rss' }] }],
      regions: [],
    });
  });

  it('names a missing file', async () => {
    const file = join(dir, 'missing.opml');
    await expect(readCatalogFile(file)).rejects.toThrow(
      `${file}: cannot read the catalog: no such file`,
    );
  });
});
