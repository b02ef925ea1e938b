// Link safety: only http(s) URLs are opened or copied; javascript:, file:, data: and URLs with
// control characters, whitespace or bidi controls are refused with a message that is itself safe
// to print; the browser is started without a shell, so nothing in a URL runs as a command; the
// clipboard payload (OSC 52) carries only sanitized text. Tests src/app/system/open-url.ts and
// copy-text.ts (the reader's link helpers) with a real spawned "browser" that records its argv.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyText, osc52 } from '../../src/app/system/copy-text.js';
import { isOpenableUrl, openUrl } from '../../src/app/system/open-url.js';
import { isTerminalSafe } from '../../src/core/feeds/sanitize.js';
import { forbiddenCharacters } from '../helpers/escape-payloads.js';

let dir: string;
let recorder: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-links-'));
  recorder = join(dir, 'browser.cjs');
  // A stand-in browser: appends the arguments it was given, as JSON, to a file.
  await writeFile(
    recorder,
    `require('node:fs').appendFileSync(${JSON.stringify(join(dir, 'argv.jsonl'))}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const REFUSED: readonly [string, string][] = [
  ['javascript:', 'javascript:alert(document.cookie)'],
  ['JavaScript: mixed case', 'JaVaScRiPt:alert(1)'],
  ['javascript: after a space', ' javascript:alert(1)'],
  ['javascript: with a tab inside', 'java\tscript:alert(1)'],
  ['file:', 'file:///etc/passwd'],
  ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['ftp:', 'ftp://example.com/file'],
  ['mailto:', 'mailto:a@example.com'],
  ['ssh:', 'ssh://example.com'],
  ['a relative path', '/news/1.html'],
  ['scheme-relative', '//example.com/x'],
  ['empty', ''],
  ['ESC in the path', 'http://example.com/\x1b[2J'],
  ['OSC 52 in the path', 'https://example.com/\x1b]52;c;cm0gLXJmIH4=\x07'],
  ['BEL', 'http://example.com/\x07'],
  ['CR LF (header/command splitting)', 'http://example.com/a\r\nX-Evil: 1'],
  ['NUL', 'http://example.com/\x00'],
  ['C1 CSI', 'http://example.com/\u009b2J'],
  ['bidi override', 'https://example.com/\u202egpj.exe'],
  ['bidi isolate', 'https://example.com/\u2066x\u2069'],
  ['a space', 'http://example.com/a b'],
  ['a leading space', ' http://example.com/'],
  ['a trailing newline', 'http://example.com/\n'],
];

const ACCEPTED: readonly string[] = [
  'http://example.com/',
  'https://example.com/news/2026/11/27/a.html?x=1&y=2#top',
  'https://新闻.example/路径/文章.html',
  'https://example.com/%E4%B8%AD%E6%96%87',
  'http://127.0.0.1:8080/feed.xml',
];

describe('isOpenableUrl', () => {
  it.each(REFUSED)('refuses %s', (_name, url) => {
    expect(isOpenableUrl(url)).toBe(false);
  });

  it.each(ACCEPTED)('accepts %s', (url) => {
    expect(isOpenableUrl(url)).toBe(true);
  });
});

describe('openUrl', () => {
  const env = (): Record<string, string> => ({ BROWSER: `${process.execPath} ${recorder}` });

  it.each(REFUSED)(
    'refuses %s with a message safe to print, and starts nothing',
    async (_name, url) => {
      const before = existsSync(join(dir, 'argv.jsonl'))
        ? await readFile(join(dir, 'argv.jsonl'), 'utf8')
        : '';
      const error = await openUrl(url, 'linux', env()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/^not an http\(s\) link/);
      expect(forbiddenCharacters(message)).toEqual([]);
      const after = existsSync(join(dir, 'argv.jsonl'))
        ? await readFile(join(dir, 'argv.jsonl'), 'utf8')
        : '';
      expect(after).toBe(before);
    },
  );

  it('passes the URL as one argument to the browser, with no shell: metacharacters stay text', async () => {
    const marker = join(dir, 'pwned');
    const urls = [
      `https://example.com/$(touch${'${IFS}'}${marker})`,
      `https://example.com/a;touch%20${marker}`,
      `https://example.com/\`touch${'${IFS}'}${marker}\``,
      `https://example.com/a|touch${'${IFS}'}${marker}&b=1`,
      `https://example.com/?q='"><script>`,
    ];
    for (const url of urls) {
      expect(isOpenableUrl(url)).toBe(true);
      await openUrl(url, 'linux', env());
    }
    await expect
      .poll(async () =>
        existsSync(join(dir, 'argv.jsonl'))
          ? (await readFile(join(dir, 'argv.jsonl'), 'utf8')).trim().split('\n').length
          : 0,
      )
      .toBe(urls.length);
    const recorded = (await readFile(join(dir, 'argv.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    expect(recorded.map((argv) => argv.length)).toEqual(urls.map(() => 1));
    expect(new Set(recorded.map((argv) => argv[0]))).toEqual(new Set(urls));
    expect(existsSync(marker)).toBe(false);
  });
});

describe('copyText (OSC 52 clipboard payload)', () => {
  it('puts only sanitized text on the clipboard, and the sequence itself is well-formed', async () => {
    const written: string[] = [];
    const hostile = 'https://example.com/a\x1b]52;c;cm0gLXJmIH4=\x07b\u202ec\x1b[2J\u009b1m';
    const result = await copyText(hostile, {
      writeTerminal: (data) => written.push(data),
      platform: 'linux',
      env: {},
    });
    expect(result).toBe('osc52');
    expect(written).toHaveLength(1);
    const match = /^\x1b\]52;c;([A-Za-z0-9+/=]*)\x07$/.exec(written[0] ?? '');
    expect(match).not.toBeNull();
    const payload = Buffer.from(match?.[1] ?? '', 'base64').toString('utf8');
    expect(payload).toBe('https://example.com/abc');
    expect(isTerminalSafe(payload)).toBe(true);
  });

  it('encodes what it is given in base64, so no byte of the text reaches the terminal raw', () => {
    const sequence = osc52('链接 https://example.com/中文');
    expect(sequence).toBe(
      `\x1b]52;c;${Buffer.from('链接 https://example.com/中文').toString('base64')}\x07`,
    );
    expect(sequence.slice(7, -1)).toMatch(/^[A-Za-z0-9+/=]+$/);
  });
});
