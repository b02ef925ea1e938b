import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeeds, formatAge } from '../../../src/core/catalog/check-feeds.js';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server.js';

const NOW = new Date('2026-11-27T08:00:00Z');

function rss(title: string, dates: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>${dates
    .map((d, i) => `<item><title>Item ${i}</title><guid>${i}</guid><pubDate>${d}</pubDate></item>`)
    .join('')}</channel></rss>`;
}

let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/fresh.xml', {
    body: rss('Fresh', ['Fri, 27 Nov 2026 05:00:00 GMT', 'Thu, 26 Nov 2026 05:00:00 GMT']),
  });
  server.route('/frozen.xml', { body: rss('Frozen', ['Mon, 01 May 2023 10:00:00 GMT']) });
  server.route('/empty.xml', { body: rss('Empty', []) });
  server.route('/page.html', {
    body: '<!DOCTYPE html><html><body>Moved</body></html>',
    headers: { 'content-type': 'text/html' },
  });
  server.route('/hang.xml', { hang: true });
  server.route('/slow.xml', { delayMs: 30, body: rss('Slow', ['Fri, 27 Nov 2026 07:00:00 GMT']) });
  // The first request of a process pays undici's start-up; keep it out of the timed cases.
  await (await fetch(server.url('/fresh.xml'))).arrayBuffer();
});
afterAll(async () => {
  await server.close();
});

const base = {
  fetch: globalThis.fetch,
  now: () => NOW,
  userAgent: 'tidings/test',
  connectTimeoutMs: 1500,
  totalTimeoutMs: 2000,
};

describe('checkFeeds', () => {
  it('reports ok, stale and failed feeds with reasons and newest-item ages, in input order', async () => {
    const checks = await checkFeeds(
      [
        { url: server.url('/fresh.xml') },
        { url: server.url('/frozen.xml'), title: 'Catalog title' },
        { url: server.url('/empty.xml') },
        { url: server.url('/missing.xml'), title: 'Gone' },
        { url: server.url('/page.html') },
        { url: server.url('/hang.xml') },
      ],
      base,
    );
    expect(
      checks.map((c) => [c.title, c.status, c.reason, c.items, c.newest, c.ageSeconds]),
    ).toEqual([
      ['Fresh', 'ok', null, 2, '2026-11-27T05:00:00.000Z', 3 * 3600],
      ['Frozen', 'stale', 'newest item is 1305 d old', 1, '2023-05-01T10:00:00.000Z', 112831200],
      ['Empty', 'stale', 'the feed has no items', 0, null, null],
      ['Gone', 'failed', 'HTTP 404 Not Found', 0, null, null],
      [server.url('/page.html'), 'failed', 'an HTML page, not a feed', 0, null, null],
      [server.url('/hang.xml'), 'failed', checks[5]?.reason, 0, null, null],
    ]);
    expect(checks[5]?.reason).toMatch(/timed out/);
  });

  it('fetches each feed exactly once, without validators, and never more than `concurrency` at a time', async () => {
    const paths = Array.from({ length: 9 }, (_, i) => `/c${i}.xml`);
    for (const path of paths) {
      server.route(path, {
        delayMs: 20,
        etag: '"v1"',
        body: rss(path, ['Fri, 27 Nov 2026 07:00:00 GMT']),
      });
    }
    let inFlight = 0;
    let peak = 0;
    const countingFetch: typeof globalThis.fetch = async (input, init) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await globalThis.fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const checks = await checkFeeds(
      paths.map((p) => ({ url: server.url(p) })),
      { ...base, fetch: countingFetch, concurrency: 3 },
    );
    expect(checks.map((c) => c.status)).toEqual(paths.map(() => 'ok'));
    expect(peak).toBe(3);
    for (const path of paths) expect(server.hits(path)).toBe(1);
    const sent = server.requests.filter((r) => paths.includes(r.path));
    expect(sent.every((r) => r.headers['if-none-match'] === undefined)).toBe(true);
  });

  it('reports progress once per feed', async () => {
    const seen: [string, number, number][] = [];
    await checkFeeds([{ url: server.url('/fresh.xml') }, { url: server.url('/slow.xml') }], {
      ...base,
      concurrency: 1,
      onProgress: (check, done, total) => seen.push([check.title, done, total]),
    });
    expect(seen).toEqual([
      ['Fresh', 1, 2],
      ['Slow', 2, 2],
    ]);
  });
});

describe('formatAge', () => {
  it('uses the largest fitting unit', () => {
    expect([
      formatAge(5),
      formatAge(125),
      formatAge(3 * 3600),
      formatAge(47 * 3600),
      formatAge(3 * 86400),
    ]).toEqual(['5 s', '2 min', '3 h', '47 h', '3 d']);
  });
});
