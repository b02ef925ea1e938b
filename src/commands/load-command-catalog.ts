// The catalog a command works on: the file given with --catalog, read and validated.
import { readFile } from 'node:fs/promises';
import type { Catalog } from '../core/catalog/catalog.js';
import { parseCatalogJson } from '../core/catalog/parse-catalog.js';
import { type CommandContext, UsageError } from './context.js';

export interface CommandCatalog {
  readonly catalog: Catalog;
  /** The file it came from, or null for a built-in edition. */
  readonly file: string | null;
}

/** Loads the catalog for a command run. */
export async function loadCommandCatalog(
  _context: CommandContext,
  catalogFile: string | null,
): Promise<CommandCatalog> {
  if (catalogFile === null) throw new UsageError('no catalog: pass --catalog FILE');
  let text: string;
  try {
    text = await readFile(catalogFile, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read catalog ${catalogFile}: ${(error as Error).message}`);
  }
  return { catalog: parseCatalogJson(text, catalogFile), file: catalogFile };
}
