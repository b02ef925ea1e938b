// The reader's settings file (`settings.json` in the config directory): key rebinding, the
// default 字号 and whether the terminal draws East Asian Ambiguous characters wide. Read once at
// start; a malformed file is reported and ignored, never overwritten. The 字号 chosen in the
// reader is written back, every other key of the file kept.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/storage/atomic-write.js';
import type { KeyOverrides } from '../keymap/bindings.js';
import type { DataPaths } from '../core/storage/paths.js';
import { FONT_SIZES, type FontSize } from './state.js';

export interface ReaderSettings {
  readonly keys: KeyOverrides;
  readonly fontSize: FontSize | null;
  /**
   * `"ambiguousWide": true`: count East Asian Ambiguous characters (“ ” … — ·) as 2 columns, for
   * terminals that draw them wide. Null when the file does not say.
   */
  readonly ambiguousWide: boolean | null;
  /** What was wrong with the file, one line each. */
  readonly problems: readonly string[];
}

const DEFAULTS = { keys: {}, fontSize: null, ambiguousWide: null } as const;

/** Where the settings live. */
export function settingsPath(paths: DataPaths): string {
  return join(paths.config, 'settings.json');
}

/** Parses settings text; everything unusable is reported and skipped. */
export function parseReaderSettings(text: string, file: string): ReaderSettings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ...DEFAULTS,
      problems: [`${file}: ${(error as Error).message}; settings ignored`],
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ...DEFAULTS,
      problems: [`${file}: expected a JSON object; settings ignored`],
    };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const keys: Record<string, string[]> = {};
  const rawKeys = record['keys'];
  if (rawKeys !== undefined) {
    if (typeof rawKeys !== 'object' || rawKeys === null || Array.isArray(rawKeys)) {
      problems.push(`${file}: "keys" must be an object of operation → [keys]`);
    } else {
      for (const [op, list] of Object.entries(rawKeys as Record<string, unknown>)) {
        const array = typeof list === 'string' ? [list] : list;
        if (!Array.isArray(array) || !array.every((k) => typeof k === 'string')) {
          problems.push(`${file}: keys for "${op}" must be a list of key names`);
          continue;
        }
        keys[op] = array;
      }
    }
  }
  const size = record['fontSize'];
  let fontSize: FontSize | null = null;
  if (size !== undefined) {
    if (typeof size === 'string' && (FONT_SIZES as readonly string[]).includes(size))
      fontSize = size as FontSize;
    else problems.push(`${file}: "fontSize" must be one of ${FONT_SIZES.join(', ')}`);
  }
  const wide = record['ambiguousWide'];
  let ambiguousWide: boolean | null = null;
  if (wide !== undefined) {
    if (typeof wide === 'boolean') ambiguousWide = wide;
    else problems.push(`${file}: "ambiguousWide" must be true or false`);
  }
  return { keys, fontSize, ambiguousWide, problems };
}

/** Reads the settings file; a missing file means defaults. */
export async function loadReaderSettings(paths: DataPaths): Promise<ReaderSettings> {
  const file = settingsPath(paths);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULTS, problems: [] };
    return { ...DEFAULTS, problems: [`${file}: ${(error as Error).message}`] };
  }
  return parseReaderSettings(text, file);
}

/**
 * Writes the 字号 into the settings file, keeping every other key (and their order). A file that
 * is not a JSON object is never overwritten: that is an error for the caller to show.
 */
export async function saveFontSize(paths: DataPaths, size: FontSize): Promise<void> {
  const file = settingsPath(paths);
  let record: Record<string, unknown> = {};
  try {
    const text = await readFile(file, 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = null;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${file} is not a JSON object; the font size was not saved`);
    }
    record = value as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (record['fontSize'] === size) return;
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ ...record, fontSize: size }, null, 2)}\n`);
}
