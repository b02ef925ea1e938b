// End-to-end: the built CLI in a real pseudo-terminal, against the demo edition and a local feed
// server. Run `npm run build` first (`npm test` does it through pretest).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { cliPath, spawnCli, type PtyTerminal } from './pty-terminal.js';

const homes: string[] = [];
const children: PtyTerminal[] = [];
const servers: FeedServer[] = [];

async function makeHome(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-e2e-'));
  homes.push(dir);
  return dir;
}

function start(options: Parameters<typeof spawnCli>[0]): PtyTerminal {
  const child = spawnCli(options);
  children.push(child);
  return child;
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of homes.splice(0)) await rm(dir, { recursive: true, force: true });
});

const hasBuild = existsSync(cliPath);
const BODY_TOP = 4;

/** The first characters of the article's first body line on screen (indent removed). */
function firstBodyText(t: PtyTerminal): string {
  return (t.screen()[BODY_TOP] ?? '').replace(/^[\s　]+/, '').slice(0, 4);
}

describe.skipIf(!hasBuild)('the reader in a pseudo-terminal', () => {
  it('opens the demo, switches channel and region, reads, pages, resizes the font keeping the place, saves, resizes and quits cleanly', async () => {
    const home = await makeHome();
    const t = start({ args: ['--demo'], home, columns: 60, rows: 16 });
    await t.waitFor('频道');
    expect(t.bufferType()).toBe('alternate');
    await t.waitFor(/更新于 \d\d:\d\d/, 20_000);
    await t.waitFor('›●');
    const unread = (): number => Number(/未读 (\d+)/.exec(t.text())?.[1]);
    const all = unread();
    t.write('l');
    await t.waitUntil(() => unread() !== all);
    const channel = unread();
    expect(channel).toBeLessThan(all);
    t.write('\t');
    t.write('\t');
    t.write('l');
    await t.waitUntil(() => unread() !== channel);
    // Back to the list and to every channel: 全部 × 福州.
    t.write('\t');
    t.write('h');
    await t.waitFor('›');
    const listed = t.text();
    expect(listed).toMatch(/福州|榕城/);
    t.write('\r');
    await t.waitFor(/第 1\/\d+ 页/);
    const pages = Number(/第 1\/(\d+) 页/.exec(t.text())?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    if (pages > 1) {
      t.write(' ');
      await t.waitFor(`第 2/${pages} 页`);
    }
    const top = firstBodyText(t);
    expect(top.length).toBeGreaterThan(0);
    // 特大 (48 columns) re-lays out the page; the text that was at the top is still on it.
    t.write('+');
    t.write('+');
    await t.waitFor('字号:特大');
    expect(t.text()).toContain(top);
    t.write('f');
    await t.waitFor('已收藏');
    const title = (t.screen()[0] ?? '').slice(0, 6);
    t.resize(50, 15);
    await t.waitUntil(
      (s) => s.split('\n').every((line) => stringWidth(line) <= 50) && s.includes('字号'),
    );
    expect(t.text()).toContain(top);
    // Redrawn cleanly: the header at the top, the rule exactly as wide as the terminal, no fragments.
    await t.waitUntil(() => (t.screen()[3] ?? '') === '─'.repeat(50));
    expect(t.screen()[0]?.startsWith(title)).toBe(true);
    expect(t.screen()[14]).toBe('');
    t.write('\x1b');
    await t.waitFor('频道');
    t.write('Q');
    expect(await t.exited).toBe(0);
    expect(t.bufferType()).toBe('normal');
  }, 60_000);

  it('reads a saved article from Favorites after the feed server is gone, and shows why the feed failed', async () => {
    const server = await startFeedServer();
    servers.push(server);
    const paragraph = '本地测试文章的正文，用来检查收藏在离线时仍然可以完整阅读。'.repeat(6);
    const content = Array.from({ length: 8 }, (_, i) => `<p>第${i + 1}段：${paragraph}</p>`).join(
      '',
    );
    server.route('/feed.xml', {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>本地新闻</title><link>${server.url('/')}</link>
<item><title>离线收藏测试文章</title><link>${server.url('/a1.html')}</link><guid>a1</guid>
<pubDate>${new Date(Date.now() - 3_600_000).toUTCString()}</pubDate>
<description><![CDATA[${content}]]></description></item>
<item><title>恶意&#x9b;31m标题&#x1b;]52;c;SGVsbG8=&#7;结束</title><link>${server.url('/a2.html')}</link><guid>a2</guid>
<pubDate>${new Date(Date.now() - 7_200_000).toUTCString()}</pubDate><description>x</description></item>
</channel></rss>`,
    });
    const home = await makeHome();
    await mkdir(join(home, 'config'), { recursive: true });
    await writeFile(
      join(home, 'config', 'catalog.json'),
      JSON.stringify({
        channels: [{ id: 'local', name: '本地', feeds: [{ url: server.url('/feed.xml') }] }],
        regions: [],
      }),
    );
    const first = start({ args: [], home, columns: 70, rows: 20 });
    await first.waitFor('离线收藏测试文章', 20_000);
    first.write('\r');
    await first.waitFor(/第 1\/\d+ 页/);
    first.write('f');
    await first.waitFor('已收藏');
    first.write('Q');
    expect(await first.exited).toBe(0);
    // Nothing from the feed reached the terminal as an escape sequence.
    expect(first.raw()).not.toContain('\x1b]52');
    expect(first.raw()).not.toContain('\x9b');
    await server.close();
    servers.length = 0;

    const second = start({ args: [], home, columns: 70, rows: 20 });
    await second.waitFor('离线收藏测试文章');
    await second.waitFor(/1 个源出错/, 20_000);
    second.write('F');
    await second.waitFor('我的收藏 (1)');
    second.write('\r');
    await second.waitFor(/第 1\/\d+ 页/);
    expect(second.text()).toContain('第1段：本地测试文章的正文');
    second.write('q');
    await second.waitFor('我的收藏');
    second.write('!');
    await second.waitFor('订阅源错误 (1)');
    expect(second.text()).toContain('本地新闻');
    second.write('\x03');
    expect(await second.exited).toBe(0);
    expect(second.bufferType()).toBe('normal');
  }, 60_000);

  it('draws without colours under NO_COLOR and restores the screen on Ctrl-C', async () => {
    const home = await makeHome();
    const t = start({ args: ['--demo'], home, columns: 80, rows: 24, env: { NO_COLOR: '1' } });
    await t.waitFor('频道');
    await t.waitFor('›●', 20_000);
    t.write('\x03');
    expect(await t.exited).toBe(0);
    expect(t.bufferType()).toBe('normal');

    expect(t.raw().match(/\x1b\[(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m/g)).toBeNull();
  }, 60_000);

  it('lists the reader keys in --help, generated from the key table', async () => {
    const home = await makeHome();
    const t = start({ args: ['--help'], home, columns: 120, rows: 200 });
    expect(await t.exited).toBe(0);
    const raw = t.raw();
    expect(raw).toContain('Keys in the reader (tidings with no command):');
    expect(raw).toMatch(/Home:\r?\n\s+Tab\s+Focus: channels → regions → list/);
    expect(raw).toContain('1…9');
  }, 30_000);

  it('explains, instead of drawing, when it is not given a terminal', async () => {
    const home = await makeHome();
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env))
      if (value !== undefined) env[key] = value;
    delete env['CI'];
    env['TIDINGS_HOME'] = home;
    const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>(
      (resolveRun) => {
        execFile(process.execPath, [cliPath, '--demo'], { env }, (error, stdout, stderr) =>
          resolveRun({ code: error === null ? 0 : (error.code as number), stdout, stderr }),
        );
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'tidings: the reader needs a terminal; for scripts use `tidings list` or `tidings read`\n',
    );
  }, 30_000);
});
