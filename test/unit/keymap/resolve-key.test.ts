import { describe, expect, it } from 'vitest';
import { KEY_TABLE } from '../../../src/keymap/key-table.js';
import { contextChain, resolveKey } from '../../../src/keymap/resolve-key.js';
import { keyNameFromInk, displayKey, type InkKeyLike } from '../../../src/keymap/key-names.js';

const home = { screen: 'home', isHelpOpen: false } as const;
const article = { screen: 'article', isHelpOpen: false } as const;
const search = { screen: 'search', isHelpOpen: false } as const;
const op = (name: string, count: number | null = null) => ({ kind: 'operation', op: name, count });

const noKey: InkKeyLike = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
};

describe('keyNameFromInk', () => {
  it('names what Ink 6.8 delivers', () => {
    expect(keyNameFromInk('', { ...noKey, escape: true, meta: true })).toBe('esc');
    expect(keyNameFromInk('', { ...noKey, downArrow: true })).toBe('down');
    expect(keyNameFromInk('', { ...noKey, tab: true })).toBe('tab');
    expect(keyNameFromInk('', { ...noKey, tab: true, shift: true })).toBe('shift-tab');
    expect(keyNameFromInk('', { ...noKey, delete: true })).toBe('backspace');
    expect(keyNameFromInk('d', { ...noKey, ctrl: true })).toBe('ctrl-d');
    expect(keyNameFromInk(' ', noKey)).toBe('space');
    expect(keyNameFromInk('G', { ...noKey, shift: true })).toBe('G');
    expect(keyNameFromInk('+', noKey)).toBe('+');
    expect(keyNameFromInk('', { ...noKey, return: true })).toBe('enter');
  });

  it('names control characters split out of a chunk of fast typing', () => {
    expect(['\t', '\r', '\x7f', '\x1b', '\x04'].map((c) => keyNameFromInk(c, noKey))).toEqual([
      'tab',
      'enter',
      'backspace',
      'esc',
      'ctrl-d',
    ]);
  });

  it('returns null for pastes, CJK input and Alt combinations', () => {
    expect(keyNameFromInk('新闻', noKey)).toBeNull();
    expect(keyNameFromInk('中', noKey)).toBeNull();
    expect(keyNameFromInk('x', { ...noKey, meta: true })).toBeNull();
  });

  it('displays keys the way help shows them', () => {
    expect(['down', 'pagedown', 'ctrl-d', 'space', 'j', 'shift-tab'].map(displayKey)).toEqual([
      '↓',
      'PgDn',
      'Ctrl-d',
      'Space',
      'j',
      'S-Tab',
    ]);
  });
});

describe('resolveKey', () => {
  it('tries the screen, then lists, then global', () => {
    expect(contextChain(home)).toEqual(['home', 'list', 'global']);
    expect(contextChain(article)).toEqual(['article', 'global']);
    expect(contextChain(search)).toEqual(['search']);
    expect(contextChain({ screen: 'home', isHelpOpen: true })).toEqual(['help']);
  });

  it('gives the same key different operations on different screens', () => {
    expect(resolveKey(KEY_TABLE, home, 'l')).toEqual(op('bar.next'));
    expect(resolveKey(KEY_TABLE, article, 'l')).toEqual(op('page.next'));
    expect(resolveKey(KEY_TABLE, home, 'space')).toEqual(op('page.next'));
    expect(resolveKey(KEY_TABLE, home, 'q')).toEqual(op('app.quit'));
    expect(resolveKey(KEY_TABLE, article, 'q')).toEqual(op('nav.back'));
    expect(resolveKey(KEY_TABLE, { screen: 'favorites', isHelpOpen: false }, 'j')).toEqual(
      op('cursor.down'),
    );
    expect(resolveKey(KEY_TABLE, article, 'R')).toEqual(op('refresh.all'));
  });

  it('carries the page number of a digit', () => {
    expect(resolveKey(KEY_TABLE, article, '3')).toEqual(op('page.goto', 3));
    expect(resolveKey(KEY_TABLE, home, '3')).toEqual({ kind: 'none' });
  });

  it('lets the search field take printable keys, including ones bound elsewhere', () => {
    expect(resolveKey(KEY_TABLE, search, 'Q', 'Q')).toEqual({ kind: 'text', text: 'Q' });
    expect(resolveKey(KEY_TABLE, search, 'j', 'j')).toEqual({ kind: 'text', text: 'j' });
    expect(resolveKey(KEY_TABLE, search, null, '厦门')).toEqual({ kind: 'text', text: '厦门' });
    expect(resolveKey(KEY_TABLE, search, 'space', ' ')).toEqual({ kind: 'text', text: ' ' });
    expect(resolveKey(KEY_TABLE, search, 'down', '')).toEqual(op('cursor.down'));
    expect(resolveKey(KEY_TABLE, search, 'esc', '')).toEqual(op('nav.back'));
    expect(resolveKey(KEY_TABLE, search, 'ctrl-c', 'c')).toEqual(op('app.quit'));
  });

  it('makes the help overlay modal: only scrolling, closing and quitting work', () => {
    const help = { screen: 'home', isHelpOpen: true } as const;
    expect(resolveKey(KEY_TABLE, help, 'esc')).toEqual(op('help.toggle'));
    expect(resolveKey(KEY_TABLE, help, '?')).toEqual(op('help.toggle'));
    expect(resolveKey(KEY_TABLE, help, 'j')).toEqual(op('cursor.down'));
    expect(resolveKey(KEY_TABLE, help, 'f')).toEqual({ kind: 'none' });
    expect(resolveKey(KEY_TABLE, help, '/')).toEqual({ kind: 'none' });
    expect(resolveKey(KEY_TABLE, help, 'Q')).toEqual(op('app.quit'));
  });
});
