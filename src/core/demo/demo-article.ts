// The shape of the demo edition's bundled content: sites, feeds and articles as plain data.
// Pure types; no behaviour. Rendering to XML and HTML lives in render-feed.ts / render-page.ts.

/**
 * One block of an article body. A bare string is a paragraph of plain text (escaped when
 * rendered); the object forms carry headings, lists, quotes, tables, images and code.
 */
export type DemoBlock =
  | string
  | { readonly h: string }
  | { readonly ul: readonly string[] }
  | { readonly ol: readonly string[] }
  | { readonly quote: string; readonly cite?: string }
  | {
      readonly table: {
        readonly caption?: string;
        readonly head: readonly string[];
        readonly rows: readonly (readonly string[])[];
      };
    }
  | { readonly img: { readonly alt: string; readonly caption?: string } }
  | { readonly code: string };

/** An article of the demo edition. Its publication time is relative to the edition's "now". */
export interface DemoArticle {
  /** Stable, URL-safe and unique across the edition: it names the page and the feed guid. */
  readonly id: string;
  /** The id of the {@link DemoFeed} that carries it. */
  readonly feed: string;
  readonly title: string;
  readonly author: string;
  /** 来源 / source line on the page (the agency or paper the text is credited to). */
  readonly source: string;
  /** 责任编辑 (the editor in charge), printed at the foot of Chinese pages. */
  readonly editor?: string;
  /** How long before the edition's "now" it was published. */
  readonly minutesAgo: number;
  readonly categories: readonly string[];
  /** One or two plain-text sentences: the feed description of summary-only feeds. */
  readonly summary: string;
  /** The text of the first (or only) page. */
  readonly body: readonly DemoBlock[];
  /** Pages 2…n of an article its site splits over several pages (`_2.html`, `_3.html` …). */
  readonly morePages?: readonly (readonly DemoBlock[])[];
}

/** How a site lays out its pages: a Chinese news portal or an English-language publication. */
export type DemoTemplate = 'portal' | 'magazine';

/** A fictional publication with its own pages, path prefix and page chrome. */
export interface DemoSite {
  /** Also the first path segment of every URL of the site. */
  readonly id: string;
  readonly name: string;
  readonly lang: 'zh' | 'en';
  /** The charset pages and feeds are encoded in (gbk: a legacy portal). */
  readonly charset: 'utf-8' | 'gbk';
  readonly template: DemoTemplate;
  readonly tagline: string;
}

/**
 * How a feed carries the text: `content` (RSS content:encoded or Atom content), `description`
 * (the whole HTML escaped into the RSS description, as many portals do) or `summary` (only a
 * short description: the reader must fetch the page for the text).
 */
export type DemoFeedText = 'content' | 'description' | 'summary';

export interface DemoFeed {
  readonly id: string;
  readonly site: string;
  /** Path under the site's prefix, e.g. `rss/top.xml`. */
  readonly path: string;
  readonly format: 'rss' | 'atom';
  readonly text: DemoFeedText;
  readonly title: string;
  readonly description: string;
}
