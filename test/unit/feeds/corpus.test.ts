// Decode + parse + normalize over the real-world corpus in ../shared/corpus (read in place).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../../src/core/feeds/decode.js';
import { FeedParseError, parseFeed } from '../../../src/core/feeds/parse-feed.js';
import { normalizeFeed, type NormalizedFeed } from '../../../src/core/feeds/normalize.js';
import { isTerminalSafe } from '../../../src/core/feeds/sanitize.js';

const corpus = resolve(import.meta.dirname, '../../../../shared/corpus');
const hasCorpus = existsSync(corpus);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(xml|rss|atom|rdf)$/i.test(name) ? [path] : [];
  });
}

/** feedparser test files declare the HTTP Content-Type they pretend was sent in a leading comment. */
function declaredContentType(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /^Header:\s*Content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null;
}

interface Outcome {
  readonly file: string;
  readonly feed: NormalizedFeed | null;
  readonly error: unknown;
}

async function run(file: string): Promise<Outcome> {
  const bytes = readFileSync(file);
  try {
    const decoded = decodeFeedBytes(new Uint8Array(bytes), declaredContentType(bytes));
    const raw = await parseFeed(decoded.text);
    const feed = normalizeFeed(raw, {
      feedUrl: `http://corpus.test/${relative(corpus, file)}`,
      baseUrl: 'http://corpus.test/feed',
      now: new Date(0),
    });
    return { file, feed, error: null };
  } catch (error) {
    return { file, feed: null, error };
  }
}

function strings(feed: NormalizedFeed): string[] {
  return [
    feed.title,
    ...feed.items.flatMap((item) => [
      item.title,
      item.summary,
      item.author ?? '',
      item.link ?? '',
      item.contentHtml ?? '',
      item.source,
      ...item.categories,
      ...item.enclosures.map((e) => e.url),
    ]),
  ];
}

function report(label: string, outcomes: readonly Outcome[]): void {
  const ok = outcomes.filter((o) => o.feed !== null).length;
  const items = outcomes.reduce((n, o) => n + (o.feed?.items.length ?? 0), 0);
  // The counts are the point of this test: print them.
  process.stdout.write(
    `corpus ${label}: ${outcomes.length} files, ${ok} parsed (${items} items), ${outcomes.length - ok} named errors\n`,
  );
}

describe.skipIf(!hasCorpus)('real-world corpus', () => {
  it('feedparser wellformed, illformed and encoding cases: no crash; parse or a named error; all strings terminal-safe', async () => {
    for (const folder of ['wellformed', 'illformed', 'encoding']) {
      const files = filesUnder(join(corpus, 'feedparser', folder));
      expect(files.length).toBeGreaterThan(folder === 'wellformed' ? 1500 : 10);
      const outcomes: Outcome[] = [];
      for (const file of files) outcomes.push(await run(file));
      for (const outcome of outcomes) {
        if (outcome.feed === null) {
          expect(outcome.error, outcome.file).toBeInstanceOf(FeedParseError);
        } else {
          for (const text of strings(outcome.feed))
            expect(isTerminalSafe(text), `${outcome.file}: ${JSON.stringify(text)}`).toBe(true);
          for (const item of outcome.feed.items) {
            expect(item.published === null || !Number.isNaN(Date.parse(item.published))).toBe(true);
            expect(item.link === null || /^https?:\/\//.test(item.link)).toBe(true);
          }
        }
      }
      report(`feedparser/${folder}`, outcomes);
      if (folder === 'wellformed') {
        // Well-formed RSS, Atom and RDF documents must parse (CDF and other formats may be named errors).
        const feedFiles = outcomes.filter((o) => /\/(rss|atom|atom10|rdf)\//.test(o.file));
        const failed = feedFiles.filter((o) => o.feed === null);
        expect(
          failed.map((o) => `${relative(corpus, o.file)}: ${(o.error as Error).message}`),
        ).toEqual([]);
      }
    }
  });

  it('sanitize cases: no string holds a control or escape character', async () => {
    const files = filesUnder(join(corpus, 'feedparser/wellformed/sanitize'));
    expect(files.length).toBeGreaterThan(700);
    let checked = 0;
    for (const file of files) {
      const outcome = await run(file);
      for (const text of outcome.feed === null ? [] : strings(outcome.feed)) {
        expect(isTerminalSafe(text)).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('rss-parser fixtures: parse or a named error', async () => {
    const outcomes: Outcome[] = [];
    for (const file of filesUnder(join(corpus, 'rss-parser/input'))) outcomes.push(await run(file));
    expect(outcomes.length).toBeGreaterThan(25);
    for (const outcome of outcomes) {
      if (outcome.feed === null) expect(outcome.error, outcome.file).toBeInstanceOf(FeedParseError);
    }
    report('rss-parser', outcomes);
    expect(outcomes.filter((o) => o.feed !== null).length).toBeGreaterThanOrEqual(28);
  });

  it('real Chinese GB2312 and Big5 feeds decode with no U+FFFD in their titles', async () => {
    const files = filesUnder(join(corpus, 'chinese/feeds'));
    expect(files.length).toBeGreaterThan(35);
    const outcomes: Outcome[] = [];
    for (const file of files) outcomes.push(await run(file));
    for (const outcome of outcomes) {
      if (outcome.feed === null) {
        expect(outcome.error, outcome.file).toBeInstanceOf(FeedParseError);
        continue;
      }
      const titles = [outcome.feed.title, ...outcome.feed.items.map((i) => i.title)];
      expect(
        titles.filter((t) => t.includes('\ufffd')),
        outcome.file,
      ).toEqual([]);
      expect(
        strings(outcome.feed).some((t) => /\p{Script=Han}/u.test(t)),
        outcome.file,
      ).toBe(true);
    }
    report('chinese/feeds', outcomes);
    expect(outcomes.filter((o) => o.feed !== null).length).toBeGreaterThanOrEqual(40);
  });
});
