// The reader's own output stage (fast-output.ts) against Ink's: the same App over the same store,
// drawn once by Ink (ink-testing-library) and once by the fast output into a real terminal
// emulator (@xterm/headless), must show the same screen after every step; only changed rows are
// written; a shorter frame leaves no stale rows; a tree it cannot draw goes back to Ink.
import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Box, render, Text, type Instance } from 'ink';
import xterm from '@xterm/headless';
import type { Operation } from '../../src/keymap/operations.js';
import { buildBindings } from '../../src/keymap/bindings.js';
import type { ReaderServices } from '../../src/app/services.js';
import { startDemoServer, type DemoServer } from '../../src/core/demo/demo-server.js';
import { App } from '../../src/ui/app.js';
import { FrameHost } from '../../src/ui/components/frame-host.js';
import { createFastOutput, type FastOutput } from '../../src/ui/fast-output.js';
import { createFrameWriter } from '../../src/ui/frame-writer.js';
import { createTheme } from '../../src/ui/theme.js';
import {
  fillCache,
  makeHome,
  makeServices,
  renderReader,
  type RenderedReader,
} from './render-reader.js';

const { Terminal } = xterm;

// Colours on, as in a terminal (chalk decides when it loads; test workers have no TTY).
vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '1';
});

/**
 * A TTY-like output that feeds a headless xterm, and counts what was written. LF also returns
 * the carriage, as a pty's output processing (ONLCR) does.
 */
function makeScreen(columns: number, rows: number) {
  const term = new Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true });
  let pending = 0;
  const written: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        const data = chunk.toString();
        written.push(data);
        pending += 1;
        term.write(data, () => (pending -= 1));
        callback();
      },
    }),
    { isTTY: true, columns, rows },
  );
  const screen = (): string[] => {
    const buffer = term.buffer.active;
    return Array.from(
      { length: rows },
      // Written blanks (a styled tail's padding) count as text for xterm; compare without them.
      (_, y) => (buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd(),
    );
  };
  return { term, stream, written, screen, isIdle: () => pending === 0 };
}

function makeStdin() {
  return Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: () => undefined,
    ref: () => undefined,
    unref: () => undefined,
  });
}

class FakeTerminal extends EventEmitter {
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
}

let demo: DemoServer;
let home: Awaited<ReturnType<typeof makeHome>>;
let services: ReaderServices;
let reader: RenderedReader | null = null;
let fastInstance: Instance | null = null;

beforeAll(async () => {
  demo = await startDemoServer({ now: () => new Date(), port: 0 });
  home = await makeHome();
  ({ services } = await makeServices(home.paths, demo.catalog));
  await fillCache(services, demo.catalog);
});

afterAll(async () => {
  await demo.close();
  await home.remove();
});

afterEach(async () => {
  fastInstance?.unmount();
  fastInstance = null;
  await reader?.unmount();
  reader = null;
});

/** Ink's frame as rows of the screen (trailing blanks trimmed), padded to the terminal's rows. */
function inkRows(frame: string, rows: number): string[] {
  const lines = frame.split('\n').map((line) => line.trimEnd());
  return Array.from({ length: rows }, (_, y) => lines[y] ?? '');
}

async function openBoth(columns: number, rows: number, useColor: boolean) {
  reader = await renderReader({ services, catalog: demo.catalog, columns, rows, useColor });
  await reader.waitFor('频道');
  const screen = makeScreen(columns, rows);
  const output = createFastOutput({ write: (d) => void screen.stream.write(d), rows: () => rows });
  const { bindings } = buildBindings({});
  fastInstance = render(
    <FrameHost output={output}>
      <App
        store={reader.store}
        controller={reader.controller}
        bindings={bindings}
        theme={createTheme(useColor)}
        stdout={new FakeTerminal(columns, rows)}
      />
    </FrameHost>,
    {
      stdout: screen.stream as unknown as NodeJS.WriteStream,
      stdin: makeStdin() as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const r = reader;
  /** Waits until the fast screen shows what Ink draws for the same state. */
  const same = async (): Promise<string[]> => {
    await vi.waitFor(
      () => {
        expect(screen.isIdle()).toBe(true);
        expect(screen.screen()).toEqual(inkRows(r.frame(), rows));
      },
      { timeout: 15_000, interval: 5 },
    );
    return screen.screen();
  };
  return { reader: r, screen, output, same };
}

describe('fast output', () => {
  it('draws every screen as Ink does, writing only changed rows', async () => {
    const { reader: r, screen, output, same } = await openBoth(80, 24, true);
    expect(output.mode()).toBe('fast');
    const first = await same();
    expect(first[0]).toMatch(/^频道 {2}全部/);
    // Styles pass through: the cursor row is inverse, the next row is not.
    const cell = (x: number, y: number) =>
      screen.term.buffer.active.getLine(screen.term.buffer.active.viewportY + y)!.getCell(x)!;
    expect(cell(3, 2).isInverse()).not.toBe(0);
    expect(cell(3, 3).isInverse()).toBe(0);
    const steps: readonly (readonly Operation[])[] = [
      ['cursor.down'],
      ['cursor.down', 'cursor.down'],
      ['panel.toggle'],
      ['panel.toggle'],
      ['bar.next'],
      ['focus.next', 'bar.next'],
      ['focus.prev', 'focus.prev'],
      ['cursor.bottom'],
      ['cursor.top'],
      ['help.toggle'],
      ['help.toggle'],
      ['screen.errors'],
      ['nav.back'],
      ['search.open'],
    ];
    for (const step of steps) {
      const before = screen.written.length;
      for (const op of step) r.controller.perform(op);
      await same();
      if (step[0] === 'cursor.down') {
        // One cursor move rewrites the two rows it touches (plus nothing else).
        const bytes = screen.written.slice(before).join('');
        expect(bytes.match(/\x1b\[\d+;1H/g)?.length).toBe(2);
      }
    }
    r.controller.type('的');
    await same();
    r.controller.perform('nav.back');
    await same();
    r.controller.perform('item.open');
    await r.waitFor(/\d+\/\d+/);
    await same();
    r.controller.perform('page.next');
    await same();
    r.controller.perform('font.larger');
    await same();
    r.controller.perform('nav.back');
    await same();
    expect(output.mode()).toBe('fast');
    expect(output.stats().clipped).toBe(0);
    expect(output.stats().overlapped).toBe(0);
  });

  it('matches Ink without colours, narrow (40×15)', async () => {
    const { reader: r, output, same } = await openBoth(40, 15, false);
    await same();
    r.controller.perform('cursor.down');
    await same();
    r.controller.perform('panel.toggle');
    await same();
    r.controller.perform('item.open');
    await r.waitFor(/\d+\/\d+/);
    await same();
    expect(output.mode()).toBe('fast');
    expect(output.stats()).toMatchObject({ clipped: 0, overlapped: 0 });
  });
});

describe('frame writer', () => {
  it('leaves no stale rows when frames change length and content', async () => {
    const screen = makeScreen(20, 6);
    const writer = createFrameWriter((d) => void screen.stream.write(d), { rows: () => 6 });
    const show = async (lines: string[], expected: string[]): Promise<void> => {
      writer.draw(lines);
      await vi.waitFor(
        () => {
          expect(screen.isIdle()).toBe(true);
          expect(screen.screen()).toEqual(expected);
        },
        { timeout: 15_000, interval: 5 },
      );
    };
    await show(
      ['one', 'two two two', 'three', 'four'],
      ['one', 'two two two', 'three', 'four', '', ''],
    );
    await show(['one', 'two', '\x1b[1mbold\x1b[22m'], ['one', 'two', 'bold', '', '', '']);
    await show([], ['', '', '', '', '', '']);
    await show(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['a', 'b', 'c', 'd', 'e', 'f']);
    const before = screen.written.length;
    writer.draw(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(screen.written.length).toBe(before);
    // After the screen is cleared behind its back, the next frame is drawn whole.
    screen.stream.write('\x1b[2J');
    writer.invalidate();
    await show(['a', 'B'], ['a', 'B', '', '', '', '']);
  });

  it('hands a tree it cannot draw back to Ink, which then draws it', async () => {
    const screen = makeScreen(30, 8);
    const handedBack: unknown[] = [];
    let output: FastOutput | null = createFastOutput({
      write: (d) => void screen.stream.write(d),
      rows: () => 8,
      onHandBack: (error) => handedBack.push(error),
    });
    fastInstance = render(
      <FrameHost output={output}>
        <Box borderStyle="single" width={12}>
          <Text>boxed</Text>
        </Box>
      </FrameHost>,
      {
        stdout: screen.stream as unknown as NodeJS.WriteStream,
        stdin: makeStdin() as unknown as NodeJS.ReadStream,
        exitOnCtrlC: false,
        patchConsole: false,
      },
    );
    // vi.waitFor's default limit is 1 s: too short for Ink's throttled render on a loaded CI.
    await vi.waitFor(
      () => {
        expect(screen.isIdle()).toBe(true);
        expect(screen.screen().slice(0, 3)).toEqual([
          '┌──────────┐',
          '│boxed     │',
          '└──────────┘',
        ]);
      },
      { timeout: 15_000, interval: 5 },
    );
    expect(output.mode()).toBe('ink');
    expect(handedBack).toHaveLength(1);
    output = null;
  });
});
