// Adapts core/insights to the reader's state: 相关阅读 as list items, 今日热词, 点击排行 per
// window. Pure; the clock is passed in. No react/ink.
import { blocksToPlainText } from '../core/articles/blocks-text.js';
import type { Article } from '../core/articles/article.js';
import { hotWords } from '../core/insights/hot-words.js';
import { mostRead, type ReadEvent } from '../core/insights/most-read.js';
import { findRelated } from '../core/insights/related.js';
import {
  RANK_WINDOWS,
  type HotWord,
  type ListItem,
  type RankEntry,
  type RankWindow,
} from './state.js';

/** Up to five cached items related to the article (never itself). */
export function relatedOf(article: Article, items: readonly ListItem[]): ListItem[] {
  const { header } = article;
  const target = {
    id: header.itemId,
    title: header.title,
    text: blocksToPlainText(article.blocks),
    link: header.link,
    source: header.source,
    published: header.published,
  };
  const corpus = items.map((item) => ({
    id: item.id,
    title: item.title,
    text: item.summary,
    link: item.link,
    source: item.source,
    published: item.published,
  }));
  const byId = new Map(items.map((item) => [item.id, item]));
  return findRelated(target, corpus, { limit: 5 })
    .map((related) => byId.get(related.id))
    .filter((item): item is ListItem => item !== undefined);
}

/**
 * 今日热词 of the last 24 hours of headlines. `termsOf` gives a title's distinct terms when the
 * caller keeps them (see InsightsCache); by default each title is tokenized here.
 */
export function hotWordsOf(
  items: readonly ListItem[],
  now: Date,
  termsOf?: (title: string) => Iterable<string>,
): HotWord[] {
  return hotWords(items, now, { limit: 12, ...(termsOf === undefined ? {} : { termsOf }) });
}

/** 点击排行 for one window. */
export function rankWindowOf(
  history: readonly ReadEvent[],
  now: Date,
  days: RankWindow,
): RankEntry[] {
  return mostRead(history, now, days, 10).articles.map((a) => ({
    id: a.itemId,
    title: a.title,
    count: a.count,
  }));
}

/** 点击排行 for every window. */
export function rankOf(history: readonly ReadEvent[], now: Date): Record<RankWindow, RankEntry[]> {
  const rank = {} as Record<RankWindow, RankEntry[]>;
  for (const days of RANK_WINDOWS) rank[days] = rankWindowOf(history, now, days);
  return rank;
}
