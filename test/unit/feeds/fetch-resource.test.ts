import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_FETCH_OPTIONS,
  fetchResource,
  type FetchOptions,
} from '../../../src/core/feeds/fetch-resource.js';
import { gzipBomb, startFeedServer, type FeedServer } from '../../helpers/feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const options = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
  ...DEFAULT_FETCH_OPTIONS,
  fetch: globalThis.fetch,
  userAgent: 'tidings/test',
  ...extra,
});

describe('fetchResource', () => {
  it('returns the bytes, final URL, validators and sends our headers', async () => {
    server.route('/ok.xml', {
      body: '<rss/>',
      etag: '"v1"',
      lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
    });
    const result = await fetchResource(server.url('/ok.xml'), options());
    expect(result).toMatchObject({ status: 'ok', url: server.url('/ok.xml'), etag: '"v1"' });
    if (result.status === 'ok') expect(Buffer.from(result.bytes).toString()).toBe('<rss/>');
    const request = server.requests.find((r) => r.path === '/ok.xml');
    expect(request?.headers['user-agent']).toBe('tidings/test');
    expect(request?.headers['accept']).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(request?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends If-None-Match / If-Modified-Since and reports not-modified on 304', async () => {
    server.route('/cond.xml', { body: '<rss/>', etag: '"abc"' });
    const result = await fetchResource(
      server.url('/cond.xml'),
      options({ etag: '"abc"', lastModified: 'x' }),
    );
    expect(result.status).toBe('not-modified');
    const request = server.requests.filter((r) => r.path === '/cond.xml').at(-1);
    expect(request?.headers['if-none-match']).toBe('"abc"');
    expect(request?.headers['if-modified-since']).toBe('x');
  });

  it('follows redirects and keeps the final URL', async () => {
    server.route('/r1', { redirectTo: '/r2' });
    server.route('/r2', { redirectTo: server.url('/final.xml'), status: 301 });
    server.route('/final.xml', { body: 'x' });
    const result = await fetchResource(server.url('/r1'), options());
    expect(result.url).toBe(server.url('/final.xml'));
  });

  it('stops a redirect loop after 5 redirects', async () => {
    server.route('/loop', { redirectTo: '/loop' });
    const before = server.hits('/loop');
    await expect(fetchResource(server.url('/loop'), options())).rejects.toThrow(
      'too many redirects (more than 5)',
    );
    expect(server.hits('/loop') - before).toBe(6);
  });

  it('refuses non-http URLs and redirects to them', async () => {
    await expect(fetchResource('file:///etc/passwd', options())).rejects.toThrow(
      'only http and https URLs are fetched, not file',
    );
    server.route('/to-file', { redirectTo: 'file:///etc/passwd' });
    await expect(fetchResource(server.url('/to-file'), options())).rejects.toThrow(
      'redirect to a non-http URL refused',
    );
  });

  it('reports HTTP errors by status', async () => {
    server.route('/500', { status: 500, body: 'boom' });
    await expect(fetchResource(server.url('/404'), options())).rejects.toThrow(
      'HTTP 404 Not Found',
    );
    await expect(fetchResource(server.url('/500'), options())).rejects.toThrow(
      'HTTP 500 Internal Server Error',
    );
  });

  it('cuts off a server that never answers (connect timeout)', async () => {
    server.route('/hang', { hang: true });
    await expect(
      fetchResource(server.url('/hang'), options({ connectTimeoutMs: 200 })),
    ).rejects.toThrow('timed out after 200 ms waiting for a response');
  });

  it('cuts off a server that drips bytes (total timeout)', async () => {
    server.route('/drip', { dripIntervalMs: 20 });
    await expect(
      fetchResource(server.url('/drip'), options({ totalTimeoutMs: 300 })),
    ).rejects.toThrow('timed out after 300 ms reading the response');
  });

  it('reports a connection reset', async () => {
    server.route('/reset', { reset: true });
    await expect(fetchResource(server.url('/reset'), options())).rejects.toThrow(
      /connection reset|socket|other side closed/i,
    );
  });

  it('reports a refused connection', async () => {
    const closed = await startFeedServer();
    const url = closed.url('/feed');
    await closed.close();
    await expect(fetchResource(url, options())).rejects.toThrow('connection refused');
  });

  it('cuts off a gzip bomb by its decompressed size', async () => {
    server.route('/bomb', {
      body: gzipBomb(64 * 1024 * 1024),
      headers: { 'content-encoding': 'gzip' },
    });
    await expect(fetchResource(server.url('/bomb'), options())).rejects.toThrow(
      'response too large: over 10 MiB (after decompression)',
    );
  });

  it('refuses a 50 MB body', async () => {
    server.route('/huge', { body: new Uint8Array(50 * 1024 * 1024) });
    await expect(fetchResource(server.url('/huge'), options())).rejects.toThrow(
      'response too large: 50 MiB (limit 10 MiB)',
    );
  });

  it('decompresses gzip bodies', async () => {
    server.route('/gz', { body: '<rss>压缩</rss>', gzip: true });
    const result = await fetchResource(server.url('/gz'), options());
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(Buffer.from(result.bytes).toString()).toBe('<rss>压缩</rss>');
  });

  it('can be cancelled', async () => {
    server.route('/slow', { hang: true });
    const controller = new AbortController();
    const pending = fetchResource(server.url('/slow'), options({ signal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toThrow('cancelled');
  });
});
