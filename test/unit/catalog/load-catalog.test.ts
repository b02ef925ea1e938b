import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../src/core/catalog/default-edition.js';
import { addFeed } from '../../../src/core/catalog/edit-catalog.js';
import { formatCatalogJson } from '../../../src/core/catalog/format-catalog.js';
import {
  loadUserCatalog,
  updateUserCatalog,
  userCatalogPath,
} from '../../../src/core/catalog/load-catalog.js';
import { resolveDataPaths, type DataPaths } from '../../../src/core/storage/paths.js';

let home: string;
let paths: DataPaths;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'tidings-catalog-'));
  paths = resolveDataPaths({ TIDINGS_HOME: home });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('loadUserCatalog', () => {
  it('creates catalog.json from the default edition on first run, then reads it', async () => {
    const first = await loadUserCatalog(paths);
    expect(first.isCreated).toBe(true);
    expect(first.file).toBe(join(home, 'config', 'catalog.json'));
    expect(first.catalog).toEqual(defaultCatalog());
    expect(await readFile(first.file, 'utf8')).toBe(formatCatalogJson(defaultCatalog()));
    const second = await loadUserCatalog(paths);
    expect(second.isCreated).toBe(false);
    expect(second.catalog).toEqual(defaultCatalog());
    expect(await readdir(join(home, 'config'))).toEqual(['catalog.json']);
  });

  it('reads the user’s edits', async () => {
    const file = userCatalogPath(paths);
    await mkdir(paths.config, { recursive: true });
    await writeFile(file, '{"channels": [{"id": "mine", "name": "我的", "feeds": []}]}');
    expect((await loadUserCatalog(paths)).catalog).toEqual({
      channels: [{ id: 'mine', name: '我的', feeds: [] }],
      regions: [],
    });
  });

  it('reports a corrupt catalog with file and line and never replaces it', async () => {
    const file = userCatalogPath(paths);
    await mkdir(paths.config, { recursive: true });
    const corrupt = '{\n  "channels": [\n    { "id": "a" \n  ]\n}\n';
    await writeFile(file, corrupt);
    await expect(loadUserCatalog(paths)).rejects.toThrow(new RegExp(`^${file}:4: invalid JSON: `));
    await expect(updateUserCatalog(paths, (c) => ({ catalog: c }))).rejects.toThrow(
      new RegExp(`^${file}:4: invalid JSON: `),
    );
    expect(await readFile(file, 'utf8')).toBe(corrupt);
    expect(await readdir(paths.config)).toEqual(['catalog.json']);
  });

  it('treats an empty file as corrupt rather than as a first run', async () => {
    const file = userCatalogPath(paths);
    await mkdir(paths.config, { recursive: true });
    await writeFile(file, '');
    await expect(loadUserCatalog(paths)).rejects.toThrow(`${file}:1: invalid JSON`);
    expect(await readFile(file, 'utf8')).toBe('');
  });

  it('creates the file once when several loads race on first run', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => loadUserCatalog(paths)));
    expect(results.filter((r) => r.isCreated)).toHaveLength(1);
    for (const result of results) expect(result.catalog).toEqual(defaultCatalog());
    expect(await readdir(paths.config)).toEqual(['catalog.json']);
  });
});

describe('updateUserCatalog', () => {
  it('keeps every edit when edits race', async () => {
    await loadUserCatalog(paths);
    const urls = Array.from({ length: 6 }, (_, i) => `https://race${i}.example/rss`);
    await Promise.all(
      urls.map((url) =>
        updateUserCatalog(paths, (catalog) => ({
          catalog: addFeed(catalog, { url, channelId: 'tech' }),
        })),
      ),
    );
    const { catalog } = await loadUserCatalog(paths);
    const tech = catalog.channels.find((c) => c.id === 'tech');
    expect(
      tech?.feeds
        .map((f) => f.url)
        .filter((u) => u.includes('race'))
        .sort(),
    ).toEqual(urls);
    expect(await readdir(paths.config)).toEqual(['catalog.json']);
  });

  it('writes nothing when the edit throws', async () => {
    const { file } = await loadUserCatalog(paths);
    const before = await readFile(file, 'utf8');
    await expect(
      updateUserCatalog(paths, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
