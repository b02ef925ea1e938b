import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../../src/core/articles/html-to-blocks.js';
import { prunePage } from '../../../src/core/articles/prune-page.js';
import { decodeHtmlBytes } from '../../../src/core/feeds/decode.js';
import { fixturesDir } from './article-fixtures.js';

const corpus = path.resolve(fixturesDir, '../../..', '../shared/corpus/chinese/articles');
const hasCorpus = existsSync(corpus);

const links = (count: number): string =>
  Array.from(
    { length: count },
    (_, i) => `<li><a href="/n/${i}.html">相关新闻${i}</a> <span>03-1${i % 10}</span></li>`,
  ).join('\n');

describe('prunePage', () => {
  it('drops scripts, styles, comments, SVG, navigation and frames, and whitespace between blocks', () => {
    const html =
      '<!DOCTYPE html><html><head><title>A &amp; B</title><script>var a = "<p>";</script>' +
      '<style>p{}</style></head><body>\n  <div class="x"> <p>1 &lt; 2 &#38; <b>bold</b> <i>it</i></p>\n' +
      ' <!-- note --> <nav><a href="/">首页</a></nav><svg><text>t</text></svg>' +
      '<iframe src="/ad"></iframe><noscript><img src="/i.png"></noscript></div>\n</body></html>';
    expect(prunePage(html)).toBe(
      '<!DOCTYPE html><html><head><title>A &amp; B</title></head><body><div class="x">' +
        '<p>1 &lt; 2 &amp; <b>bold</b> <i>it</i></p></div></body></html>',
    );
  });

  it('writes every element closed, so the tree is the one the tokenizer saw', () => {
    expect(prunePage('<body><p>a<div>b</div>c<br/><ul><li>1<li>2</ul>')).toBe(
      '<body><p>a</p><div>b</div>c<br><ul><li>1</li><li>2</li></ul></body>',
    );
  });

  it('drops event handlers, link targets and styles that do not hide, and re-quotes values', () => {
    expect(
      prunePage(
        `<body><a href="/x?a=1&amp;b=2" target=_blank onclick="go()" title='say "hi"'>x</a>` +
          '<div style="color: red">y</div><div style="display:none" data-id="7">z</div></body>',
      ),
    ).toBe(
      '<body><a href="/x?a=1&amp;b=2" title="say &quot;hi&quot;">x</a><div>y</div>' +
        '<div style="display:none" data-id="7">z</div></body>',
    );
  });

  it('drops lists of eight or more bare links (with a date at most), and keeps shorter or richer ones', () => {
    expect(prunePage(`<body><ul class="list">${links(8)}</ul><p>正文</p></body>`)).toBe(
      '<body><p>正文</p></body>',
    );
    expect(prunePage(`<body><ul>${links(7)}</ul></body>`)).toContain('相关新闻6');
    const withText = `<body><ol>${links(8)}<li>正文段落，不是链接。</li></ol></body>`;
    expect(prunePage(withText)).toContain('相关新闻0');
    const nested = `<body><ul>${links(8).replace('</a>', '<b>!</b></a>')}</ul></body>`;
    expect(prunePage(nested)).toContain('相关新闻0');
  });

  it('drops forms, except one that wraps the article (ASP.NET wraps the whole page in one)', () => {
    expect(
      prunePage('<body><form action="/s"><input name="q"><p>搜索</p></form><p>正文</p></body>'),
    ).toBe('<body><p>正文</p></body>');
    expect(prunePage('<body><form id="aspnet"><p>一</p><p>二</p><p>三</p></form></body>')).toBe(
      '<body><form id="aspnet"><p>一</p><p>二</p><p>三</p></form></body>',
    );
  });

  it("reduces readability's unlikely candidates to their text and headings, when asked", () => {
    const html =
      '<body><div id="article"><p>正文</p></div><div class="comment-list"><h2>网友评论</h2>' +
      '<div class="item"><b>网友1</b><p>说得好</p></div><meta itemprop="datePublished" content="2024">' +
      '<a href="/more">更多</a></div></body>';
    expect(prunePage(html)).toBe(html);
    expect(prunePage(html, { unlikely: true })).toBe(
      '<body><div id="article"><p>正文</p></div><div class="comment-list"><h2>网友评论</h2>' +
        '网友1\n说得好<meta itemprop="datePublished" content="2024">\n更多<div></div></div></body>',
    );
  });

  it('leaves what readability would keep or look into: maybe-candidates, bylines, tables, paragraphs, empty elements', () => {
    const kept = [
      '<body><div class="main-sidebar"><p>正文</p></div></body>',
      '<body><div class="footer author"><p>作者：林晓</p></div></body>',
      '<body><table><tr><td><div class="related"><p>相关</p></div></td></tr></table></body>',
      '<body><p><span><div class="comment">评论</div></span></p></body>',
      '<body><div class="sidebar"> </div></body>',
      '<body><span class="comment">评论</span></body>',
      '<head><div class="comment">评论</div></head>',
    ];
    for (const html of kept) {
      expect(prunePage(html, { unlikely: true })).toBe(prunePage(html));
    }
    expect(
      prunePage('<body><div role="navigation"><p>栏目</p></div></body>', { unlikely: true }),
    ).toBe('<body><div role="navigation">栏目<div></div></div></body>');
  });
});

/** Every article page of the corpus (GeneralNewsExtractor, readability's Chinese cases, newspaper). */
function corpusPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.html?$/.test(name) && !name.startsWith('expected')) pages.push(file);
    }
  };
  walk(corpus);
  return pages;
}

function readability(html: string): unknown {
  const reader = new Readability(parseHtmlDocument(html), {
    charThreshold: 200,
    disableJSONLD: true,
  });
  const article = reader.parse();
  const attempts = (reader as unknown as { _attempts: unknown[] })._attempts;
  return { article, firstAttempt: attempts.length === 0 };
}

describe.skipIf(!hasCorpus)('prunePage over the corpus', () => {
  it('gives readability the same article with the unlikely candidates reduced as without', () => {
    const pages = corpusPages();
    expect(pages.length).toBeGreaterThanOrEqual(15);
    let reduced = 0;
    for (const file of pages) {
      const html = decodeHtmlBytes(readFileSync(file), null).text;
      const whole = prunePage(html);
      const pruned = prunePage(html, { unlikely: true });
      if (pruned.length < whole.length) reduced += 1;
      const expected = readability(whole) as { firstAttempt: boolean };
      // A page readability needed a second attempt for is extracted from the whole page.
      if (!expected.firstAttempt) continue;
      expect(readability(pruned), path.relative(corpus, file)).toEqual(expected);
    }
    expect(reduced).toBeGreaterThanOrEqual(10);
  });
});
