// Articles built from our own fixtures (test/fixtures/articles), for the layout and pagination tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../../src/core/articles/article.js';
import { blocksLength } from '../../../src/core/articles/article-language.js';
import type { Block } from '../../../src/core/articles/blocks.js';
import { htmlToBlocks } from '../../../src/core/articles/html-to-blocks.js';

export const fixturesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/articles',
);

/** The body (`<div class="content">`) of one page of the 4-page Chinese fixture. */
export function riversidePageBody(page: number): string {
  const html = readFileSync(path.join(fixturesDir, 'riverside', `page-${page}.shtml`), 'utf8');
  const start = html.indexOf('<div class="content"');
  const end = html.indexOf('<div class="pages">', start);
  return html.slice(start, end);
}

function article(title: string, blocks: Block[], links: string[]): Article {
  return {
    header: {
      itemId: 'fixture',
      title,
      published: '2024-03-18T01:30:00.000Z',
      author: null,
      source: 'fixture',
      editor: null,
      link: null,
      feedUrl: 'http://127.0.0.1/feed.xml',
    },
    blocks,
    links,
    textSource: 'page',
    notice: null,
    sitePages: 1,
    length: blocksLength(blocks),
  };
}

/** The 4-page Chinese feature, its page bodies converted and concatenated. */
export function riversideArticle(): Article {
  const links: string[] = [];
  const blocks: Block[] = [];
  let images = 0;
  for (let page = 1; page <= 4; page += 1) {
    const result = htmlToBlocks(riversidePageBody(page), {
      links,
      baseUrl: 'https://news.example.cn/city/2024/0318/laojie_1024.shtml',
      firstImageIndex: images + 1,
    });
    images += result.imageCount;
    blocks.push(...result.blocks);
  }
  return article('老街新生：滨江区老旧小区改造一年追踪', blocks, links);
}

/** The English fixture. */
export function englishArticle(): Article {
  const html = readFileSync(path.join(fixturesDir, 'english-feature.html'), 'utf8');
  const { blocks, links } = htmlToBlocks(html, {
    baseUrl: 'https://news.example.org/library.html',
  });
  return article("How a small library became the town's living room", blocks, links);
}

/** The mixed Chinese/English fixture: emoji, a URL in the text, code, nested quotes, a list. */
export function mixedArticle(): Article {
  const html = readFileSync(path.join(fixturesDir, 'mixed-tech.html'), 'utf8');
  const { blocks, links } = htmlToBlocks(html, {
    baseUrl: 'https://news.example.cn/tech/tidings.html',
  });
  return article('终端阅读器 tidings 0.9 发布：重写排版引擎', blocks, links);
}

/** A long Chinese article: the fixture's paragraphs repeated until it holds `chars` characters. */
export function longChineseArticle(chars: number): Article {
  const base = riversideArticle();
  const blocks: Block[] = [];
  let length = 0;
  for (let round = 0; length < chars; round += 1) {
    for (const block of base.blocks) {
      if (length >= chars) break;
      blocks.push(
        block.type === 'heading' ? { ...block, text: `${block.text}（${round + 1}）` } : block,
      );
      length += block.type === 'paragraph' || block.type === 'heading' ? block.text.length : 0;
    }
  }
  return { ...base, blocks, length };
}
