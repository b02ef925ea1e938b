// Favorites, read state and insights through the built CLI over the demo edition: save, list,
// export, mark, related, hot and rank, each a real process; exit codes and stdout as a user sees.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';

let home: string;
let env: Record<string, string>;
let firstId: string;

beforeAll(async () => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  home = await mkdtemp(join(tmpdir(), 'tidings-e2e-reading-'));
  env = { TIDINGS_HOME: home };
  const fetched = await runCli(['--demo', 'fetch'], env);
  expect(fetched.code).toBe(0);
  const list = await runCli(['--demo', 'list', '--json', '--limit', '1'], env);
  firstId = (JSON.parse(list.stdout) as { id: string }[])[0]?.id ?? '';
}, 120_000);
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('reading commands (built CLI, demo edition)', () => {
  it('fav add / list / export / rm', async () => {
    const added = await runCli(['--demo', 'fav', 'add', firstId, '--tag', '能源', '--json'], env);
    expect([added.code, added.stderr]).toEqual([0, '']);
    const saved = JSON.parse(added.stdout) as { id: string; tags: string[]; isNew: boolean };
    expect([saved.id, saved.tags, saved.isNew]).toEqual([firstId, ['能源'], true]);

    const listed = await runCli(['--demo', 'fav', 'list', '--json', '--search', '能源'], env);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((f) => f.id)).toEqual([firstId]);

    const file = join(home, 'print.html');
    const exported = await runCli(['--demo', 'fav', 'export', '--format', 'html', '-o', file], env);
    expect(exported.stdout).toBe(`Exported 1 favorite to ${file}\n`);
    expect(await readFile(file, 'utf8')).toMatch(/^<!doctype html>\n/);

    expect((await runCli(['--demo', 'fav', 'rm', firstId], env)).code).toBe(0);
    const missing = await runCli(['--demo', 'fav', 'rm', firstId], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`not a favorite: ${firstId}`);
  }, 60_000);

  it('mark read / unread, related and hot answer as JSON', async () => {
    const marked = await runCli(['--demo', 'mark', 'read', firstId, '--json'], env);
    expect((JSON.parse(marked.stdout) as { change: { marked: string[] } }).change.marked).toEqual([
      firstId,
    ]);
    const related = await runCli(['--demo', 'related', firstId, '--json'], env);
    expect(related.code).toBe(0);
    const relatedIds = (JSON.parse(related.stdout) as { related: { id: string }[] }).related.map(
      (r) => r.id,
    );
    expect(relatedIds.length).toBeLessThanOrEqual(5);
    expect(relatedIds).not.toContain(firstId);
    const hot = await runCli(['--demo', 'hot', '--json'], env);
    expect(hot.code).toBe(0);
    const words = (JSON.parse(hot.stdout) as { words: { term: string; count: number }[] }).words;
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((w) => w.count >= 2 && [...w.term].length >= 2)).toBe(true);
  }, 60_000);

  it('rank accepts only 3, 7 or 30 days', async () => {
    const rank = await runCli(['--demo', 'rank', '--days', '30', '--json'], env);
    expect(rank.code).toBe(0);
    expect((JSON.parse(rank.stdout) as { days: number }).days).toBe(30);
    const bad = await runCli(['--demo', 'rank', '--days', '5'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--days must be 3, 7 or 30, got "5"');
  }, 60_000);
});
