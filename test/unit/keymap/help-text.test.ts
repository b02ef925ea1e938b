import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { KEY_TABLE } from '../../../src/keymap/key-table.js';
import { buildBindings } from '../../../src/keymap/bindings.js';
import {
  helpSections,
  hintLine,
  renderKeyTableMarkdown,
  renderKeyTableText,
} from '../../../src/keymap/help-text.js';

const repoRoot = resolve(import.meta.dirname, '../../..');

describe('generated help', () => {
  it('builds help sections in the chosen language', () => {
    const zh = helpSections(KEY_TABLE, 'zh');
    expect(zh[0]?.title).toBe('首页');
    expect(zh.find((s) => s.title === '文章')?.rows).toContainEqual({
      keys: '1…9',
      text: '跳到第 n 页',
    });
    const en = helpSections(KEY_TABLE, 'en');
    expect(en.find((s) => s.title === 'Everywhere')?.rows).toContainEqual({
      keys: 'Q Ctrl-c',
      text: 'Quit',
    });
  });

  it('fits the hint line into the width and follows rebinding', () => {
    expect(hintLine(KEY_TABLE, 'article', 'zh', 80)).toBe(
      'Space/b 翻页  +/- 字号  Esc 返回  ? 帮助',
    );
    const narrow = hintLine(KEY_TABLE, 'home', 'en', 30);
    expect(narrow).toBe('j/k move  Enter read');
    expect(stringWidth(narrow)).toBeLessThanOrEqual(30);
    const { bindings } = buildBindings({ 'page.next': ['n'] });
    expect(hintLine(bindings, 'article', 'en', 80)).toBe('n/b page  +/- size  Esc back  ? help');
  });

  it('renders a Markdown table with one row per binding', () => {
    const md = renderKeyTableMarkdown();
    const lines = md.split('\n');
    expect(lines[0]).toBe('| Keys | Action | 操作 | Where |');
    expect(lines).toHaveLength(KEY_TABLE.length + 2);
    expect(lines).toContain('| `j` `↓` | Move down | 下移一行 | Lists |');
    expect(lines).toContain('| `1`…`9` | Go to page n | 跳到第 n 页 | Article |');
    expect(renderKeyTableText()).toContain('  Q Ctrl-c');
  });

  it("matches the README's key table", () => {
    const readme = resolve(repoRoot, 'README.md');
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, 'utf8');
    const match = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(text);
    expect(
      match,
      'README.md needs its <!-- keys:start --> / <!-- keys:end --> table',
    ).not.toBeNull();
    expect(match?.[1]?.trim()).toBe(renderKeyTableMarkdown());
  });
});
