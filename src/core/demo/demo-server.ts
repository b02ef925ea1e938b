// The demo edition's HTTP server: serves the bundled feeds, article pages and pictures on
// 127.0.0.1 so `--demo` runs the real pipeline (fetch, charset, conditional GET, gzip, full text,
// multi-page merge) with no network. Owns the socket; never writes output, never exits.
//
// Why a fixed port: the feed cache, item ids and read state are keyed by feed URL, so the URLs
// should be the same on every run. The server therefore tries DEMO_PORT (47800) first and only
// falls back to a free port when that one is taken (a second demo running, or something else).
// After a fallback the URLs differ and the demo simply re-fetches: nothing breaks, it just does
// not find its earlier cache. The CLI should also keep the demo's state apart from the user's
// (its own folder under the data home), so demo items never mix with real ones.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
// The one place that *encodes* GBK: the demo's legacy portal. (decode.ts stays the only decoder.)
import iconv from 'iconv-lite';
import type { Catalog } from '../catalog/catalog.js';
import type { DemoArticle, DemoSite } from './demo-article.js';
import { DEMO_ARTICLES } from './demo-articles.js';
import {
  DEMO_FEEDS,
  DEMO_SITES,
  demoArticlePath,
  demoCatalog,
  demoFeed,
  demoImagePath,
  demoSite,
} from './demo-edition.js';
import { countImages } from './demo-html.js';
import { demoImageSvg } from './demo-image.js';
import { renderDemoOpml } from './demo-opml.js';
import { editionTime } from './demo-time.js';
import { renderFeed } from './render-feed.js';
import { pageCount, renderArticlePage, renderDemoHome, renderSiteIndex } from './render-page.js';

/** The port the demo asks for first, so its feed URLs are stable between runs. */
export const DEMO_PORT = 47800;

export interface DemoServerOptions {
  /** The clock; every date in the edition is "now minus an offset", rounded to 10 minutes. */
  readonly now: () => Date;
  /** Port to try first (default {@link DEMO_PORT}); 0 picks a free port. Busy → a free port. */
  readonly port?: number;
}

export interface DemoServer {
  /** The demo catalog: channels and regions whose feeds point at this server. */
  readonly catalog: Catalog;
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  /** Stops listening and drops open connections. Safe to call twice. */
  close(): Promise<void>;
}

interface Resource {
  readonly body: string | Uint8Array;
  readonly contentType: string;
  readonly lastModified: Date;
}

type Resolver = (origin: string, now: Date) => Resource;

/** Articles of each feed and of each site, for related reading and rankings. */
function groupArticles(): {
  byFeed: Map<string, DemoArticle[]>;
  bySite: Map<string, DemoArticle[]>;
} {
  const byFeed = new Map<string, DemoArticle[]>();
  const bySite = new Map<string, DemoArticle[]>();
  for (const article of DEMO_ARTICLES) {
    const site = demoFeed(article.feed).site;
    byFeed.set(article.feed, [...(byFeed.get(article.feed) ?? []), article]);
    bySite.set(site, [...(bySite.get(site) ?? []), article]);
  }
  return { byFeed, bySite };
}

function encodeFor(site: DemoSite, text: string): Uint8Array {
  return site.charset === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

/** Every path the server answers, built once from the edition data. */
function buildRoutes(): Map<string, Resolver> {
  const routes = new Map<string, Resolver>();
  const { byFeed, bySite } = groupArticles();

  routes.set('/', (origin, now) => ({
    body: renderDemoHome(origin),
    contentType: 'text/html; charset=utf-8',
    lastModified: now,
  }));
  routes.set('/tidings-demo.opml', (origin, now) => ({
    body: renderDemoOpml(origin, now),
    contentType: 'text/x-opml; charset=utf-8',
    lastModified: now,
  }));

  for (const feed of DEMO_FEEDS) {
    const site = demoSite(feed.site);
    const articles = byFeed.get(feed.id) ?? [];
    // The GBK portal declares its charset only in the XML prolog, as many legacy portals do, so
    // the reader must read the declaration; the others also say it in the header.
    const contentType =
      site.charset === 'gbk'
        ? 'text/xml'
        : feed.format === 'atom'
          ? 'application/atom+xml; charset=utf-8'
          : 'application/rss+xml; charset=utf-8';
    routes.set(`/${site.id}/${feed.path}`, (origin, now) => {
      const rendered = renderFeed(feed, articles, origin, now);
      return {
        body: encodeFor(site, rendered.xml),
        contentType,
        lastModified: rendered.lastModified,
      };
    });
  }

  for (const site of DEMO_SITES) {
    const siteArticles = bySite.get(site.id) ?? [];
    const htmlType = site.charset === 'gbk' ? 'text/html; charset=GBK' : 'text/html; charset=utf-8';
    routes.set(`/${site.id}/`, (_origin, now) => ({
      body: encodeFor(site, renderSiteIndex(site, siteArticles)),
      contentType: htmlType,
      lastModified: now,
    }));
    const css = site.template === 'portal' ? 'style.css' : 'site.css';
    routes.set(`/${site.id}/static/${css}`, () => ({
      body: 'body{font-family:sans-serif;margin:0}.sidebar,.rail{float:right;width:30%}\n',
      contentType: 'text/css; charset=utf-8',
      lastModified: new Date(0),
    }));
    for (const article of siteArticles) {
      const related = (byFeed.get(article.feed) ?? []).filter((a) => a.id !== article.id);
      const popular = siteArticles.filter((a) => a.id !== article.id);
      for (let page = 1; page <= pageCount(article); page += 1) {
        routes.set(demoArticlePath(article, page), (_origin, now) => ({
          body: encodeFor(site, renderArticlePage(article, page, { site, now, related, popular })),
          contentType: htmlType,
          lastModified: new Date(now.getTime() - article.minutesAgo * 60_000),
        }));
      }
      const images = countImages([...article.body, ...(article.morePages ?? []).flat()]);
      const alts = [...article.body, ...(article.morePages ?? []).flat()].flatMap((b) =>
        typeof b !== 'string' && 'img' in b ? [b.img.alt] : [],
      );
      for (let n = 1; n <= images; n += 1) {
        routes.set(demoImagePath(article, n), () => ({
          body: demoImageSvg(alts[n - 1] ?? article.title),
          contentType: 'image/svg+xml',
          lastModified: new Date(0),
        }));
      }
    }
  }
  return routes;
}

function httpDate(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();
}

function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip') return false;
    const q = params
      .map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1])
      .find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/** Weak comparison, as If-None-Match requires: `W/"x"` matches `"x"`. */
function etagMatches(header: string, etag: string): boolean {
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === opaque;
  });
}

function isNotModified(request: IncomingMessage, etag: string, lastModified: Date): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, etag);
  const ims = request.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

function answer(
  request: IncomingMessage,
  response: ServerResponse,
  resource: Resource | undefined,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('method not allowed\n');
    return;
  }
  if (resource === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found\n');
    return;
  }
  const raw =
    typeof resource.body === 'string'
      ? Buffer.from(resource.body, 'utf8')
      : Buffer.from(resource.body);
  const tag = createHash('sha1').update(raw).digest('base64url').slice(0, 20);
  const gzip = acceptsGzip(request.headers['accept-encoding']);
  // A compressed variant gets a weak tag, as nginx does, so the two variants never share a strong one.
  const etag = gzip ? `W/"${tag}"` : `"${tag}"`;
  const headers: Record<string, string> = {
    'content-type': resource.contentType,
    etag,
    'last-modified': httpDate(resource.lastModified),
    'cache-control': 'public, max-age=300',
    vary: 'Accept-Encoding',
  };
  if (isNotModified(request, etag, resource.lastModified)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const body = gzip ? gzipSync(raw) : raw;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.byteLength);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Starts the demo edition's server on 127.0.0.1 and returns its catalog. The server is unref'd,
 * connections too, so it never keeps a CLI alive; call `close()` when done all the same.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const routes = buildRoutes();
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://demo.invalid').pathname;
    let resource: Resource | undefined;
    try {
      resource = routes.get(path)?.(origin, editionTime(options.now()));
    } catch {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('demo edition error\n');
      return;
    }
    answer(request, response, resource);
  });
  server.on('connection', (socket) => {
    // A kept-alive connection would otherwise hold the process open for the 5 s keep-alive timeout.
    socket.unref();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  let port: number;
  try {
    port = await listen(server, options.port ?? DEMO_PORT);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    port = await listen(server, 0);
  }
  server.unref();
  origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    catalog: demoCatalog(origin),
    origin,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
