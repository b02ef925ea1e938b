// Writes a catalog as OPML 2.0: one folder per channel and per region, one outline per feed.
// Pure; the caller writes the file. Extra tidings* attributes (allowed by OPML 2.0) keep ids,
// English names and region keywords, so export → import restores the catalog.
import type { Catalog, Channel, FeedRef, Region } from './catalog.js';
import { OPML_ATTRIBUTES } from './parse-opml.js';

/** Escapes text for a double-quoted XML attribute; newlines and tabs survive as references. */
export function escapeXmlAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attributes(pairs: readonly (readonly [string, string | undefined])[]): string {
  return pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
}

function feedOutline(feed: FeedRef): string {
  // OPML 2.0 requires `text`; with no title the URL stands in (the importer reads it back as none).
  const text = feed.title ?? feed.url;
  return `      <outline${attributes([
    ['type', 'rss'],
    ['text', text],
    ['title', feed.title],
    ['xmlUrl', feed.url],
  ])}/>`;
}

function folder(group: Channel | Region, isRegion: boolean): string {
  const head = `    <outline${attributes([
    ['text', group.name],
    ['title', group.name],
    [OPML_ATTRIBUTES.id, group.id],
    [OPML_ATTRIBUTES.nameEn, group.nameEn],
    [OPML_ATTRIBUTES.kind, isRegion ? 'region' : undefined],
    [OPML_ATTRIBUTES.keywords, 'keywords' in group ? group.keywords.join(', ') : undefined],
  ])}`;
  if (group.feeds.length === 0) return `${head}/>`;
  return `${head}>\n${group.feeds.map(feedOutline).join('\n')}\n    </outline>`;
}

/** Options for {@link formatOpml}. */
export interface OpmlFormatOptions {
  /** Written as `dateCreated` (RFC 822, as OPML 2.0 asks). */
  readonly now: Date;
  /** The `<title>` of the document. */
  readonly title?: string;
}

/** Serializes `catalog` as an OPML 2.0 document. */
export function formatOpml(catalog: Catalog, options: OpmlFormatOptions): string {
  const folders = [
    ...catalog.channels.map((c) => folder(c, false)),
    ...catalog.regions.map((r) => folder(r, true)),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXmlAttribute(options.title ?? 'tidings catalog')}</title>`,
    `    <dateCreated>${options.now.toUTCString()}</dateCreated>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
    ...folders,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
