// Renders demo article blocks to HTML for feeds and pages. Pure; no I/O.
import type { DemoBlock } from './demo-article.js';

/** Escapes text for HTML or XML element content and double-quoted attributes. */
export function escapeMarkup(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Renders blocks to HTML. `imageUrl(n)` gives the address of the article's n-th image (1-based,
 * counted across all its pages by the caller through `firstImage`), so feeds can use absolute URLs
 * and pages relative ones.
 */
export function renderBlocksHtml(
  blocks: readonly DemoBlock[],
  imageUrl: (index: number) => string,
  firstImage = 1,
): string {
  let image = firstImage;
  const out: string[] = [];
  for (const block of blocks) {
    if (typeof block === 'string') {
      out.push(`<p>${escapeMarkup(block)}</p>`);
    } else if ('h' in block) {
      out.push(`<h2>${escapeMarkup(block.h)}</h2>`);
    } else if ('ul' in block) {
      out.push(`<ul>${block.ul.map((li) => `<li>${escapeMarkup(li)}</li>`).join('')}</ul>`);
    } else if ('ol' in block) {
      out.push(`<ol>${block.ol.map((li) => `<li>${escapeMarkup(li)}</li>`).join('')}</ol>`);
    } else if ('quote' in block) {
      const cite =
        block.cite === undefined ? '' : `<footer>—— ${escapeMarkup(block.cite)}</footer>`;
      out.push(`<blockquote><p>${escapeMarkup(block.quote)}</p>${cite}</blockquote>`);
    } else if ('table' in block) {
      const { caption, head, rows } = block.table;
      const cap = caption === undefined ? '' : `<caption>${escapeMarkup(caption)}</caption>`;
      const thead = `<thead><tr>${head.map((h) => `<th>${escapeMarkup(h)}</th>`).join('')}</tr></thead>`;
      const tbody = `<tbody>${rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeMarkup(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody>`;
      out.push(`<table>${cap}${thead}${tbody}</table>`);
    } else if ('img' in block) {
      const src = imageUrl(image);
      image += 1;
      const caption =
        block.img.caption === undefined
          ? ''
          : `<figcaption>${escapeMarkup(block.img.caption)}</figcaption>`;
      out.push(
        `<figure><img src="${escapeMarkup(src)}" alt="${escapeMarkup(block.img.alt)}" width="640" height="360">${caption}</figure>`,
      );
    } else {
      out.push(`<pre><code>${escapeMarkup(block.code)}</code></pre>`);
    }
  }
  return out.join('\n');
}

/** How many images a list of blocks holds (to number the images of later pages). */
export function countImages(blocks: readonly DemoBlock[]): number {
  return blocks.filter((b) => typeof b !== 'string' && 'img' in b).length;
}

/** The plain text of blocks, paragraph by paragraph (for lengths and tests). */
export function blocksText(blocks: readonly DemoBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (typeof block === 'string') parts.push(block);
    else if ('h' in block) parts.push(block.h);
    else if ('ul' in block) parts.push(...block.ul);
    else if ('ol' in block) parts.push(...block.ol);
    else if ('quote' in block) parts.push(block.quote, block.cite ?? '');
    else if ('table' in block)
      parts.push(block.table.caption ?? '', ...block.table.head, ...block.table.rows.flat());
    else if ('img' in block) parts.push(block.img.alt, block.img.caption ?? '');
    else parts.push(block.code);
  }
  return parts.filter((p) => p !== '').join('\n');
}
