// Favorites bench: adding and removing one favorite with 5,000 already saved (target ≤ 30 ms).
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/core/articles/article.js';
import { serializeSnapshot, snapshotFileName } from '../src/core/storage/favorite-snapshot.js';
import { FavoritesStore } from '../src/core/storage/favorites-store.js';
import { summarize } from './stats.js';
import type { BenchResult } from './types.js';

const PARAGRAPH = '国务院新闻办公室今天举行发布会，介绍今年前三季度经济运行情况。'.repeat(10);

function article(n: number): Article {
  const blocks = Array.from({ length: 9 }, (_, i) => ({
    type: 'paragraph' as const,
    text: `${i + 1}. ${PARAGRAPH}`,
  }));
  return {
    header: {
      itemId: `bench${n.toString(36).padStart(6, '0')}`,
      title: `第${n}条：前三季度国民经济运行稳中有进，就业物价总体稳定`,
      published: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
      author: null,
      source: '新华网',
      editor: '王五',
      link: `https://news.example.cn/2026/${n}.html`,
      feedUrl: 'https://news.example.cn/rss.xml',
    },
    blocks,
    links: [],
    textSource: 'page',
    notice: null,
    sitePages: 1,
    length: blocks.reduce((sum, block) => sum + block.text.length, 0),
  };
}

export async function run(): Promise<BenchResult[]> {
  const home = await mkdtemp(join(tmpdir(), 'tidings-bench-fav-'));
  const paths = {
    config: join(home, 'config'),
    data: join(home, 'data'),
    cache: join(home, 'cache'),
  };
  try {
    // Seed 5,000 snapshot files directly, then let repair build the index (the real code path).
    const directory = join(paths.data, 'favorites');
    await mkdir(directory, { recursive: true });
    const savedAt = new Date(Date.UTC(2026, 5, 1)).toISOString();
    for (let n = 0; n < 5000; n += 1) {
      const a = article(n);
      await writeFile(
        join(directory, snapshotFileName(a.header.itemId)),
        serializeSnapshot({ article: a, savedAt, tags: [] }),
      );
    }
    const store = await FavoritesStore.open({ paths, now: () => new Date() });
    const count = (await store.list()).length;
    if (count !== 5000) throw new Error(`seeded ${count} favorites, expected 5000`);
    const adds: number[] = [];
    const removes: number[] = [];
    for (let round = 0; round < 50; round += 1) {
      const extra = article(10_000 + round);
      let start = performance.now();
      await store.add(extra);
      adds.push(performance.now() - start);
      start = performance.now();
      await store.remove(extra.header.itemId);
      removes.push(performance.now() - start);
    }
    const note =
      '5,000 saved (~2,800-char CJK articles); snapshot + index shard written atomically with fsync, under the cross-process lock';
    return [
      summarize('favorites: add one (5,000 saved)', adds, { target: '≤ 30 ms', note }),
      summarize('favorites: remove one (5,000 saved)', removes, { target: '≤ 30 ms', note }),
    ];
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
