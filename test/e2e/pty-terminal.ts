// Runs the built CLI (dist/cli.js) in a real pseudo-terminal and rebuilds its screen with
// @xterm/headless, so assertions are on what a user would see. CI is removed from the child's
// environment: Ink draws nothing until exit when it is set.
import { resolve } from 'node:path';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { vi } from 'vitest';

const { Terminal } = xterm;

export const repoRoot = resolve(import.meta.dirname, '../..');
export const cliPath = resolve(repoRoot, 'dist/cli.js');

export interface PtyTerminal {
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string[];
  text(): string;
  /** Everything the child wrote, raw. */
  raw(): string;
  write(data: string): void;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  waitUntil(predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  /** Which buffer xterm shows: the alternate screen while the reader runs. */
  bufferType(): 'normal' | 'alternate';
  readonly exited: Promise<number>;
  /** The child's process id (its main thread's id too, on Linux). */
  readonly pid: number;
  kill(): void;
}

export interface SpawnOptions {
  readonly args: readonly string[];
  readonly home: string;
  readonly columns: number;
  readonly rows: number;
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts `node dist/cli.js ARGS` in a pty of the given size. */
export function spawnCli(options: SpawnOptions): PtyTerminal {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env['CI'];
  delete env['NO_COLOR'];
  Object.assign(
    env,
    { TIDINGS_HOME: options.home, LANG: 'zh_CN.UTF-8', TERM: 'xterm-256color' },
    options.env,
  );
  const child = pty.spawn(process.execPath, [cliPath, ...options.args], {
    name: 'xterm-256color',
    cols: options.columns,
    rows: options.rows,
    cwd: options.home,
    env,
  });
  const term = new Terminal({ cols: options.columns, rows: options.rows, allowProposedApi: true });
  let raw = '';
  child.onData((data) => {
    raw += data;
    term.write(data);
  });
  const exited = new Promise<number>((resolveExit) =>
    child.onExit(({ exitCode }) => resolveExit(exitCode)),
  );
  const screen = (): string[] => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++)
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  };
  const waitUntil = async (
    predicate: (text: string) => boolean,
    timeoutMs = 10_000,
  ): Promise<string> => {
    await vi.waitFor(
      () => {
        if (!predicate(screen().join('\n')))
          throw new Error(`screen did not match:\n${screen().join('\n')}`);
      },
      { timeout: timeoutMs, interval: 10 },
    );
    return screen().join('\n');
  };
  return {
    screen,
    text: () => screen().join('\n'),
    raw: () => raw,
    write: (data) => child.write(data),
    waitFor: (text, timeoutMs) =>
      waitUntil((s) => (typeof text === 'string' ? s.includes(text) : text.test(s)), timeoutMs),
    waitUntil,
    resize(columns, rows) {
      child.resize(columns, rows);
      term.resize(columns, rows);
    },
    bufferType: () => term.buffer.active.type,
    exited,
    pid: child.pid,
    kill: () => child.kill(),
  };
}
