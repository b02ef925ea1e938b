// The one render helper for UI tests: the real App over real services (a temp home, the demo
// edition's local HTTP server), at an explicit terminal size. Tests wait for content, never for time.
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { createController, type Controller } from '../../src/app/controller.js';
import { createCoreServices } from '../../src/app/core-services.js';
import type { ReaderServices } from '../../src/app/services.js';
import { initialState, type Lang } from '../../src/app/state.js';
import { createStore, type Store } from '../../src/app/store.js';
import type { Spawn } from '../../src/app/system/open-url.js';
import type { Catalog } from '../../src/core/catalog/catalog.js';
import { catalogFeeds } from '../../src/core/catalog/catalog.js';
import type { DataPaths } from '../../src/core/storage/paths.js';
import { buildBindings, type KeyOverrides } from '../../src/keymap/bindings.js';
import { App } from '../../src/ui/app.js';
import { createTheme } from '../../src/ui/theme.js';

/** Key sequences as a terminal sends them. */
export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  backspace: '\x7f',
  ctrlD: '\x04',
  ctrlC: '\x03',
} as const;

/** A fake terminal output: only its size and `resize` events matter to the App. */
class FakeTerminal extends EventEmitter {
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
}

/** A temp data home with its paths. */
export async function makeHome(): Promise<{
  readonly paths: DataPaths;
  readonly dir: string;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-ui-'));
  return {
    dir,
    paths: { config: join(dir, 'config'), data: join(dir, 'data'), cache: join(dir, 'cache') },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface SpawnCall {
  readonly command: string;
  readonly args: readonly string[];
  readonly shell: unknown;
}

/** Real services over a home and a catalog, with the OS boundary (browser, terminal bytes) recorded. */
export async function makeServices(paths: DataPaths, catalog: Catalog) {
  const spawned: SpawnCall[] = [];
  const terminalBytes: string[] = [];
  const spawn: Spawn = (command, args, options) => {
    spawned.push({ command, args, shell: options.shell });
    const child = new EventEmitter() as EventEmitter & { unref(): void };
    child.unref = () => undefined;
    queueMicrotask(() => child.emit('spawn'));
    return child;
  };
  const services = await createCoreServices({
    paths,
    catalog,
    now: () => new Date(),
    fetch: globalThis.fetch,
    userAgent: 'tidings-test',
    env: {},
    platform: 'linux',
    writeTerminal: (data) => void terminalBytes.push(data),
    spawn,
  });
  return { services, spawned, terminalBytes };
}

/** Fetches every feed of the catalog once, so the cache holds the edition. */
export async function fillCache(services: ReaderServices, catalog: Catalog): Promise<void> {
  await services.refresh(catalogFeeds(catalog), {
    signal: new AbortController().signal,
    onFeed: () => undefined,
  });
}

export interface RenderOptions {
  readonly services: ReaderServices;
  readonly catalog: Catalog;
  readonly columns: number;
  readonly rows: number;
  readonly lang?: Lang;
  readonly useColor?: boolean;
  readonly keys?: KeyOverrides;
  /** Start a background refresh, as the real reader does. @default false */
  readonly shouldRefresh?: boolean;
}

export interface RenderedReader {
  readonly store: Store;
  readonly controller: Controller;
  /** The last frame, without colour codes. */
  frame(): string;
  /** The last frame as Ink wrote it (with SGR codes). */
  rawFrame(): string;
  press(...keys: string[]): Promise<void>;
  /** Waits until the frame contains `text` (or matches). */
  waitFor(text: string | RegExp): Promise<string>;
  waitUntil(predicate: (frame: string) => boolean): Promise<string>;
  resize(columns: number, rows: number): void;
  quitCount(): number;
  unmount(): Promise<void>;
}

const SGR = /\x1b\[[0-9;]*m/g;

/** Renders the reader at `columns` × `rows` over real services, with the cache read. */
export async function renderReader(options: RenderOptions): Promise<RenderedReader> {
  const terminal = new FakeTerminal(options.columns, options.rows);
  const store = createStore(
    initialState({
      lang: options.lang ?? 'zh',
      columns: options.columns,
      rows: options.rows,
      catalog: options.catalog,
      now: Date.now(),
    }),
  );
  let quits = 0;
  const controller = createController(store, options.services, { onQuit: () => void (quits += 1) });
  await controller.start({ shouldRefresh: options.shouldRefresh ?? false });
  const { bindings } = buildBindings(options.keys ?? {});
  const instance = render(
    <App
      store={store}
      controller={controller}
      bindings={bindings}
      theme={createTheme(options.useColor ?? true)}
      stdout={terminal}
    />,
  );
  const rawFrame = (): string => instance.lastFrame() ?? '';
  const frame = (): string => rawFrame().replace(SGR, '');
  const waitUntil = async (predicate: (frame: string) => boolean): Promise<string> => {
    await vi.waitFor(
      () => {
        if (!predicate(frame())) throw new Error(`frame did not match:\n${frame()}`);
      },
      // Generous: a loaded CI machine (tests run in parallel on 2 cores) can take seconds for what
      // takes milliseconds alone. Only a real failure waits this long.
      { timeout: 15_000, interval: 5 },
    );
    return frame();
  };
  return {
    store,
    controller,
    frame,
    rawFrame,
    async press(...keys) {
      for (const key of keys) {
        const before = store.getState();
        instance.stdin.write(key);
        // A lone ESC is held back by Ink until it knows no sequence follows; wait for the state
        // to take the key (or for Ink's input queue to drain) before sending the next one. A key
        // sent while ESC is still held would join it (ESC ! is Alt-!). ESC always navigates in
        // these tests, so for it wait for the navigation itself, not just any change (a
        // background load landing meanwhile), with the generous wait of a loaded machine.
        const isEsc = key === KEYS.esc;
        const isTaken = (): boolean => {
          const now = store.getState();
          return isEsc
            ? now.stack !== before.stack || now.isHelpOpen !== before.isHelpOpen
            : now !== before;
        };
        await vi
          .waitFor(
            () => {
              if (!isTaken()) throw new Error('key not handled yet');
            },
            { timeout: isEsc ? 5000 : 300, interval: 2 },
          )
          .catch(() => undefined);
      }
    },
    waitFor: (text) =>
      waitUntil((f) => (typeof text === 'string' ? f.includes(text) : text.test(f))),
    waitUntil,
    resize(columns, rows) {
      terminal.columns = columns;
      terminal.rows = rows;
      terminal.emit('resize');
    },
    quitCount: () => quits,
    async unmount() {
      instance.unmount();
      controller.dispose();
      await controller.idle();
    },
  };
}
