// The Article model: an item turned into readable blocks with its header data.
// Produced by the article engine, stored verbatim by favorites. Pure types; no behaviour.
import type { Block } from './blocks.js';

export interface ArticleHeader {
  readonly itemId: string;
  readonly title: string;
  /** ISO 8601 or null. */
  readonly published: string | null;
  readonly author: string | null;
  readonly source: string;
  /** 责任编辑 when the page names one. */
  readonly editor: string | null;
  readonly link: string | null;
  readonly feedUrl: string;
}

/** Where the text came from: the article page (full text), or the feed's own content. */
export type TextSource = 'page' | 'feed';

export interface Article {
  readonly header: ArticleHeader;
  readonly blocks: readonly Block[];
  /** Numbered link references: `[n]` in the text is `links[n - 1]`. */
  readonly links: readonly string[];
  readonly textSource: TextSource;
  /**
   * Why the text is not all it should be: the feed's, when a full-text fetch failed, or only the
   * first pages of a multi-page article; null otherwise.
   */
  readonly notice: string | null;
  /** How many site pages were merged into this article (0 when the text is the feed's). */
  readonly sitePages: number;
  /** Length in characters (graphemes) of the text. */
  readonly length: number;
}
