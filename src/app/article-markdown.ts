// An article as Markdown: the portal's "print" (header, text, link). Pure; no I/O.
import type { Article } from '../core/articles/article.js';
import type { Block } from '../core/articles/blocks.js';
import { absoluteTime } from './format-time.js';

function blockMarkdown(block: Block, indent = ''): string[] {
  switch (block.type) {
    case 'heading':
      return [`${'#'.repeat(Math.min(6, block.level + 1))} ${block.text}`];
    case 'paragraph':
      return [block.text];
    case 'caption':
      return [`*${block.text}*`];
    case 'list':
      return block.items.flatMap((item, index) => [
        `${indent}${block.ordered ? `${index + 1}.` : '-'} ${item.text}`,
        ...item.children.flatMap((child) => blockMarkdown(child, `${indent}   `)),
      ]);
    case 'quote':
      return block.blocks.flatMap((child) => blockMarkdown(child)).map((line) => `> ${line}`);
    case 'code':
      return ['```', block.text, '```'];
    case 'table': {
      const rows = [...(block.header === null ? [] : [block.header]), ...block.rows];
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: readonly string[]): string =>
        `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
      const out = rows.map(line);
      out.splice(1, 0, `|${' --- |'.repeat(width)}`);
      return out;
    }
    case 'image':
      return [`[图 ${block.index}${block.alt === '' ? '' : `: ${block.alt}`}]`];
    case 'rule':
      return ['---'];
  }
}

/** The Markdown text of an article: title, meta line, blocks, link list, source link. */
export function articleMarkdown(article: Article): string {
  const { header } = article;
  const meta = [absoluteTime(header.published), header.author, header.source, header.editor]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
  const lines = [`# ${header.title}`, '', meta, ''];
  for (const block of article.blocks) lines.push(...blockMarkdown(block), '');
  if (article.links.length > 0) {
    article.links.forEach((link, index) => lines.push(`[${index + 1}]: ${link}`));
    lines.push('');
  }
  if (header.link !== null) lines.push(`<${header.link}>`, '');
  return lines.join('\n');
}
