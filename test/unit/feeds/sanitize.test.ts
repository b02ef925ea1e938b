import { describe, expect, it } from 'vitest';
import {
  isTerminalSafe,
  sanitizeHtml,
  sanitizeLine,
  sanitizeText,
} from '../../../src/core/feeds/sanitize.js';

describe('sanitizeText', () => {
  const cases: [string, string, string][] = [
    ['CSI erase screen', 'a\x1b[2Jb', 'ab'],
    ['SGR colour', '\x1b[31mred\x1b[0m', 'red'],
    ['cursor move with params', 'x\x1b[10;20Hy', 'xy'],
    ['OSC 52 with BEL', 'a\x1b]52;c;aGVsbG8=\x07b', 'ab'],
    ['OSC 52 with ST', 'a\x1b]52;c;aGVsbG8=\x1b\\b', 'ab'],
    ['unterminated OSC 52', 'title\x1b]52;c;AAAA', 'title'],
    ['OSC 0 window title', '\x1b]0;pwned\x07ok', 'ok'],
    ['OSC 8 hyperlink', '\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['DCS', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['APC', 'a\x1b_payload\x1b\\b', 'ab'],
    ['8-bit CSI', 'a\u009b2Jb', 'ab'],
    ['8-bit OSC', 'a\u009d0;t\u009cb', 'ab'],
    ['8-bit OSC unterminated', 'a\u009d0;title', 'a'],
    ['ESC c reset', 'a\x1bcb', 'ab'],
    ['lone ESC at end', 'a\x1b', 'a'],
    ['BEL', 'a\x07b', 'ab'],
    ['backspace', 'ab\x08c', 'abc'],
    ['CR alone becomes newline', 'a\rb', 'a\nb'],
    ['CRLF becomes newline', 'a\r\nb', 'a\nb'],
    ['NUL and DEL', 'a\x00b\x7fc', 'abc'],
    ['NEL (C1)', 'a\u0085b', 'ab'],
    ['RLO override', 'abc\u202edef', 'abcdef'],
    ['isolates', '\u2066x\u2069\u2067y\u2068z', 'xyz'],
    ['lone high surrogate', 'a\ud800b', 'ab'],
    ['lone low surrogate', 'a\udc00b', 'ab'],
    ['tab becomes space', 'a\tb', 'a b'],
    ['line separator', 'a\u2028b', 'a\nb'],
  ];
  for (const [name, input, expected] of cases) {
    it(`removes ${name}`, () => {
      const output = sanitizeText(input);
      expect(output).toBe(expected);
      expect(isTerminalSafe(output)).toBe(true);
    });
  }

  it('keeps CJK, emoji, ZWJ sequences and combining marks intact', () => {
    const text = '新闻：厦门 👨‍👩‍👧 e\u0301 🇨🇳 “引号”';
    expect(sanitizeText(text)).toBe(text);
  });

  it('sanitizeLine collapses whitespace and newlines', () => {
    expect(sanitizeLine('  a\n\tb\x1b[1m  c  ')).toBe('a b c');
  });
});

describe('sanitizeHtml', () => {
  it('removes numeric references that decode to control characters', () => {
    expect(sanitizeHtml('<p>a&#27;[2Jb &#x9b;c &#x1B; &#7; &#x202e;d</p>')).toBe(
      '<p>a[2Jb c   d</p>',
    );
  });

  it('keeps ordinary references and turns a tab reference into a space', () => {
    expect(sanitizeHtml('&#20013;&#x6587; &amp; &#9;x')).toBe('&#20013;&#x6587; &amp;  x');
  });
});
