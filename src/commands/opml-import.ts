// `tidings opml import FILE [--channel ID]`: merges an OPML subscription list into the user's
// catalog. The file is parsed completely before the catalog is touched, so a broken file
// changes nothing.
import { mergeCatalog } from '../core/catalog/edit-catalog.js';
import {
  loadUserCatalog,
  readCatalogSource,
  updateUserCatalog,
} from '../core/catalog/load-catalog.js';
import { IMPORTED_CHANNEL, parseOpml, type LooseFeedsChannel } from '../core/catalog/parse-opml.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';

export interface OpmlImportCommandOptions {
  readonly file: string;
  /** The channel for feeds outside any folder; null for the "imported" channel. */
  readonly channel: string | null;
}

/** Runs `tidings opml import`. */
export async function runOpmlImport(
  context: CommandContext,
  options: OpmlImportCommandOptions,
): Promise<number> {
  if (context.demoCatalog !== null) {
    throw new UsageError('the demo edition is read-only: edit your own catalog without --demo');
  }
  let loose: LooseFeedsChannel = IMPORTED_CHANNEL;
  if (options.channel !== null) {
    const { catalog } = await loadUserCatalog(context.paths);
    const target = catalog.channels.find((c) => c.id === options.channel);
    if (target === undefined) {
      throw new UsageError(
        `no channel "${options.channel}" (channels: ${catalog.channels.map((c) => c.id).join(', ')})`,
      );
    }
    loose = target;
  }
  const text = await readCatalogSource(options.file);
  const imported = parseOpml(text, options.file, loose);
  const result = await updateUserCatalog(context.paths, (current) =>
    mergeCatalog(current, imported.catalog),
  );
  for (const warning of imported.warnings) context.out.error(`tidings: ${warning}`);
  const parts = [
    `Imported ${result.added} feed${result.added === 1 ? '' : 's'} from ${options.file}`,
  ];
  if (result.skipped > 0) parts.push(`${result.skipped} already in the catalog`);
  if (result.newChannels.length > 0) parts.push(`new channels: ${result.newChannels.join(', ')}`);
  if (result.newRegions.length > 0) parts.push(`new regions: ${result.newRegions.join(', ')}`);
  context.out.line(`${parts.join('; ')}. Catalog: ${result.file}`);
  return EXIT_OK;
}
