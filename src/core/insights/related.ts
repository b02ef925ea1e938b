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
  idf: (term: string) => number,
): { vector: Vector; norm: number } {
  const vector: Vector = new Map();
  let sum = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * idf(term);
    if (weight <= 0) continue;
    vector.set(term, weight);
    sum += weight * weight;
  }
  return { vector, norm: Math.sqrt(sum) };
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [term, count] of a) if (b.get(term) !== count) return false;
  return true;
}

/**
 * A corpus tokenized once, for asking for the related articles of many targets (the reader asks on
 * every article it opens; tokenizing 5,000 items takes most of a second).
 */
export class RelatedIndex {
  readonly #documents = new Map<string, InsightDocument>();
  readonly #counts = new Map<string, Map<string, number>>();
  readonly #documentFrequency = new Map<string, number>();
  /** Weighted vectors under the corpus's own idf, built on first use. */
  #baseWeights: Map<string, { vector: Vector; norm: number }> | null = null;

  constructor(corpus: readonly InsightDocument[]) {
    for (const document of corpus) {
      if (this.#documents.has(document.id)) continue;
      this.#documents.set(document.id, document);
      const counts = termCounts(document);
      this.#counts.set(document.id, counts);
      for (const term of counts.keys()) {
        this.#documentFrequency.set(term, (this.#documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  /**
   * Up to `limit` documents most similar to `target`. Never the target itself nor another copy
   * of its story; when several feeds carry the same story, only its best match is listed. Ties go
   * to the newer article, then the smaller id, so results are stable. The target counts as part
   * of the corpus (with its own text when the index holds another version of it).
   */
  related(target: InsightDocument, options: RelatedOptions = {}): RelatedArticle[] {
    const limit = options.limit ?? 5;
    const minScore = options.minScore ?? 0.08;
    const targetCounts = termCounts(target);
    const indexed = this.#counts.get(target.id);
    const total = this.#documents.size + (indexed === undefined ? 1 : 0);
    const frequency = (term: string): number =>
      (this.#documentFrequency.get(term) ?? 0) -
      (indexed?.has(term) === true ? 1 : 0) +
      (targetCounts.has(term) ? 1 : 0);
    // A term found in every document says nothing (idf 0); rarer terms weigh more.
    const idf = (term: string): number => {
      const df = frequency(term);
      return df <= 0 ? 0 : Math.log(total / df);
    };

    const targetWeights = weigh(targetCounts, idf);
    if (targetWeights.norm === 0) return [];

    // The usual case (a cached article asking about the cache) leaves the idf as the corpus has it,
    // so every other vector can be weighed once and reused.
    const isCorpusIdf = indexed !== undefined && sameCounts(indexed, targetCounts);
    const weightsOf = (id: string): { vector: Vector; norm: number } => {
      if (!isCorpusIdf) return weigh(this.#counts.get(id) ?? new Map(), idf);
      this.#baseWeights ??= new Map();
      let weights = this.#baseWeights.get(id);
      if (weights === undefined) {
        weights = weigh(this.#counts.get(id) ?? new Map(), idf);
        this.#baseWeights.set(id, weights);
      }
      return weights;
    };

    const scored: { document: InsightDocument; score: number; shared: [string, number][] }[] = [];
    for (const [id, document] of this.#documents) {
      if (id === target.id) continue;
      const { vector, norm } = weightsOf(id);
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
}

/** {@link RelatedIndex.related} over a corpus used once. */
export function findRelated(
  target: InsightDocument,
  corpus: readonly InsightDocument[],
  options: RelatedOptions = {},
): RelatedArticle[] {
  return new RelatedIndex(corpus).related(target, options);
}
