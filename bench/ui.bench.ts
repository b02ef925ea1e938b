// Reader bench: the built CLI in a real pseudo-terminal over 5,000 cached items (100 generated
// feeds × 50, cached by one real fetch). Start-up to the first complete Home frame against a
// one-line bundled Ink app measured the same way in the same run; keypress → rendered frame in the
// list and on an article page; peak RSS (VmHWM) against the Ink app's.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { requireBuiltCli } from './cli-path.js';
import { startBenchFeedServer, writeBenchCatalog } from './feed-server-client.js';
import { childEnv, runNode } from './measure-process.js';
import { median, summarize } from './stats.js';
import type { BenchResult } from './types.js';
import { nodeBundleOptions, requireBanner } from '../scripts/esbuild-options.mjs';

const { Terminal } = xterm;
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const COLUMNS = 100;
const ROWS = 40;
const STARTS = 7;
const KEYPRESSES = 40;

interface Session {
  readonly pid: number;
  readonly startedAt: number;
  text(): string;
  row(y: number): string;
  write(data: string): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<number>;
  resize(columns: number, rows: number): void;
  close(): Promise<void>;
}

function startSession(args: readonly string[], env: Record<string, string | undefined>): Session {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) clean[key] = value;
  const startedAt = performance.now();
  const child = pty.spawn(process.execPath, [...args], {
    name: 'xterm-256color',
    cols: COLUMNS,
    rows: ROWS,
    env: clean,
  });
  const term = new Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true });
  const waiters = new Set<() => void>();
  child.onData((data) => term.write(data, () => waiters.forEach((check) => check())));
  const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
  const row = (y: number): string => {
    const buffer = term.buffer.active;
    return buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '';
  };
  const text = (): string => Array.from({ length: term.rows }, (_, y) => row(y)).join('\n');
  return {
    pid: child.pid,
    startedAt,
    text,
    row,
    write: (data) => child.write(data),
    // Resolves with the time the screen first satisfied the predicate (checked after every write
    // xterm has parsed), so polling intervals do not inflate the figures.
    waitFor: (predicate, timeoutMs = 20_000) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; screen:\n${text()}`));
        }, timeoutMs);
        const check = (): void => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(performance.now());
        };
        waiters.add(check);
        check();
      }),
    resize(columns, rows) {
      child.resize(columns, rows);
      term.resize(columns, rows);
    },
    async close() {
      child.kill();
      await exited;
    },
  };
}

/** Peak resident memory of a live process, in MiB (Linux /proc). */
function peakRssMiB(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

async function bundleInkHello(dir: string): Promise<string> {
  const outfile = join(dir, 'ink-hello.mjs');
  await build({
    stdin: {
      contents: [
        "import React from 'react';",
        "import { render, Text } from 'ink';",
        "render(React.createElement(Text, null, 'tidings hello'));",
        // Stay alive so its memory can be read; the bench kills it.
        'setInterval(() => {}, 1000);',
      ].join('\n'),
      resolveDir: REPO_ROOT,
      loader: 'js',
    },
    outfile,
    ...nodeBundleOptions,
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: requireBanner },
  });
  return outfile;
}

/** True when the Home screen is complete: the list's cursor row, the status and the hints are drawn. */
function isHomeComplete(session: Session): boolean {
  return (
    session.row(2).startsWith('›') &&
    /unread|未读/.test(session.row(ROWS - 3)) &&
    session.row(ROWS - 2).startsWith('j/k')
  );
}

export async function run(): Promise<BenchResult[]> {
  const cli = requireBuiltCli();
  const home = await mkdtemp(join(tmpdir(), 'tidings-bench-ui-'));
  const dir = await mkdtemp(join(tmpdir(), 'tidings-bench-ui-hello-'));
  const results: BenchResult[] = [];
  try {
    const server = await startBenchFeedServer();
    let items: number;
    try {
      await mkdir(join(home, 'config'), { recursive: true });
      await writeBenchCatalog(join(home, 'config', 'catalog.json'), server.feedUrls);
      items = server.ready.totalItems;
      const fetched = await runNode([cli, 'fetch'], childEnv(home));
      if (fetched.code !== 0)
        throw new Error(`populating fetch exited ${fetched.code}: ${fetched.stderr.trim()}`);
    } finally {
      // The reader's background refresh then fails fast (connection refused); nothing timed waits on it.
      await server.close();
    }
    await writeFile(join(home, 'config', 'settings.json'), '{}');
    const env: Record<string, string | undefined> = { ...childEnv(home), LANG: 'en_US.UTF-8' };
    delete env['NO_COLOR'];

    const hello = await bundleInkHello(dir);
    const helloTimes: number[] = [];
    const helloRss: number[] = [];
    for (let i = 0; i <= STARTS; i++) {
      const session = startSession([hello], env);
      const at = await session.waitFor(() => session.text().includes('tidings hello'));
      const rss = peakRssMiB(session.pid);
      await session.close();
      if (i === 0) continue; // warm-up
      helloTimes.push(at - session.startedAt);
      if (rss !== null) helloRss.push(rss);
    }
    const helloResult = summarize(
      'reader: one-line bundled Ink app, spawn → first frame (pty)',
      helloTimes,
      {
        note: `${STARTS} runs in a ${COLUMNS}×${ROWS} pty`,
      },
    );
    results.push(helloResult);

    const startTimes: number[] = [];
    const readerRss: number[] = [];
    let listKeys: number[] = [];
    let pageKeys: number[] = [];
    for (let i = 0; i <= STARTS; i++) {
      const session = startSession([cli], env);
      const at = await session.waitFor(() => isHomeComplete(session));
      if (i > 0) startTimes.push(at - session.startedAt);
      if (i === STARTS) {
        // Keypress → frame in the 5,000-item list (cursor moves down, then back up).
        for (let k = 0; k < KEYPRESSES; k++) {
          const key = k % 2 === 0 ? 'j' : 'k';
          const row = k % 2 === 0 ? 3 : 2;
          const sent = performance.now();
          session.write(key);
          listKeys.push((await session.waitFor(() => session.row(row).startsWith('›'))) - sent);
        }
        // Keypress → frame on an article page: alternate next/previous page. A short terminal
        // (8 text rows) gives the generated articles several pages.
        session.resize(COLUMNS, 16);
        await session.waitFor(() => session.row(14).startsWith('j/k'));
        let isPaged = false;
        for (let n = 0; n < 20 && !isPaged; n++) {
          session.write('\r');
          await session.waitFor(() => /page 1\/(\d+)/.test(session.text()));
          isPaged = Number(/page 1\/(\d+)/.exec(session.text())?.[1]) >= 2;
          if (isPaged) break;
          session.write('\x1b');
          await session.waitFor(() => session.row(14).startsWith('j/k'));
          session.write('j');
        }
        for (let k = 0; isPaged && k < KEYPRESSES; k++) {
          const target = k % 2 === 0 ? 'page 2/' : 'page 1/';
          const sent = performance.now();
          session.write(k % 2 === 0 ? ' ' : 'b');
          pageKeys.push((await session.waitFor(() => session.text().includes(target))) - sent);
        }
      }
      const rss = peakRssMiB(session.pid);
      if (i > 0 && rss !== null) readerRss.push(rss);
      session.write('Q');
      await session.close();
    }
    const startup = summarize(
      `reader: spawn → first complete Home frame (${items.toLocaleString('en-US')} cached items, pty)`,
      startTimes,
      {
        target: `≤ 1.0× Ink hello (${Math.round(helloResult.medianMs)} ms)`,
        ratio: median(startTimes) / helloResult.medianMs,
        ratioTo: helloResult.scenario,
        note: `${STARTS} runs in a ${COLUMNS}×${ROWS} pty; the background refresh starts after this frame`,
      },
    );
    results.push(startup);
    listKeys = listKeys.slice(2);
    pageKeys = pageKeys.slice(2);
    results.push(
      summarize(`reader: keypress → frame, ${items.toLocaleString('en-US')}-item list`, listKeys, {
        target: '≤ 16 ms',
        note: `${listKeys.length} presses of j/k, measured through the pty and xterm parsing`,
      }),
    );
    if (pageKeys.length > 0) {
      results.push(
        summarize('reader: keypress → frame, article page turn', pageKeys, {
          target: '≤ 16 ms',
          note: `${pageKeys.length} presses of Space/b in a ${COLUMNS}×16 pty`,
        }),
      );
    }
    if (readerRss.length > 0 && helloRss.length > 0) {
      const hello = median(helloRss);
      results.push(
        summarize(`reader: peak RSS (${items.toLocaleString('en-US')} cached items)`, readerRss, {
          unit: 'MiB',
          target: `≤ 1.6× Ink hello (${Math.round(hello)} MiB)`,
          ratio: median(readerRss) / hello,
          ratioTo: 'Ink hello peak RSS',
          note: 'VmHWM from /proc after start-up (and, in the last run, the keypresses)',
        }),
      );
    }
    return results;
  } finally {
    await rm(home, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}
