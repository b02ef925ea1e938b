// The composition root: parse argv, read the environment, build services, run a command.
// The only file that reads process.env or exits. Every command (and the UI) is imported lazily:
// in the one-file bundle esbuild turns those imports into deferred module initialisers, so a
// command evaluates only the code it uses, and scriptable commands never load Ink or React.
import { Command, CommanderError, Option } from 'commander';
import { createOutput } from './commands/output.js';
import { type CommandContext, UsageError, EXIT_FATAL } from './commands/context.js';
import { type DataPaths, resolveDataPaths } from './core/storage/paths.js';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createFeedReaderPool, type FeedReaderPool } from './core/feeds/feed-reader-pool.js';
import type { DemoServer } from './core/demo/demo-server.js';
import { parseFontSize, type FontSize } from './core/articles/font-size.js';

const version = process.env['TIDINGS_VERSION'] ?? '0.0.0-dev';
const env: Readonly<Record<string, string | undefined>> = { ...process.env };
const isDebug = env['TIDINGS_DEBUG'] === '1';

/** The demo keeps its own state beside the user's, so demo items never mix with real ones. */
function demoPaths(paths: DataPaths): DataPaths {
  return {
    config: join(paths.config, 'demo'),
    data: join(paths.data, 'demo'),
    cache: join(paths.cache, 'demo'),
  };
}

/** The feed-reader worker's bundle, defined by scripts/build.mjs; undeclared when run from source. */
declare const TIDINGS_FEED_READER_SOURCE: string | undefined;

/** Marks a worker thread started from this bundle to read feeds. */
const FEED_READER_WORKER = 'tidings-feed-reader';

/**
 * Feed-reader workers: one per core beside the main thread's (which fetches and writes the
 * cache), at least 1 and at most 4 (more would only cost memory).
 * `TIDINGS_FEED_READERS=N` overrides; 0 reads feeds on the main thread.
 */
function feedReaderCount(): number {
  const override = env['TIDINGS_FEED_READERS'];
  if (override !== undefined && /^\d+$/.test(override)) return Math.min(16, Number(override));
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

function feedReaders(): (() => FeedReaderPool) | undefined {
  const size = feedReaderCount();
  if (size === 0) return undefined;
  // The built CLI carries the worker's own bundle; run from source (development), the worker is
  // this module again.
  const worker =
    typeof TIDINGS_FEED_READER_SOURCE === 'string'
      ? { source: TIDINGS_FEED_READER_SOURCE }
      : { url: new URL(import.meta.url), workerData: FEED_READER_WORKER };
  return () => createFeedReaderPool({ worker, size });
}

function buildContext(demo: DemoServer | null): CommandContext {
  const paths = resolveDataPaths(env);
  const pools = feedReaders();
  return {
    ...(pools === undefined ? {} : { feedReaders: pools }),
    out: createOutput(process.stdout, process.stderr),
    paths: demo === null ? paths : demoPaths(paths),
    demoCatalog: demo?.catalog ?? null,
    now: () => new Date(),
    fetch: globalThis.fetch,
    userAgent: `tidings/${version}`,
    version,
    useColor: env['NO_COLOR'] === undefined && process.stdout.isTTY === true,
    env,
  };
}

function parseInteger(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`${name} must be an integer ≥ ${min}, got "${value}"`);
    return n;
  };
}

/** Builds the command tree. Each action sets process.exitCode; nothing here calls exit directly. */
export function buildProgram(context: () => CommandContext, readerKeysHelp: string): Command {
  const program = new Command('tidings')
    .description(
      'A news portal in the terminal: channels, regions, paginated articles, offline favorites.',
    )
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) })
    .option('--demo', 'use the bundled demo edition, served from 127.0.0.1 (no network needed)')
    .option('--lang <lang>', 'language of the reader: zh or en (default: from the locale)')
    .exitOverride();

  // No command: the full-screen reader. Ink and React load only here.
  program.addHelpText(
    'after',
    readerKeysHelp === ''
      ? ''
      : `\nKeys in the reader (tidings with no command):\n${readerKeysHelp}`,
  );
  // Without this, a mistyped command would be reported as "too many arguments".
  program.allowExcessArguments(true);
  program.action(async (options: { lang?: string }, command: Command) => {
    if (command.args.length > 0) {
      throw new UsageError(`unknown command '${command.args[0] ?? ''}' (see tidings --help)`);
    }
    const { runReader } = await import('./ui/run-reader.js');
    process.exitCode = await runReader({
      context: context(),
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      catalogFile: null,
      lang: options.lang,
      platform: process.platform,
    });
  });

  program
    .command('fetch')
    .description('Refresh every feed of the catalog and cache the items.')
    .option('--catalog <file>', 'use this catalog file (JSON) for this run')
    .option('--json', 'print the per-feed results as JSON')
    .addOption(
      new Option('--concurrency <n>', 'feeds fetched at once')
        .default(8)
        .argParser(parseInteger('--concurrency', 1)),
    )
    .addOption(
      new Option('--timeout <ms>', 'total time allowed per feed, in ms').argParser(
        parseInteger('--timeout', 1),
      ),
    )
    .action(
      async (options: {
        catalog?: string;
        json?: boolean;
        concurrency: number;
        timeout?: number;
      }) => {
        const { runFetch } = await import('./commands/fetch.js');
        process.exitCode = await runFetch(context(), {
          catalogFile: options.catalog ?? null,
          isJson: options.json === true,
          concurrency: options.concurrency,
          totalTimeoutMs: options.timeout ?? null,
        });
      },
    );

  program
    .command('list')
    .description('List cached items, newest first (no network).')
    .option('--catalog <file>', 'use this catalog file (JSON) for this run')
    .option('--channel <id>', 'only items of this channel')
    .option('--region <id>', 'only items of this region')
    .option('--search <text>', 'only items whose title or summary contains this text')
    .option('--unread', 'only items not opened yet')
    .addOption(
      new Option('--limit <n>', 'at most this many items').argParser(parseInteger('--limit', 1)),
    )
    .option('--json', 'print the items as JSON')
    .action(
      async (options: {
        catalog?: string;
        channel?: string;
        region?: string;
        search?: string;
        limit?: number;
        unread?: boolean;
        json?: boolean;
      }) => {
        const { runList } = await import('./commands/list.js');
        process.exitCode = await runList(context(), {
          catalogFile: options.catalog ?? null,
          channel: options.channel ?? null,
          region: options.region ?? null,
          search: options.search ?? null,
          limit: options.limit ?? null,
          isUnreadOnly: options.unread === true,
          isJson: options.json === true,
        });
      },
    );

  program
    .command('read')
    .description(
      'Print an article: header, one page of text and the page bar (full text, all pages merged).',
    )
    .argument('<id|url>', 'an item or favorite id (or a unique prefix), or an http(s) URL')
    .addOption(new Option('--page <n>', 'the page to print').argParser(parseInteger('--page', 1)))
    .option('--all', 'print every page')
    .addOption(
      new Option(
        '--size <size>',
        'font size (字号): small|medium|large|xlarge or 小|中|大|特大 (default: the reader’s, else medium)',
      ).argParser((value: string) => {
        const size = parseFontSize(value);
        if (size === null)
          throw new UsageError(`--size must be small, medium, large or xlarge, got "${value}"`);
        return size;
      }),
    )
    .addOption(
      new Option('--width <n>', 'text column in columns (overrides --size)').argParser(
        parseInteger('--width', 8),
      ),
    )
    .option('--full', 'always fetch the full text from the page')
    .option('--no-full', "never fetch: show the feed's own text")
    .option(
      '--ambiguous-wide',
      'count East Asian Ambiguous characters (“ ” … —) as 2 columns (default: the settings file)',
    )
    .option('--no-ambiguous-wide', 'count them as 1 column, whatever the settings file says')
    .option('--json', 'print {id, title, meta, page, pages, width, lines} as JSON')
    .action(
      async (
        target: string,
        options: {
          page?: number;
          all?: boolean;
          size?: FontSize;
          width?: number;
          full?: boolean;
          ambiguousWide?: boolean;
          json?: boolean;
        },
      ) => {
        const { runRead } = await import('./commands/read.js');
        const isTty = process.stdout.isTTY === true;
        process.exitCode = await runRead(context(), {
          target,
          page: options.page ?? null,
          isAll: options.all === true,
          size: options.size ?? null,
          width: options.width ?? null,
          fullText: options.full === true ? 'always' : options.full === false ? 'never' : 'auto',
          isJson: options.json === true,
          terminal: {
            columns: isTty ? (process.stdout.columns ?? null) : null,
            rows: isTty ? (process.stdout.rows ?? null) : null,
          },
          ...(options.ambiguousWide === undefined
            ? {}
            : { isAmbiguousWide: options.ambiguousWide }),
        });
      },
    );

  addCatalogCommands(program, context);
  addReadingCommands(program, context);
  return program;
}

/** `channels`, `regions`, `feeds`, `opml` and `catalog`: the catalog's commands. */
function addCatalogCommands(program: Command, context: () => CommandContext): void {
  const catalogOption = 'use this catalog file (JSON or OPML) for this run';
  program
    .command('channels')
    .description('List the channels: id, names, feed count, cached item count.')
    .option('--catalog <file>', catalogOption)
    .option('--json', 'print the channels as JSON')
    .action(async (options: { catalog?: string; json?: boolean }) => {
      const { runChannels } = await import('./commands/channels.js');
      process.exitCode = await runChannels(context(), {
        catalogFile: options.catalog ?? null,
        isJson: options.json === true,
      });
    });

  program
    .command('regions')
    .description('List the regions: id, names, keywords, feed count, cached item count.')
    .option('--catalog <file>', catalogOption)
    .option('--json', 'print the regions as JSON')
    .action(async (options: { catalog?: string; json?: boolean }) => {
      const { runRegions } = await import('./commands/regions.js');
      process.exitCode = await runRegions(context(), {
        catalogFile: options.catalog ?? null,
        isJson: options.json === true,
      });
    });

  const feeds = program.command('feeds').description('List, add and remove feeds of your catalog.');
  feeds
    .command('list')
    .description('List every feed with its channels and regions.')
    .option('--catalog <file>', catalogOption)
    .option('--json', 'print the feeds as JSON')
    .action(async (options: { catalog?: string; json?: boolean }) => {
      const { runFeedsList } = await import('./commands/feeds-list.js');
      process.exitCode = await runFeedsList(context(), {
        catalogFile: options.catalog ?? null,
        isJson: options.json === true,
      });
    });
  feeds
    .command('add')
    .description('Add an http(s) feed to a channel (and a region) of your catalog.')
    .argument('<url>', 'the feed URL')
    .requiredOption('--channel <id>', 'the channel to add it to (see tidings channels)')
    .option('--region <id>', 'also add it to this region (see tidings regions)')
    .option('--title <title>', 'a title for the feed')
    .action(async (url: string, options: { channel: string; region?: string; title?: string }) => {
      const { runFeedsAdd } = await import('./commands/feeds-add.js');
      process.exitCode = await runFeedsAdd(context(), {
        url,
        channel: options.channel,
        region: options.region ?? null,
        title: options.title ?? null,
      });
    });
  feeds
    .command('rm')
    .alias('remove')
    .description('Remove a feed from every channel and region of your catalog.')
    .argument('<url>', 'the feed URL')
    .action(async (url: string) => {
      const { runFeedsRemove } = await import('./commands/feeds-remove.js');
      process.exitCode = await runFeedsRemove(context(), { url });
    });

  const opml = program.command('opml').description('Import or export OPML subscription lists.');
  opml
    .command('import')
    .description('Merge an OPML file into your catalog: folders become channels.')
    .argument('<file>', 'the OPML file')
    .option('--channel <id>', 'channel for feeds outside any folder (default: a new "imported")')
    .action(async (file: string, options: { channel?: string }) => {
      const { runOpmlImport } = await import('./commands/opml-import.js');
      process.exitCode = await runOpmlImport(context(), { file, channel: options.channel ?? null });
    });
  opml
    .command('export')
    .description('Write the catalog as OPML 2.0: channels and regions become folders.')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--catalog <file>', catalogOption)
    .action(async (options: { output?: string; catalog?: string }) => {
      const { runOpmlExport } = await import('./commands/opml-export.js');
      process.exitCode = await runOpmlExport(context(), {
        catalogFile: options.catalog ?? null,
        output: options.output ?? null,
      });
    });

  program
    .command('catalog')
    .description('Work with the catalog as a whole.')
    .command('check')
    .description('Fetch every feed once; report which answer, which fail and why, and how fresh.')
    .option('--catalog <file>', catalogOption)
    .option('--json', 'print the results as JSON')
    .addOption(
      new Option('--concurrency <n>', 'feeds fetched at once')
        .default(8)
        .argParser(parseInteger('--concurrency', 1)),
    )
    .addOption(
      new Option('--timeout <ms>', 'total time allowed per feed, in ms').argParser(
        parseInteger('--timeout', 1),
      ),
    )
    .addOption(
      new Option('--stale-days <n>', 'a feed whose newest item is older is stale')
        .default(14)
        .argParser(parseInteger('--stale-days', 1)),
    )
    .action(
      async (options: {
        catalog?: string;
        json?: boolean;
        concurrency: number;
        timeout?: number;
        staleDays: number;
      }) => {
        const { runCatalogCheck } = await import('./commands/catalog-check.js');
        process.exitCode = await runCatalogCheck(context(), {
          catalogFile: options.catalog ?? null,
          isJson: options.json === true,
          concurrency: options.concurrency,
          totalTimeoutMs: options.timeout ?? null,
          staleDays: options.staleDays,
        });
      },
    );
}

/** `fav`, `mark`, `related`, `hot` and `rank`: favorites, read state and insights (offline). */
function addReadingCommands(program: Command, context: () => CommandContext): void {
  const fav = program
    .command('fav')
    .description('Favorites (收藏): saved articles that read offline.');
  fav
    .command('add')
    .description('Save an article (full text, every page merged) so it reads offline.')
    .argument('<id-or-url>', 'a cached item id (see tidings list) or an http(s) URL')
    .option(
      '--tag <tag>',
      'add a tag (repeatable)',
      (tag: string, tags: string[]) => [...tags, tag],
      [],
    )
    .option('--json', 'print the saved favorite as JSON')
    .action(async (target: string, options: { tag: string[]; json?: boolean }) => {
      const { runFavAdd } = await import('./commands/fav-add.js');
      process.exitCode = await runFavAdd(context(), {
        target,
        tags: options.tag,
        isJson: options.json === true,
      });
    });
  fav
    .command('rm')
    .description('Remove a favorite.')
    .argument('<id>', "the favorite's item id")
    .action(async (id: string) => {
      const { runFavRemove } = await import('./commands/fav-remove.js');
      process.exitCode = await runFavRemove(context(), { id });
    });
  fav
    .command('list')
    .description('List favorites, newest saved first.')
    .option('--search <text>', 'only favorites whose title, source, tags or text contain this')
    .option('--json', 'print the favorites as JSON')
    .action(async (options: { search?: string; json?: boolean }) => {
      const { runFavList } = await import('./commands/fav-list.js');
      process.exitCode = await runFavList(context(), {
        search: options.search ?? null,
        isJson: options.json === true,
      });
    });
  fav
    .command('export')
    .description('Export every favorite to one file: Markdown (print), HTML or JSON.')
    .option('--format <format>', 'md, html or json', 'md')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { format: string; output?: string }) => {
      const { runFavExport } = await import('./commands/fav-export.js');
      process.exitCode = await runFavExport(context(), {
        format: options.format,
        output: options.output ?? null,
      });
    });
  fav
    .command('repair')
    .description('Rebuild the favorites index from the saved snapshot files.')
    .option('--json', 'print the repair report as JSON')
    .action(async (options: { json?: boolean }) => {
      const { runFavRepair } = await import('./commands/fav-repair.js');
      process.exitCode = await runFavRepair(context(), { isJson: options.json === true });
    });

  const mark = program.command('mark').description('Mark items read or unread.');
  for (const state of ['read', 'unread'] as const) {
    mark
      .command(state)
      .description(`Mark items ${state}.`)
      .argument('<ids...>', 'item ids (see tidings list)')
      .option('--json', 'print what changed as JSON')
      .action(async (ids: string[], options: { json?: boolean }) => {
        const { runMark } = await import('./commands/mark.js');
        process.exitCode = await runMark(context(), {
          target: { kind: 'items', ids },
          isUnread: state === 'unread',
          catalogFile: null,
          isJson: options.json === true,
        });
      });
  }
  for (const kind of ['channel', 'region'] as const) {
    mark
      .command(kind)
      .description(`Mark every cached item of a ${kind} read (or unread).`)
      .argument('<id>', `the ${kind} id (see tidings ${kind}s)`)
      .option('--unread', 'mark them unread instead')
      .option('--catalog <file>', 'use this catalog file (JSON or OPML) for this run')
      .option('--json', 'print what changed as JSON')
      .action(
        async (id: string, options: { unread?: boolean; catalog?: string; json?: boolean }) => {
          const { runMark } = await import('./commands/mark.js');
          process.exitCode = await runMark(context(), {
            target: { kind, id },
            isUnread: options.unread === true,
            catalogFile: options.catalog ?? null,
            isJson: options.json === true,
          });
        },
      );
  }

  program
    .command('related')
    .description('Related reading (相关阅读): cached or saved articles most like this one.')
    .argument('<id>', 'an item or favorite id')
    .addOption(
      new Option('--limit <n>', 'at most this many')
        .default(5)
        .argParser(parseInteger('--limit', 1)),
    )
    .option('--json', 'print the result as JSON')
    .action(async (id: string, options: { limit: number; json?: boolean }) => {
      const { runRelated } = await import('./commands/related.js');
      process.exitCode = await runRelated(context(), {
        id,
        limit: options.limit,
        isJson: options.json === true,
      });
    });

  program
    .command('hot')
    .description("Hot words (今日热词): top terms of the last 24 hours' headlines, with counts.")
    .addOption(
      new Option('--hours <n>', 'the window, in hours')
        .default(24)
        .argParser(parseInteger('--hours', 1)),
    )
    .addOption(
      new Option('--limit <n>', 'at most this many words')
        .default(20)
        .argParser(parseInteger('--limit', 1)),
    )
    .option('--json', 'print the words as JSON')
    .action(async (options: { hours: number; limit: number; json?: boolean }) => {
      const { runHot } = await import('./commands/hot.js');
      process.exitCode = await runHot(context(), {
        hours: options.hours,
        limit: options.limit,
        isJson: options.json === true,
      });
    });

  program
    .command('history')
    .description('Your reading history (kept 90 days), newest first.')
    .addOption(new Option('--limit <n>', 'at most this many').argParser(parseInteger('--limit', 1)))
    .option('--clear', 'forget the whole history')
    .option('--json', 'print the entries as JSON')
    .action(async (options: { limit?: number; clear?: boolean; json?: boolean }) => {
      const { runHistory } = await import('./commands/history.js');
      process.exitCode = await runHistory(context(), {
        limit: options.limit ?? null,
        isClear: options.clear === true,
        isJson: options.json === true,
      });
    });

  program
    .command('rank')
    .description('Most read (点击排行): your most-opened articles and channels.')
    .addOption(
      new Option('--days <n>', 'the window: 3, 7 or 30 days')
        .default(7)
        .argParser((value: string) => {
          const days = Number(value);
          if (![3, 7, 30].includes(days))
            throw new UsageError(`--days must be 3, 7 or 30, got "${value}"`);
          return days;
        }),
    )
    .addOption(
      new Option('--limit <n>', 'at most this many per list')
        .default(10)
        .argParser(parseInteger('--limit', 1)),
    )
    .option('--catalog <file>', 'use this catalog file (JSON or OPML) for channel names')
    .option('--json', 'print the ranking as JSON')
    .action(async (options: { days: number; limit: number; catalog?: string; json?: boolean }) => {
      const { runRank } = await import('./commands/rank.js');
      process.exitCode = await runRank(context(), {
        days: options.days,
        limit: options.limit,
        catalogFile: options.catalog ?? null,
        isJson: options.json === true,
      });
    });
}

async function main(): Promise<void> {
  let demo: DemoServer | null = null;
  let cached: CommandContext | null = null;
  const context = (): CommandContext => (cached ??= buildContext(demo));
  // The key table (and the width code it needs) loads only when help is asked for.
  const wantsHelp = process.argv.some((arg) => arg === '-h' || arg === '--help' || arg === 'help');
  const readerKeysHelp = wantsHelp
    ? (await import('./keymap/help-text.js')).renderKeyTableText()
    : '';
  const program = buildProgram(context, readerKeysHelp);
  program.hook('preAction', async (_program, action) => {
    if (action.optsWithGlobals<{ demo?: boolean }>().demo === true) {
      const { startDemoServer } = await import('./core/demo/demo-server.js');
      demo = await startDemoServer({ now: () => new Date() });
    }
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here too, with exit code 0.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_FATAL;
      return;
    }
    const { describeStorageError } = await import('./core/storage/storage-error.js');
    process.stderr.write(`tidings: ${describeStorageError(error)}\n`);
    if (isDebug && error instanceof Error && error.stack !== undefined)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_FATAL;
  } finally {
    await (demo as DemoServer | null)?.close();
  }
}

if (isMainThread) {
  // `tidings list | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  await main();
} else if (workerData === FEED_READER_WORKER && parentPort !== null) {
  // This bundle started as a feed-reader worker (createFeedReaderPool): serve reads, nothing else.
  const { serveFeedReads } = await import('./core/feeds/feed-reader-worker.js');
  serveFeedReads(parentPort);
}
