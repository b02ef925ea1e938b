// The built CLI, as a user runs it: real process, real files, a real local feed server.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

let server: FeedServer;
let home: string;
let catalogFile: string;

beforeAll(async () => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  server = await startFeedServer();
  server.route('/a.xml', {
    etag: '"a"',
    body: '<rss version="2.0"><channel><title>Alpha \x1b[31m</title><item><title>第一条 \x1b]0;x\x07新闻</title><guid>1</guid><pubDate>Wed, 26 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>',
  });
  server.route('/down.xml', { status: 503, body: '' });
  home = await mkdtemp(join(tmpdir(), 'tidings-e2e-'));
  catalogFile = join(home, 'catalog.json');
  await writeFile(
    catalogFile,
    JSON.stringify({
      channels: [
        { id: 'news', name: '新闻', feeds: [server.url('/a.xml'), server.url('/down.xml')] },
      ],
      regions: [],
    }),
  );
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe('tidings CLI', () => {
  it('prints its version and help for every command', async () => {
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = await runCli(['--help'], { TIDINGS_HOME: home });
    expect(help.code).toBe(0);
    for (const command of ['fetch', 'list']) expect(help.stdout).toContain(command);
    for (const command of ['fetch', 'list']) {
      const sub = await runCli([command, '--help'], { TIDINGS_HOME: home });
      expect(sub.code).toBe(0);
      expect(sub.stdout).toContain(`Usage: tidings ${command}`);
      expect(sub.stdout).toContain('--catalog <file>');
    }
  });

  it('fetches into TIDINGS_HOME, exits 2 when a feed failed, and lists offline', async () => {
    const fetched = await runCli(['fetch', '--catalog', catalogFile, '--json'], {
      TIDINGS_HOME: home,
    });
    expect(fetched.code).toBe(2);
    const report = JSON.parse(fetched.stdout) as {
      ok: number;
      failed: number;
      feeds: { error: string | null }[];
    };
    expect(report).toMatchObject({ ok: 1, failed: 1 });
    expect(report.feeds[1]?.error).toBe('HTTP 503 Service Unavailable');
    expect(await readdir(join(home, 'cache', 'feeds'))).toHaveLength(2);

    await server.close();
    const listed = await runCli(['list', '--catalog', catalogFile], { TIDINGS_HOME: home });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}[0-9a-f]{12} {2}第一条 新闻 {2}· Alpha\n$/,
    );
    // Nothing from the feed reaches the terminal with an escape character.
    expect(listed.stdout).not.toContain('\x1b');
    server = await startFeedServer();
  });

  it('reports usage and fatal errors as one line on stderr with exit 1, stack only with TIDINGS_DEBUG=1', async () => {
    const bad = await runCli(['list', '--limit', 'x'], { TIDINGS_HOME: home });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')[0]).toBe(
      'tidings: --limit must be an integer ≥ 1, got "x"',
    );

    const missing = await runCli(['list', '--catalog', join(home, 'nope.json')], {
      TIDINGS_HOME: home,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^tidings: .*nope\.json/);

    await writeFile(join(home, 'broken.json'), '{\n  "channels": [\n    {"id": "x",}\n  ]\n}\n');
    const broken = await runCli(['list', '--catalog', join(home, 'broken.json')], {
      TIDINGS_HOME: home,
    });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^tidings: .*broken\.json:3: invalid JSON/);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);

    const debug = await runCli(['list', '--catalog', join(home, 'broken.json')], {
      TIDINGS_HOME: home,
      TIDINGS_DEBUG: '1',
    });
    expect(debug.stderr.trim().split('\n').length).toBeGreaterThan(1);
    expect(debug.stderr).toContain('    at ');

    const unknown = await runCli(['frobnicate'], { TIDINGS_HOME: home });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it('exits quietly when the reader of its output goes away (list | head)', async () => {
    const longHome = await mkdtemp(join(tmpdir(), 'tidings-e2e-pipe-'));
    const items = Array.from(
      { length: 400 },
      (_, i) =>
        `<item><title>item ${i}</title><guid>${i}</guid><description>${'长文本 '.repeat(150)}</description></item>`,
    ).join('');
    server.route('/long.xml', {
      body: `<rss version="2.0"><channel><title>Long</title>${items}</channel></rss>`,
    });
    const longCatalog = join(longHome, 'catalog.json');
    await writeFile(
      longCatalog,
      JSON.stringify({
        channels: [{ id: 'c', name: 'c', feeds: [server.url('/long.xml')] }],
        regions: [],
      }),
    );
    expect(
      (await runCli(['fetch', '--catalog', longCatalog], { TIDINGS_HOME: longHome })).code,
    ).toBe(0);

    const env: Record<string, string | undefined> = { ...process.env, TIDINGS_HOME: longHome };
    delete env['CI'];
    const child = spawn(process.execPath, [CLI_PATH, 'list', '--json', '--catalog', longCatalog], {
      env,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read one chunk, then go away like `head` does.
    await new Promise<void>((resolvePromise) => child.stdout.once('data', () => resolvePromise()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolvePromise) =>
      child.on('close', resolvePromise),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    await rm(longHome, { recursive: true, force: true });
  });
});
