// Finds the next page of a multi-page article (Chinese portals split articles into `1 2 3 4` pages):
// `rel=next`, a `下一页` / "Next" link, the numbered link to the following page, or the TRS CMS
// `createPageHTML(count, current, "name", "ext")` script. Pure: reads the page's links as the
// tokenizer sees them, no fetching. (Not from the DOM: portal pages hold thousands of links, and
// walking them in linkedom cost more than the rest of the extraction; the article extractor
// collects them during the one tokenizer pass it makes anyway.)
import { Parser } from 'htmlparser2';

const NEXT_TEXT = /^(?:下一页|下一頁|下页|后一页|next|nextpage)$/i;

/**
 * True when `a` and `b` are on the same site: the same registrable domain, approximated as the last
 * two labels of the host name (three under a two-letter country code with a generic second level,
 * as in `news.example.com.cn`).
 */
export function isSameSite(a: URL, b: URL): boolean {
  const site = (host: string): string => {
    const labels = host.toLowerCase().split('.');
    const isCountryGeneric =
      labels.length >= 3 &&
      (labels.at(-1)?.length ?? 0) === 2 &&
      /^(?:com|net|org|gov|edu|ac|co|mil)$/.test(labels.at(-2) ?? '');
    return labels.slice(isCountryGeneric ? -3 : -2).join('.');
  };
  return site(a.hostname) === site(b.hostname);
}

/** `/path/name_3.shtml` → `{ stem: '/path/name', page: 3, ext: '.shtml' }`; page 1 has no suffix. */
export function pagePattern(url: URL): { stem: string; page: number; ext: string } {
  const match = /^(.*?)(?:_(\d{1,3}))?(\.[a-z]{2,6})?$/i.exec(url.pathname);
  const stem = match?.[1] ?? url.pathname;
  const page = match?.[2] === undefined ? 1 : Number(match[2]);
  return { stem, page, ext: match?.[3] ?? '' };
}

/** A link of the page: an `<a>` or a `<link>`, its attributes and its text. */
export interface PageLink {
  readonly tag: 'a' | 'link';
  /** As written (names keep their case; values have their entities decoded). */
  readonly attributes: Readonly<Record<string, string>>;
  /** The text inside (nothing for `<link>`). */
  readonly text: string;
}

/** Longest link text kept: a link saying "next page" is short. */
const LINK_TEXT_MAX = 300;

/**
 * Collects the links of a page from tokenizer events (htmlparser2's `onopentag`, `ontext`,
 * `onclosetag`). Script contents are text to the tokenizer, so links a script writes are not
 * links here.
 */
export class LinkCollector {
  readonly links: PageLink[] = [];
  private readonly open: { attributes: Record<string, string>; text: string }[] = [];

  onOpen(name: string, attributes: Record<string, string>): void {
    if (name === 'a') this.open.push({ attributes, text: '' });
    else if (name === 'link') this.links.push({ tag: 'link', attributes, text: '' });
  }

  onText(text: string): void {
    for (const anchor of this.open) {
      if (anchor.text.length <= LINK_TEXT_MAX) anchor.text += text;
    }
  }

  onClose(name: string): void {
    if (name !== 'a') return;
    const anchor = this.open.pop();
    if (anchor === undefined || anchor.text.length > LINK_TEXT_MAX) return;
    this.links.push({ tag: 'a', attributes: anchor.attributes, text: anchor.text });
  }
}

/** An attribute's value; the name compared without regard to case. */
function attribute(attributes: Readonly<Record<string, string>>, name: string): string | null {
  const exact = attributes[name];
  if (exact !== undefined) return exact;
  for (const key in attributes) if (key.toLowerCase() === name) return attributes[key] ?? null;
  return null;
}

/** Where a link goes: its href, or for script links the URL in `onclick="location.href='…'"`. */
function anchorTarget(attributes: Readonly<Record<string, string>>): string | null {
  const href = attribute(attributes, 'href');
  if (
    href !== null &&
    href.trim() !== '' &&
    !/^\s*javascript:/i.test(href) &&
    !href.trim().startsWith('#')
  ) {
    return href;
  }
  const onclick = attribute(attributes, 'onclick') ?? '';
  const match = /(?:location(?:\.href)?\s*=|window\.open\()\s*['"]([^'"]+)['"]/.exec(onclick);
  return match?.[1] ?? null;
}

function resolveHttp(href: string | null, base: URL): URL | null {
  if (href === null || href.trim() === '' || href.trim().startsWith('#')) return null;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/** A link's text, whitespace collapsed. */
function textOf(link: PageLink): string {
  return link.text.replace(/\s+/g, ' ').trim();
}

/** The page's links, read with the tokenizer the extractor uses. */
export function collectLinks(html: string): PageLink[] {
  const collector = new LinkCollector();
  const parser = new Parser(
    {
      onopentag: (name, attributes) => collector.onOpen(name, attributes),
      ontext: (text) => collector.onText(text),
      onclosetag: (name) => collector.onClose(name),
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return collector.links;
}

/**
 * The URL of the page after `pageUrl` in the same article, or null, from the page's HTML source.
 * Only same-site http(s) URLs other than the page itself qualify; a numbered link must share the
 * page's path stem (`laojie_1024_3.shtml` after `laojie_1024_2.shtml`).
 */
export function findNextPage(html: string, pageUrl: string): string | null {
  return nextPageFromLinks(collectLinks(html), html, pageUrl);
}

/**
 * {@link findNextPage} over links already collected (see {@link LinkCollector}); `html` is read
 * only for the TRS script.
 */
export function nextPageFromLinks(
  links: readonly PageLink[],
  html: string,
  pageUrl: string,
): string | null {
  let current: URL;
  try {
    current = new URL(pageUrl);
  } catch {
    return null;
  }
  const self = new URL(current.href);
  self.hash = '';
  const accept = (url: URL | null): string | null =>
    url !== null && url.href !== self.href && isSameSite(url, current) ? url.href : null;

  for (const link of links) {
    const rel = attribute(link.attributes, 'rel');
    if (rel === null || !rel.toLowerCase().split(/\s+/).includes('next')) continue;
    const found = accept(resolveHttp(attribute(link.attributes, 'href'), current));
    if (found !== null) return found;
  }

  const anchors = links.filter((link) => link.tag === 'a');
  for (const anchor of anchors) {
    // Cheap test first: portal pages have thousands of links.
    if (!/[下后]|next/i.test(anchor.text)) continue;
    const text = textOf(anchor)
      .replace(/[\s>»›→＞]+$/g, '')
      .replace(/\s+/g, '');
    if (!NEXT_TEXT.test(text)) continue;
    const found = accept(resolveHttp(anchorTarget(anchor.attributes), current));
    if (found !== null) return found;
  }

  // The following page by its URL: `name_2.shtml` after `name.shtml`, `name_3.htm` after
  // `name_2.htm`, whatever the link says ("2", "第2页", an arrow); or a link numbered with the
  // next page number that only changes the query (`?page=2`).
  const here = pagePattern(current);
  const wanted = here.page + 1;
  const stemName = here.stem.split('/').pop() ?? '';
  const stemPattern =
    stemName === '' ? null : new RegExp(stemName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const mentions = (attributes: Readonly<Record<string, string>>): boolean => {
    if (stemPattern === null) return false;
    for (const key in attributes) if (stemPattern.test(attributes[key] ?? '')) return true;
    return false;
  };
  for (const anchor of anchors) {
    // Cheap test first: only links naming this page's file or showing a page number.
    const mentionsStem = mentions(anchor.attributes);
    if (!mentionsStem && !/\d/.test(anchor.text)) continue;
    const number = /^(?:第\s*)?\[?(\d{1,3})\]?\s*页?$/.exec(textOf(anchor))?.[1];
    if (!mentionsStem && number === undefined) continue;
    const url = resolveHttp(anchorTarget(anchor.attributes), current);
    if (url === null) continue;
    const there = pagePattern(url);
    const isNextByName =
      there.stem === here.stem && there.ext === here.ext && there.page === wanted;
    const isNextByQuery =
      Number(number) === wanted &&
      url.pathname === current.pathname &&
      url.search !== current.search;
    if (isNextByName || isNextByQuery) {
      const found = accept(url);
      if (found !== null) return found;
    }
  }

  // TRS CMS: createPageHTML(pageCount, currentIndex, "baseName", "ext") writes `name_<i>.ext` links.
  const trs =
    /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']/.exec(html);
  if (trs !== null) {
    const count = Number(trs[1]);
    const index = Number(trs[2]);
    if (index + 1 < count) return accept(resolveHttp(`${trs[3]}_${index + 1}.${trs[4]}`, current));
  }
  return null;
}
