import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore, type HistoryEntry } from '../../../src/core/storage/history.js';
import type { DataPaths } from '../../../src/core/storage/paths.js';
import type { StorageNotice } from '../../../src/core/storage/storage-notice.js';

let home: string;
let paths: DataPaths;
let clock: Date;
let notices: StorageNotice[];

const history = () =>
  new HistoryStore({ paths, now: () => clock, onNotice: (n) => void notices.push(n) });

function entry(itemId: string, readAt: string, channels: string[] = ['news']): HistoryEntry {
  return {
    itemId,
    title: `标题 ${itemId}`,
    source: '新华网',
    feedUrl: 'https://news.example.cn/rss.xml',
    link: `https://news.example.cn/${itemId}.html`,
    channels,
    regions: ['xiamen'],
    readAt,
  };
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'tidings-history-'));
  paths = { config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache') };
  clock = new Date('2026-11-27T08:00:00.000Z');
  notices = [];
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('HistoryStore', () => {
  it('records opened items oldest first, with channel and region', async () => {
    const h = history();
    await h.record(entry('a', '2026-11-27T07:00:00.000Z'));
    await h.record(entry('b', '2026-11-27T07:30:00.000Z', ['sports', 'news']));
    expect(await history().entries()).toEqual([
      entry('a', '2026-11-27T07:00:00.000Z'),
      entry('b', '2026-11-27T07:30:00.000Z', ['sports', 'news']),
    ]);
  });

  it('is bounded to 90 days: older entries are left out and pruned from the file', async () => {
    const h = history();
    await h.record(entry('old', '2026-08-01T00:00:00.000Z'));
    await h.record(entry('new', '2026-11-26T00:00:00.000Z'));
    expect((await h.entries()).map((e) => e.itemId)).toEqual(['new']);
    expect((await readFile(h.path, 'utf8')).split('\n').filter((l) => l !== '')).toHaveLength(1);
  });

  it('keeps every readable entry of a damaged file, moves the file aside and reports it once', async () => {
    const h = history();
    await h.record(entry('a', '2026-11-27T07:00:00.000Z'));
    await appendFile(h.path, '{"itemId":"torn","title":');
    await h.record(entry('b', '2026-11-27T07:30:00.000Z'));
    expect((await h.entries()).map((e) => e.itemId)).toEqual(['a', 'b']);
    const movedTo = `${h.path}.corrupt-2026-11-27T08-00-00-000Z`;
    expect(notices.map((n) => [n.path, n.movedTo])).toEqual([[h.path, movedTo]]);
    expect(await readFile(movedTo, 'utf8')).toContain('"torn"');
    expect((await h.entries()).map((e) => e.itemId)).toEqual(['a', 'b']);
    expect(notices).toHaveLength(1);
  });

  it('loses no entry when two instances record at the same time', async () => {
    const [a, b] = [history(), history()];
    await Promise.all([
      ...Array.from({ length: 25 }, (_, n) => a.record(entry(`a${n}`, '2026-11-27T07:00:00.000Z'))),
      ...Array.from({ length: 25 }, (_, n) => b.record(entry(`b${n}`, '2026-11-27T07:00:00.000Z'))),
    ]);
    expect(await history().entries()).toHaveLength(50);
    expect(notices).toEqual([]);
  });

  it('clear forgets everything', async () => {
    const h = history();
    await h.record(entry('a', '2026-11-27T07:00:00.000Z'));
    await h.clear();
    expect(await h.entries()).toEqual([]);
  });
});

describe('recordOpen', () => {
  it('marks the item read and appends it to the history with its channels and regions', async () => {
    const { recordOpen } = await import('../../../src/core/storage/record-open.js');
    const { loadReadState } = await import('../../../src/core/storage/read-state.js');
    await recordOpen(
      paths,
      () => clock,
      { id: 'i1', title: 'T', source: 'S', feedUrl: 'https://f.example/rss', link: null },
      { channels: ['news'], regions: ['xiamen'] },
    );
    expect((await loadReadState(paths, () => clock)).isRead('i1')).toBe(true);
    expect(await history().entries()).toEqual([
      {
        itemId: 'i1',
        title: 'T',
        source: 'S',
        feedUrl: 'https://f.example/rss',
        link: null,
        channels: ['news'],
        regions: ['xiamen'],
        readAt: '2026-11-27T08:00:00.000Z',
      },
    ]);
  });
});
