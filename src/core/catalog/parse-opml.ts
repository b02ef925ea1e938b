// Reads an OPML subscription list as a catalog: top-level folders become channels (nested folders
// flatten into their top folder), feeds outside any folder go to one given channel. Pure; the
// caller reads and decodes the file. Errors name the file, the line and the problem.
import { sanitizeLine } from '../feeds/sanitize.js';
import type { Catalog, Channel, FeedRef, Region } from './catalog.js';
import { CatalogError } from './parse-catalog.js';
import { parseXml, XmlError, type XmlElement } from './parse-xml.js';

/** The channel that receives feeds found outside any folder. */
export interface LooseFeedsChannel {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
}

/** The channel loose feeds go to unless the caller names another. */
export const IMPORTED_CHANNEL: LooseFeedsChannel = {
  id: 'imported',
  name: '导入',
  nameEn: 'Imported',
};

/** The result of {@link parseOpml}: the catalog and one line per outline that was skipped. */
export interface OpmlImport {
  readonly catalog: Catalog;
  readonly warnings: readonly string[];
}

/** Attributes tidings adds to its own exports so channel ids, English names and regions survive. */
export const OPML_ATTRIBUTES = {
  id: 'tidingsId',
  nameEn: 'tidingsNameEn',
  kind: 'tidingsKind',
  keywords: 'tidingsKeywords',
} as const;

const ID_PATTERN = /^[\w-]+$/u;

/** Attribute lookup ignoring case: real files have xmlUrl, xmlurl and XMLURL. */
function attr(element: XmlElement, name: string): string | undefined {
  const exact = element.attributes.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of element.attributes) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * The feed URL of an outline, or null when it is not a feed. `xmlUrl` is the standard; some
 * exporters write `url` with type rss/atom. `type="link"` and `type="include"` point at web pages
 * and other OPML files, not feeds.
 */
function feedUrlOf(outline: XmlElement): string | null {
  const xmlUrl = attr(outline, 'xmlUrl');
  if (xmlUrl !== undefined && xmlUrl.trim() !== '') return xmlUrl.trim();
  const type = (attr(outline, 'type') ?? '').toLowerCase();
  const url = attr(outline, 'url');
  if (
    url !== undefined &&
    url.trim() !== '' &&
    (type === '' || type === 'rss' || type === 'atom' || type === 'feed')
  ) {
    return url.trim();
  }
  return null;
}

/** `feed://host/x` and `feed:https://host/x` are old browser spellings of http(s) feed URLs. */
function normalizeScheme(url: string): string {
  if (/^feed:https?:/i.test(url)) return url.slice(5);
  if (/^feed:\/\//i.test(url)) return `http://${url.slice(7)}`;
  return url;
}

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Group {
  id: string;
  name: string;
  nameEn?: string;
  isRegion: boolean;
  keywords: string[];
  feeds: FeedRef[];
}

/**
 * Parses OPML 1.0/2.0 text into a catalog. `file` is used in messages only. Throws
 * {@link CatalogError} when the file is not OPML; outlines that cannot be used (a `file:` URL)
 * are skipped and reported in `warnings`.
 */
export function parseOpml(
  text: string,
  file: string,
  loose: LooseFeedsChannel = IMPORTED_CHANNEL,
): OpmlImport {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) {
      throw new CatalogError(
        `${file}:${error.line}: not well-formed OPML: ${error.problem} (column ${error.column})`,
      );
    }
    throw error;
  }
  if (root.name.toLowerCase() !== 'opml') {
    throw new CatalogError(
      `${file}:${root.line}: not an OPML file: the root element is <${root.name}>, not <opml>`,
    );
  }
  const body = root.children.find((c) => c.name.toLowerCase() === 'body');
  if (body === undefined)
    throw new CatalogError(`${file}:${root.line}: the OPML file has no <body>`);

  const warnings: string[] = [];
  const groups: Group[] = [];
  const usedIds = { channel: new Set<string>(), region: new Set<string>() };
  const freeId = (wanted: string, kind: 'channel' | 'region'): string => {
    const used = usedIds[kind];
    let id = wanted === '' ? `${kind}-${used.size + 1}` : wanted;
    for (let n = 2; used.has(id); n += 1) id = `${wanted === '' ? kind : wanted}-${n}`;
    used.add(id);
    return id;
  };
  let looseGroup: Group | null = null;

  const titleOf = (outline: XmlElement): string =>
    sanitizeLine(attr(outline, 'title') ?? '') || sanitizeLine(attr(outline, 'text') ?? '');

  const feedOf = (outline: XmlElement, raw: string): FeedRef | null => {
    const url = normalizeScheme(raw);
    if (!isHttpUrl(url)) {
      warnings.push(`${file}:${outline.line}: skipped ${JSON.stringify(raw)}: not an http(s) URL`);
      return null;
    }
    const title = titleOf(outline);
    // Exporters that require `text` write the URL there when the feed has no title.
    return title === '' || title === url || title === raw ? { url } : { url, title };
  };

  const addTo = (group: Group, feed: FeedRef | null): void => {
    if (feed === null) return;
    if (group.feeds.some((f) => f.url === feed.url)) return;
    group.feeds.push(feed);
  };

  /** Everything below a top-level folder lands in that folder's group. */
  const collect = (outline: XmlElement, group: Group): void => {
    for (const child of outline.children) {
      if (child.name.toLowerCase() !== 'outline') continue;
      const url = feedUrlOf(child);
      if (url !== null) addTo(group, feedOf(child, url));
      collect(child, group);
    }
  };

  for (const outline of body.children) {
    if (outline.name.toLowerCase() !== 'outline') continue;
    const url = feedUrlOf(outline);
    if (url !== null) {
      // Loose feeds join a folder with the same id if there is one (an exported "imported" channel).
      looseGroup ??= groups.find((g) => !g.isRegion && g.id === loose.id) ?? null;
      if (looseGroup === null) {
        looseGroup = {
          id: loose.id,
          name: loose.name,
          ...(loose.nameEn === undefined ? {} : { nameEn: loose.nameEn }),
          isRegion: false,
          keywords: [],
          feeds: [],
        };
        usedIds.channel.add(loose.id);
        groups.push(looseGroup);
      }
      addTo(looseGroup, feedOf(outline, url));
      // A feed outline with children (rare) also contributes its children.
      collect(outline, looseGroup);
      continue;
    }
    const isRegion = (attr(outline, OPML_ATTRIBUTES.kind) ?? '').toLowerCase() === 'region';
    const hasTidingsId = attr(outline, OPML_ATTRIBUTES.id) !== undefined;
    if (outline.children.length === 0 && !hasTidingsId) continue; // a note or a separator
    const name =
      sanitizeLine(attr(outline, 'text') ?? '') || sanitizeLine(attr(outline, 'title') ?? '');
    const nameEn = sanitizeLine(attr(outline, OPML_ATTRIBUTES.nameEn) ?? '');
    const wantedId = attr(outline, OPML_ATTRIBUTES.id) ?? '';
    const kind = isRegion ? 'region' : 'channel';
    const id = freeId(ID_PATTERN.test(wantedId) ? wantedId : slug(nameEn || name), kind);
    const keywords = (attr(outline, OPML_ATTRIBUTES.keywords) ?? '')
      .split(',')
      .map((k) => sanitizeLine(k))
      .filter((k) => k !== '' && k !== '-');
    const group: Group = {
      id,
      name: name === '' ? id : name,
      ...(nameEn === '' ? {} : { nameEn }),
      isRegion,
      keywords,
      feeds: [],
    };
    groups.push(group);
    collect(outline, group);
  }

  const toChannel = (g: Group): Channel =>
    g.nameEn === undefined
      ? { id: g.id, name: g.name, feeds: g.feeds }
      : { id: g.id, name: g.name, nameEn: g.nameEn, feeds: g.feeds };
  const toRegion = (g: Group): Region =>
    g.nameEn === undefined
      ? { id: g.id, name: g.name, keywords: g.keywords, feeds: g.feeds }
      : { id: g.id, name: g.name, nameEn: g.nameEn, keywords: g.keywords, feeds: g.feeds };
  const catalog: Catalog = {
    channels: groups.filter((g) => !g.isRegion).map(toChannel),
    regions: groups.filter((g) => g.isRegion).map(toRegion),
  };
  if (
    catalog.channels.every((c) => c.feeds.length === 0) &&
    catalog.regions.every((r) => r.feeds.length === 0)
  ) {
    const skipped = warnings.length === 0 ? '' : ` (${warnings.length} skipped: ${warnings[0]})`;
    throw new CatalogError(
      `${file}:${body.line}: the OPML file lists no feeds (no outline with an xmlUrl)${skipped}`,
    );
  }
  return { catalog, warnings };
}
