// Escape injection through the built CLI: RSS and Atom feeds carrying ESC, CSI, OSC 0/8/52 (BEL-,
// ST-terminated and unterminated), BEL, BS, CR, C1, bidi controls and their entity-encoded forms in
// every field, and article pages carrying them too. Every command that prints feed data must write
// none of them, in text and in JSON (a JSON string holding "\u001b" is an escape for `jq -r`).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPE_PAYLOADS, forbiddenCharacters, jsonStrings } from '../helpers/escape-payloads.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { CLI_PATH, runCli, type CliResult } from '../helpers/run-cli.js';
import { FEED_PAYLOADS, routeHostileFeeds } from './hostile-feeds.js';

let server: FeedServer;
let home: string;
let catalog: string;
let env: Record<string, string>;
/** The items carrying all payloads at once (RSS, Atom, attribute feed): what read and fav work on. */
let allPayloadItems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  server = await startFeedServer();
  const feeds = routeHostileFeeds(server);
  home = await mkdtemp(join(tmpdir(), 'tidings-escapes-'));
  catalog = join(home, 'catalog.json');
  await writeFile(
    catalog,
    JSON.stringify({
      channels: [
        { id: 'hostile', name: 'Hostile', feeds: [feeds.rss, feeds.atom, feeds.attributes] },
      ],
      regions: [{ id: 'words', name: 'Words', keywords: ['Content', 'Summary'], feeds: [] }],
    }),
  );
  env = { TIDINGS_HOME: home };
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

/** Forbidden characters in a command's stdout and stderr, and in every string of its JSON. */
function findings(label: string, result: CliResult, isJson = false): string[] {
  const found = [
    ...forbiddenCharacters(result.stdout).map((f) => `${label} stdout: ${f}`),
    ...forbiddenCharacters(result.stderr).map((f) => `${label} stderr: ${f}`),
  ];
  if (isJson) {
    for (const value of jsonStrings(JSON.parse(result.stdout) as unknown))
      found.push(...forbiddenCharacters(value).map((f) => `${label} JSON string: ${f}`));
  }
  return found;
}

async function run(
  args: readonly string[],
  isJson = false,
): Promise<{ result: CliResult; found: string[] }> {
  const result = await runCli(args, env);
  return { result, found: findings(args.join(' '), result, isJson) };
}

/** Runs `tasks` with at most `limit` at a time (each is a CLI process). */
async function pooled<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

describe('escape injection through the CLI', () => {
  it(
    'fetch stores both hostile feeds and prints none of the payloads',
    { timeout: 60_000 },
    async () => {
      const text = await run(['fetch', '--catalog', catalog]);
      expect(text.result.code).toBe(0);
      const json = await run(['fetch', '--catalog', catalog, '--json'], true);
      const report = JSON.parse(json.result.stdout) as {
        ok: number;
        notModified: number;
        failed: number;
        feeds: { url: string; error: string | null }[];
      };
      expect(report.feeds.filter((feed) => feed.error !== null)).toEqual([]);
      expect(report.ok + report.notModified).toBe(3);
      expect([...text.found, ...json.found]).toEqual([]);
    },
  );

  it(
    'list and list --json print every item with no payload, links http(s) or null',
    { timeout: 60_000 },
    async () => {
      const text = await run(['list', '--catalog', catalog, '--limit', '500']);
      expect(text.result.code).toBe(0);
      const json = await run(['list', '--catalog', catalog, '--limit', '500', '--json'], true);
      const items = JSON.parse(json.result.stdout) as {
        id: string;
        link: string | null;
        title: string;
      }[];
      // An RSS and an Atom item per payload (and one each with all payloads), plus one item of the
      // attribute feed per unterminated payload.
      const attributeItems = ESCAPE_PAYLOADS.filter((p) => p.name.includes('unterminated')).map(
        (_, i) => `Attribute ${i}`,
      );
      expect.soft(items).toHaveLength(FEED_PAYLOADS.length * 2 + attributeItems.length);
      for (const item of items) {
        if (item.link !== null) expect(item.link).toMatch(/^https?:\/\/[^\s]+$/);
      }
      const all = FEED_PAYLOADS.length - 1;
      const wanted = [`RSS ${all}`, `Atom ${all}`, ...attributeItems];
      const found = wanted.map(
        (title) =>
          items.find((item) => item.title === title || item.title.startsWith(`${title} `))?.id,
      );
      // The titles with no item (an unparsed feed) are listed, and the rest go on.
      expect.soft(wanted.filter((_, i) => found[i] === undefined)).toEqual([]);
      allPayloadItems = found.filter((id): id is string => id !== undefined);
      const region = await run(['list', '--catalog', catalog, '--region', 'words', '--json'], true);
      expect([...text.found, ...json.found, ...region.found]).toEqual([]);
    },
  );

  it(
    'read prints the all-payload articles (feed text and fetched hostile pages) with no payload',
    { timeout: 300_000 },
    async () => {
      expect(allPayloadItems.length).toBeGreaterThanOrEqual(2);
      const runs = await pooled(
        [
          ...allPayloadItems.map((id) => () => run(['read', id, '--all'])),
          ...allPayloadItems.map((id) => () => run(['read', id, '--no-full', '--all'])),
          () => run(['read', allPayloadItems[0] ?? '', '--json', '--width', '30'], true),
        ],
        3,
      );
      for (const { result } of runs) expect(result.code).toBe(0);
      // The full text came from the hostile page, not the feed.
      expect(runs[0]?.result.stdout).toContain(
        `这是第 ${FEED_PAYLOADS.length - 1} 篇测试文章的正文`,
      );
      expect(runs.flatMap((r) => r.found)).toEqual([]);
    },
  );

  it('fav add, list and every export format carry no payload', { timeout: 300_000 }, async () => {
    expect(allPayloadItems.length).toBeGreaterThanOrEqual(2);
    const added = await pooled(
      allPayloadItems.map(
        (id) => () =>
          run(['fav', 'add', id, '--tag', `t${ESCAPE_PAYLOADS[0]?.text}`, '--json'], true),
      ),
      3,
    );
    for (const { result } of added) expect(result.code).toBe(0);
    const found = added.flatMap((r) => r.found);
    found.push(...(await run(['fav', 'list'])).found);
    found.push(...(await run(['fav', 'list', '--json'], true)).found);
    for (const format of ['md', 'json', 'html']) {
      const out = await run(['fav', 'export', '--format', format], format === 'json');
      expect(out.result.code).toBe(0);
      found.push(...out.found);
      const file = join(home, `export.${format}`);
      const written = await run(['fav', 'export', '--format', format, '-o', file]);
      expect(written.result.code).toBe(0);
      found.push(
        ...written.found,
        ...forbiddenCharacters(await readFile(file, 'utf8')).map((f) => `${file}: ${f}`),
      );
    }
    expect(found).toEqual([]);
  });

  it(
    'related, hot, rank, channels, regions and feeds list carry no payload',
    { timeout: 300_000 },
    async () => {
      const found: string[] = [];
      for (const id of allPayloadItems.slice(0, 2)) {
        found.push(...(await run(['related', id])).found);
        found.push(...(await run(['related', id, '--json'], true)).found);
      }
      for (const args of [
        ['hot', '--hours', '1000000'],
        ['rank', '--days', '30', '--catalog', catalog],
        ['channels', '--catalog', catalog],
        ['regions', '--catalog', catalog],
      ]) {
        const text = await run(args);
        expect(text.result.code).toBe(0);
        found.push(...text.found);
        if (args[0] === 'hot' || args[0] === 'rank')
          found.push(...(await run([...args, '--json'], true)).found);
      }
      expect(found).toEqual([]);
    },
  );
});
