import { describe, expect, it } from 'vitest';
import { KEY_TABLE, HINTS } from '../../../src/keymap/key-table.js';
import { buildBindings, findConflicts } from '../../../src/keymap/bindings.js';
import { isKeyName } from '../../../src/keymap/key-names.js';
import { OPERATIONS } from '../../../src/keymap/operations.js';

describe('the default key table', () => {
  it('has no conflicting keys', () => {
    expect(findConflicts(KEY_TABLE)).toEqual([]);
  });

  it('uses only valid key names', () => {
    const bad = KEY_TABLE.flatMap((row) => row.keys.filter((k) => !isKeyName(k)));
    expect(bad).toEqual([]);
  });

  it('binds every operation somewhere, with help text in both languages', () => {
    const bound = new Set(KEY_TABLE.map((row) => row.op));
    expect(OPERATIONS.filter((op) => !bound.has(op))).toEqual([]);
    for (const row of KEY_TABLE) {
      expect(row.help.zh.length).toBeGreaterThan(0);
      expect(row.help.en.length).toBeGreaterThan(0);
    }
  });

  it('binds the keys the issue names', () => {
    const keysOf = (op: string, context: string) =>
      KEY_TABLE.filter((r) => r.op === op && r.contexts.includes(context as never)).flatMap(
        (r) => r.keys,
      );
    expect(keysOf('cursor.down', 'list')).toEqual(['j', 'down']);
    expect(keysOf('cursor.half-down', 'list')).toEqual(['ctrl-d']);
    expect(keysOf('focus.prev', 'home')).toEqual(['shift-tab']);
    expect(keysOf('page.next', 'article')).toEqual(expect.arrayContaining(['space', 'pagedown']));
    expect(keysOf('page.prev', 'article')).toEqual(expect.arrayContaining(['b', 'pageup']));
    expect(keysOf('page.goto', 'article')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(keysOf('font.larger', 'article')).toContain('+');
    expect(keysOf('font.smaller', 'article')).toEqual(['-']);
    expect(keysOf('nav.back', 'article')).toEqual(['esc', 'q']);
    expect(keysOf('app.quit', 'global')).toEqual(['Q', 'ctrl-c']);
    expect(keysOf('refresh.all', 'global')).toEqual(['R']);
    expect(keysOf('refresh.selection', 'home')).toEqual(['r']);
    expect(keysOf('search.open', 'global')).toEqual(['/']);
  });

  it('hints refer only to operations bound on their screen', () => {
    for (const [screen, specs] of Object.entries(HINTS)) {
      for (const spec of specs) {
        for (const op of spec.ops) {
          const isBound = KEY_TABLE.some(
            (r) =>
              r.op === op && r.contexts.some((c) => c === screen || c === 'global' || c === 'list'),
          );
          expect(isBound, `${screen}: ${op}`).toBe(true);
        }
      }
    }
  });
});

describe('buildBindings with user overrides', () => {
  it('returns the defaults unchanged when nothing is overridden', () => {
    const { bindings, problems } = buildBindings({});
    expect(bindings).toEqual(KEY_TABLE);
    expect(problems).toEqual([]);
  });

  it('replaces the keys of every row of an operation', () => {
    const { bindings, problems } = buildBindings({ 'page.next': ['n'] });
    expect(problems).toEqual([]);
    expect(bindings.filter((r) => r.op === 'page.next').map((r) => r.keys)).toEqual([
      ['n'],
      ['n'],
      ['n'],
      ['n'],
    ]);
  });

  it('reports a conflict with a default binding and lets the user win', () => {
    const { bindings, problems } = buildBindings({ 'favorite.toggle': ['j'] });
    expect(problems).toEqual([
      {
        kind: 'conflict',
        message:
          '"j" is bound to favorite.toggle and cursor.down; it now does favorite.toggle only',
      },
      {
        kind: 'conflict',
        message:
          '"j" is bound to favorite.toggle and cursor.down; it now does favorite.toggle only',
      },
    ]);
    const down = bindings.filter((r) => r.op === 'cursor.down' && r.contexts.includes('list'));
    expect(down.map((r) => r.keys)).toEqual([['down']]);
    expect(findConflicts(bindings)).toEqual([]);
  });

  it('reports two overrides fighting over a key; the first listed keeps it', () => {
    const { bindings, problems } = buildBindings({ 'link.open': ['O'], 'link.copy': ['O'] });
    expect(problems).toEqual([
      {
        kind: 'conflict',
        message: '"O" is bound to link.open and link.copy; it now does link.open only',
      },
    ]);
    expect(bindings.find((r) => r.op === 'link.copy')?.keys).toEqual([]);
    expect(bindings.find((r) => r.op === 'link.open')?.keys).toEqual(['O']);
  });

  it('reports unknown operations and key names and keeps the rest', () => {
    const { bindings, problems } = buildBindings({
      'cursor.sideways': ['x'],
      'read.undo': ['ctrl-z', 'hyper-k'],
    });
    expect(problems).toEqual([
      {
        kind: 'unknown-operation',
        message: 'unknown operation "cursor.sideways" in the key settings',
      },
      { kind: 'bad-key', message: 'unknown key "hyper-k" for read.undo' },
    ]);
    expect(bindings.find((r) => r.op === 'read.undo')?.keys).toEqual(['ctrl-z']);
  });
});
