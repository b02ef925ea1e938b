// Related reading (相关阅读): the articles most similar to a given one by shared terms, scored by
// TF-IDF cosine similarity, one entry per story. Pure; no I/O, no clock.
import { storyKeys } from './story.js';
import { tokenize } from './tokenize.js';

/** An article as the insights see it: cached items and saved favorites alike. */
export interface InsightDocument {
  readonly id: string;
  readonly title: string;
  /** Body text or summary; may be empty. */
  readonly text: string;
  readonly link: string | null;
  readonly source: string;
  readonly published: string | null;
}

export interface RelatedArticle {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly link: string | null;
  readonly published: string | null;
  /** Cosine similarity, 0–1, rounded to 4 places. */
  readonly score: number;
  /** The shared terms that weigh most, at most 5. */
  readonly sharedTerms: readonly string[];
}

export interface RelatedOptions {
  /** @default 5 */
  readonly limit?: number;
  /** Below this similarity an article is not related (one shared common word). @default 0.08 */
  readonly minScore?: number;
}

/** Title terms count this many times: a headline says more about the story than a paragraph. */
const TITLE_WEIGHT = 3;

type Vector = Map<string, number>;

function termCounts(document: InsightDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of tokenize(document.title))
    counts.set(term, (counts.get(term) ?? 0) + TITLE_WEIGHT);
  for (const term of tokenize(document.text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function weigh(
  counts: Map<string, number>,
  idf: Map<string, number>,
): { vector: Vector; norm: number } {
  const vector: Vector = new Map();
  let sum = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (idf.get(term) ?? 0);
    if (weight <= 0) continue;
    vector.set(term, weight);
    sum += weight * weight;
  }
  return { vector, norm: Math.sqrt(sum) };
}

/**
 * Up to `limit` documents of `corpus` most similar to `target`. Never the target itself nor
 * another copy of its story; when several feeds carry the same story, only its best match is
 * listed. Ties go to the newer article, then the smaller id, so results are stable.
 */
export function findRelated(
  target: InsightDocument,
  corpus: readonly InsightDocument[],
  options: RelatedOptions = {},
): RelatedArticle[] {
  const limit = options.limit ?? 5;
  const minScore = options.minScore ?? 0.08;
  const documents = new Map<string, InsightDocument>();
  for (const document of corpus)
    if (!documents.has(document.id)) documents.set(document.id, document);
  documents.set(target.id, target);

  const counts = new Map<string, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  for (const [id, document] of documents) {
    const c = termCounts(document);
    counts.set(id, c);
    for (const term of c.keys())
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = documents.size;
  const idf = new Map<string, number>();
  // A term found in every document says nothing (idf 0); rarer terms weigh more.
  for (const [term, df] of documentFrequency) idf.set(term, Math.log(total / df));

  const targetWeights = weigh(counts.get(target.id) ?? new Map(), idf);
  if (targetWeights.norm === 0) return [];

  const scored: { document: InsightDocument; score: number; shared: [string, number][] }[] = [];
  for (const [id, document] of documents) {
    if (id === target.id) continue;
    const { vector, norm } = weigh(counts.get(id) ?? new Map(), idf);
    if (norm === 0) continue;
    let dot = 0;
    const shared: [string, number][] = [];
    for (const [term, weight] of vector) {
      const other = targetWeights.vector.get(term);
      if (other === undefined) continue;
      dot += weight * other;
      shared.push([term, weight * other]);
    }
    const score = dot / (norm * targetWeights.norm);
    if (score >= minScore) scored.push({ document, score, shared });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.document.published ?? '').localeCompare(a.document.published ?? '') ||
      a.document.id.localeCompare(b.document.id),
  );

  const seenStories = new Set(storyKeys(target));
  const results: RelatedArticle[] = [];
  for (const { document, score, shared } of scored) {
    if (results.length >= limit) break;
    const keys = storyKeys(document);
    const isSeen = keys.some((key) => seenStories.has(key));
    for (const key of keys) seenStories.add(key);
    if (isSeen) continue;
    results.push({
      id: document.id,
      title: document.title,
      source: document.source,
      link: document.link,
      published: document.published,
      score: Math.round(score * 10_000) / 10_000,
      sharedTerms: shared
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([term]) => term),
    });
  }
  return results;
}
