// A real HTTP server on 127.0.0.1 for tests: byte-exact bodies, recorded request headers, hit
// counts, and the faults feeds have in the wild (hang, drip, reset, redirect loops, gzip bombs).
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface Route {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Serve the body gzip-compressed (sets Content-Encoding). */
  readonly gzip?: boolean;
  /** Answer 304 when the request's If-None-Match equals this ETag; sends it as ETag otherwise. */
  readonly etag?: string;
  /** Sent as Last-Modified; a request with the same If-Modified-Since gets 304. */
  readonly lastModified?: string;
  /** Wait this long before answering. */
  readonly delayMs?: number;
  /** Never answer (the socket stays open until the server closes). */
  readonly hang?: boolean;
  /** Send headers, then one byte every `intervalMs`, forever. */
  readonly dripIntervalMs?: number;
  /** Destroy the socket without answering. */
  readonly reset?: boolean;
  /** Redirect (302) to this path or URL. */
  readonly redirectTo?: string;
}

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

export interface FeedServer {
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Defines what a path answers; a function is called per request. */
  route(path: string, route: Route | ((request: IncomingMessage) => Route)): void;
  /** How many requests a path received. */
  hits(path: string): number;
  readonly requests: readonly RecordedRequest[];
  /** Extra delay added to every request (latency simulation). */
  latencyMs: number;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with a free port. Unknown paths answer 404. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route | ((request: IncomingMessage) => Route)>();
  const hitCounts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let latencyMs = 0;

  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const answer = (request: IncomingMessage, response: ServerResponse, route: Route): void => {
    if (route.reset === true) {
      request.socket.destroy();
      return;
    }
    if (route.hang === true) return;
    if (route.redirectTo !== undefined) {
      response.writeHead(route.status ?? 302, { location: route.redirectTo });
      response.end();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/rss+xml',
      ...route.headers,
    };
    if (route.etag !== undefined) {
      headers['etag'] = route.etag;
      if (request.headers['if-none-match'] === route.etag) {
        response.writeHead(304, headers);
        response.end();
        return;
      }
    }
    if (route.lastModified !== undefined) {
      headers['last-modified'] = route.lastModified;
      if (route.etag === undefined && request.headers['if-modified-since'] === route.lastModified) {
        response.writeHead(304, headers);
        response.end();
        return;
      }
    }
    if (route.dripIntervalMs !== undefined) {
      response.writeHead(route.status ?? 200, headers);
      const drip = (): void => {
        if (response.destroyed) return;
        response.write('<');
        later(route.dripIntervalMs ?? 100, drip);
      };
      drip();
      return;
    }
    let body: Uint8Array | string = route.body ?? '';
    if (route.gzip === true) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(
      typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    );
    response.writeHead(route.status ?? 200, headers);
    response.end(body);
  };

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    hitCounts.set(path, (hitCounts.get(path) ?? 0) + 1);
    requests.push({ path, headers: request.headers });
    const defined = routes.get(path);
    const route: Route =
      defined === undefined
        ? { status: 404, body: 'not found', headers: { 'content-type': 'text/plain' } }
        : typeof defined === 'function'
          ? defined(request)
          : defined;
    const delay = latencyMs + (route.delayMs ?? 0);
    if (delay > 0) later(delay, () => answer(request, response, route));
    else answer(request, response, route);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path) => `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, route) => void routes.set(path, route),
    hits: (path) => hitCounts.get(path) ?? 0,
    requests,
    get latencyMs() {
      return latencyMs;
    },
    set latencyMs(value: number) {
      latencyMs = value;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A gzip body that inflates to `size` bytes of zeros: a few KB on the wire. */
export function gzipBomb(size: number): Uint8Array {
  return gzipSync(Buffer.alloc(size, 0x20));
}
