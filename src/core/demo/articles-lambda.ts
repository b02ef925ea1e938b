// Demo edition content: Lambda Lines, an English developer news site (RSS with comments links).
// Original sample text; companies and people in it are invented. Pure data.
import type { DemoArticle } from './demo-article.js';

/** The articles of the Lambda Lines developer feed. */
export const ARTICLES_LAMBDA: readonly DemoArticle[] = [
  {
    id: 'll-dev-9501',
    feed: 'lambda-dev',
    title: 'Conditional GET is the cheapest performance win you are not using',
    author: 'Ada Lindqvist',
    source: 'Lambda Lines',
    minutesAgo: 33,
    categories: ['HTTP', 'Performance'],
    summary:
      'ETag and Last-Modified let a client ask “has this changed?” and get a tiny 304 instead of the whole body. Feed readers that skip them waste everyone’s bandwidth.',
    body: [
      'Every time a feed reader polls a feed, it can either download the whole document again or ask the server whether anything has changed. The second option costs a few hundred bytes. The first can cost megabytes, multiplied by every subscriber, every fifteen minutes.',
      'The mechanism is old and simple. The server sends validators with the response; the client sends them back on the next request:',
      {
        code: [
          'GET /feed.xml HTTP/1.1',
          'If-None-Match: "5f2a-9c1"',
          'If-Modified-Since: Tue, 03 Nov 2026 08:00:00 GMT',
          '',
          'HTTP/1.1 304 Not Modified',
          'ETag: "5f2a-9c1"',
        ].join('\n'),
      },
      'A few things trip people up:',
      {
        ol: [
          'Store the validators per URL, exactly as received, including the W/ prefix of weak tags.',
          'Send If-None-Match when you have an ETag; servers must prefer it over If-Modified-Since.',
          'Never invent a Last-Modified from your own clock; echo the server’s string.',
          'Treat 304 as success: keep the cached items and update the “last checked” time.',
        ],
      },
      'Servers have their share of bugs too. Some generate a new ETag for every request because the body contains a timestamp; some compress the body and keep a strong ETag meant for the uncompressed version. If your reader sees a different tag on every poll, it is probably the server, not you.',
      {
        quote: 'The fastest request is the one that carries no body.',
        cite: 'an old operations saying',
      },
    ],
  },
  {
    id: 'll-dev-9502',
    feed: 'lambda-dev',
    title: 'GBK is not dead: a practical guide to legacy encodings in 2026',
    author: 'Wei Zhang',
    source: 'Lambda Lines',
    minutesAgo: 410,
    categories: ['Unicode', 'Encodings'],
    summary:
      'Plenty of Chinese news portals still serve GBK. If your code assumes UTF-8, it will print garbage. Here is the order in which to trust the clues.',
    body: [
      'UTF-8 has won, but not everywhere. Many long-running Chinese portals still serve pages and feeds encoded in GBK or GB2312, and some of them label the encoding only inside the document.',
      'When bytes arrive, there are several clues about how to decode them, and they sometimes disagree. A sensible order is:',
      {
        ol: [
          'A byte-order mark, if present, wins.',
          'The charset parameter of the Content-Type header.',
          'The encoding in the XML declaration, or the meta charset of an HTML page.',
          'If the bytes are valid UTF-8, UTF-8.',
          'Otherwise, a guess — for Chinese content, GB18030 is the safest one.',
        ],
      },
      'Decode GBK and GB2312 with a GB18030 decoder: it is a superset of both, which is also what browsers do. And never call a text() helper that silently assumes UTF-8 before you have looked at the bytes.',
      {
        table: {
          caption: 'The same two characters in three encodings',
          head: ['Encoding', 'Bytes for “新闻”'],
          rows: [
            ['UTF-8', 'E6 96 B0 E9 97 BB'],
            ['GBK', 'D0 C2 CE C5'],
            ['UTF-16LE', '30 65 FB 95'],
          ],
        },
      },
      'Finally, test with real files. Synthetic examples always pass; the feed that declares GBK in the header and UTF-8 in the prolog is the one that will break you.',
    ],
  },
  {
    id: 'll-dev-9503',
    feed: 'lambda-dev',
    title: 'Postmortem: the cron job that ran twice on the day the clocks changed',
    author: 'Marcus Hill',
    source: 'Lambda Lines',
    minutesAgo: 1380,
    categories: ['Postmortem', 'Time'],
    summary:
      'A billing job scheduled in local time ran twice when daylight saving time ended, charging some customers twice. What happened, and what we changed.',
    body: [
      'At 01:30 local time on the night daylight saving time ended, our nightly billing job started. An hour later, at 01:30 local time again, it started a second time.',
      'The job was scheduled in the server’s local time zone. On the night the clocks go back, 01:30 happens twice. The job had no guard against running twice for the same day, so about four per cent of customers were charged twice before an engineer noticed the alert.',
      { h: 'What we changed' },
      {
        ul: [
          'All schedules now run in UTC; local times are shown only in the interface.',
          'Every billing run takes a lock keyed by the billing date, so a second run exits.',
          'Charges carry an idempotency key derived from the customer and the period.',
          'We added a test that replays the two clock changes of each year.',
        ],
      },
      'All duplicate charges were refunded within a day. The real fix was not about time zones at all: any job that moves money must be safe to run twice.',
    ],
  },
  {
    id: 'll-dev-9504',
    feed: 'lambda-dev',
    title: 'Ask LL: how do you test code that talks to the network?',
    author: 'Lambda Lines community',
    source: 'Lambda Lines',
    minutesAgo: 2500,
    categories: ['Testing', 'Ask LL'],
    summary:
      'Mocks, recorded fixtures or a real local server? Readers share what has worked for them, and what came back to bite them.',
    body: [
      'Last week we asked readers how they test code that makes HTTP requests. More than two hundred of you answered. The short version: mocks are easy to write and easy to get wrong.',
      {
        quote:
          'We mocked fetch for years. Then a library update changed how redirects were followed and every test stayed green while production broke.',
        cite: 'a reader who maintains a feed aggregator',
      },
      'The most popular answer was a real server on localhost that serves fixed bytes, records the requests it gets and can misbehave on purpose — time out, send garbage, reset the connection. Several readers pointed out that this also tests the parts mocks skip: decompression, redirects and character encodings.',
      {
        ul: [
          'Use a real server on 127.0.0.1 with a random port.',
          'Serve byte-exact fixtures, not strings, so encodings are real.',
          'Assert on what the server received: headers, counts, order.',
          'Never sleep in tests; wait for a condition with a timeout.',
        ],
      },
      'A minority still prefer recorded fixtures for third-party APIs, re-recorded on a schedule. Almost nobody defended hand-written mocks for anything beyond unit tests of pure logic.',
    ],
  },
  {
    id: 'll-dev-9505',
    feed: 'lambda-dev',
    title: 'We moved our CLI from CommonJS to ESM. Here is what broke.',
    author: 'Ada Lindqvist',
    source: 'Lambda Lines',
    minutesAgo: 5600,
    categories: ['JavaScript', 'Node.js', 'Tooling'],
    summary:
      'Import paths, __dirname, JSON imports and a test runner that disagreed with the compiler: notes from a migration that took three weeks instead of three days.',
    body: [
      'Our command-line tool had been CommonJS since its first commit. Most of its dependencies had gone ESM-only, so we finally switched. We estimated three days. It took three weeks.',
      'The things that broke, roughly in the order we found them:',
      {
        ol: [
          'Relative imports need file extensions, and in TypeScript they must say .js even for .ts files.',
          '__dirname and __filename no longer exist; use import.meta.url.',
          'require() of JSON had to become a read plus JSON.parse, or an import attribute.',
          'Two dependencies still shipped only CommonJS and needed createRequire.',
          'Start-up got slower until we bundled the tool into a single file.',
        ],
      },
      'The bundling step surprised us most. Resolving hundreds of small ES modules at start-up added a noticeable delay to every command; bundling brought it back under the old figure.',
      {
        code: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);",
      },
      'Was it worth it? Yes: the dependency upgrades we had postponed for a year are done, and the codebase is simpler. But budget for the long tail.',
    ],
  },
];
