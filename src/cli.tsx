// The composition root: parse argv, read the environment, build services, run a command.
// The only file that reads process.env or exits. Every command (and the UI) is imported lazily:
// in the one-file bundle esbuild turns those imports into deferred module initialisers, so a
// command evaluates only the code it uses, and scriptable commands never load Ink or React.
import { Command, CommanderError, Option } from 'commander';
import { createOutput } from './commands/output.js';
import { type CommandContext, UsageError, EXIT_FATAL } from './commands/context.js';
import { type DataPaths, resolveDataPaths } from './core/storage/paths.js';
import { join } from 'node:path';
import type { DemoServer } from './core/demo/demo-server.js';

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

function buildContext(demo: DemoServer | null): CommandContext {
  const paths = resolveDataPaths(env);
  return {
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
export function buildProgram(context: () => CommandContext): Command {
  const program = new Command('tidings')
    .description(
      'A news portal in the terminal: channels, regions, paginated articles, offline favorites.',
    )
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) })
    .option('--demo', 'use the bundled demo edition, served from 127.0.0.1 (no network needed)')
    .exitOverride();

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
        json?: boolean;
      }) => {
        const { runList } = await import('./commands/list.js');
        process.exitCode = await runList(context(), {
          catalogFile: options.catalog ?? null,
          channel: options.channel ?? null,
          region: options.region ?? null,
          search: options.search ?? null,
          limit: options.limit ?? null,
          isJson: options.json === true,
        });
      },
    );

  return program;
}

async function main(): Promise<void> {
  let demo: DemoServer | null = null;
  let cached: CommandContext | null = null;
  const context = (): CommandContext => (cached ??= buildContext(demo));
  const program = buildProgram(context);
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
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tidings: ${message}\n`);
    if (isDebug && error instanceof Error && error.stack !== undefined)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_FATAL;
  } finally {
    await (demo as DemoServer | null)?.close();
  }
}

await main();
