// The import rules of DESIGN.md §1, as a test: core imports nothing from app/keymap/ui/commands;
// app and keymap import no react/ink; commands import no ui; only ui imports ink or react; cli.tsx
// loads the UI lazily only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcRoot = resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Import {
  readonly file: string;
  readonly specifier: string;
  readonly isDynamic: boolean;
  /** For relative imports: the target's path under src/ (e.g. `ui/app.js`). */
  readonly target: string | null;
}

const STATIC_IMPORT =
  /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const add = (specifier: string, isDynamic: boolean): void => {
    const target = specifier.startsWith('.')
      ? relative(srcRoot, resolve(dirname(file), specifier))
      : null;
    found.push({ file: relative(srcRoot, file), specifier, isDynamic, target });
  };
  for (const match of text.matchAll(STATIC_IMPORT)) add((match[1] ?? match[2])!, false);
  for (const match of text.matchAll(DYNAMIC_IMPORT)) add(match[1]!, true);
  return found;
}

const all = sourceFiles(srcRoot).flatMap(importsOf);
const layerOf = (path: string): string => path.split(/[\\/]/)[0] ?? '';
const isUiPackage = (specifier: string): boolean =>
  /^(?:ink|react|react-dom|ink-[\w-]+|@inkjs\/.+)(?:\/.*)?$/.test(specifier) ||
  specifier === 'react/jsx-runtime';

function violations(
  fromLayers: readonly string[],
  isForbidden: (imp: Import) => boolean,
): string[] {
  return all
    .filter((imp) => fromLayers.includes(layerOf(imp.file)) && isForbidden(imp))
    .map((imp) => `${imp.file} imports ${imp.specifier}`);
}

describe('import rules', () => {
  it('sees the source tree', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((imp) => imp.file.startsWith('ui') && imp.specifier === 'ink')).toBe(true);
  });

  it('core imports nothing from app, keymap, ui or commands, and no react/ink', () => {
    expect(
      violations(['core'], (imp) =>
        imp.target !== null
          ? ['app', 'keymap', 'ui', 'commands', 'cli.tsx'].includes(layerOf(imp.target))
          : isUiPackage(imp.specifier),
      ),
    ).toEqual([]);
  });

  it('app and keymap import no react/ink and nothing from ui or commands', () => {
    expect(
      violations(['app', 'keymap'], (imp) =>
        imp.target !== null
          ? ['ui', 'commands', 'cli.tsx'].includes(layerOf(imp.target))
          : isUiPackage(imp.specifier),
      ),
    ).toEqual([]);
  });

  it('keymap depends on nothing but itself and string-width', () => {
    expect(
      violations(['keymap'], (imp) =>
        imp.target !== null ? layerOf(imp.target) !== 'keymap' : imp.specifier !== 'string-width',
      ),
    ).toEqual([]);
  });

  it('commands import no ui and no react/ink', () => {
    expect(
      violations(['commands'], (imp) =>
        imp.target !== null ? layerOf(imp.target) === 'ui' : isUiPackage(imp.specifier),
      ),
    ).toEqual([]);
  });

  it('only ui imports ink or react; cli.tsx reaches the UI through a lazy import only', () => {
    const outside = all.filter((imp) => layerOf(imp.file) !== 'ui' && isUiPackage(imp.specifier));
    expect(outside.map((imp) => `${imp.file} imports ${imp.specifier}`)).toEqual([]);
    const cliToUi = all.filter(
      (imp) => imp.file === 'cli.tsx' && imp.target !== null && layerOf(imp.target) === 'ui',
    );
    expect(cliToUi.every((imp) => imp.isDynamic)).toBe(true);
  });
});
