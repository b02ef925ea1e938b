// Every article of the demo edition, gathered from the per-publication content modules. Pure data.
import { ARTICLES_BUSINESS } from './articles-business.js';
import { ARTICLES_CHENZHONG } from './articles-chenzhong.js';
import { ARTICLES_HAIXIA } from './articles-haixia.js';
import { ARTICLES_HUANQIU } from './articles-huanqiu.js';
import { ARTICLES_LAMBDA } from './articles-lambda.js';
import { ARTICLES_LOCAL } from './articles-local.js';
import { ARTICLES_MERIDIAN } from './articles-meridian.js';
import { ARTICLES_SPORTS_ENT } from './articles-sports-ent.js';
import { ARTICLES_TECH } from './articles-tech.js';
import type { DemoArticle } from './demo-article.js';

/** All demo articles, in no particular order (feeds sort by date). */
export const DEMO_ARTICLES: readonly DemoArticle[] = [
  ...ARTICLES_CHENZHONG,
  ...ARTICLES_HAIXIA,
  ...ARTICLES_HUANQIU,
  ...ARTICLES_MERIDIAN,
  ...ARTICLES_BUSINESS,
  ...ARTICLES_TECH,
  ...ARTICLES_SPORTS_ENT,
  ...ARTICLES_LOCAL,
  ...ARTICLES_LAMBDA,
];
