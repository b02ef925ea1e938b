import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCatalogCheck } from '../../src/commands/catalog-check.js';
import { runChannels } from '../../src/commands/channels.js';
import { UsageError } from '../../src/commands/context.js';
import { runFeedsAdd } from '../../src/commands/feeds-add.js';
import { runFeedsList, type FeedRow } from '../../src/commands/feeds-list.js';
import { runFeedsRemove } from '../../src/commands/feeds-remove.js';
import { runFetch } from '../../src/commands/fetch.js';
import { runOpmlExport } from '../../src/commands/opml-export.js';
import { runOpmlImport } from '../../src/commands/opml-import.js';
import { runRegions } from '../../src/commands/regions.js';
import { resolveCatalog } from '../../src/commands/resolve-catalog.js';
import { defaultCatalog } from '../../src/core/catalog/default-edition.js';
import { CatalogError } from '../../src/core/catalog/parse-catalog.js';
import { createTestContext, type TestContext } from '../helpers/command-context.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

let server: FeedServer;
let context: TestContext;

const item = (title: string, guid: string, date: string, description = ''): string =>
  `<item><title>${title}</title><guid>${guid}</guid><pubDate>${date}</pubDate><description>${description}</description></item>`;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/news.xml', {
    body: `<rss version="2.0"><channel><title>中国新闻网</title>
      ${item('两岸企业家峰会开幕', 'n1', 'Thu, 26 Nov 2026 10:00:00 GMT', '中新网厦门11月26日电')}
      ${item('福厦高铁客流创新高', 'n2', 'Thu, 26 Nov 2026 09:00:00 GMT', '从榕城到鹭岛只要55分钟')}
      ${item('全国粮食产量创新高', 'n3', 'Thu, 26 Nov 2026 08:00:00 GMT')}</channel></rss>`,
  });
  server.route('/world.xml', {
    body: `<rss version="2.0"><channel><title>World</title>
      ${item('Xiamen hosts a trade fair', 'w1', 'Thu, 26 Nov 2026 11:00:00 GMT')}
      ${item('Markets rally', 'w2', 'Thu, 26 Nov 2026 07:00:00 GMT')}</channel></rss>`,
  });
  server.route('/old.xml', {
    body: `<rss version="2.0"><channel><title>Frozen</title>${item('Old', 'o1', 'Mon, 01 May 2023 10:00:00 GMT')}</channel></rss>`,
  });
  server.route('/down.xml', { status: 503, body: 'down' });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  context = await createTestContext();
});
afterEach(async () => {
  await context.dispose();
});

async function writeCatalog(name: string, catalog: unknown): Promise<string> {
  const file = join(context.home, name);
  await writeFile(file, typeof catalog === 'string' ? catalog : JSON.stringify(catalog, null, 2));
  return file;
}

function lastJson<T>(): T {
  return JSON.parse(context.out.stdout.at(-1) ?? 'null') as T;
}

function catalogPath(): string {
  return join(context.home, 'config', 'catalog.json');
}

describe('tidings channels / regions', () => {
  it('show feed counts and cached item counts, an item counting in two regions', async () => {
    const file = await writeCatalog('catalog.json', {
      channels: [
        { id: 'china', name: '国内', nameEn: 'China', feeds: [server.url('/news.xml')] },
        { id: 'world', name: '国际', feeds: [server.url('/world.xml')] },
        { id: 'empty', name: '空', feeds: [] },
      ],
      regions: [
        { id: 'xiamen', name: '厦门', nameEn: 'Xiamen', keywords: ['厦门', 'Xiamen', '鹭岛'] },
        { id: 'fuzhou', name: '福州', keywords: ['福州', '榕城'] },
      ],
    });
    expect(
      await runFetch(context, {
        catalogFile: file,
        isJson: true,
        concurrency: 2,
        totalTimeoutMs: 5000,
      }),
    ).toBe(0);

    expect(await runChannels(context, { catalogFile: file, isJson: true })).toBe(0);
    expect(lastJson()).toEqual([
      { id: 'china', name: '国内', nameEn: 'China', feeds: 1, cachedItems: 3 },
      { id: 'world', name: '国际', nameEn: null, feeds: 1, cachedItems: 2 },
      { id: 'empty', name: '空', nameEn: null, feeds: 0, cachedItems: 0 },
    ]);

    expect(await runRegions(context, { catalogFile: file, isJson: true })).toBe(0);
    expect(lastJson()).toEqual([
      {
        id: 'xiamen',
        name: '厦门',
        nameEn: 'Xiamen',
        keywords: ['厦门', 'Xiamen', '鹭岛'],
        feeds: 0,
        cachedItems: 3,
      },
      {
        id: 'fuzhou',
        name: '福州',
        nameEn: null,
        keywords: ['福州', '榕城'],
        feeds: 0,
        cachedItems: 1,
      },
    ]);

    context.out.stdout.length = 0;
    await runChannels(context, { catalogFile: file, isJson: false });
    expect(context.out.text()).toBe(
      [
        'ID     NAME  ENGLISH  FEEDS  CACHED',
        'china  国内  China    1      3',
        'world  国际           1      2',
        'empty  空             0      0',
        '',
      ].join('\n'),
    );
  });

  it('use the default edition on first run and write it to the data home', async () => {
    expect(await runChannels(context, { catalogFile: null, isJson: true })).toBe(0);
    const rows = lastJson<{ id: string; feeds: number; cachedItems: number }[]>();
    expect(rows.map((r) => r.id)).toEqual(defaultCatalog().channels.map((c) => c.id));
    expect(rows.every((r) => r.feeds > 0 && r.cachedItems === 0)).toBe(true);
    expect(await readdir(join(context.home, 'config'))).toEqual(['catalog.json']);
    await runRegions(context, { catalogFile: null, isJson: true });
    expect(lastJson<{ id: string }[]>().map((r) => r.id)).toEqual([
      'fujian',
      'fuzhou',
      'xiamen',
      'putian',
      'quanzhou',
      'zhangzhou',
      'longyan',
      'ningde',
      'nanping',
      'sanming',
    ]);
  });

  it('read an OPML file given with --catalog', async () => {
    const file = await writeCatalog(
      'subs.opml',
      `<?xml version="1.0"?><opml version="2.0"><body><outline text="Tech"><outline type="rss" text="W" xmlUrl="${server.url('/world.xml')}"/></outline></body></opml>`,
    );
    await runChannels(context, { catalogFile: file, isJson: true });
    expect(lastJson()).toEqual([
      { id: 'tech', name: 'Tech', nameEn: null, feeds: 1, cachedItems: 0 },
    ]);
    expect(await readdir(context.home)).toEqual(['subs.opml']);
  });

  it('refuse a corrupt user catalog with file and line, and leave it untouched', async () => {
    await mkdir(join(context.home, 'config'), { recursive: true });
    const corrupt =
      '{\n  "channels": [\n    { "id": "a", "feeds": [] },\n    { "id": "a" }\n  ]\n}\n';
    await writeFile(catalogPath(), corrupt);
    await expect(runChannels(context, { catalogFile: null, isJson: false })).rejects.toThrow(
      new CatalogError(`${catalogPath()}:4: duplicate channel id "a"`),
    );
    await expect(
      runFeedsAdd(context, {
        url: 'https://x.example/rss',
        channel: 'a',
        region: null,
        title: null,
      }),
    ).rejects.toThrow(`${catalogPath()}:4: duplicate channel id "a"`);
    await expect(
      runOpmlImport(context, {
        file: await writeCatalog(
          'x.opml',
          '<opml><body><outline xmlUrl="https://y.example/"/></body></opml>',
        ),
        channel: null,
      }),
    ).rejects.toThrow(`${catalogPath()}:4: duplicate channel id "a"`);
    expect(await readFile(catalogPath(), 'utf8')).toBe(corrupt);
    expect(await readdir(join(context.home, 'config'))).toEqual(['catalog.json']);
  });

  it('name a missing --catalog file', async () => {
    const missing = join(context.home, 'nope.json');
    await expect(resolveCatalog(context, { catalogFile: missing })).rejects.toThrow(
      `${missing}: cannot read the catalog: no such file`,
    );
  });
});

describe('tidings feeds', () => {
  it('add, list and remove feeds, writing the catalog each time', async () => {
    const url = server.url('/world.xml');
    expect(
      await runFeedsAdd(context, { url, channel: 'tech', region: 'xiamen', title: 'My feed' }),
    ).toBe(0);
    expect(context.out.text()).toBe(
      `Added ${url} to 科技 (tech) and region xiamen in ${catalogPath()}\n`,
    );

    await runFeedsList(context, { catalogFile: null, isJson: true });
    const rows = lastJson<FeedRow[]>();
    expect(rows.find((r) => r.url === url)).toEqual({
      url,
      title: 'My feed',
      channels: ['tech'],
      regions: ['xiamen'],
    });
    expect(rows).toHaveLength(defaultCatalog().channels.flatMap((c) => c.feeds).length - 4 + 1);

    const saved = JSON.parse(await readFile(catalogPath(), 'utf8')) as {
      channels: { id: string; feeds: { url: string }[] }[];
    };
    expect(saved.channels.find((c) => c.id === 'tech')?.feeds.at(-1)).toEqual({
      url,
      title: 'My feed',
    });

    context.out.stdout.length = 0;
    expect(await runFeedsRemove(context, { url })).toBe(0);
    expect(context.out.text()).toBe(
      `Removed ${url} from tech, region xiamen in ${catalogPath()}\n`,
    );
    const { catalog } = await resolveCatalog(context, { catalogFile: null });
    expect(catalog).toEqual(defaultCatalog());
    expect(await readdir(join(context.home, 'config'))).toEqual(['catalog.json']);
  });

  it('refuse duplicates, non-http URLs, unknown channels and unknown feeds without writing', async () => {
    await resolveCatalog(context, { catalogFile: null });
    const before = await readFile(catalogPath(), 'utf8');
    const attempts: [() => Promise<number>, string][] = [
      [
        () =>
          runFeedsAdd(context, {
            url: 'HTTPS://LOBSTE.RS/rss',
            channel: 'tech',
            region: null,
            title: null,
          }),
        'https://lobste.rs/rss is already in the catalog, in 开发者 / Developers (dev)',
      ],
      [
        () =>
          runFeedsAdd(context, {
            url: 'file:///etc/passwd',
            channel: 'tech',
            region: null,
            title: null,
          }),
        'only http and https feeds can be added, not file: file:///etc/passwd',
      ],
      [
        () =>
          runFeedsAdd(context, {
            url: 'https://new.example/rss',
            channel: 'nope',
            region: null,
            title: null,
          }),
        'no channel "nope" (channels: top, china, world, business, tech, sports, entertainment, dev)',
      ],
      [
        () =>
          runFeedsAdd(context, {
            url: 'https://new.example/rss',
            channel: 'tech',
            region: 'mars',
            title: null,
          }),
        'no region "mars" (regions: fujian, fuzhou, xiamen, putian, quanzhou, zhangzhou, longyan, ningde, nanping, sanming)',
      ],
      [
        () => runFeedsRemove(context, { url: 'https://never.example/rss' }),
        'https://never.example/rss is not in the catalog (see tidings feeds list)',
      ],
    ];
    for (const [attempt, message] of attempts) {
      await expect(attempt()).rejects.toThrow(new UsageError(message));
    }
    expect(await readFile(catalogPath(), 'utf8')).toBe(before);
  });

  it('refuse to edit the demo edition', async () => {
    const demo = await createTestContext({ demoCatalog: defaultCatalog() });
    try {
      await expect(
        runFeedsAdd(demo, {
          url: 'https://x.example/rss',
          channel: 'tech',
          region: null,
          title: null,
        }),
      ).rejects.toThrow('the demo edition is read-only: edit your own catalog without --demo');
      await expect(readdir(join(demo.home, 'config'))).rejects.toThrow('ENOENT');
    } finally {
      await demo.dispose();
    }
  });
});

const NESTED_OPML = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline type="rss" text="Loose &amp; free" xmlUrl="https://loose.example/rss"/>
    <outline text="Reading">
      <outline text="Blogs">
        <outline type="rss" xmlUrl="https://blog.example/atom.xml"/>
        <outline type="rss" text="Tea &#8212; notes" url="https://tea.example/feed"/>
      </outline>
      <outline type="rss" text="Lobsters" xmlUrl="https://lobste.rs/rss"/>
    </outline>
    <outline text="Technology">
      <outline type="rss" text="Ars" xmlUrl="https://feeds.arstechnica.com/arstechnica/index"/>
      <outline type="rss" text="New tech" xmlUrl="https://newtech.example/rss"/>
    </outline>
  </body>
</opml>
`;

describe('tidings opml', () => {
  it('import merges folders into channels; importing again changes nothing', async () => {
    const file = await writeCatalog('subs.opml', NESTED_OPML);
    expect(await runOpmlImport(context, { file, channel: null })).toBe(0);
    expect(context.out.text()).toBe(
      `Imported 5 feeds from ${file}; 1 already in the catalog; new channels: imported, reading. Catalog: ${catalogPath()}\n`,
    );
    const { catalog } = await resolveCatalog(context, { catalogFile: null });
    expect(catalog.channels.find((c) => c.id === 'imported')).toEqual({
      id: 'imported',
      name: '导入',
      nameEn: 'Imported',
      feeds: [{ url: 'https://loose.example/rss', title: 'Loose & free' }],
    });
    expect(catalog.channels.find((c) => c.id === 'reading')?.feeds).toEqual([
      { url: 'https://blog.example/atom.xml' },
      { url: 'https://tea.example/feed', title: 'Tea — notes' },
      { url: 'https://lobste.rs/rss', title: 'Lobsters' },
    ]);
    expect(catalog.channels.find((c) => c.id === 'tech')?.feeds.at(-1)).toEqual({
      url: 'https://newtech.example/rss',
      title: 'New tech',
    });
    const after = await readFile(catalogPath(), 'utf8');
    context.out.stdout.length = 0;
    await runOpmlImport(context, { file, channel: null });
    expect(context.out.text()).toBe(
      `Imported 0 feeds from ${file}; 6 already in the catalog. Catalog: ${catalogPath()}\n`,
    );
    expect(await readFile(catalogPath(), 'utf8')).toBe(after);
  });

  it('import puts loose feeds in --channel', async () => {
    const file = await writeCatalog('subs.opml', NESTED_OPML);
    await runOpmlImport(context, { file, channel: 'top' });
    const { catalog } = await resolveCatalog(context, { catalogFile: null });
    expect(catalog.channels.find((c) => c.id === 'top')?.feeds.at(-1)).toEqual({
      url: 'https://loose.example/rss',
      title: 'Loose & free',
    });
    expect(catalog.channels.some((c) => c.id === 'imported')).toBe(false);
  });

  it('a broken OPML file names the problem and changes nothing', async () => {
    await resolveCatalog(context, { catalogFile: null });
    const before = await readFile(catalogPath(), 'utf8');
    const broken = await writeCatalog(
      'broken.opml',
      '<opml version="2.0">\n<body>\n<outline text="A">\n<outline xmlUrl="https://a.example/rss">\n</outline>\n</body>\n</opml>\n',
    );
    await expect(runOpmlImport(context, { file: broken, channel: null })).rejects.toThrow(
      new CatalogError(
        `${broken}:6: not well-formed OPML: </body> does not match <outline> opened on line 3 (column 1)`,
      ),
    );
    const notOpml = await writeCatalog('feed.xml', '<rss version="2.0"><channel/></rss>');
    await expect(runOpmlImport(context, { file: notOpml, channel: null })).rejects.toThrow(
      `${notOpml}:1: not an OPML file: the root element is <rss>, not <opml>`,
    );
    await expect(runOpmlImport(context, { file: broken, channel: 'nope' })).rejects.toThrow(
      UsageError,
    );
    expect(await readFile(catalogPath(), 'utf8')).toBe(before);
  });

  it('export → import into a fresh home → export gives the same catalog', async () => {
    const file = await writeCatalog('subs.opml', NESTED_OPML);
    await runOpmlImport(context, { file, channel: null });
    const exported = join(context.home, 'out', 'export.opml');
    expect(await runOpmlExport(context, { catalogFile: null, output: exported })).toBe(0);
    const original = (await resolveCatalog(context, { catalogFile: null })).catalog;
    expect(context.out.stdout.at(-1)).toBe(
      `Wrote 61 feeds in 10 channels and 10 regions to ${exported}\n`,
    );

    const fresh = await createTestContext();
    try {
      await mkdir(join(fresh.home, 'config'), { recursive: true });
      await writeFile(
        join(fresh.home, 'config', 'catalog.json'),
        '{"channels": [], "regions": []}',
      );
      await runOpmlImport(fresh, { file: exported, channel: null });
      expect((await resolveCatalog(fresh, { catalogFile: null })).catalog).toEqual(original);
      await runOpmlExport(fresh, { catalogFile: null, output: null });
      expect(fresh.out.stdout.at(-1)).toBe(await readFile(exported, 'utf8'));
    } finally {
      await fresh.dispose();
    }
  });
});

describe('tidings catalog check', () => {
  it('reports each feed once with status, reason and newest-item age; exit 2 on failures', async () => {
    const file = await writeCatalog('check.json', {
      channels: [
        {
          id: 'a',
          feeds: [{ url: server.url('/news.xml'), title: '新闻' }, server.url('/down.xml')],
        },
        { id: 'b', feeds: [server.url('/old.xml'), server.url('/news.xml')] },
      ],
    });
    const before = server.hits('/news.xml');
    const code = await runCatalogCheck(context, {
      catalogFile: file,
      isJson: true,
      concurrency: 2,
      totalTimeoutMs: 5000,
      staleDays: 14,
    });
    expect(code).toBe(2);
    expect(server.hits('/news.xml') - before).toBe(1);
    const report = lastJson<{
      catalog: string;
      feeds: {
        url: string;
        title: string;
        status: string;
        reason: string | null;
        items: number;
        ageSeconds: number | null;
      }[];
      ok: number;
      stale: number;
      failed: number;
    }>();
    expect(report.catalog).toBe(file);
    expect(report.feeds.map((f) => [f.title, f.status, f.reason, f.items, f.ageSeconds])).toEqual([
      ['中国新闻网', 'ok', null, 3, 22 * 3600],
      [server.url('/down.xml'), 'failed', 'HTTP 503 Service Unavailable', 0, null],
      ['Frozen', 'stale', 'newest item is 1305 d old', 1, 112831200],
    ]);
    expect([report.ok, report.stale, report.failed]).toEqual([1, 1, 1]);
  });

  it('prints one line per feed and a summary in text mode', async () => {
    const file = await writeCatalog('check.json', {
      channels: [{ id: 'a', feeds: [server.url('/news.xml'), server.url('/down.xml')] }],
    });
    const code = await runCatalogCheck(context, {
      catalogFile: file,
      isJson: false,
      concurrency: 1,
      totalTimeoutMs: 5000,
      staleDays: 14,
    });
    expect(code).toBe(2);
    expect(context.out.text()).toBe(
      [
        `ok      中国新闻网  ${server.url('/news.xml')}  3 items, newest 22 h`,
        `failed  ${server.url('/down.xml')}  ${server.url('/down.xml')}  HTTP 503 Service Unavailable`,
        `2 feeds in ${file}: 1 ok, 0 stale, 1 failed`,
        '',
      ].join('\n'),
    );
  });
});
