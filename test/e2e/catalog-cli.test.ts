// The catalog commands through the built CLI: first run, edits, OPML, a corrupt catalog, exit codes.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

let server: FeedServer;
let home: string;

beforeAll(async () => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  server = await startFeedServer();
  server.route('/xm.xml', {
    body: '<rss version="2.0"><channel><title>厦门台</title><item><title>鹭岛新闻</title><guid>1</guid><pubDate>Wed, 26 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>',
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'tidings-e2e-catalog-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('tidings catalog commands (built CLI)', () => {
  it('creates the catalog on first run, edits it and exports it as OPML', async () => {
    const env = { TIDINGS_HOME: home };
    const channels = await runCli(['channels', '--json'], env);
    expect(channels.code).toBe(0);
    expect((JSON.parse(channels.stdout) as { id: string }[]).map((c) => c.id)).toEqual([
      'top',
      'china',
      'world',
      'business',
      'tech',
      'sports',
      'entertainment',
      'dev',
    ]);
    const url = server.url('/xm.xml');
    const added = await runCli(
      ['feeds', 'add', url, '--channel', 'china', '--region', 'xiamen'],
      env,
    );
    expect(added).toEqual({
      code: 0,
      stdout: `Added ${url} to 国内 (china) and region xiamen in ${join(home, 'config', 'catalog.json')}\n`,
      stderr: '',
    });
    const again = await runCli(['feeds', 'add', url, '--channel', 'tech'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `tidings: ${url} is already in the catalog, in 国内 / China (china), 厦门 / Xiamen (xiamen)\n`,
    );
    // Fetch only the local feed (never the default edition's real feeds: tests stay offline).
    const localCatalog = join(home, 'local.json');
    await writeFile(localCatalog, JSON.stringify({ channels: [{ id: 'c', feeds: [url] }] }));
    const fetched = await runCli(['fetch', '--catalog', localCatalog], env);
    expect(fetched.code).toBe(0);
    const regions = await runCli(['regions', '--json'], env);
    const xiamen = (
      JSON.parse(regions.stdout) as { id: string; feeds: number; cachedItems: number }[]
    ).find((r) => r.id === 'xiamen');
    expect(xiamen).toMatchObject({ feeds: 1, cachedItems: 1 });

    const opmlFile = join(home, 'export.opml');
    const exported = await runCli(['opml', 'export', '-o', opmlFile], env);
    expect(exported.code).toBe(0);
    expect(await readFile(opmlFile, 'utf8')).toContain(`xmlUrl="${url}"`);
    const viaStdout = await runCli(['opml', 'export'], env);
    expect(
      viaStdout.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">'),
    ).toBe(true);
  }, 120_000);

  it('stops on a corrupt catalog with file, line and problem, exit 1, file untouched', async () => {
    const file = join(home, 'config', 'catalog.json');
    await runCli(['channels'], { TIDINGS_HOME: home });
    const corrupt = (await readFile(file, 'utf8')).replace('"keywords"', '"keyword"');
    await writeFile(file, corrupt);
    const result = await runCli(['regions'], { TIDINGS_HOME: home });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^tidings: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: unknown key "keyword" in region "fujian"`,
      ),
    );
    const rm = await runCli(['feeds', 'rm', 'https://lobste.rs/rss'], { TIDINGS_HOME: home });
    expect(rm.code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });
});
