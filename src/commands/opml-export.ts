// `tidings opml export [-o FILE]`: the catalog as OPML 2.0, to stdout or written atomically.
import { catalogFeeds } from '../core/catalog/catalog.js';
import { formatOpml } from '../core/catalog/format-opml.js';
import { writeFileAtomic } from '../core/storage/atomic-write.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { resolveCatalog } from './resolve-catalog.js';

export interface OpmlExportCommandOptions {
  readonly catalogFile: string | null;
  /** The file to write; null for stdout. */
  readonly output: string | null;
}

/** Runs `tidings opml export`. */
export async function runOpmlExport(
  context: CommandContext,
  options: OpmlExportCommandOptions,
): Promise<number> {
  const { catalog } = await resolveCatalog(context, { catalogFile: options.catalogFile });
  const opml = formatOpml(catalog, { now: context.now() });
  if (options.output === null) {
    context.out.line(opml.replace(/\n$/, ''));
    return EXIT_OK;
  }
  await writeFileAtomic(options.output, opml);
  const feeds = catalogFeeds(catalog).length;
  context.out.line(
    `Wrote ${feeds} feeds in ${catalog.channels.length} channels and ${catalog.regions.length} regions to ${options.output}`,
  );
  return EXIT_OK;
}
