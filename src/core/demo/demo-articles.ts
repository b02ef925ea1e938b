// Every article of the demo edition, gathered from the per-publication content modules. Pure data.
import { ARTICLES_CHENZHONG } from './articles-chenzhong.js';
import type { DemoArticle } from './demo-article.js';

/** All demo articles, in no particular order (feeds sort by date). */
export const DEMO_ARTICLES: readonly DemoArticle[] = [...ARTICLES_CHENZHONG];
