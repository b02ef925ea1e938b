import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadArticleLayout } from '../../../src/app/article-engine.js';
import { articleView } from '../../../src/app/article-view.js';
import { initialState, type AppState, type ArticleScreen } from '../../../src/app/state.js';
import {
  displayWidth,
  fitToWidth,
  setAmbiguousWide,
  truncateToWidth,
} from '../../../src/app/text-fit.js';
import type { Article } from '../../../src/core/articles/article.js';
import { displayWidth as engineWidth } from '../../../src/core/articles/text-metrics.js';
import { catalog, item, NOW } from './fixtures.js';

const text = '“老街”的早点铺……“新生”的居民说，“今天”比“昨天”更好……';

const article: Article = {
  header: {
    itemId: 'q1',
    title: '老街',
    published: null,
    author: null,
    source: '晨报网',
    editor: null,
    link: null,
    feedUrl: 'http://t/news.xml',
  },
  blocks: [{ type: 'paragraph', text }],
  links: [],
  textSource: 'feed',
  notice: null,
  sitePages: 0,
  length: Array.from(text).length,
};

/** The reader showing the article in a 30-column terminal (a 28-column text column). */
function readerState(isAmbiguousWide: boolean): { state: AppState; screen: ArticleScreen } {
  const state = initialState({
    lang: 'zh',
    columns: 30,
    rows: 30,
    catalog,
    now: NOW,
    isAmbiguousWide,
  });
  const screen: ArticleScreen = {
    kind: 'article',
    itemId: 'q1',
    item: item('q1', 'news', '老街'),
    load: { status: 'ready', article, related: [] },
    anchor: 0,
    relatedCursor: 0,
  };
  return { state: { ...state, stack: [...state.stack, screen] }, screen };
}

beforeAll(async () => {
  await loadArticleLayout();
});

afterEach(() => {
  setAmbiguousWide(false);
});

describe('East Asian Ambiguous characters in the reader', () => {
  it('lays the article out narrow by default, and wide when the settings say so', () => {
    const narrow = readerState(false);
    expect(narrow.state.isAmbiguousWide).toBe(false);
    const narrowView = articleView(narrow.state, narrow.screen);
    expect(narrowView?.width).toBe(28);
    expect(narrowView?.lines.map((line) => line.text)).toEqual([
      '　　“老街”的早点铺……“新生”的',
      '居民说，“今天”比“昨天”更好……',
    ]);

    const wide = readerState(true);
    const wideView = articleView(wide.state, wide.screen);
    expect(wideView?.lines.map((line) => line.text)).toEqual([
      '　　“老街”的早点铺……“新',
      '生”的居民说，“今天”比“昨',
      '天”更好……',
    ]);
    for (const line of wideView?.lines ?? []) {
      expect(engineWidth(line.text, true)).toBeLessThanOrEqual(28);
    }
  });

  it('measures and fits text with ambiguous characters 2 columns wide once switched', () => {
    expect(displayWidth('“新生”…')).toBe(7);
    expect(truncateToWidth('“新生”的居民', 8)).toBe('“新生”…');
    setAmbiguousWide(true);
    expect(displayWidth('“新生”…')).toBe(10);
    expect(truncateToWidth('“新生”的居民', 8)).toBe('“新生…');
    expect(fitToWidth('“新”', 8)).toBe('“新”  ');
    setAmbiguousWide(false);
    expect(displayWidth('“新生”…')).toBe(7);
  });
});
