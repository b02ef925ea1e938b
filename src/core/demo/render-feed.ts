// Writes a demo feed as RSS 2.0 or Atom XML for a given edition time and server origin.
// Pure; no I/O. Encoding the text to bytes (UTF-8 or GBK) is the server's job.
import type { DemoArticle, DemoFeed } from './demo-article.js';
import { demoArticlePath, demoFeedUrl, demoImagePath, demoSite } from './demo-edition.js';
import { escapeMarkup, renderBlocksHtml } from './demo-html.js';
import { rfc3339, rfc822 } from './demo-time.js';

export interface RenderedFeed {
  readonly xml: string;
  /** The newest item's date: the feed's Last-Modified. */
  readonly lastModified: Date;
}

/** The publication time of an article in an edition whose clock reads `now`. */
export function publishedAt(article: DemoArticle, now: Date): Date {
  return new Date(now.getTime() - article.minutesAgo * 60_000);
}

function cdata(html: string): string {
  return `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** The whole text of an article as the feed carries it: every page, in order. */
function fullHtml(article: DemoArticle, origin: string): string {
  const imageUrl = (n: number) => origin + demoImagePath(article, n);
  return renderBlocksHtml([...article.body, ...(article.morePages ?? []).flat()], imageUrl);
}

function renderRss(
  feed: DemoFeed,
  articles: readonly DemoArticle[],
  origin: string,
  now: Date,
): string {
  const site = demoSite(feed.site);
  // Chinese sites date their items in Beijing time, as real portals do; the English ones in GMT.
  const offset = site.lang === 'zh' ? 8 * 60 : 0;
  const usesContent = feed.text === 'content';
  const items = articles.map((article) => {
    const link = origin + demoArticlePath(article);
    const description =
      feed.text === 'description'
        ? escapeMarkup(fullHtml(article, origin))
        : escapeMarkup(article.summary);
    return [
      '    <item>',
      `      <title>${escapeMarkup(article.title)}</title>`,
      `      <link>${escapeMarkup(link)}</link>`,
      `      <guid isPermaLink="false">tidings-demo:${article.id}</guid>`,
      `      <pubDate>${rfc822(publishedAt(article, now), offset)}</pubDate>`,
      `      <dc:creator>${escapeMarkup(article.author)}</dc:creator>`,
      ...article.categories.map((c) => `      <category>${escapeMarkup(c)}</category>`),
      `      <description>${description}</description>`,
      ...(usesContent
        ? [`      <content:encoded>${cdata(fullHtml(article, origin))}</content:encoded>`]
        : []),
      ...(site.id === 'lambda'
        ? [`      <comments>${escapeMarkup(`${link}#comments`)}</comments>`]
        : []),
      '    </item>',
    ].join('\n');
  });
  const newest = articles.length === 0 ? now : publishedAt(articles[0] as DemoArticle, now);
  const encoding = site.charset === 'gbk' ? 'GBK' : 'UTF-8';
  return [
    `<?xml version="1.0" encoding="${encoding}"?>`,
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeMarkup(feed.title)}</title>`,
    `    <link>${escapeMarkup(`${origin}/${site.id}/`)}</link>`,
    `    <description>${escapeMarkup(feed.description)}</description>`,
    `    <language>${site.lang === 'zh' ? 'zh-cn' : 'en'}</language>`,
    `    <lastBuildDate>${rfc822(newest, offset)}</lastBuildDate>`,
    '    <ttl>15</ttl>',
    `    <atom:link href="${escapeMarkup(demoFeedUrl(origin, feed))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

function renderAtom(
  feed: DemoFeed,
  articles: readonly DemoArticle[],
  origin: string,
  now: Date,
): string {
  const site = demoSite(feed.site);
  const newest = articles.length === 0 ? now : publishedAt(articles[0] as DemoArticle, now);
  const entries = articles.map((article) => {
    const published = rfc3339(publishedAt(article, now), 0);
    return [
      '  <entry>',
      `    <title type="text">${escapeMarkup(article.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(origin + demoArticlePath(article))}"/>`,
      `    <id>tag:${site.id}.demo.tidings,2024:${article.id}</id>`,
      `    <published>${published}</published>`,
      `    <updated>${published}</updated>`,
      `    <author><name>${escapeMarkup(article.author)}</name></author>`,
      ...article.categories.map((c) => `    <category term="${escapeMarkup(c)}"/>`),
      `    <summary type="text">${escapeMarkup(article.summary)}</summary>`,
      ...(feed.text === 'summary'
        ? []
        : [`    <content type="html">${escapeMarkup(fullHtml(article, origin))}</content>`]),
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `  <title>${escapeMarkup(feed.title)}</title>`,
    `  <subtitle>${escapeMarkup(feed.description)}</subtitle>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(`${origin}/${site.id}/`)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(demoFeedUrl(origin, feed))}"/>`,
    `  <id>tag:${site.id}.demo.tidings,2024:${feed.id}</id>`,
    `  <updated>${rfc3339(newest, 0)}</updated>`,
    `  <author><name>${escapeMarkup(site.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/**
 * Renders a feed with its articles (newest first) as they stand when the edition's clock reads
 * `now`. `origin` is the server's origin, used for every absolute link.
 */
export function renderFeed(
  feed: DemoFeed,
  articles: readonly DemoArticle[],
  origin: string,
  now: Date,
): RenderedFeed {
  const sorted = [...articles].sort((a, b) => a.minutesAgo - b.minutesAgo);
  const newest = sorted[0];
  return {
    xml:
      feed.format === 'atom'
        ? renderAtom(feed, sorted, origin, now)
        : renderRss(feed, sorted, origin, now),
    lastModified: newest === undefined ? now : publishedAt(newest, now),
  };
}
