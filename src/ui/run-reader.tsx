// Starts the full-screen reader: builds the services, reads the cache, enters the alternate
// screen, renders <App>, refreshes in the background, and restores the terminal on every exit
// path (Q, Ctrl-C, a signal, a crash). cli.tsx imports this lazily for the default command.
import type { ReadStream, WriteStream } from 'node:tty';
import { render } from 'ink';
import type { CommandContext } from '../commands/context.js';
import { createController } from '../app/controller.js';
import { createCoreServices } from '../app/core-services.js';
import { pickLang } from '../app/labels.js';
import { loadReaderSettings } from '../app/reader-settings.js';
import { initialState, type Lang } from '../app/state.js';
import { createStore } from '../app/store.js';
import { setAmbiguousWide } from '../app/text-fit.js';
import type { Catalog } from '../core/catalog/catalog.js';
import { loadUserCatalog, readCatalogFile } from '../core/catalog/load-catalog.js';
import { buildBindings } from '../keymap/bindings.js';
import { App } from './app.js';
import { FrameHost } from './components/frame-host.js';
import { createFastOutput } from './fast-output.js';
import { withoutResizeEvents } from './ink-stdout.js';
import { createTheme } from './theme.js';

/** Switches to the terminal's alternate screen (xterm 1049: saves the cursor, clears). */
const ENTER_ALT_SCREEN = '\x1b[?1049h';
/** Back to the normal screen and the cursor where it was; also shows the cursor. */
const LEAVE_ALT_SCREEN = '\x1b[?1049l\x1b[?25h';
/** Erase the screen and put the cursor home. */
const CLEAR_SCREEN = '\x1b[2J\x1b[H';

export interface ReaderDeps {
  readonly context: CommandContext;
  readonly stdin: NodeJS.ReadStream | ReadStream;
  readonly stdout: NodeJS.WriteStream | WriteStream;
  readonly stderr: NodeJS.WriteStream | WriteStream;
  /** --catalog FILE for this run, or null. */
  readonly catalogFile: string | null;
  /** --lang, when given. */
  readonly lang: string | undefined;
  readonly platform: NodeJS.Platform;
  /** Refresh every feed once the first frame is up. @default true */
  readonly shouldRefresh?: boolean;
}

async function resolveReaderCatalog(deps: ReaderDeps): Promise<Catalog> {
  if (deps.catalogFile === null && deps.context.demoCatalog !== null)
    return deps.context.demoCatalog;
  if (deps.catalogFile !== null) return readCatalogFile(deps.catalogFile);
  return (await loadUserCatalog(deps.context.paths)).catalog;
}

/** Runs the reader until the user quits; returns the exit code. */
export async function runReader(deps: ReaderDeps): Promise<number> {
  const { context, stdin, stdout, stderr } = deps;
  if (stdin.isTTY !== true || stdout.isTTY !== true) {
    stderr.write(
      'tidings: the reader needs a terminal; for scripts use `tidings list` or `tidings read`\n',
    );
    return 1;
  }
  const lang: Lang = pickLang(deps.lang, context.env);
  // Independent small reads: side by side.
  const [catalog, settings] = await Promise.all([
    resolveReaderCatalog(deps),
    loadReaderSettings(context.paths),
  ]);
  const { bindings, problems } = buildBindings(settings.keys);
  const isAmbiguousWide = settings.ambiguousWide === true;
  setAmbiguousWide(isAmbiguousWide);
  const store = createStore(
    initialState({
      lang,
      columns: stdout.columns,
      rows: stdout.rows,
      catalog,
      now: context.now().getTime(),
      ...(settings.fontSize === null ? {} : { fontSize: settings.fontSize }),
      isAmbiguousWide,
    }),
  );
  const notices: string[] = [...settings.problems, ...problems.map((p) => p.message)];
  const services = await createCoreServices({
    paths: context.paths,
    catalog,
    now: context.now,
    fetch: context.fetch,
    userAgent: context.userAgent,
    env: context.env,
    platform: deps.platform,
    ...(context.feedReaders === undefined ? {} : { feedReaders: context.feedReaders }),
    writeTerminal: (data) => void stdout.write(data),
    onNotice: (notice) =>
      store.dispatch({ type: 'notice-shown', notice: { text: notice.message, tone: 'error' } }),
  });
  let quit: () => void = () => undefined;
  const controller = createController(store, services, { onQuit: () => quit() });
  // The cache is local: read it before the first frame so Home opens complete. The network is
  // only touched by the background refresh started after the first frame.
  await controller.start({ shouldRefresh: false });
  if (notices.length > 0) {
    store.dispatch({ type: 'notice-shown', notice: { text: notices.join(' · '), tone: 'error' } });
  }

  let isAltScreen = true;
  const restore = (): void => {
    if (!isAltScreen) return;
    isAltScreen = false;
    stdout.write(LEAVE_ALT_SCREEN);
  };
  process.once('exit', restore);
  stdout.write(ENTER_ALT_SCREEN);
  // Frames are drawn by our own output stage (fast-output.ts): only changed rows are written,
  // synchronously on each commit. Ink still owns the components, input and layout.
  const output = createFastOutput({
    write: (data) => void stdout.write(data),
    rows: () => stdout.rows,
  });
  // On a resize the terminal reflows what is on screen, and erasing by line count would leave
  // fragments behind. We own the whole (alternate) screen: clear it, then the size hook puts the
  // new size in the state and the next frame is drawn whole (Ink never sees `resize` itself).
  const clearOnResize = (): void => {
    stdout.write(CLEAR_SCREEN);
    output.invalidate();
  };
  stdout.on('resize', clearOnResize);
  const instance = render(
    <FrameHost output={output}>
      <App
        store={store}
        controller={controller}
        bindings={bindings}
        theme={createTheme(context.useColor)}
        stdout={stdout}
      />
    </FrameHost>,
    {
      stdin,
      stdout: withoutResizeEvents(stdout as NodeJS.WriteStream),
      stderr,
      // Ctrl-C is a key of the table (app.quit), so it goes through the same exit path as Q.
      exitOnCtrlC: false,
      patchConsole: false,
      // Only used if the fast output hands a tree back to Ink; whole frames are what Ink 6.8
      // draws correctly (its incremental mode left stale lines in the pty tests).
      incrementalRendering: false,
      maxFps: 60,
    },
  );
  quit = () => {
    // Stop drawing and empty the tree first: Ink's unmount would otherwise serialise one last
    // full frame the user never sees (we leave the alternate screen right after).
    output.stop();
    instance.rerender(null);
    instance.unmount();
  };
  const handleSignal = (): void => instance.unmount();
  process.once('SIGTERM', handleSignal);
  process.once('SIGHUP', handleSignal);
  if (deps.shouldRefresh !== false) controller.perform('refresh.all');
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    restore();
    stderr.write(`tidings: the reader crashed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    controller.dispose();
    stdout.off('resize', clearOnResize);
    process.off('SIGTERM', handleSignal);
    process.off('SIGHUP', handleSignal);
    restore();
    process.off('exit', restore);
  }
}
