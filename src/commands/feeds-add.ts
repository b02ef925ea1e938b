// `tidings feeds add URL --channel ID [--region ID]`: adds a feed to the user's catalog.
import { addFeed, CatalogEditError, normalizeFeedUrl } from '../core/catalog/edit-catalog.js';
import { updateUserCatalog } from '../core/catalog/load-catalog.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';

export interface FeedsAddCommandOptions {
  readonly url: string;
  readonly channel: string;
  readonly region: string | null;
  readonly title: string | null;
}

/**
 * Runs `tidings feeds add`. Only http(s) URLs are accepted and a URL the catalog already has is
 * refused; the catalog is re-read under a lock and written atomically.
 */
export async function runFeedsAdd(
  context: CommandContext,
  options: FeedsAddCommandOptions,
): Promise<number> {
  if (context.demoCatalog !== null) {
    throw new UsageError('the demo edition is read-only: edit your own catalog without --demo');
  }
  try {
    normalizeFeedUrl(options.url);
    const { file, catalog } = await updateUserCatalog(context.paths, (current) => ({
      catalog: addFeed(current, {
        url: options.url,
        channelId: options.channel,
        regionId: options.region,
        ...(options.title === null ? {} : { title: options.title }),
      }),
    }));
    const channel = catalog.channels.find((c) => c.id === options.channel);
    const where = [
      channel === undefined ? options.channel : `${channel.name} (${channel.id})`,
      ...(options.region === null ? [] : [`region ${options.region}`]),
    ].join(' and ');
    context.out.line(`Added ${normalizeFeedUrl(options.url)} to ${where} in ${file}`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CatalogEditError) throw new UsageError(error.message);
    throw error;
  }
}
