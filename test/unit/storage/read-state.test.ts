import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataPaths } from '../../../src/core/storage/paths.js';
import { loadReadState, ReadStateStore } from '../../../src/core/storage/read-state.js';
import type { StorageNotice } from '../../../src/core/storage/storage-notice.js';

let home: string;
let paths: DataPaths;
let clock: Date;
let notices: StorageNotice[];

const store = (retentionDays?: number) =>
  new ReadStateStore({
    paths,
    now: () => clock,
    onNotice: (n) => void notices.push(n),
    ...(retentionDays === undefined ? {} : { retentionDays }),
  });

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'tidings-read-'));
  paths = { config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache') };
  clock = new Date('2026-11-27T08:00:00.000Z');
  notices = [];
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('ReadStateStore', () => {
  it('everything is unread until marked; marks persist for other instances', async () => {
    const a = store();
    expect((await a.load()).isRead('x')).toBe(false);
    expect(await a.markRead(['x', 'y', 'x'])).toEqual({ marked: ['x', 'y'], unmarked: [] });
    const state = await loadReadState(paths, () => clock);
    expect([state.isRead('x'), state.isRead('y'), state.isRead('z'), state.size]).toEqual([
      true,
      true,
      false,
      2,
    ]);
    expect(state.readAt('x')).toBe(Date.parse('2026-11-27T08:00:00.000Z'));
  });

  it('marks unread and reports only what changed', async () => {
    const s = store();
    await s.markRead(['a']);
    expect(await s.markRead(['a', 'b'])).toEqual({ marked: ['b'], unmarked: [] });
    expect(await s.markUnread(['a', 'c'])).toEqual({
      marked: [],
      unmarked: [{ id: 'a', at: Date.parse('2026-11-27T08:00:00.000Z') }],
    });
    expect((await s.load()).isRead('a')).toBe(false);
  });

  it('undoes "mark channel read" exactly, leaving items read before untouched', async () => {
    const s = store();
    await s.markRead(['old']);
    clock = new Date('2026-11-27T09:00:00.000Z');
    const change = await s.markRead(['old', 'n1', 'n2']);
    expect(change.marked).toEqual(['n1', 'n2']);
    await s.undo(change);
    const state = await s.load();
    expect([state.isRead('old'), state.isRead('n1'), state.isRead('n2')]).toEqual([
      true,
      false,
      false,
    ]);
    const unmark = await s.markUnread(['old']);
    await s.undo(unmark);
    expect((await s.load()).readAt('old')).toBe(Date.parse('2026-11-27T08:00:00.000Z'));
  });

  it('prunes marks older than the retention period on the next write', async () => {
    const s = store(90);
    await s.markRead(['ancient']);
    clock = new Date('2027-03-01T00:00:00.000Z');
    await s.markRead(['fresh']);
    const state = await s.load();
    expect([state.isRead('ancient'), state.isRead('fresh')]).toEqual([false, true]);
  });

  it('keeps concurrent marks from two instances', async () => {
    const [a, b] = [store(), store()];
    await Promise.all([
      ...Array.from({ length: 30 }, (_, n) => a.markRead([`a${n}`])),
      ...Array.from({ length: 30 }, (_, n) => b.markRead([`b${n}`])),
    ]);
    expect((await store().load()).size).toBe(60);
  });

  it('moves a corrupt file aside, reports it once and starts empty', async () => {
    const s = store();
    await s.markRead(['a']);
    await writeFile(s.path, '{"version":1,"read":{"a":');
    const fresh = store();
    expect((await fresh.load()).isRead('a')).toBe(false);
    expect(notices.map((n) => n.movedTo)).toEqual([`${s.path}.corrupt-2026-11-27T08-00-00-000Z`]);
    expect(notices[0]?.message).toContain(s.path);
    expect(await readFile(`${s.path}.corrupt-2026-11-27T08-00-00-000Z`, 'utf8')).toBe(
      '{"version":1,"read":{"a":',
    );
    await fresh.markRead(['b']);
    expect((await store().load()).isRead('b')).toBe(true);
    expect(notices).toHaveLength(1);
  });
});
