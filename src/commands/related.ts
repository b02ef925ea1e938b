// `tidings related ID [--json]`: up to five cached or saved articles most like a given one
// (相关阅读), by shared terms. Offline.
import { blocksToPlainText, htmlToBlocks } from '../core/articles/html-to-blocks.js';
import { findRelated, type InsightDocument } from '../core/insights/related.js';
import { FeedCache } from '../core/storage/feed-cache.js';
import { sanitizeLine } from '../core/feeds/sanitize.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';
import { formatLocalTime } from './format.js';
import { loadCachedItems } from './load-cached-items.js';
import { openFavorites } from './open-favorites.js';

/** How much of a saved article's text joins the corpus: about a feed summary's worth. */
const SUMMARY_CHARS = 500;

export interface RelatedCommandOptions {
  readonly id: string;
  readonly limit: number;
  readonly isJson: boolean;
}

/** Runs `tidings related`. */
export async function runRelated(
  context: CommandContext,
  options: RelatedCommandOptions,
): Promise<number> {
  const summaries = await loadCachedItems(context);
  const favorites = await openFavorites(context);
  const corpus: InsightDocument[] = summaries.map((item) => ({
    id: item.id,
    title: item.title,
    text: item.summary,
    link: item.link,
    source: item.source,
    published: item.published,
  }));
  const cachedIds = new Set(corpus.map((d) => d.id));
  for (const entry of await favorites.list()) {
    if (cachedIds.has(entry.id)) continue;
    // Saved articles no feed carries any more: their opening stands in for a feed summary.
    const saved = await favorites.get(entry.id);
    const text =
      saved === null ? '' : blocksToPlainText(saved.article.blocks).slice(0, SUMMARY_CHARS);
    corpus.push({ ...entry, text });
  }

  // The target is read in full: its whole text says more than its summary.
  let target: InsightDocument | null = null;
  const cached = await new FeedCache(context.paths.cache, context.now).findItem(options.id);
  if (cached !== null) {
    const body =
      cached.contentHtml === null ? '' : blocksToPlainText(htmlToBlocks(cached.contentHtml).blocks);
    target = { ...cached, text: `${cached.summary}\n${body}` };
  } else {
    const saved = await favorites.get(options.id);
    if (saved !== null) {
      const { header } = saved.article;
      target = {
        id: header.itemId,
        title: header.title,
        text: blocksToPlainText(saved.article.blocks),
        link: header.link,
        source: header.source,
        published: header.published,
      };
    }
  }
  if (target === null) {
    throw new UsageError(
      `no cached or saved article with id ${sanitizeLine(options.id)} (see tidings list)`,
    );
  }
  const related = findRelated(target, corpus, { limit: options.limit });
  if (options.isJson) {
    context.out.json({ id: target.id, title: target.title, related });
    return EXIT_OK;
  }
  context.out.line(`相关阅读 · Related to: ${target.title}`);
  if (related.length === 0) {
    context.out.line('No related articles in the cache or favorites.');
    return EXIT_OK;
  }
  related.forEach((r, n) => {
    context.out.line(
      `${n + 1}. ${r.title}  · ${r.source}  ${formatLocalTime(r.published)}  ${r.id}`,
    );
    context.out.line(`   shared: ${r.sharedTerms.join(', ')}  (score ${r.score.toFixed(2)})`);
  });
  return EXIT_OK;
}
