// Finds the next page of a multi-page article (Chinese portals split articles into `1 2 3 4` pages):
// `rel=next`, a `下一页` / "Next" link, the numbered link to the following page, or the TRS CMS
// `createPageHTML(count, current, "name", "ext")` script. Pure: scans the page's HTML source, no
// fetching. (A scan of the source, not the DOM: portal pages hold thousands of links, and walking
// them in linkedom cost more than the rest of the extraction.)

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

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  raquo: '»',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 32);
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)) || 32);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | null {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (match === null) return null;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

/** Where a link goes: its href, or for script links the URL in `onclick="location.href='…'"`. */
function anchorTarget(attributes: string): string | null {
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

interface Anchor {
  readonly attributes: string;
  /** The link's inner HTML. */
  readonly inner: string;
}

function anchorsOf(html: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const match of html.matchAll(/<a\b([^>]*)>([\s\S]{0,300}?)<\/a\s*>/gi)) {
    anchors.push({ attributes: match[1] ?? '', inner: match[2] ?? '' });
  }
  return anchors;
}

/** A link's text: tags removed, entities decoded, whitespace collapsed. */
function textOf(anchor: Anchor): string {
  return decodeEntities(anchor.inner.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The URL of the page after `pageUrl` in the same article, or null, from the page's HTML source.
 * Only same-site http(s) URLs other than the page itself qualify; a numbered link must share the
 * page's path stem (`laojie_1024_3.shtml` after `laojie_1024_2.shtml`).
 */
export function findNextPage(html: string, pageUrl: string): string | null {
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

  // Links inside scripts are templates (the TRS script writes its own), not links.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  for (const match of markup.matchAll(/<(?:link|a)\b([^>]*\brel\s*=[^>]*)>/gi)) {
    const rel = (attribute(match[1] ?? '', 'rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('next')) continue;
    const found = accept(resolveHttp(attribute(match[1] ?? '', 'href'), current));
    if (found !== null) return found;
  }

  const anchors = anchorsOf(markup);
  for (const anchor of anchors) {
    // Cheap test first: portal pages have thousands of links.
    if (!/[下后]|next/i.test(anchor.inner)) continue;
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
  const stemName = (here.stem.split('/').pop() ?? '').toLowerCase();
  for (const anchor of anchors) {
    // Cheap test first: only links naming this page's file or showing a page number.
    const mentionsStem = stemName !== '' && anchor.attributes.toLowerCase().includes(stemName);
    if (!mentionsStem && !/\d/.test(anchor.inner)) continue;
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
