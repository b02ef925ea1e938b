// Reads and saves catalog files: the user's catalog.json in the config home (created from the
// default edition on first run) and any JSON or OPML file given with --catalog. A file that
// cannot be read is reported, never replaced; edits are made under a lock and written atomically.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { decodeFeedBytes } from '../feeds/decode.js';
import type { DataPaths } from '../storage/paths.js';
import { writeFileAtomic } from '../storage/atomic-write.js';
import type { Catalog } from './catalog.js';
import { defaultCatalog } from './default-edition.js';
import { formatCatalogJson } from './format-catalog.js';
import { CatalogError, parseCatalogJson } from './parse-catalog.js';
import { IMPORTED_CHANNEL, parseOpml, type LooseFeedsChannel } from './parse-opml.js';

/** The user's catalog file name inside `paths.config`. */
export const USER_CATALOG_FILE = 'catalog.json';

/** Where the user's catalog lives. */
export function userCatalogPath(paths: DataPaths): string {
  return join(paths.config, USER_CATALOG_FILE);
}

function describeFsError(error: unknown): string {
  const code: string = (error as NodeJS.ErrnoException | null)?.code ?? '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads a catalog or OPML file's text: BOM, XML declaration (an OPML file may be GBK), else
 * UTF-8. Throws {@link CatalogError} naming the file when it cannot be read.
 */
export async function readCatalogSource(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CatalogError(`${file}: cannot read the catalog: ${describeFsError(error)}`);
  }
  return decodeFeedBytes(bytes, null).text;
}

/** True when the text is XML (an OPML file) rather than JSON. */
function isXml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

/** Parses catalog text: OPML when it starts with "<", JSON otherwise. */
export function parseCatalogText(
  text: string,
  file: string,
  loose: LooseFeedsChannel = IMPORTED_CHANNEL,
): Catalog {
  return isXml(text) ? parseOpml(text, file, loose).catalog : parseCatalogJson(text, file);
}

/**
 * Reads a catalog file given by the user (`--catalog FILE`): JSON or OPML, told apart by content.
 * Throws {@link CatalogError} naming the file, the line and the problem.
 */
export async function readCatalogFile(file: string): Promise<Catalog> {
  return parseCatalogText(await readCatalogSource(file), file);
}

/** The user's catalog, where it is, and whether this call created it. */
export interface UserCatalog {
  readonly catalog: Catalog;
  readonly file: string;
  /** True when the file did not exist and was written from the default edition just now. */
  readonly isCreated: boolean;
}

/**
 * Creates `file` with `text` only if it does not exist, atomically: the text goes to a temp file
 * that is then hard-linked into place, so a reader never sees half a file and a catalog another
 * process created a moment earlier is never replaced.
 */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
      // No hard links here (some network and FAT file systems): exclusive create instead.
      try {
        await writeFile(file, text, { flag: 'wx' });
        return true;
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw inner;
      }
    }
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Loads the user's catalog from `paths.config/catalog.json`, writing the default edition there
 * first when there is no such file. A file that exists but cannot be parsed is left untouched and
 * reported with {@link CatalogError}.
 */
export async function loadUserCatalog(paths: DataPaths): Promise<UserCatalog> {
  const file = userCatalogPath(paths);
  let isCreated = false;
  let text: string | null = null;
  try {
    text = decodeFeedBytes(await readFile(file), null).text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new CatalogError(`${file}: cannot read the catalog: ${describeFsError(error)}`);
    }
  }
  if (text === null) {
    const fresh = formatCatalogJson(defaultCatalog());
    await mkdir(paths.config, { recursive: true });
    isCreated = await createExclusive(file, fresh);
    text = isCreated ? fresh : await readCatalogSource(file);
  }
  return { catalog: parseCatalogJson(text, file), file, isCreated };
}

/**
 * Applies `edit` to the user's catalog and saves the result, holding a lock on the file so two
 * running instances cannot lose each other's edits (the catalog is re-read under the lock). The
 * file is written atomically; if it cannot be parsed, nothing is written.
 */
export async function updateUserCatalog<T extends { readonly catalog: Catalog }>(
  paths: DataPaths,
  edit: (catalog: Catalog) => T,
): Promise<T & { readonly file: string }> {
  const { file } = await loadUserCatalog(paths);
  const release = await lockfile.lock(file, {
    realpath: false,
    stale: 10_000,
    retries: { retries: 50, minTimeout: 20, maxTimeout: 250 },
  });
  try {
    const current = parseCatalogJson(await readCatalogSource(file), file);
    const result = edit(current);
    await writeFileAtomic(file, formatCatalogJson(result.catalog));
    return { ...result, file };
  } finally {
    await release();
  }
}
