import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataPaths } from '../../../src/core/storage/paths.js';
import { FavoritesStore, shardOf } from '../../../src/core/storage/favorites-store.js';
import type { StorageNotice } from '../../../src/core/storage/storage-notice.js';
import { makeArticle } from './fixtures/make-article.js';
import { serializeSnapshot } from '../../../src/core/storage/favorite-snapshot.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const writerScript = join(repoRoot, 'test/unit/storage/fixtures/fav-writer.ts');

let home: string;
let paths: DataPaths;
let notices: StorageNotice[];
let clock: Date;

const open = () =>
  FavoritesStore.open({
    paths,
    now: () => clock,
    onNotice: (n) => void notices.push(n),
    lockStaleMs: 2000,
  });

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'tidings-fav-'));
  paths = { config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache') };
  notices = [];
  clock = new Date('2026-11-27T08:00:00.000Z');
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('FavoritesStore replacements interrupted by a crash', () => {
  // A kill between the two writes of a re-add leaves `<snapshot>.next` beside the old snapshot;
  // what the index holds decides whether the replacement happened.
  async function leavePending(store: FavoritesStore, id: string, title: string) {
    const pending = `${store.snapshotPath(id)}.next`;
    const snapshot = {
      article: makeArticle(id, title),
      savedAt: '2026-11-27T08:00:00.000Z',
      tags: [],
    };
    await writeFile(pending, serializeSnapshot(snapshot));
    return pending;
  }

  it('keeps the old snapshot and entry together when the index was not updated', async () => {
    const store = await open();
    await store.add(makeArticle('r1', '第1版'));
    const pending = await leavePending(store, 'r1', '第2版');
    expect((await store.get('r1'))?.article.header.title).toBe('第1版');
    expect((await store.entry('r1'))?.title).toBe('第1版');
    expect(existsSync(pending)).toBe(false);
  });

  it('replaces a re-added article completely, leaving no pending file', async () => {
    const store = await open();
    await store.add(makeArticle('r2', '第1版'));
    await store.add(makeArticle('r2', '第2版'));
    expect((await store.get('r2'))?.article.header.title).toBe('第2版');
    expect((await store.entry('r2'))?.title).toBe('第2版');
    expect((await readdir(store.directory)).filter((n) => n.endsWith('.next'))).toEqual([]);
    const report = await store.repair();
    expect(report.recovered).toEqual([]);
    expect(report.dropped).toEqual([]);
  });
});

describe('FavoritesStore basics', () => {
  it('saves a full snapshot and lists it with its index data', async () => {
    const store = await open();
    const result = await store.add(makeArticle('a1'), ['经济']);
    expect(result.isNew).toBe(true);
    expect(await store.list()).toEqual([
      {
        id: 'a1',
        title: '标题 a1',
        source: '新华网',
        link: 'https://news.example.cn/a1.html',
        published: '2026-11-20T08:00:00.000Z',
        savedAt: '2026-11-27T08:00:00.000Z',
        tags: ['经济'],
      },
    ]);
    expect(await store.get('a1')).toEqual({
      article: makeArticle('a1'),
      savedAt: '2026-11-27T08:00:00.000Z',
      tags: ['经济'],
    });
    expect(await store.get('missing')).toBeNull();
    expect(notices).toEqual([]);
  });

  it('lists newest saved first and survives a new process (a new store instance)', async () => {
    const store = await open();
    await store.add(makeArticle('old'));
    clock = new Date('2026-11-27T09:00:00.000Z');
    await store.add(makeArticle('new'));
    const reopened = await open();
    expect((await reopened.list()).map((e) => e.id)).toEqual(['new', 'old']);
    expect((await reopened.get('old'))?.article.blocks).toEqual(makeArticle('old').blocks);
  });

  it('re-adding keeps the first saved time, replaces the text and merges tags', async () => {
    const store = await open();
    await store.add(makeArticle('a1'), ['x']);
    clock = new Date('2026-11-28T00:00:00.000Z');
    const again = await store.add(makeArticle('a1', '新标题'), ['y', 'x', ' ']);
    expect(again.isNew).toBe(false);
    expect(again.entry).toMatchObject({
      title: '新标题',
      savedAt: '2026-11-27T08:00:00.000Z',
      tags: ['x', 'y'],
    });
    expect((await store.get('a1'))?.article.header.title).toBe('新标题');
    expect((await store.list()).length).toBe(1);
  });

  it('removes a favorite and its snapshot file', async () => {
    const store = await open();
    await store.add(makeArticle('a1'));
    await store.add(makeArticle('a2'));
    expect(await store.remove('a1')).toBe(true);
    expect(await store.remove('a1')).toBe(false);
    expect((await store.list()).map((e) => e.id)).toEqual(['a2']);
    expect(existsSync(store.snapshotPath('a1'))).toBe(false);
    expect(await store.get('a1')).toBeNull();
  });

  it('sees writes made by another instance without reopening', async () => {
    const first = await open();
    const second = await open();
    expect(await first.list()).toEqual([]);
    await second.add(makeArticle('b1'));
    expect((await first.list()).map((e) => e.id)).toEqual(['b1']);
  });

  it('keeps ids that are not plain tokens inside the favorites directory', async () => {
    const store = await open();
    await store.add(makeArticle('../../etc/passwd'));
    expect(store.snapshotPath('../../etc/passwd').startsWith(join(paths.data, 'favorites'))).toBe(
      true,
    );
    expect((await store.get('../../etc/passwd'))?.article.header.itemId).toBe('../../etc/passwd');
  });

  it('loses nothing when two instances add concurrently in one process', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await Promise.all([
      ...Array.from({ length: 40 }, (_, n) => a.add(makeArticle(`a${n}`))),
      ...Array.from({ length: 40 }, (_, n) => b.add(makeArticle(`b${n}`))),
    ]);
    expect((await (await open()).list()).length).toBe(80);
  });
});

describe('FavoritesStore corruption', () => {
  it('moves a corrupt index shard aside, reports it once, and rebuilds it from the snapshots', async () => {
    const store = await open();
    for (const id of ['a1', 'a2', 'a3', 'a4']) await store.add(makeArticle(id));
    const shardPath = store.indexPaths[shardOf('a1')] ?? '';
    await writeFile(shardPath, '{"version":1,"entries":{"a1":{"title":');
    const reopened = await open();
    expect((await reopened.list()).map((e) => e.id).sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(notices).toHaveLength(1);
    const notice = notices[0];
    expect(notice?.path).toBe(shardPath);
    expect(notice?.movedTo).toBe(`${shardPath}.corrupt-2026-11-27T08-00-00-000Z`);
    expect(notice?.message).toContain(shardPath);
    expect(await readFile(notice?.movedTo ?? '', 'utf8')).toBe(
      '{"version":1,"entries":{"a1":{"title":',
    );
    await open();
    expect(notices).toHaveLength(1);
  });

  it('treats an index shard of the wrong shape as corrupt', async () => {
    const store = await open();
    await store.add(makeArticle('a1'));
    await writeFile(store.indexPaths[shardOf('a1')] ?? '', '{"version":1,"entries":[1,2]}');
    const reopened = await open();
    expect((await reopened.list()).map((e) => e.id)).toEqual(['a1']);
    expect(notices).toHaveLength(1);
  });

  it('moves a corrupt snapshot aside, reports it once with its path, and keeps the others', async () => {
    const store = await open();
    await store.add(makeArticle('a1'));
    await store.add(makeArticle('a2'));
    const path = store.snapshotPath('a1');
    await writeFile(path, '{"format":"tidings-favorite","version":1,"savedAt":"2026');
    expect(await store.get('a1')).toBeNull();
    expect(notices.map((n) => [n.path, n.movedTo])).toEqual([
      [path, `${path}.corrupt-2026-11-27T08-00-00-000Z`],
    ]);
    expect(notices[0]?.message).toContain('标题 a1');
    expect((await store.list()).map((e) => e.id)).toEqual(['a2']);
    expect(await store.get('a1')).toBeNull();
    expect(notices).toHaveLength(1);
    expect((await store.get('a2'))?.article.header.title).toBe('标题 a2');
  });

  it('rebuilds a deleted index from the snapshot files on open', async () => {
    const store = await open();
    await store.add(makeArticle('a1'));
    await store.add(makeArticle('a2'));
    await rm(join(paths.config, 'favorites'), { recursive: true });
    expect((await (await open()).list()).map((e) => e.id).sort()).toEqual(['a1', 'a2']);
  });

  it('repair recovers unindexed snapshots, drops entries without a file, quarantines bad files and temp files', async () => {
    const store = await open();
    for (const id of ['a1', 'a2', 'a3']) await store.add(makeArticle(id));
    await rm(store.snapshotPath('a2'));
    const other = await mkdtemp(join(tmpdir(), 'tidings-fav-other-'));
    try {
      const otherPaths = {
        config: join(other, 'config'),
        data: join(other, 'data'),
        cache: join(other, 'cache'),
      };
      const orphanStore = await FavoritesStore.open({ paths: otherPaths, now: () => clock });
      await orphanStore.add(makeArticle('orphan'));
      await writeFile(
        store.snapshotPath('orphan'),
        await readFile(orphanStore.snapshotPath('orphan')),
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    await writeFile(join(store.directory, 'broken.json'), 'not json');
    await writeFile(join(store.directory, '.a1.json.4242.deadbeef.tmp'), '{"half":');
    const report = await store.repair();
    expect(report).toEqual({
      kept: 3,
      indexedBefore: 3,
      recovered: ['orphan'],
      dropped: ['a2'],
      quarantined: [
        {
          path: join(store.directory, 'broken.json'),
          movedTo: join(store.directory, 'broken.json.corrupt-2026-11-27T08-00-00-000Z'),
          message: expect.stringContaining('broken.json') as unknown as string,
        },
      ],
      removedTempFiles: 1,
    });
    expect((await store.list()).map((e) => e.id).sort()).toEqual(['a1', 'a3', 'orphan']);
    expect((await readdir(store.directory)).sort()).toEqual([
      'a1.json',
      'a3.json',
      'broken.json.corrupt-2026-11-27T08-00-00-000Z',
      'orphan.json',
    ]);
  });
});

interface Writer {
  readonly child: ChildProcess;
  readonly acks: string[];
  readonly done: Promise<number | null>;
  stderr(): string;
}

function startWriter(prefix: string, count: number): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', writerScript, home, prefix, String(count)],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const acks: string[] = [];
  let buffer = '';
  let errors = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => void (errors += chunk));
  const done = new Promise<number | null>((resolveDone) =>
    child.on('exit', (code) => resolveDone(code)),
  );
  return { child, acks, done, stderr: () => errors };
}

describe('FavoritesStore across real processes', () => {
  it('two processes adding 200 favorites each at the same time end with 400', async () => {
    const a = startWriter('pa', 200);
    const b = startWriter('pb', 200);
    const codes = await Promise.all([a.done, b.done]);
    expect([codes, a.stderr(), b.stderr()]).toEqual([[0, 0], '', '']);
    expect(a.acks).toHaveLength(200);
    expect(b.acks).toHaveLength(200);
    const store = await open();
    const ids = new Set((await store.list()).map((e) => e.id));
    expect(ids.size).toBe(400);
    for (const id of [...a.acks, ...b.acks]) expect(ids.has(id)).toBe(true);
    expect(notices).toEqual([]);
  }, 120_000);

  it('a writer killed with SIGKILL mid-write loses no acknowledged favorite and corrupts nothing', async () => {
    const store = await open();
    await store.add(makeArticle('before'));
    const writer = startWriter('k', 100_000);
    await vi.waitFor(() => expect(writer.acks.length).toBeGreaterThanOrEqual(30), {
      timeout: 60_000,
      interval: 5,
    });
    writer.child.kill('SIGKILL');
    expect(await writer.done).toBeNull();
    const acked = [...writer.acks];
    const reopened = await open();
    const ids = new Set((await reopened.list()).map((e) => e.id));
    expect(ids.has('before')).toBe(true);
    for (const id of acked) expect(ids.has(id)).toBe(true);
    for (const id of acked) expect((await reopened.get(id))?.article.header.itemId).toBe(id);
    expect(notices).toEqual([]);
    // The next write takes over the dead writer's lock once it is stale, and repair tidies up.
    await reopened.add(makeArticle('after'));
    const report = await reopened.repair();
    expect(report.quarantined).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(report.kept).toBe(ids.size + 1 + report.recovered.length);
    expect((await readdir(reopened.directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('FavoritesStore tags', () => {
  it('sanitizes tags like any printed field: no escape sequences or control characters', async () => {
    const store = await open();
    const { entry } = await store.add(makeArticle('a1'), [
      '\u001b]52;c;cGF5bG9hZA==\u0007红色\u001b[31m',
      '  ',
      'a\tb',
    ]);
    expect(entry.tags).toEqual(['红色', 'a b']);
  });
});
