// Escape injection against the interactive reader: the built CLI runs in a real pseudo-terminal
// over a cache and pages full of escape payloads; the test opens articles (full text fetched from
// hostile pages), pages through them, copies a link, saves a favorite, opens the side panel, the
// favorites and the feed-errors screens, and checks every byte the reader wrote: nothing but its
// own drawing sequences, and a clipboard write (OSC 52) carrying only a clean http(s) URL.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpenableUrl } from '../../src/app/system/open-url.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { cliPath, spawnCli, type PtyTerminal } from '../e2e/pty-terminal.js';
import { FEED_PAYLOADS, routeHostileFeeds } from './hostile-feeds.js';
import { analyzeTerminalOutput } from './terminal-output.js';

let server: FeedServer;
let home: string;
let child: PtyTerminal | null = null;

beforeAll(async () => {
  server = await startFeedServer();
  const feeds = routeHostileFeeds(server);
  home = await mkdtemp(join(tmpdir(), 'tidings-reader-escapes-'));
  await mkdir(join(home, 'config'), { recursive: true });
  await writeFile(
    join(home, 'config', 'catalog.json'),
    JSON.stringify({
      channels: [
        {
          id: 'hostile',
          name: '恶意',
          feeds: [{ url: feeds.rss }, { url: feeds.atom }, { url: feeds.attributes }],
        },
      ],
      regions: [],
    }),
  );
});
afterAll(async () => {
  child?.kill();
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe.skipIf(!existsSync(cliPath))('escape injection against the reader in a pty', () => {
  it('writes nothing but its own drawing sequences while showing hostile feeds and pages', async () => {
    const t = spawnCli({ args: ['--lang', 'zh'], home, columns: 100, rows: 30 });
    child = t;
    // The list fills from the background refresh.
    await t.waitFor(/RSS 0\b/, 30_000);
    t.write('\r');
    await t.waitFor(/第 1\/\d+ 页/, 20_000);
    await t.waitFor('这是第 0 篇测试文章的正文', 20_000);
    t.write('y');
    await t.waitFor(/复制/, 10_000);
    t.write(' ');
    t.write('f');
    await t.waitFor('已收藏', 10_000);
    t.write('q');
    await t.waitFor(/RSS 0\b/);
    // Down to the item carrying every payload at once.
    const all = FEED_PAYLOADS.length - 1;
    t.write('j'.repeat(all));
    t.write('\r');
    await t.waitFor(`这是第 ${all} 篇测试文章的正文`, 20_000);
    t.write('  ');
    t.write('G');
    t.write('q');
    await t.waitFor(new RegExp(`RSS ${all}\\b`));
    t.write('p');
    t.write('F');
    await t.waitFor('我的收藏');
    t.write('q');
    t.write('!');
    await t.waitFor(/订阅源错误|源出错/);
    t.write('q');
    t.write('Q');
    expect(await t.exited).toBe(0);

    const report = analyzeTerminalOutput(t.raw());
    expect(report.unexpected).toEqual([]);
    // The copy-link key wrote one clipboard sequence, holding the clean page URL.
    expect(report.clipboard).toEqual([{ text: server.url('/page/0.html') }]);
    for (const write of report.clipboard) expect(isOpenableUrl(write.text)).toBe(true);
  }, 120_000);
});
