// Finds the next page of a multi-page article (Chinese portals split articles into `1 2 3 4` pages):
// `rel=next`, a `下一页` / "Next" link, the numbered link to the following page, or the TRS CMS
// `createPageHTML(count, current, "name", "ext")` script. Pure: reads a parsed document, no fetching.

type QueryableDocument = {
  querySelectorAll(selector: string): ArrayLike<{
    getAttribute(name: string): string | null;
    readonly textContent: string | null;
  }>;
};

const NEXT_TEXT = /^(?:下一页|下一頁|下页|下一页>|next|nextpage|next›|next»|后一页)$/i;

/**
 * True when `a` and `b` are on the same site: the same registrable domain, approximated as the last
 * two labels of the host name (three under a two-letter country code with a generic second level,
 * as in `news.example.com.cn`).
 */
export function isSameSite(a: URL, b: URL): boolean {
  const site = (host: string): string => {
    const labels = host.toLowerCase().split('.');
    const tail = labels.slice(-2);
    const isCountryGeneric =
      labels.length >= 3 &&
      (labels.at(-1)?.length ?? 0) === 2 &&
      /^(?:com|net|org|gov|edu|ac|co|mil)$/.test(labels.at(-2) ?? '');
    return (isCountryGeneric ? labels.slice(-3) : tail).join('.');
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

type AnchorLike = { getAttribute(name: string): string | null };

/** Where a link goes: its href, or for script links the URL in `onclick="location.href='…'"`. */
function anchorTarget(anchor: AnchorLike): string | null {
  const href = anchor.getAttribute('href');
  if (
    href !== null &&
    href.trim() !== '' &&
    !/^\s*javascript:/i.test(href) &&
    !href.trim().startsWith('#')
  )
    return href;
  const onclick = anchor.getAttribute('onclick') ?? '';
  const match = /(?:location(?:\.href)?\s*=|window\.open\()\s*['"]([^'"]+)['"]/.exec(onclick);
  return match?.[1] ?? null;
}

function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/**
 * The URL of the page after `pageUrl` in the same article, or null. `html` is the page's source,
 * searched for the TRS script when the document had its scripts stripped before parsing. Only same-site http(s) URLs
 * other than the page itself qualify; a numbered link must share the page's path stem
 * (`laojie_1024_3.shtml` after `laojie_1024_2.shtml`).
 */
export function findNextPage(document: unknown, pageUrl: string, html?: string): string | null {
  const doc = document as QueryableDocument;
  let current: URL;
  try {
    current = new URL(pageUrl);
  } catch {
    return null;
  }
  const self = withoutHash(current);
  const accept = (url: URL | null): string | null =>
    url !== null && url.href !== self && isSameSite(url, current) ? url.href : null;

  for (const link of Array.from(doc.querySelectorAll('link[rel], a[rel]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('next')) continue;
    const found = accept(resolveHttp(link.getAttribute('href'), current));
    if (found !== null) return found;
  }

  const anchors = Array.from(doc.querySelectorAll('a'));
  for (const anchor of anchors) {
    const text = (anchor.textContent ?? '').replace(/[\s>»›→＞]+$/g, '').replace(/\s+/g, '');
    if (!NEXT_TEXT.test(text)) continue;
    const found = accept(resolveHttp(anchorTarget(anchor), current));
    if (found !== null) return found;
  }

  const here = pagePattern(current);
  const wanted = String(here.page + 1);
  for (const anchor of anchors) {
    if ((anchor.textContent ?? '').trim() !== wanted) continue;
    const url = resolveHttp(anchorTarget(anchor), current);
    if (url === null) continue;
    const there = pagePattern(url);
    const isSameArticle =
      (there.stem === here.stem && there.page === here.page + 1) ||
      (url.pathname === current.pathname && url.search !== current.search);
    if (isSameArticle) {
      const found = accept(url);
      if (found !== null) return found;
    }
  }

  // TRS CMS: createPageHTML(pageCount, currentIndex, "baseName", "ext") writes `name_<i>.ext` links.
  const scripts =
    html ??
    Array.from(doc.querySelectorAll('script'), (script) => script.textContent ?? '').join('\n');
  const match =
    /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']/.exec(
      scripts,
    );
  if (match !== null) {
    const count = Number(match[1]);
    const index = Number(match[2]);
    if (index + 1 < count)
      return accept(resolveHttp(`${match[3]}_${index + 1}.${match[4]}`, current));
  }
  return null;
}
