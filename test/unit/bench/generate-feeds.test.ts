// The bench workload generator: deterministic, the advertised shape, and readable by the real
// pipeline (decode → parse → normalize), so the refresh bench measures real work.
import { Buffer } from 'node:buffer';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom, generateWorkload, type Workload } from '../../../bench/generate-feeds.js';
import { decodeFeedBytes, isValidUtf8 } from '../../../src/core/feeds/decode.js';
import type { Item } from '../../../src/core/feeds/item.js';
import { normalizeFeed } from '../../../src/core/feeds/normalize.js';
import { parseFeed } from '../../../src/core/feeds/parse-feed.js';

const HAS_CJK = /[\u4e00-\u9fff]/;

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
  });
});

describe('generateWorkload', () => {
  let workload: Workload;
  const items = new Map<string, Item[]>();

  beforeAll(async () => {
    workload = generateWorkload();
    for (const feed of workload.feeds) {
      const url = `http://127.0.0.1:1${feed.path}`;
      const decoded = decodeFeedBytes(feed.body, feed.contentType);
      const normalized = normalizeFeed(await parseFeed(decoded.text), {
        feedUrl: url,
        baseUrl: url,
        now: new Date('2026-11-27T00:00:00Z'),
      });
      items.set(feed.path, normalized.items);
    }
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const small = { feeds: 8, itemsPerFeed: 4 };
    const again = generateWorkload(small).feeds.map((feed) => feed.body.toString('base64'));
    expect(generateWorkload(small).feeds.map((feed) => feed.body.toString('base64'))).toEqual(
      again,
    );
    const other = generateWorkload({ ...small, seed: 7 }).feeds.map((feed) =>
      feed.body.toString('base64'),
    );
    expect(other).not.toEqual(again);
  });

  it('has 100 feeds × 50 items, about 14 MB, 3 Atom and 1 GBK feed', () => {
    expect(workload.feeds).toHaveLength(100);
    expect(workload.totalItems).toBe(5000);
    expect(workload.totalBytes).toBeGreaterThan(13_000_000);
    expect(workload.totalBytes).toBeLessThan(15_000_000);
    expect(workload.feeds.filter((feed) => feed.kind === 'atom')).toHaveLength(3);
    expect(workload.feeds.filter((feed) => feed.kind === 'rss-gbk')).toHaveLength(1);
    expect(new Set(workload.feeds.map((feed) => feed.path)).size).toBe(100);
    expect(new Set(workload.feeds.map((feed) => feed.etag)).size).toBe(100);
  });

  it('declares GBK only in the prolog and encodes it as GBK', () => {
    const gbk = workload.feeds.find((feed) => feed.kind === 'rss-gbk');
    expect(gbk?.contentType).toBe('application/rss+xml');
    expect(gbk?.body.subarray(0, 38).toString('latin1')).toBe(
      '<?xml version="1.0" encoding="GBK"?>\n<',
    );
    // Not valid UTF-8: only the prolog's declaration can decode it.
    expect(gbk === undefined ? null : isValidUtf8(gbk.body)).toBe(false);
    const decoded = gbk === undefined ? null : decodeFeedBytes(gbk.body, gbk.contentType);
    expect(decoded?.source).toBe('declaration');
    expect(decoded?.charset).toBe('gb18030');
  });

  it('parses every feed to its 50 items with clean titles, links and dates', () => {
    for (const feed of workload.feeds) {
      const list = items.get(feed.path) ?? [];
      expect(list, feed.path).toHaveLength(50);
      for (const item of list) {
        expect(item.title, feed.path).not.toBe('');
        expect(item.title.includes('\ufffd'), feed.path).toBe(false);
        expect(item.link?.startsWith('https://news'), feed.path).toBe(true);
        expect(item.published, feed.path).toMatch(/^2026-/);
      }
    }
  });

  it('has 40% Chinese titles', () => {
    const all = [...items.values()].flat();
    expect(all.filter((item) => HAS_CJK.test(item.title))).toHaveLength(2000);
    expect(workload.feeds.filter((feed) => feed.isChinese)).toHaveLength(40);
  });

  it('gives every item an HTML description of 1–4 KB', () => {
    const sizes = [...items.values()]
      .flat()
      .map((item) => Buffer.byteLength(item.contentHtml ?? ''));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1024);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096);
    expect(
      [...items.values()].flat().every((item) => (item.contentHtml ?? '').startsWith('<p>')),
    ).toBe(true);
  });
});
