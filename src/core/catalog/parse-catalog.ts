// Reads a catalog from its JSON text, with errors that name the file, the line and the problem.
// Pure; the caller reads the file.
import { sanitizeLine } from '../feeds/sanitize.js';
import type { Catalog, Channel, FeedRef, Region } from './catalog.js';

/** A catalog that cannot be used; the message names the file, the line and the problem. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Finds the line of the first `"key": "value"` occurrence, to point errors at the right place. */
function lineOfValue(text: string, value: string, isLast = false): number | null {
  const quoted = JSON.stringify(value);
  const index = isLast ? text.lastIndexOf(quoted) : text.indexOf(quoted);
  return index < 0 ? null : lineOfOffset(text, index);
}

function parseJsonWithLine(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const lineMatch = /line (\d+)/.exec(message);
    const line =
      position?.[1] !== undefined
        ? lineOfOffset(text, Number(position[1]))
        : lineMatch?.[1] !== undefined
          ? Number(lineMatch[1])
          : lineOfOffset(text, text.length);
    throw new CatalogError(
      `${file}:${line}: invalid JSON: ${message.replace(/^JSON\.parse: /, '')}`,
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

const ROOT_KEYS = ['about', 'version', 'channels', 'regions'] as const satisfies readonly string[];
const CHANNEL_KEYS = ['id', 'name', 'nameEn', 'feeds'] as const satisfies readonly string[];
const REGION_KEYS = [
  'id',
  'name',
  'nameEn',
  'keywords',
  'feeds',
] as const satisfies readonly string[];
const FEED_KEYS = ['url', 'title'] as const satisfies readonly string[];

/** Parses and validates catalog JSON. `file` is only used in error messages. */
export function parseCatalogJson(text: string, file: string): Catalog {
  const data = parseJsonWithLine(text.replace(/^\uFEFF/, ''), file);
  /** `isLast`: point at the last occurrence of `near` (the second of a duplicate). */
  const fail = (problem: string, near?: string, isLast = false): never => {
    const line = near === undefined ? null : lineOfValue(text, near, isLast);
    throw new CatalogError(`${file}${line === null ? '' : `:${line}`}: ${problem}`);
  };
  if (!isRecord(data)) fail('a catalog must be a JSON object with "channels" and "regions"');
  const root = data as Record<string, unknown>;
  /** Unknown keys are errors: a misspelt "keyword" would otherwise be ignored without a word. */
  const checkKeys = (
    entry: Record<string, unknown>,
    allowed: readonly string[],
    where: string,
  ): void => {
    for (const key of Object.keys(entry)) {
      if (!allowed.includes(key)) {
        fail(
          `unknown key "${key}" in ${where} (known keys: ${allowed.map((k) => `"${k}"`).join(', ')})`,
          key,
        );
      }
    }
  };
  checkKeys(root, ROOT_KEYS, 'the catalog');

  const feedsOf = (value: unknown, owner: string): FeedRef[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) return fail(`"feeds" of "${owner}" must be an array`, owner);
    const seen = new Set<string>();
    return value.map((entry): FeedRef => {
      if (isRecord(entry)) checkKeys(entry, FEED_KEYS, `a feed of "${owner}"`);
      const url = typeof entry === 'string' ? entry : isRecord(entry) ? entry['url'] : undefined;
      if (typeof url !== 'string') return fail(`a feed of "${owner}" has no "url"`, owner);
      if (!isHttpUrl(url)) return fail(`feed URL ${JSON.stringify(url)} is not http(s)`, url);
      if (seen.has(url)) return fail(`feed ${url} is listed twice in "${owner}"`, url, true);
      seen.add(url);
      const title =
        isRecord(entry) && typeof entry['title'] === 'string' ? sanitizeLine(entry['title']) : '';
      return title === '' ? { url } : { url, title };
    });
  };
  const namesOf = (entry: Record<string, unknown>, kind: string, index: number) => {
    const id = entry['id'];
    if (typeof id !== 'string' || !/^[\w-]+$/u.test(id)) {
      return fail(`${kind} #${index + 1} needs an "id" of letters, digits, "-" or "_"`);
    }
    checkKeys(entry, kind === 'channel' ? CHANNEL_KEYS : REGION_KEYS, `${kind} "${id}"`);
    for (const key of ['name', 'nameEn']) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string')
        fail(`"${key}" of "${id}" must be a string`, id);
    }
    // Names reach the terminal, and a catalog may come from anywhere: sanitize them like feed text.
    const name = typeof entry['name'] === 'string' ? sanitizeLine(entry['name']) : '';
    const nameEn = typeof entry['nameEn'] === 'string' ? sanitizeLine(entry['nameEn']) : '';
    return nameEn === ''
      ? { id, name: name === '' ? id : name }
      : { id, name: name === '' ? id : name, nameEn };
  };
  const listOf = (key: string): Record<string, unknown>[] => {
    const value = root[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return fail(`"${key}" must be an array`, key);
    return value.map((entry, index) =>
      isRecord(entry) ? entry : fail(`${key} #${index + 1} must be an object`, key),
    );
  };

  const channels: Channel[] = listOf('channels').map((entry, index) => {
    const names = namesOf(entry, 'channel', index);
    return { ...names, feeds: feedsOf(entry['feeds'], names.id) };
  });
  const regions: Region[] = listOf('regions').map((entry, index) => {
    const names = namesOf(entry, 'region', index);
    const keywords = entry['keywords'] ?? [];
    if (!Array.isArray(keywords) || keywords.some((k) => typeof k !== 'string')) {
      return fail(`"keywords" of "${names.id}" must be an array of strings`, names.id);
    }
    const cleanKeywords = (keywords as string[])
      .map((k) => sanitizeLine(k))
      .filter((k) => k !== '' && k !== '-');
    return { ...names, keywords: cleanKeywords, feeds: feedsOf(entry['feeds'], names.id) };
  });
  for (const [kind, list] of [
    ['channel', channels],
    ['region', regions],
  ] as const) {
    const ids = new Set<string>();
    for (const entry of list) {
      if (ids.has(entry.id)) fail(`duplicate ${kind} id "${entry.id}"`, entry.id, true);
      ids.add(entry.id);
    }
  }
  return { channels, regions };
}
