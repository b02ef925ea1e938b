// The catalog a command works on: the --catalog file when one is given (JSON or OPML, this run
// only), otherwise the user's catalog.json, created from the default edition on first run.
import type { Catalog } from '../core/catalog/catalog.js';
import { loadUserCatalog, readCatalogFile } from '../core/catalog/load-catalog.js';
import type { CommandContext } from './context.js';

/** Where the catalog came from. */
export interface ResolvedCatalog {
  readonly catalog: Catalog;
  /** The file it was read from: the --catalog path as given, or the user's catalog.json. */
  readonly file: string;
  /** True when the user's catalog.json was created from the default edition by this call. */
  readonly isCreated: boolean;
}

/**
 * Resolves the catalog for one run. Throws `CatalogError` (from core/catalog/parse-catalog.ts)
 * with a message naming the file, the line and the problem when the file is missing or malformed;
 * a malformed user catalog is left untouched.
 */
export async function resolveCatalog(
  context: CommandContext,
  options: { readonly catalogFile: string | null },
): Promise<ResolvedCatalog> {
  if (options.catalogFile === null && context.demoCatalog !== null) {
    return { catalog: context.demoCatalog, file: '(demo edition)', isCreated: false };
  }
  if (options.catalogFile !== null) {
    return {
      catalog: await readCatalogFile(options.catalogFile),
      file: options.catalogFile,
      isCreated: false,
    };
  }
  return loadUserCatalog(context.paths);
}
