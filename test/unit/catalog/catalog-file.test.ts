import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import { defaultCatalog } from '../../../src/core/catalog/default-edition.js';
import { formatCatalogJson } from '../../../src/core/catalog/format-catalog.js';
import { CatalogError, parseCatalogJson } from '../../../src/core/catalog/parse-catalog.js';

function errorOf(text: string): string {
  try {
    parseCatalogJson(text, 'catalog.json');
  } catch (error) {
    if (error instanceof CatalogError) return error.message;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('the catalog JSON file', () => {
  it('round-trips the default edition through the documented format', () => {
    const text = formatCatalogJson(defaultCatalog());
    expect(parseCatalogJson(text, 'catalog.json')).toEqual(defaultCatalog());
    const data = JSON.parse(text) as { about: string[]; version: number };
    expect(data.version).toBe(1);
    expect(data.about.length).toBeGreaterThan(3);
    expect(text).toContain('{ "url": "https://lobste.rs/rss", "title": "Lobsters" }');
  });

  it('writes optional names only when present and reads feeds given as plain strings', () => {
    const catalog: Catalog = {
      channels: [{ id: 'a', name: '甲', feeds: [] }],
      regions: [
        {
          id: 'r',
          name: '区',
          nameEn: 'Region',
          keywords: [],
          feeds: [{ url: 'https://r.example/' }],
        },
      ],
    };
    expect(parseCatalogJson(formatCatalogJson(catalog), 'c.json')).toEqual(catalog);
    expect(
      parseCatalogJson('{"channels":[{"id":"x","feeds":["https://x.example/rss"]}]}', 'c.json'),
    ).toEqual({
      channels: [{ id: 'x', name: 'x', feeds: [{ url: 'https://x.example/rss' }] }],
      regions: [],
    });
  });

  it('names the line of a syntax error', () => {
    const text = '{\n  "channels": [\n    { "id": "a", }\n  ]\n}\n';
    expect(errorOf(text)).toMatch(/^catalog\.json:3: invalid JSON: /);
  });

  it('names the line of a misspelt key', () => {
    const text = [
      '{',
      '  "channels": [],',
      '  "regions": [',
      '    { "id": "xiamen", "name": "厦门", "keyword": ["厦门"] }',
      '  ]',
      '}',
    ].join('\n');
    expect(errorOf(text)).toBe(
      'catalog.json:4: unknown key "keyword" in region "xiamen" (known keys: "id", "name", "nameEn", "keywords", "feeds")',
    );
  });

  it('names the line of a non-http feed, a duplicate feed and a duplicate id', () => {
    expect(
      errorOf('{\n"channels": [\n{"id": "a", "feeds": [\n"ftp://x.example/feed"\n]}\n]\n}'),
    ).toBe('catalog.json:4: feed URL "ftp://x.example/feed" is not http(s)');
    expect(
      errorOf('{"channels": [{"id": "a", "feeds": ["https://x.example/", "https://x.example/"]}]}'),
    ).toBe('catalog.json:1: feed https://x.example/ is listed twice in "a"');
    expect(errorOf('{"channels": [\n{"id": "a"},\n{"id": "a"}]}')).toBe(
      'catalog.json:3: duplicate channel id "a"',
    );
  });

  it('rejects wrong shapes with a clear problem', () => {
    expect(errorOf('[]')).toBe(
      'catalog.json: a catalog must be a JSON object with "channels" and "regions"',
    );
    expect(errorOf('{"channels": [{"name": "无"}]}')).toBe(
      'catalog.json: channel #1 needs an "id" of letters, digits, "-" or "_"',
    );
    expect(errorOf('{"regions": [{"id": "r", "keywords": "厦门"}]}')).toBe(
      'catalog.json:1: "keywords" of "r" must be an array of strings',
    );
    expect(errorOf('')).toMatch(/^catalog\.json:1: invalid JSON: /);
  });

  it('sanitizes names, titles and keywords', () => {
    const catalog = parseCatalogJson(
      JSON.stringify({
        channels: [
          {
            id: 'a',
            name: '\u001b]52;c;AAAA\u0007要闻',
            feeds: [{ url: 'https://a.example/', title: 'T\u202eX' }],
          },
        ],
        regions: [{ id: 'r', keywords: ['厦门\u0007', ' ', '-'] }],
      }),
      'c.json',
    );
    expect(catalog.channels[0]?.name).toBe('要闻');
    expect(catalog.channels[0]?.feeds[0]?.title).toBe('TX');
    expect(catalog.regions[0]?.keywords).toEqual(['厦门']);
  });
});
