// Writes a catalog as the documented, hand-editable JSON file that parse-catalog.ts reads back.
// Pure; the caller writes the file.
import type { Catalog, FeedRef } from './catalog.js';

/** The version of the catalog file format. */
export const CATALOG_FORMAT_VERSION = 1;

/**
 * The explanation written at the top of every catalog file. JSON has no comments, so it is a list
 * of strings under "about"; tidings ignores it when reading and rewrites it when saving.
 */
export const CATALOG_ABOUT: readonly string[] = [
  'This is your tidings catalog. Edit it freely; tidings reads it at every start and never overwrites a file it cannot read.',
  'channels: the bar of channels (频道). Each has an "id" (letters, digits, - or _), a Chinese "name", an English "nameEn" and "feeds".',
  'regions: the bar of regions (地区). Each has an "id", "name", "nameEn", its own "feeds" and "keywords".',
  'An item is in a channel when it comes from one of its feeds. It is in a region when it comes from one of its feeds, or when its title, summary or categories mention one of its keywords.',
  'Keywords: Chinese keywords match anywhere in the text (Chinese has no spaces); Latin keywords match whole words, ignoring case. A keyword starting with "-" hides a longer phrase: "-三明治" keeps 三明 from matching inside 三明治.',
  'A feed is {"url": "https://…", "title": "…"}; the title is optional. Only http and https URLs are accepted.',
  'Commands that edit this file (tidings feeds add/rm, tidings opml import) rewrite it in this layout, with this note on top. `tidings catalog check` tests every feed. The default sources are described in docs/sources.md.',
];

function feedLine(feed: FeedRef): string {
  return feed.title === undefined
    ? `{ "url": ${JSON.stringify(feed.url)} }`
    : `{ "url": ${JSON.stringify(feed.url)}, "title": ${JSON.stringify(feed.title)} }`;
}

function feedsBlock(feeds: readonly FeedRef[], indent: string): string {
  if (feeds.length === 0) return '[]';
  return `[\n${feeds.map((f) => `${indent}  ${feedLine(f)}`).join(',\n')}\n${indent}]`;
}

/** Serializes `catalog` as readable JSON: one feed per line, the "about" notes on top. */
export function formatCatalogJson(catalog: Catalog): string {
  const lines: string[] = ['{'];
  lines.push(
    `  "about": [\n${CATALOG_ABOUT.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}\n  ],`,
  );
  lines.push(`  "version": ${CATALOG_FORMAT_VERSION},`);
  const channels = catalog.channels.map((c) => {
    const names = [`"id": ${JSON.stringify(c.id)}`, `"name": ${JSON.stringify(c.name)}`];
    if (c.nameEn !== undefined) names.push(`"nameEn": ${JSON.stringify(c.nameEn)}`);
    return `    {\n      ${names.join(', ')},\n      "feeds": ${feedsBlock(c.feeds, '      ')}\n    }`;
  });
  lines.push(
    channels.length === 0 ? '  "channels": [],' : `  "channels": [\n${channels.join(',\n')}\n  ],`,
  );
  const regions = catalog.regions.map((r) => {
    const names = [`"id": ${JSON.stringify(r.id)}`, `"name": ${JSON.stringify(r.name)}`];
    if (r.nameEn !== undefined) names.push(`"nameEn": ${JSON.stringify(r.nameEn)}`);
    return [
      `    {\n      ${names.join(', ')},`,
      `      "keywords": [${r.keywords.map((k) => JSON.stringify(k)).join(', ')}],`,
      `      "feeds": ${feedsBlock(r.feeds, '      ')}\n    }`,
    ].join('\n');
  });
  lines.push(
    regions.length === 0 ? '  "regions": []' : `  "regions": [\n${regions.join(',\n')}\n  ]`,
  );
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
