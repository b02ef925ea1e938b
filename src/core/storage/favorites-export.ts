// Favorites as one document: Markdown (the portal's "print": header, text, link), standalone
// HTML with every string escaped, or JSON. Pure; no I/O (the caller writes the result).
import type { Article } from '../articles/article.js';
import type { Block } from '../articles/blocks.js';
import type { FavoriteSnapshot } from './favorite-snapshot.js';

export type ExportFormat = 'md' | 'json' | 'html';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'json', 'html'];

export interface ExportOptions {
  /** When the export was made. */
  readonly now: Date;
  /** Formats dates for people (the caller's time zone); ISO when omitted. */
  readonly formatTime?: (iso: string) => string;
}

const isHttpUrl = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

// ---------------------------------------------------------------- Markdown

/** Escapes Markdown inside a line: feed text is shown as written, never as markup or raw HTML. */
function escapeInline(text: string): string {
  return (
    text
      .replace(/[\\`*_~]/g, '\\$&')
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      // Brackets, except the article's own "[3]" link references (no link can form without a
      // definition, and none is emitted).
      .replace(/\[(?!\d+\](?![([:]))/g, '\\[')
      .replace(/(?<!\[\d+)\]/g, '\\]')
  );
}

/** Escapes a line of Markdown: inline markup, and what would start a heading, quote or list. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#>+=|-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function markdownLines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeMarkdown(line))
    .join('  \n');
}

function markdownUrl(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function markdownBlock(block: Block, indent: string): string[] {
  switch (block.type) {
    case 'heading':
      return [
        `${'#'.repeat(Math.min(6, Math.max(3, block.level + 1)))} ${escapeMarkdown(block.text)}`,
      ];
    case 'paragraph':
      return [indent + markdownLines(block.text)];
    case 'caption':
      return [`${indent}*${markdownLines(block.text)}*`];
    case 'code': {
      const longest = Math.max(2, ...[...block.text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return [[fence, ...block.text.split('\n'), fence].map((l) => indent + l).join('\n')];
    }
    case 'quote':
      return [
        block.blocks
          .flatMap((inner) => markdownBlock(inner, ''))
          .join('\n\n')
          .split('\n')
          .map((line) => (line === '' ? `${indent}>` : `${indent}> ${line}`))
          .join('\n'),
      ];
    case 'list':
      return [
        block.items
          .map((item, n) => {
            const marker = block.ordered ? `${n + 1}.` : '-';
            const pad = ' '.repeat(marker.length + 1);
            const children = item.children.flatMap((child) => markdownBlock(child, indent + pad));
            return [`${indent}${marker} ${markdownLines(item.text)}`, ...children].join('\n');
          })
          .join('\n'),
      ];
    case 'table': {
      const cell = (text: string): string =>
        escapeInline(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
      const width = Math.max(block.header?.length ?? 0, ...block.rows.map((row) => row.length), 1);
      const row = (cells: readonly string[]): string =>
        `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
      const header = block.header ?? Array.from({ length: width }, () => '');
      return [[row(header), `|${' --- |'.repeat(width)}`, ...block.rows.map(row)].join('\n')];
    }
    case 'image': {
      if (isHttpUrl(block.src)) {
        const alt = block.alt === '' ? `图 ${block.index}` : block.alt;
        return [`${indent}![${escapeInline(alt)}](${markdownUrl(block.src)})`];
      }
      return [
        `${indent}${escapeMarkdown(`[图 ${block.index}${block.alt === '' ? '' : `: ${block.alt}`}]`)}`,
      ];
    }
    case 'rule':
      return ['* * *'];
    default:
      return [];
  }
}

function metaLine(article: Article, formatTime: (iso: string) => string): string {
  const { header } = article;
  const parts = [header.source];
  if (header.published !== null) parts.push(formatTime(header.published));
  if (header.author !== null) parts.push(header.author);
  if (header.editor !== null) parts.push(`责任编辑：${header.editor}`);
  return parts.map(escapeMarkdown).join(' · ');
}

/**
 * The Markdown "print" of favorites: a numbered contents list, then each article with its
 * header (title, source, date, author, editor), its text, its numbered links and its source link.
 */
export function favoritesToMarkdown(
  snapshots: readonly FavoriteSnapshot[],
  options: ExportOptions,
): string {
  const formatTime = options.formatTime ?? ((iso: string) => iso);
  const out: string[] = [
    '# 收藏 · Favorites',
    '',
    `${snapshots.length} article${snapshots.length === 1 ? '' : 's'} · exported ${formatTime(options.now.toISOString())}`,
    '',
  ];
  snapshots.forEach((snapshot, n) => {
    const { header } = snapshot.article;
    out.push(`${n + 1}. ${escapeMarkdown(header.title)} · ${escapeMarkdown(header.source)}`);
  });
  for (const snapshot of snapshots) {
    const { article } = snapshot;
    out.push(
      '',
      '---',
      '',
      `## ${escapeMarkdown(article.header.title)}`,
      '',
      metaLine(article, formatTime),
    );
    const saved = [`Saved ${formatTime(snapshot.savedAt)}`];
    if (snapshot.tags.length > 0)
      saved.push(`tags: ${snapshot.tags.map(escapeMarkdown).join(', ')}`);
    out.push('', `*${saved.join(' · ')}*`);
    for (const block of article.blocks) out.push('', ...markdownBlock(block, ''));
    if (article.links.length > 0) {
      out.push('', 'Links:', '');
      article.links.forEach((link, i) =>
        out.push(`${i + 1}. ${isHttpUrl(link) ? markdownUrl(link) : escapeMarkdown(link)}`),
      );
    }
    if (isHttpUrl(article.header.link))
      out.push('', `原文 · Source: ${markdownUrl(article.header.link)}`);
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- HTML

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function htmlLink(url: string | null, label: string): string {
  return isHttpUrl(url)
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`
    : escapeHtml(label);
}

function htmlText(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

function htmlBlock(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(3, block.level + 1));
      return `<h${level}>${escapeHtml(block.text)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${htmlText(block.text)}</p>`;
    case 'caption':
      return `<p class="caption">${htmlText(block.text)}</p>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'quote':
      return `<blockquote>${block.blocks.map(htmlBlock).join('\n')}</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map(
        (item) => `<li>${htmlText(item.text)}${item.children.map(htmlBlock).join('')}</li>`,
      );
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    case 'table': {
      const head =
        block.header === null
          ? ''
          : `<thead><tr>${block.header.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
      const body = block.rows
        .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('');
      return `<table>${head}<tbody>${body}</tbody></table>`;
    }
    case 'image': {
      // No <img>: an export must not load anything from the network when opened.
      const label = `[图 ${block.index}${block.alt === '' ? '' : `: ${block.alt}`}]`;
      return `<p class="image">${htmlLink(block.src, label)}</p>`;
    }
    case 'rule':
      return '<hr>';
    default:
      return '';
  }
}

/**
 * A standalone HTML page of favorites. Every string from a feed or page is escaped, links are
 * kept only when they are http(s), images are links (nothing loads when the file is opened), and
 * a Content-Security-Policy forbids scripts.
 */
export function favoritesToHtml(
  snapshots: readonly FavoriteSnapshot[],
  options: ExportOptions,
): string {
  const formatTime = options.formatTime ?? ((iso: string) => iso);
  const articles = snapshots.map((snapshot, n) => {
    const { article } = snapshot;
    const { header } = article;
    const meta = [
      header.source,
      header.published === null ? null : formatTime(header.published),
      header.author,
    ]
      .filter((part): part is string => part !== null)
      .concat(header.editor === null ? [] : [`责任编辑：${header.editor}`]);
    const saved = `Saved ${formatTime(snapshot.savedAt)}${snapshot.tags.length > 0 ? ` · tags: ${snapshot.tags.join(', ')}` : ''}`;
    const links =
      article.links.length === 0
        ? ''
        : `<ol class="links">${article.links.map((link) => `<li>${htmlLink(link, link)}</li>`).join('')}</ol>`;
    const source = isHttpUrl(header.link)
      ? `<p class="source">原文 · Source: ${htmlLink(header.link, header.link)}</p>`
      : '';
    return [
      `<article id="a${n + 1}">`,
      `<h2>${escapeHtml(header.title)}</h2>`,
      `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
      `<p class="saved">${escapeHtml(saved)}</p>`,
      ...article.blocks.map(htmlBlock),
      links,
      source,
      '</article>',
    ]
      .filter((line) => line !== '')
      .join('\n');
  });
  const contents = snapshots
    .map(
      (s, n) =>
        `<li><a href="#a${n + 1}">${escapeHtml(s.article.header.title)}</a> · ${escapeHtml(s.article.header.source)}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>收藏 · Favorites</title>
<style>
body { max-width: 42em; margin: 2em auto; padding: 0 1em; font: 17px/1.7 system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; }
article { border-top: 1px solid #ccc; margin-top: 2em; padding-top: 1em; page-break-before: always; }
.meta, .saved, .source, .caption { color: #555; font-size: 0.9em; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; }
@media print { nav { display: none; } }
</style>
</head>
<body>
<h1>收藏 · Favorites</h1>
<p>${snapshots.length} article${snapshots.length === 1 ? '' : 's'} · exported ${escapeHtml(formatTime(options.now.toISOString()))}</p>
<nav><ol>
${contents}
</ol></nav>
${articles.join('\n')}
</body>
</html>
`;
}

// ---------------------------------------------------------------- JSON

/** Every snapshot as saved, in one JSON document (a backup, or input for other tools). */
export function favoritesToJson(
  snapshots: readonly FavoriteSnapshot[],
  options: ExportOptions,
): string {
  return `${JSON.stringify(
    {
      format: 'tidings-favorites-export',
      version: 1,
      exportedAt: options.now.toISOString(),
      count: snapshots.length,
      favorites: snapshots,
    },
    null,
    2,
  )}\n`;
}

/** Renders favorites in a format. */
export function exportFavorites(
  format: ExportFormat,
  snapshots: readonly FavoriteSnapshot[],
  options: ExportOptions,
): string {
  switch (format) {
    case 'md':
      return favoritesToMarkdown(snapshots, options);
    case 'html':
      return favoritesToHtml(snapshots, options);
    case 'json':
      return favoritesToJson(snapshots, options);
  }
}
