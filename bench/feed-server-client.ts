// Starts bench/feed-server-process.ts as a child process and talks to its control routes.
// The server runs in its own process so it never shares an event loop with the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FeedServerReady, FeedServerStats } from './feed-server-process.js';

/** A running bench feed server. */
export interface BenchFeedServer {
  readonly baseUrl: string;
  readonly ready: FeedServerReady;
  /** Absolute URLs of every feed, in workload order. */
  readonly feedUrls: readonly string[];
  setLatency(ms: number): Promise<void>;
  stats(): Promise<FeedServerStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./feed-server-process.ts', import.meta.url));

async function readReadyLine(child: ChildProcess): Promise<FeedServerReady> {
  const stdout = child.stdout;
  if (stdout === null) throw new Error('feed server has no stdout');
  let buffered = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      stdout.off('data', onData);
      child.off('exit', onExit);
      try {
        resolve(JSON.parse(buffered.slice(0, newline)) as FeedServerReady);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`feed server exited (${code ?? 'signal'}) before listening: ${stderr}`));
    stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Starts the feed server process and waits until it listens. */
export async function startBenchFeedServer(
  options: { latencyMs?: number } = {},
): Promise<BenchFeedServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SERVER_SCRIPT, '--latency', String(options.latencyMs ?? 0)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const ready = await readReadyLine(child);
  const baseUrl = `http://127.0.0.1:${ready.port}`;
  const control = async (method: 'GET' | 'POST', path: string): Promise<unknown> => {
    const response = await fetch(`${baseUrl}/__control/${path}`, { method });
    if (!response.ok) throw new Error(`feed server control ${path}: HTTP ${response.status}`);
    return response.json();
  };
  return {
    baseUrl,
    ready,
    feedUrls: ready.feeds.map((feed) => `${baseUrl}${feed.path}`),
    setLatency: async (ms) => {
      await control('POST', `latency?ms=${ms}`);
    },
    stats: async () => (await control('GET', 'stats')) as FeedServerStats,
    resetStats: async () => {
      await control('POST', 'reset');
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Writes a catalog of the workload's feeds: four channels of a quarter each and three regions
 * with keywords, so `list` does real membership work.
 */
export async function writeBenchCatalog(file: string, feedUrls: readonly string[]): Promise<void> {
  const quarter = Math.ceil(feedUrls.length / 4);
  const slice = (n: number): string[] => feedUrls.slice(n * quarter, (n + 1) * quarter);
  const catalog = {
    channels: [
      { id: 'world', name: '国际', nameEn: 'World', feeds: slice(0) },
      { id: 'china', name: '国内', nameEn: 'China', feeds: slice(1) },
      { id: 'business', name: '财经', nameEn: 'Business', feeds: slice(2) },
      { id: 'tech', name: '科技', nameEn: 'Technology', feeds: slice(3) },
    ],
    regions: [
      { id: 'beijing', name: '北京', nameEn: 'Beijing', keywords: ['北京'], feeds: [] },
      {
        id: 'shanghai',
        name: '上海',
        nameEn: 'Shanghai',
        keywords: ['上海', 'Shanghai'],
        feeds: [],
      },
      {
        id: 'coast',
        name: '沿海',
        nameEn: 'Coast',
        keywords: ['coast', 'harbour', '港口'],
        feeds: feedUrls.slice(0, 5),
      },
    ],
  };
  await writeFile(file, `${JSON.stringify(catalog, null, 2)}\n`);
}
