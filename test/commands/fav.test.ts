import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles/article.js';
import { runFavExport } from '../../src/commands/fav-export.js';
import { runFavList } from '../../src/commands/fav-list.js';
import { runFavRemove } from '../../src/commands/fav-remove.js';
import { runFavRepair } from '../../src/commands/fav-repair.js';
import { UsageError } from '../../src/commands/context.js';
import { serializeSnapshot, snapshotFileName } from '../../src/core/storage/favorite-snapshot.js';
import { FavoritesStore, shardOf } from '../../src/core/storage/favorites-store.js';
import { createTestContext, type TestContext } from '../helpers/command-context.js';
import { makeArticle } from '../unit/storage/fixtures/make-article.js';

let context: TestContext;
let clock: Date;

async function save(article: Article, tags: string[] = []): Promise<void> {
  const store = await FavoritesStore.open({ paths: context.paths, now: () => clock });
  await store.add(article, tags);
}

beforeEach(async () => {
  clock = new Date('2026-11-27T08:00:00.000Z');
  context = await createTestContext({ now: () => clock });
});
afterEach(async () => {
  await context.dispose();
});

describe('tidings fav list', () => {
  it('lists favorites newest saved first, as text and JSON', async () => {
    await save(makeArticle('a1', '厦门地铁开通'), ['交通']);
    clock = new Date('2026-11-27T09:00:00.000Z');
    await save(makeArticle('a2', 'Markets rally'));
    expect(await runFavList(context, { search: null, isJson: true })).toBe(0);
    const rows = JSON.parse(context.out.text()) as {
      id: string;
      tags: string[];
      savedAt: string;
    }[];
    expect(rows.map((r) => [r.id, r.savedAt, r.tags])).toEqual([
      ['a2', '2026-11-27T09:00:00.000Z', []],
      ['a1', '2026-11-27T08:00:00.000Z', ['交通']],
    ]);
    context.out.stdout.length = 0;
    await runFavList(context, { search: null, isJson: false });
    const lines = context.out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}a2 {2}Markets rally {2}· 新华网$/);
    expect(lines[1]).toMatch(/ {2}a1 {2}厦门地铁开通 {2}· 新华网 {2}\[交通\]$/);
  });

  it('searches titles, tags and the saved text, case- and width-insensitively', async () => {
    await save(makeArticle('a1', '厦门地铁开通'), ['交通']);
    await save(makeArticle('a2', 'Markets rally'));
    const search = async (text: string): Promise<string[]> => {
      context.out.stdout.length = 0;
      await runFavList(context, { search: text, isJson: true });
      return (JSON.parse(context.out.text()) as { id: string }[]).map((r) => r.id);
    };
    expect(await search('地铁')).toEqual(['a1']);
    expect(await search('MARKETS')).toEqual(['a2']);
    expect(await search('交通')).toEqual(['a1']);
    // Only in the body text ("Second paragraph with <b>markup-like</b> …"), in full width.
    expect((await search('ＭＡＲＫＵＰ-like')).sort()).toEqual(['a1', 'a2']);
    expect(await search('nothing like this')).toEqual([]);
    context.out.stdout.length = 0;
    await runFavList(context, { search: 'nothing like this', isJson: false });
    expect(context.out.text()).toBe('No favorites match.\n');
  });

  it('says how to start when there are none', async () => {
    await runFavList(context, { search: null, isJson: false });
    expect(context.out.text()).toBe('No favorites yet: save one with `tidings fav add ID`.\n');
  });
});

describe('tidings fav rm', () => {
  it('removes a favorite and fails with a usage error for an unknown id', async () => {
    await save(makeArticle('a1'));
    expect(await runFavRemove(context, { id: 'a1' })).toBe(0);
    expect(context.out.text()).toBe('Removed favorite a1: 标题 a1\n');
    await expect(runFavRemove(context, { id: 'a1' })).rejects.toThrow(UsageError);
  });
});

describe('tidings fav export', () => {
  it('Markdown: the print of each article (header, text, links, source link)', async () => {
    await save(makeArticle('a1', '厦门地铁开通'), ['交通']);
    const file = join(context.home, 'favorites.md');
    expect(await runFavExport(context, { format: 'md', output: file })).toBe(0);
    expect(context.out.text()).toBe(`Exported 1 favorite to ${file}\n`);
    const md = await readFile(file, 'utf8');
    expect(md.startsWith('# 收藏 · Favorites\n\n1 article · exported ')).toBe(true);
    expect(md).toContain('\n1. 厦门地铁开通 · 新华网\n');
    expect(md).toMatch(/\n新华网 · \d{4}-\d\d-\d\d \d\d:\d\d · 记者 张三 · 责任编辑：李四\n/);
    expect(md).toContain('\n### 小标题\n');
    expect(md).toContain('\n厦门地铁开通的正文第一段，见[1]。\n');
    expect(md).toContain('\nSecond paragraph with &lt;b>markup-like&lt;/b> text & symbols.\n');
    expect(md).toContain('\n- 要点一\n');
    expect(md).toContain('\nLinks:\n\n1. <https://example.org/ref>\n');
    expect(md).toContain('\n原文 · Source: <https://news.example.cn/a1.html>\n');
    expect(md).toContain('tags: 交通');
  });

  it('exports 1,000 favorites to one readable Markdown file', async () => {
    // Seeded as snapshot files (the index is rebuilt from them on open): 1,000 locked adds
    // would only test the lock again.
    const directory = join(context.paths.data, 'favorites');
    await mkdir(directory, { recursive: true });
    for (let n = 0; n < 1000; n += 1) {
      const snapshot = {
        article: makeArticle(`n${n}`, `第${n}篇`),
        savedAt: clock.toISOString(),
        tags: [],
      };
      await writeFile(join(directory, snapshotFileName(`n${n}`)), serializeSnapshot(snapshot));
    }
    const file = join(context.home, 'all.md');
    await runFavExport(context, { format: 'md', output: file });
    const md = await readFile(file, 'utf8');
    expect(md.match(/^## /gm)).toHaveLength(1000);
    expect(md.match(/^原文 · Source: </gm)).toHaveLength(1000);
    expect(md.startsWith('# 收藏 · Favorites\n\n1000 articles')).toBe(true);
    expect(md).toContain('\n## 第999篇\n');
  }, 120_000);

  it('HTML escapes everything from feeds and keeps only http(s) links', async () => {
    const evil: Article = {
      ...makeArticle('x1', '<script>alert("t")</script> & "quotes"'),
      blocks: [
        { type: 'paragraph', text: '<img src=x onerror=alert(1)>' },
        { type: 'image', index: 1, alt: '"><svg onload=alert(2)>', src: 'javascript:alert(3)' },
        { type: 'table', header: ['<th>'], rows: [['</td><script>']] },
      ],
      links: ['javascript:alert(4)', 'https://ok.example/?a=1&b="2"'],
    };
    await save(evil);
    await runFavExport(context, { format: 'html', output: null });
    const html = context.out.text();
    expect(html).not.toMatch(/<script|<img|<svg|javascript:[^<]*"/i);
    expect(html).toContain(
      '<h2>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;</h2>',
    );
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).toContain('<p class="image">[图 1: &quot;&gt;&lt;svg onload=alert(2)&gt;]</p>');
    expect(html).toContain('<li>javascript:alert(4)</li>');
    expect(html).toContain(
      '<li><a href="https://ok.example/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">https://ok.example/?a=1&amp;b=&quot;2&quot;</a></li>',
    );
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('JSON: every snapshot as saved; an unknown format is a usage error', async () => {
    await save(makeArticle('a1'));
    await runFavExport(context, { format: 'json', output: null });
    const doc = JSON.parse(context.out.text()) as {
      count: number;
      favorites: { article: Article }[];
    };
    expect(doc.count).toBe(1);
    expect(doc.favorites[0]?.article).toEqual(makeArticle('a1'));
    await expect(runFavExport(context, { format: 'pdf', output: null })).rejects.toThrow(
      'unknown export format "pdf" (use md, json, html)',
    );
  });
});

describe('tidings fav repair and corrupt files', () => {
  it('reports a corrupt snapshot once with its path and keeps the rest', async () => {
    await save(makeArticle('a1'));
    await save(makeArticle('a2'));
    const store = await FavoritesStore.open({ paths: context.paths, now: () => clock });
    await writeFile(store.snapshotPath('a1'), '{broken');
    await runFavExport(context, { format: 'json', output: null });
    expect(context.out.stderr).toEqual([
      `tidings: favorite snapshot ${store.snapshotPath('a1')} ("标题 a1", https://news.example.cn/a1.html) was corrupt (${(() => {
        try {
          JSON.parse('{broken');
        } catch (error) {
          return (error as Error).message;
        }
        return '';
      })()}); moved to ${store.snapshotPath('a1')}.corrupt-2026-11-27T08-00-00-000Z\n`,
    ]);
    expect((JSON.parse(context.out.text()) as { count: number }).count).toBe(1);
    context.out.stdout.length = 0;
    await runFavList(context, { search: null, isJson: true });
    expect((JSON.parse(context.out.text()) as { id: string }[]).map((r) => r.id)).toEqual(['a2']);
    expect(context.out.stderr).toHaveLength(1);
  });

  it('repair brings back a snapshot the index lost and drops an entry whose file is gone', async () => {
    await save(makeArticle('a1'));
    await save(makeArticle('a2'));
    const store = await FavoritesStore.open({ paths: context.paths, now: () => clock });
    // Lose a1 from the index (as a crash between snapshot and index write would).
    const shard = store.indexPaths[shardOf('a1')] ?? '';
    const index = JSON.parse(await readFile(shard, 'utf8')) as { entries: Record<string, unknown> };
    delete index.entries['a1'];
    await writeFile(shard, JSON.stringify(index));
    await rm(store.snapshotPath('a2'));
    expect(await runFavRepair(context, { isJson: false })).toBe(0);
    expect(context.out.text()).toBe(
      `Favorites index rebuilt from ${store.directory}: 1 favorite (1 indexed before).\n` +
        'Recovered (on disk, missing from the index): a1\n' +
        'Dropped (indexed, no snapshot file): a2\n',
    );
  });
});
