import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadReaderSettings,
  parseReaderSettings,
  saveFontSize,
} from '../../../src/app/reader-settings.js';
import { buildBindings } from '../../../src/keymap/bindings.js';

describe('reader settings', () => {
  it('reads key rebinding and the font size', () => {
    const settings = parseReaderSettings(
      '{"keys": {"page.next": ["n", "space"], "read.undo": "U"}, "fontSize": "large"}',
      's.json',
    );
    expect(settings).toEqual({
      keys: { 'page.next': ['n', 'space'], 'read.undo': ['U'] },
      fontSize: 'large',
      ambiguousWide: null,
      problems: [],
    });
    expect(buildBindings(settings.keys).problems).toEqual([]);
  });

  it('reports what it cannot use and keeps the rest', () => {
    const settings = parseReaderSettings(
      '{"keys": {"page.next": [1], "cursor.down": ["J"]}, "fontSize": "huge"}',
      's.json',
    );
    expect(settings).toEqual({
      keys: { 'cursor.down': ['J'] },
      fontSize: null,
      ambiguousWide: null,
      problems: [
        's.json: keys for "page.next" must be a list of key names',
        's.json: "fontSize" must be one of small, medium, large, xlarge',
      ],
    });
  });

  it('reads whether ambiguous characters are wide', () => {
    expect(parseReaderSettings('{"ambiguousWide": true}', 's.json')).toEqual({
      keys: {},
      fontSize: null,
      ambiguousWide: true,
      problems: [],
    });
    expect(parseReaderSettings('{"ambiguousWide": false}', 's.json').ambiguousWide).toBe(false);
  });

  it('reports an ambiguousWide that is not true or false, and keeps the rest', () => {
    for (const value of ['"yes"', '1', 'null', '["true"]']) {
      expect(
        parseReaderSettings(`{"fontSize": "small", "ambiguousWide": ${value}}`, 's.json'),
      ).toEqual({
        keys: {},
        fontSize: 'small',
        ambiguousWide: null,
        problems: ['s.json: "ambiguousWide" must be true or false'],
      });
    }
  });

  it('ignores a malformed file with one problem naming it', () => {
    const settings = parseReaderSettings('{"keys": ', '/home/x/settings.json');
    expect(settings.keys).toEqual({});
    expect(settings.problems).toHaveLength(1);
    expect(settings.problems[0]).toMatch(/^\/home\/x\/settings\.json: .*; settings ignored$/);
  });

  it('means defaults when there is no file, and reads the file in the config directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-settings-'));
    try {
      const paths = {
        config: join(dir, 'config'),
        data: join(dir, 'data'),
        cache: join(dir, 'cache'),
      };
      expect(await loadReaderSettings(paths)).toEqual({
        keys: {},
        fontSize: null,
        ambiguousWide: null,
        problems: [],
      });
      await mkdir(paths.config, { recursive: true });
      await writeFile(join(paths.config, 'settings.json'), '{"fontSize": "small"}');
      expect((await loadReaderSettings(paths)).fontSize).toBe('small');
      await writeFile(join(paths.config, 'settings.json'), '{"ambiguousWide": true}');
      expect((await loadReaderSettings(paths)).ambiguousWide).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('saving the font size', () => {
  const withHome = async (
    run: (paths: { config: string; data: string; cache: string }) => Promise<void>,
  ) => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-settings-'));
    try {
      await run({
        config: join(dir, 'config'),
        data: join(dir, 'data'),
        cache: join(dir, 'cache'),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('creates the file when there is none', () =>
    withHome(async (paths) => {
      await saveFontSize(paths, 'large');
      expect(JSON.parse(await readFile(join(paths.config, 'settings.json'), 'utf8'))).toEqual({
        fontSize: 'large',
      });
      expect((await loadReaderSettings(paths)).fontSize).toBe('large');
    }));

  it('keeps every other key of the file, in order', () =>
    withHome(async (paths) => {
      await mkdir(paths.config, { recursive: true });
      const file = join(paths.config, 'settings.json');
      await writeFile(
        file,
        '{"keys": {"quit": ["x"]}, "fontSize": "small", "ambiguousWide": true}',
      );
      await saveFontSize(paths, 'xlarge');
      expect(await readFile(file, 'utf8')).toBe(
        '{\n  "keys": {\n    "quit": [\n      "x"\n    ]\n  },\n  "fontSize": "xlarge",\n  "ambiguousWide": true\n}\n',
      );
    }));

  it('never overwrites a file that is not a JSON object, and says so', () =>
    withHome(async (paths) => {
      await mkdir(paths.config, { recursive: true });
      const file = join(paths.config, 'settings.json');
      await writeFile(file, '{"keys": ');
      await expect(saveFontSize(paths, 'large')).rejects.toThrow(
        `${file} is not a JSON object; the font size was not saved`,
      );
      expect(await readFile(file, 'utf8')).toBe('{"keys": ');
    }));
});

describe('UI language', () => {
  it('follows --lang, else the locale', async () => {
    const { pickLang } = await import('../../../src/app/labels.js');
    expect(pickLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(pickLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(pickLang(undefined, { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(pickLang(undefined, { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(pickLang(undefined, {})).toBe('en');
  });
});
