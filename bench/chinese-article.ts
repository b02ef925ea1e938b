// The generated Chinese article the layout benchmarks lay out: the riverside 4-page fixture's
// blocks, repeated (headings numbered by round) until the article holds the asked-for length.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/articles/article.js';
import type { Block } from '../src/core/articles/blocks.js';
import { htmlToBlocks } from '../src/core/articles/html-to-blocks.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/articles/riverside/', import.meta.url));

/** The 4-page fixture's blocks, repeated until the article holds `chars` characters of text. */
export function chineseArticle(chars: number): Article {
  const base: Block[] = [];
  for (let page = 1; page <= 4; page += 1) {
    const html = readFileSync(`${FIXTURES}page-${page}.shtml`, 'utf8');
    const start = html.indexOf('<div class="content"');
    base.push(
      ...htmlToBlocks(html.slice(start, html.indexOf('<div class="pages">', start))).blocks,
    );
  }
  const blocks: Block[] = [];
  let length = 0;
  for (let round = 1; length < chars; round += 1) {
    for (const block of base) {
      if (length >= chars) break;
      blocks.push(
        block.type === 'heading' ? { ...block, text: `${block.text}（${round}）` } : { ...block },
      );
      length += 'text' in block ? block.text.length : 20;
    }
  }
  return {
    header: {
      itemId: 'bench',
      title: '老街新生',
      published: null,
      author: null,
      source: 'bench',
      editor: null,
      link: null,
      feedUrl: '',
    },
    blocks,
    links: [],
    textSource: 'page',
    notice: null,
    sitePages: 1,
    length,
  };
}
