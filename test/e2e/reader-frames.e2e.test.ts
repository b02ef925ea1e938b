// End-to-end: the reader writes only the rows that changed between frames (src/ui/fast-output.ts).
// In a real pseudo-terminal, going from Home to a screen of different lines and back must give
// exactly the Home screen again: no row of the other screen left behind, nothing missing. And a
// cursor move writes a few hundred bytes, not the whole screen. Run `npm run build` first.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath, spawnCli, type PtyTerminal } from './pty-terminal.js';

const homes: string[] = [];
const children: PtyTerminal[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of homes.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(cliPath))(
  'the reader draws changed rows only, without stale lines',
  () => {
    it('returns to the same Home screen from every other screen, and moves the cursor cheaply', async () => {
      const home = await mkdtemp(join(tmpdir(), 'tidings-e2e-frames-'));
      homes.push(home);
      const t = spawnCli({ args: ['--demo'], home, columns: 72, rows: 20 });
      children.push(t);
      await t.waitFor(/更新于 \d\d:\d\d/, 20_000);
      await t.waitFor('›●');
      const homeScreen = t.screen();
      expect(homeScreen[0]).toMatch(/^频道/);

      // Screens over Home; `isListGone`: none of Home's list rows may remain on them.
      const roundTrips: readonly {
        open: string;
        shows: string | RegExp;
        close: string;
        isListGone: boolean;
      }[] = [
        { open: '?', shows: '帮助', close: '?', isListGone: true },
        { open: 'p', shows: '今日热词', close: 'p', isListGone: false },
        { open: '/', shows: '搜索', close: '\x1b', isListGone: true },
        { open: 'F', shows: '我的收藏', close: '\x1b', isListGone: true },
        { open: '!', shows: '订阅源错误', close: '\x1b', isListGone: true },
      ];
      const listRows = homeScreen.slice(2, 17);
      for (const trip of roundTrips) {
        t.write(trip.open);
        await t.waitUntil(
          (s) =>
            s !== homeScreen.join('\n') &&
            (typeof trip.shows === 'string' ? s.includes(trip.shows) : trip.shows.test(s)),
        );
        if (trip.isListGone) for (const line of t.screen()) expect(listRows).not.toContain(line);
        t.write(trip.close);
        await t.waitUntil((s) => s === homeScreen.join('\n'), 15_000);
        expect(t.screen()).toEqual(homeScreen);
      }

      // A cursor move rewrites the two rows it touches.
      const before = t.raw().length;
      t.write('j');
      await t.waitUntil(() => (t.screen()[3] ?? '').startsWith('›'));
      const written = t.raw().slice(before);
      expect(written.match(/\x1b\[\d+;1H/g)).toHaveLength(2);
      expect(written.length).toBeLessThan(600);
      t.write('k');
      await t.waitUntil((s) => s === homeScreen.join('\n'));

      // Into an article and back: Home again, the opened row now read (no unread mark).
      t.write('\r');
      await t.waitFor(/第 1\/\d+ 页/);
      t.write('\x1b');
      const unread = (line: string | undefined): number =>
        Number(/未读 (\d+)/.exec(line ?? '')?.[1]);
      // The frame can reach the terminal in several reads: wait for all of it (or the time
      // limit, when stale rows stay), then compare, so a failure shows the difference.
      await t
        .waitUntil(() => {
          const rows = t.screen();
          return (
            (rows[2] ?? '').startsWith('›  ') &&
            rows.slice(3, 17).join('\n') === homeScreen.slice(3, 17).join('\n') &&
            unread(rows[17]) === unread(homeScreen[17]) - 1
          );
        }, 15_000)
        .catch(() => undefined);
      const after = t.screen();
      // Rows 2–16 are the list, 17 the status (one fewer unread), 18 the hints, 19 never drawn.
      expect(after[2]?.startsWith('›  ')).toBe(true);
      expect(after.slice(3, 17)).toEqual(homeScreen.slice(3, 17));
      expect(unread(after[17])).toBe(unread(homeScreen[17]) - 1);
      expect(after.slice(18)).toEqual(homeScreen.slice(18));
      expect(after[19]).toBe('');
      t.write('Q');
      expect(await t.exited).toBe(0);
    }, 60_000);
  },
);
