// Which language an article reads in (for its labels: `[图 1]` or `[Image 1]`, 字 or words), its
// length in characters and its reading time. Pure.
import type { Article } from './article.js';
import type { Block } from './blocks.js';
import { blocksToPlainText } from './html-to-blocks.js';
import { graphemeCount } from './text-metrics.js';

/** The two label languages the article engine knows. */
export type ArticleLanguage = 'zh' | 'en';

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const LATIN_WORD = /[A-Za-z\u00c0-\u024f0-9]+(?:['’-][A-Za-z\u00c0-\u024f0-9]+)*/g;

/** 'zh' when Chinese (or other CJK) characters outnumber a fifth of the letters, else 'en'. */
export function detectLanguage(text: string): ArticleLanguage {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const cjk = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk > 0 && cjk * 5 >= latin ? 'zh' : 'en';
}

/** The label language of an article, from its title and text. */
export function articleLanguage(article: Pick<Article, 'header' | 'blocks'>): ArticleLanguage {
  return detectLanguage(
    `${article.header.title}\n${blocksToPlainText(article.blocks.slice(0, 40))}`,
  );
}

/** Length of text in characters: grapheme clusters, whitespace not counted (as 字数 is counted). */
export function textLength(text: string): number {
  return graphemeCount(text.replace(/\s+/g, ''));
}

/** Length of blocks' text in characters (see {@link textLength}). */
export function blocksLength(blocks: readonly Block[]): number {
  return textLength(blocksToPlainText(blocks));
}

/**
 * Estimated reading time in whole minutes (at least 1): 400 Chinese characters and 230 words of
 * other text a minute, the usual figures for news reading.
 */
export function readingMinutes(blocks: readonly Block[]): number {
  const text = blocksToPlainText(blocks);
  const cjk = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, ' ').match(LATIN_WORD)?.length ?? 0;
  return Math.max(1, Math.round(cjk / 400 + words / 230));
}
