// Fuzzing decode + parse + normalize: random bytes, a soup of feed markup and hostile strings, and
// random mutations of the real-world corpus (../shared/corpus, read in place). Each input runs in a
// worker with a time bound, so a hang is a reported counterexample, not a stuck suite.
// Invariants: the only error is FeedParseError; every string is terminal-safe; ids are unique per
// feed; links and enclosures are http(s) or absent; dates are ISO 8601 or null.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypeArb,
  mutate,
  mutationArb,
  randomBytesArb,
  structuredFeedArb,
  tokenSoupArb,
} from './feed-arbitraries.js';
import { feedViolations } from './feed-invariants.js';
import { fuzzRuns, fuzzSeed } from './fuzz-runs.js';
import { PipelineRunner, type BoundedOutcome } from './pipeline-runner.js';
import { FUZZ_FEED_URL, type PipelineInput } from './pipeline-target.js';

/** Wall-clock bound per input. Generous: the machine may be loaded; a real hang never answers. */
const BOUND_MS = 8_000;
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const CORPUS_DIRS = ['feedparser/wellformed', 'rss-parser/input', 'chinese/feeds'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

const corpusFiles = CORPUS_DIRS.flatMap((dir) => filesUnder(join(corpus, dir)));

interface Tally {
  feeds: number;
  parseErrors: number;
  items: number;
  slowestMs: number;
}

const tally: Tally = { feeds: 0, parseErrors: 0, items: 0, slowestMs: 0 };
let runner: PipelineRunner;

beforeAll(() => {
  runner = new PipelineRunner();
});
afterAll(async () => {
  await runner.close();
  process.stdout.write(
    `feed fuzz: ${tally.feeds} feeds (${tally.items} items), ${tally.parseErrors} FeedParseErrors, slowest input ${Math.round(tally.slowestMs)} ms\n`,
  );
});

/** Runs one input and throws (so fast-check shrinks it) when any invariant breaks. */
async function check(input: PipelineInput): Promise<void> {
  const outcome: BoundedOutcome = await runner.run(input, BOUND_MS);
  tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
  switch (outcome.kind) {
    case 'hang':
      throw new Error(`no answer within ${BOUND_MS} ms (${input.bytes.byteLength} bytes)`);
    case 'crash':
      throw new Error(`crashed with ${outcome.name} (not FeedParseError):\n${outcome.stack}`);
    case 'parse-error':
      tally.parseErrors += 1;
      if (outcome.message.trim() === '' || outcome.message.includes('\n'))
        throw new Error(`unreadable FeedParseError message ${JSON.stringify(outcome.message)}`);
      return;
    case 'feed': {
      tally.feeds += 1;
      tally.items += outcome.feed.items.length;
      const problems = feedViolations(outcome.feed, FUZZ_FEED_URL);
      if (problems.length > 0) throw new Error(problems.slice(0, 10).join('\n'));
      return;
    }
    default: {
      const exhaustive: never = outcome;
      throw new Error(`unexpected outcome ${JSON.stringify(exhaustive)}`);
    }
  }
}

const options = <T extends unknown[]>(runs: number): fc.Parameters<T> => ({
  numRuns: fuzzRuns(runs),
  seed: fuzzSeed(),
  // A failing input is often a big corpus file: keep the shrinking bounded in time too.
  interruptAfterTimeLimit: 120_000,
  markInterruptAsFailure: false,
});

describe('feed pipeline under fuzz', () => {
  it('survives random bytes', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(randomBytesArb, contentTypeArb, (bytes, contentType) =>
        check({ bytes, contentType }),
      ),
      options(300),
    );
    expect(tally.feeds + tally.parseErrors).toBeGreaterThan(0);
  });

  it('survives a soup of feed markup and hostile strings', { timeout: 180_000 }, async () => {
    const before = tally.feeds;
    await fc.assert(
      fc.asyncProperty(tokenSoupArb, contentTypeArb, (bytes, contentType) =>
        check({ bytes, contentType }),
      ),
      options(600),
    );
    expect(tally.feeds + tally.parseErrors).toBeGreaterThan(before);
  });

  it(
    'survives well-formed feeds with hostile text in every field',
    { timeout: 180_000 },
    async () => {
      const before = tally.feeds;
      await fc.assert(
        fc.asyncProperty(structuredFeedArb, contentTypeArb, (bytes, contentType) =>
          check({ bytes, contentType }),
        ),
        options(400),
      );
      // Most of these parse (the rest break on a raw `<` or `&` in the random text).
      expect(tally.feeds - before).toBeGreaterThan(20);
    },
  );

  it.skipIf(corpusFiles.length === 0)(
    'survives random mutations of the real-world corpus',
    { timeout: 240_000 },
    async () => {
      const before = tally.feeds;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...corpusFiles),
          fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
          contentTypeArb,
          (file, mutations, contentType) =>
            check({ bytes: mutate(readFileSync(file), mutations), contentType }),
        ),
        options(500),
      );
      expect(tally.feeds).toBeGreaterThan(before);
    },
  );

  it.skipIf(corpusFiles.length > 0)(
    'skips the corpus mutations: ../shared/corpus is absent',
    () => {
      expect(existsSync(corpus)).toBe(false);
    },
  );
});
