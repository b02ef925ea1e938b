// Blocks → plain text, for length, reading time, search and similarity. Pure; loads no HTML parser.
import type { Block } from './blocks.js';

/** Plain text of blocks, one block per line (for length, reading time and search). */
export function blocksToPlainText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  const visit = (block: Block): void => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'code':
      case 'caption':
        parts.push(block.text);
        return;
      case 'list':
        for (const item of block.items) {
          if (item.text !== '') parts.push(item.text);
          item.children.forEach(visit);
        }
        return;
      case 'quote':
        block.blocks.forEach(visit);
        return;
      case 'table':
        if (block.header !== null) parts.push(block.header.join(' '));
        for (const row of block.rows) parts.push(row.join(' '));
        return;
      case 'image':
        if (block.alt !== '') parts.push(block.alt);
        return;
      case 'rule':
        return;
      default: {
        const exhaustive: never = block;
        return exhaustive;
      }
    }
  };
  blocks.forEach(visit);
  return parts.join('\n');
}
