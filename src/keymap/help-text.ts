// Everything generated from the key table for people: help-overlay sections, the status-bar hint
// line, the README's Markdown table and the plain-text list for --help. Pure; no react/ink.
import stringWidth from 'string-width';
import { HINTS, KEY_TABLE, type KeyBinding, type Label } from './key-table.js';
import { displayKey } from './key-names.js';
import type { Context, Operation } from './operations.js';

/** The UI language. */
export type Lang = 'zh' | 'en';

const CONTEXT_LABELS: Readonly<Record<Context, Label>> = {
  global: { zh: '全局', en: 'Everywhere' },
  list: { zh: '列表', en: 'Lists' },
  home: { zh: '首页', en: 'Home' },
  article: { zh: '文章', en: 'Article' },
  favorites: { zh: '收藏夹', en: 'Favorites' },
  search: { zh: '搜索', en: 'Search' },
  errors: { zh: '订阅源错误', en: 'Feed errors' },
  help: { zh: '帮助', en: 'Help' },
};

/** The label of a context in a language. */
export function contextLabel(context: Context, lang: Lang): string {
  return CONTEXT_LABELS[context][lang];
}

/** How a row's keys are shown: `j ↓`, `1…9` for the digit row. */
export function displayKeys(keys: readonly string[]): string {
  if (keys.length === 9 && keys.every((k, i) => k === String(i + 1))) return '1…9';
  return keys.map(displayKey).join(' ');
}

export interface HelpRow {
  readonly keys: string;
  readonly text: string;
}

export interface HelpSection {
  readonly title: string;
  readonly rows: readonly HelpRow[];
}

/** Help-overlay sections, one per context that has bindings, home and lists first, global near the end. */
export function helpSections(bindings: readonly KeyBinding[], lang: Lang): HelpSection[] {
  const order: Context[] = [
    'home',
    'list',
    'article',
    'favorites',
    'search',
    'errors',
    'global',
    'help',
  ];
  const sections: HelpSection[] = [];
  for (const context of order) {
    const rows = bindings
      .filter((row) => row.contexts.includes(context) && row.keys.length > 0)
      .map((row) => ({ keys: displayKeys(row.keys), text: row.help[lang] }));
    if (rows.length > 0) sections.push({ title: contextLabel(context, lang), rows });
  }
  return sections;
}

function firstKey(bindings: readonly KeyBinding[], op: Operation, context: Context): string | null {
  const chain: Context[] = [context, 'list', 'global'];
  for (const c of chain) {
    const row = bindings.find((b) => b.op === op && b.contexts.includes(c) && b.keys.length > 0);
    if (row !== undefined) return displayKey(row.keys[0]!);
  }
  return null;
}

/** The hints of a screen as `keys label` chunks, most important first. */
export function hintChunks(
  bindings: readonly KeyBinding[],
  screen: keyof typeof HINTS,
  lang: Lang,
): string[] {
  const chunks: string[] = [];
  for (const spec of HINTS[screen]) {
    const keys = spec.ops
      .map((op) => firstKey(bindings, op, screen))
      .filter((k): k is string => k !== null);
    if (keys.length > 0) chunks.push(`${keys.join('/')} ${spec.label[lang]}`);
  }
  return chunks;
}

/** The key-hint line of a screen: as many chunks as fit in `width` columns, two spaces apart. */
export function hintLine(
  bindings: readonly KeyBinding[],
  screen: keyof typeof HINTS,
  lang: Lang,
  width: number,
): string {
  let line = '';
  for (const chunk of hintChunks(bindings, screen, lang)) {
    const next = line === '' ? chunk : `${line}  ${chunk}`;
    if (stringWidth(next) > width) break;
    line = next;
  }
  return line;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function markdownKeys(keys: readonly string[]): string {
  if (keys.length === 9 && keys.every((k, i) => k === String(i + 1))) return '`1`…`9`';
  return keys.map((k) => `\`${escapeCell(displayKey(k))}\``).join(' ');
}

/**
 * The README's key table (Markdown), generated from the table; a test fails when the README's
 * copy between `<!-- keys:start -->` and `<!-- keys:end -->` drifts from it.
 */
export function renderKeyTableMarkdown(bindings: readonly KeyBinding[] = KEY_TABLE): string {
  const lines = ['| Keys | Action | 操作 | Where |', '| --- | --- | --- | --- |'];
  for (const row of bindings) {
    const where = row.contexts.map((c) => CONTEXT_LABELS[c].en).join(', ');
    lines.push(
      `| ${markdownKeys(row.keys)} | ${escapeCell(row.help.en)} | ${escapeCell(row.help.zh)} | ${where} |`,
    );
  }
  return lines.join('\n');
}

/** A plain-text key list for `tidings --help`. */
export function renderKeyTableText(
  bindings: readonly KeyBinding[] = KEY_TABLE,
  lang: Lang = 'en',
): string {
  const lines: string[] = [];
  for (const section of helpSections(bindings, lang)) {
    lines.push(`${section.title}:`);
    const width = Math.max(...section.rows.map((r) => stringWidth(r.keys)));
    for (const row of section.rows)
      lines.push(`  ${row.keys}${' '.repeat(width - stringWidth(row.keys))}  ${row.text}`);
  }
  return lines.join('\n');
}
