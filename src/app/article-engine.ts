// Loads the article engine's layout on first use. It pulls in the HTML parser (linkedom) through
// its language detection, which costs start-up time the Home screen never needs. No react/ink.
import type { layoutArticle as LayoutArticle } from '../core/articles/layout-article.js';

let layout: typeof LayoutArticle | null = null;

/** Loads the layout module once; later calls resolve at once. */
export async function loadArticleLayout(): Promise<void> {
  if (layout !== null) return;
  const module = await import('../core/articles/layout-article.js');
  layout = module.layoutArticle;
}

/** The layout function, or null until {@link loadArticleLayout} has finished. */
export function articleLayout(): typeof LayoutArticle | null {
  return layout;
}
