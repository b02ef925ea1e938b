// A full disk without root: the built CLI runs with test/faults/full-disk-preload.mjs (node
// --import), which lets only FULL_DISK_FREE_BYTES more bytes be written under the home and then
// fails writes with a real ENOSPC (short writes first, as the kernel does). Unlike the tmpfs case in
// storage-faults.test.ts it runs everywhere, and it sweeps the free space so the disk fills at
// every point of a command: before its first byte, in the middle of a snapshot, of the favorites
// index, of a cache file, of an export.
//
// For each command: a failed action ends in one line on stderr naming the full disk and a non-zero
// exit; an action that completed is complete; and what was stored before (favorites, their index,
// snapshots, cached items, an earlier export) is intact and readable afterwards.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localEditionForFile } from './local-edition.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const PRELOAD = resolve(import.meta.dirname, 'full-disk-preload.mjs');
/** Free bytes tried for each command: none at all, then amounts that run out mid-write. */
const FREE_BYTES = [0, 1, 64, 3_000, 12_000, 400_000];
/** The one line a full disk must produce: it names the disk being full. */
const FULL_DISK_LINE =
  /^tidings: the disk is full \(no space left on device\): could not (write|lock) [^\n]+\n$/;

const edition = localEditionForFile();

interface Home {
  readonly dir: string;
  readonly env: Record<string, string>;
  readonly catalog: string;
  readonly log: string;
}

const homes: string[] = [];
afterAll(async () => {
  for (const dir of homes) await rm(dir, { recursive: true, force: true });
});

async function makeHome(): Promise<Home> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-full-disk-'));
  homes.push(dir);
  const catalog = join(dir, 'catalog.json');
  await edition().writeCatalog(catalog);
  return { dir, env: { TIDINGS_HOME: dir }, catalog, log: `${dir}.enospc.log` };
}

/** Runs the CLI on a disk with `free` bytes left under the home. */
function runFull(home: Home, args: readonly string[], free: number): Promise<CliResult> {
  return runCli(args, {
    ...home.env,
    NODE_OPTIONS: `--import=${PRELOAD}`,
    FULL_DISK_ROOT: home.dir,
    FULL_DISK_FREE_BYTES: String(free),
    FULL_DISK_LOG: home.log,
  });
}

/** How many writes the preload refused or cut short (proof the fault was met). */
async function faultsMet(home: Home): Promise<number> {
  if (!existsSync(home.log)) return 0;
  return (await readFile(home.log, 'utf8')).split('\n').filter((l) => l !== '').length;
}

interface Stored {
  readonly titles: readonly string[];
  /** `read --json` of the two saved favorites. */
  readonly readable: readonly string[];
}

interface Favorite {
  readonly id: string;
  readonly title: string;
  readonly tags: readonly string[];
}

async function favorites(home: Home): Promise<Favorite[]> {
  const listed = await runCli(['fav', 'list', '--json'], home.env);
  expect(listed.stderr).toBe('');
  expect(listed.code).toBe(0);
  return (JSON.parse(listed.stdout) as Favorite[]).map(({ id, title, tags }) => ({
    id,
    title,
    tags,
  }));
}

async function listed(home: Home): Promise<{ id: string; title: string }[]> {
  const result = await runCli(['list', '--catalog', home.catalog, '--json'], home.env);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { id: string; title: string }[]).map(({ id, title }) => ({
    id,
    title,
  }));
}

/** The text of a saved article, as `read --json` gives it (offline: from the snapshot). */
async function readSaved(home: Home, id: string): Promise<string> {
  const read = await runCli(['read', id, '--json'], home.env);
  expect(read.code).toBe(0);
  const article = JSON.parse(read.stdout) as { title: string };
  expect(article.title).toMatch(/^第1版 新闻 \d$/);
  return read.stdout;
}

async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((n) => /\.tmp|tmp-|\.~/.test(String(n)));
}

/** A home with two favorites, five cached items and an export, all written with space to spare. */
async function storedHome(): Promise<{ home: Home; ids: string[] }> {
  const home = await makeHome();
  edition().setVersion(1);
  expect((await runCli(['fetch', '--catalog', home.catalog], home.env)).code).toBe(0);
  const ids = (await listed(home)).map((i) => i.id);
  expect(ids).toHaveLength(5);
  for (const id of ids.slice(0, 2))
    expect((await runCli(['fav', 'add', id, '--tag', '存档'], home.env)).code).toBe(0);
  const exported = await runCli(
    ['fav', 'export', '--format', 'md', '-o', join(home.dir, 'export.md')],
    home.env,
  );
  expect(exported.code).toBe(0);
  return { home, ids };
}

async function snapshotOf(home: Home, ids: readonly string[]): Promise<Stored> {
  return {
    titles: (await listed(home)).map((i) => i.title),
    readable: await Promise.all(ids.slice(0, 2).map((id) => readSaved(home, id))),
  };
}

/** A failed action: one line naming the full disk, a failing exit, no stack trace. */
function expectFullDiskFailure(result: CliResult): void {
  expect(result.stderr).toMatch(FULL_DISK_LINE);
  // The file meant, not the temp file an atomic write was filling.
  expect(result.stderr).not.toMatch(/\.tmp\b/);
  expect(result.code).not.toBe(0);
}

describe('a full disk, by injected write failures (no root needed)', () => {
  it('the preload is met: a write under the home fails with ENOSPC, one outside does not', async () => {
    const home = await makeHome();
    const outside = join(`${home.dir}.outside`);
    homes.push(outside);
    const script = [
      "import { writeFileSync } from 'node:fs';",
      `writeFileSync(${JSON.stringify(outside)}, 'x'.repeat(100));`,
      'try {',
      `  writeFileSync(${JSON.stringify(join(home.dir, 'f'))}, 'x'.repeat(100));`,
      '} catch (e) { console.log(JSON.stringify([e.code, e.errno, e.syscall, e.message])); }',
    ].join('\n');
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        ...process.env,
        NODE_OPTIONS: `--import=${PRELOAD}`,
        FULL_DISK_ROOT: home.dir,
        FULL_DISK_FREE_BYTES: '40',
      },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([
      'ENOSPC',
      -28,
      'write',
      `ENOSPC: no space left on device, write '${join(home.dir, 'f')}'`,
    ]);
    // As a disk that filled mid-write leaves it: the first 40 bytes are there.
    expect(await readFile(join(home.dir, 'f'), 'utf8')).toBe('x'.repeat(40));
    expect(await readFile(outside, 'utf8')).toBe('x'.repeat(100));
  });

  for (const free of FREE_BYTES) {
    it(
      `${free} bytes free: saving, removing, fetching, reading and exporting fail clearly or complete; nothing stored is lost`,
      { timeout: 120_000 },
      async () => {
        const { home, ids } = await storedHome();
        const before = await snapshotOf(home, ids);
        const exportPath = join(home.dir, 'export.md');
        const exportBefore = await readFile(exportPath, 'utf8');
        const third = ids[2] ?? '';
        const first = ids[0] ?? '';
        const favoritesBefore = await favorites(home);

        // Save a third favorite.
        const added = await runFull(home, ['fav', 'add', third], free);
        const afterAdd = await favorites(home);
        if (added.code === 0) {
          expect(added.stderr).toBe('');
          expect(afterAdd.map((f) => f.id).sort()).toEqual([...ids.slice(0, 3)].sort());
        } else {
          expectFullDiskFailure(added);
          expect(afterAdd).toEqual(favoritesBefore);
        }

        // Remove the first one.
        const removed = await runFull(home, ['fav', 'rm', first], free);
        const afterRemove = await favorites(home);
        if (removed.code === 0) {
          expect(removed.stderr).toBe('');
          expect(afterRemove).toEqual(afterAdd.filter((f) => f.id !== first));
        } else {
          expectFullDiskFailure(removed);
          expect(afterRemove).toEqual(afterAdd);
        }

        // Fetch a new edition of the feed into the cache.
        edition().setVersion(2);
        const fetched = await runFull(home, ['fetch', '--catalog', home.catalog], free);
        const titles = (await listed(home)).map((i) => i.title);
        if (fetched.code === 0) {
          expect(titles.filter((t) => t.startsWith('第2版'))).toHaveLength(5);
        } else {
          expectFullDiskFailure(fetched);
          // The cache keeps the old edition whole (or has the new one whole).
          expect([
            before.titles.join('|'),
            titles.filter((t) => t.startsWith('第2版')).join('|'),
          ]).toContain(titles.join('|'));
        }

        // Read a saved article: it shows; only the record of having read it may fail.
        const read = await runFull(home, ['read', ids[1] ?? ''], free);
        expect(read.code).toBe(0);
        expect(read.stdout).toContain('第1版 新闻');
        expect(read.stderr).toMatch(
          /^(|tidings: this read was not recorded: the disk is full \(no space left on device\): could not (write|lock) [^\n]+\n)$/,
        );

        // The history of reads stays readable: a cut-short line would be moved aside with a notice.
        const history = await runCli(['history', '--json'], home.env);
        expect(history.stderr).toBe('');
        expect(history.code).toBe(0);

        // Export over the earlier export.
        const exported = await runFull(
          home,
          ['fav', 'export', '--format', 'md', '-o', exportPath],
          free,
        );
        if (exported.code === 0) {
          const text = await readFile(exportPath, 'utf8');
          for (const favorite of await favorites(home)) expect(text).toContain(favorite.title);
        } else {
          expectFullDiskFailure(exported);
          expect(await readFile(exportPath, 'utf8')).toBe(exportBefore);
        }

        process.stdout.write(
          `full disk, ${free} bytes free:\n${Object.entries({
            'fav add': added,
            'fav rm': removed,
            fetch: fetched,
            read,
            'fav export': exported,
          })
            .map(
              ([name, r]) =>
                `  ${name}: exit ${r.code}, stderr ${JSON.stringify(r.stderr.replaceAll(home.dir, '$HOME'))}`,
            )
            .join('\n')}\n`,
        );
        if (free === 0) {
          // Nothing can be written at all: every writing action failed.
          for (const result of [added, removed, fetched, exported]) expect(result.code).not.toBe(0);
          expect(read.stderr).not.toBe('');
        }
        // Every failure or warning came from a write the preload refused, and only then.
        const results = [added, removed, fetched, read, exported];
        expect((await faultsMet(home)) > 0).toBe(
          results.some((r) => r.code !== 0 || r.stderr !== ''),
        );

        // What was stored before is intact and readable: the favorites index lists (checked after
        // each step above, with no notice of a corrupt file), the saved article that was never
        // removed reads exactly as before, and the cache lists (checked after the fetch).
        expect(await readSaved(home, ids[1] ?? '')).toBe(before.readable[1]);
        const again = await runCli(['list', '--catalog', home.catalog, '--json'], home.env);
        expect(again.stderr).toBe('');
        expect(await tempFiles(home.dir)).toEqual([]);
      },
    );
  }
});
