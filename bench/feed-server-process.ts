// The bench feed server, run as its own process (`node --import tsx bench/feed-server-process.ts`)
// so the measured CLI and the server never share the bench's event loop. It generates the
// workload, serves it byte-exact from 127.0.0.1 with strong ETags (If-None-Match → 304), and prints
// one JSON line `{"port", "feeds", "totalBytes", "totalItems"}` on stdout when it listens.
// Control routes (for the bench, not for feeds):
//   POST /__control/latency?ms=N   add N ms before every feed answer from now on
//   GET  /__control/stats          {"requests","ok","notModified","notFound"} since the last reset
//   POST /__control/reset          zero the counters
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateWorkload, type GeneratedFeed } from './generate-feeds.js';

/** What the server prints once it listens. */
export interface FeedServerReady {
  readonly port: number;
  readonly feeds: readonly { readonly path: string; readonly kind: string }[];
  readonly totalBytes: number;
  readonly totalItems: number;
}

/** Counters the bench reads to check that a run did what it claims (e.g. all 304). */
export interface FeedServerStats {
  requests: number;
  ok: number;
  notModified: number;
  notFound: number;
}

function parseArgs(argv: readonly string[]): { latencyMs: number; seed: number | undefined } {
  let latencyMs = 0;
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--latency') latencyMs = Number(argv[i + 1] ?? '0');
    if (argv[i] === '--seed') seed = Number(argv[i + 1]);
  }
  return { latencyMs, seed };
}

const args = parseArgs(process.argv.slice(2));
const workload = generateWorkload(args.seed === undefined ? {} : { seed: args.seed });
const byPath = new Map<string, GeneratedFeed>(workload.feeds.map((feed) => [feed.path, feed]));
let latencyMs = args.latencyMs;
const stats: FeedServerStats = { requests: 0, ok: 0, notModified: 0, notFound: 0 };

function control(request: IncomingMessage, response: ServerResponse, url: URL): void {
  if (url.pathname === '/__control/latency' && request.method === 'POST') {
    latencyMs = Math.max(0, Number(url.searchParams.get('ms') ?? '0'));
  } else if (url.pathname === '/__control/reset' && request.method === 'POST') {
    Object.assign(stats, { requests: 0, ok: 0, notModified: 0, notFound: 0 });
  } else if (url.pathname !== '/__control/stats') {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ ...stats, latencyMs }));
}

function answer(request: IncomingMessage, response: ServerResponse, feed: GeneratedFeed): void {
  if (request.headers['if-none-match'] === feed.etag) {
    stats.notModified += 1;
    response.writeHead(304, { etag: feed.etag });
    response.end();
    return;
  }
  stats.ok += 1;
  response.writeHead(200, {
    'content-type': feed.contentType,
    'content-length': String(feed.body.length),
    etag: feed.etag,
  });
  response.end(feed.body);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/__control/')) {
    control(request, response, url);
    return;
  }
  stats.requests += 1;
  const feed = byPath.get(url.pathname);
  if (feed === undefined) {
    stats.notFound += 1;
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  if (latencyMs > 0) setTimeout(() => answer(request, response, feed), latencyMs);
  else answer(request, response, feed);
});
server.keepAliveTimeout = 5_000;

server.listen(0, '127.0.0.1', () => {
  const ready: FeedServerReady = {
    port: (server.address() as AddressInfo).port,
    feeds: workload.feeds.map((feed) => ({ path: feed.path, kind: feed.kind })),
    totalBytes: workload.totalBytes,
    totalItems: workload.totalItems,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
});

// The parent ends us with SIGTERM, or by closing our stdin when it dies without cleaning up.
const stop = (): void => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
