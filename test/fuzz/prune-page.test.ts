// prunePage over random tag soup: its output is what it would make of its own output (so every
// element it writes is tokenized back as the element it was), and no never-content element or
// comment survives.
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { prunePage } from '../../src/core/articles/prune-page.js';
import { fuzzRuns, fuzzSeed } from './fuzz-runs.js';

const text = fc.constantFrom(
  '正文',
  '“引号”',
  ' ',
  '\n  ',
  '　　',
  'a &amp; b',
  '1 &lt; 2',
  '&nbsp;',
  'x > y',
  'Hello, world.',
  '<',
  '&',
);
const open = fc.constantFrom(
  '<p>',
  '<div>',
  '<div class="comment-list">',
  '<div class="footer author">',
  '<div role="navigation">',
  '<section class="sidebar">',
  '<ul>',
  '<ol class="related">',
  '<li>',
  '<a href="/x?a=1&amp;b=2" target="_blank" onclick="go()">',
  '<span>',
  '<b>',
  '<table>',
  '<tr>',
  '<td>',
  '<h1>',
  '<h2 class="menu">',
  '<form action="/s">',
  '<pre>',
  '<xmp>',
  '<title>',
  '<svg>',
  '<nav>',
  '<math>',
  '<body>',
  '<html lang="zh">',
);
const close = fc.constantFrom(
  '</p>',
  '</div>',
  '</section>',
  '</ul>',
  '</ol>',
  '</li>',
  '</a>',
  '</span>',
  '</b>',
  '</table>',
  '</td>',
  '</h1>',
  '</h2>',
  '</form>',
  '</pre>',
  '</xmp>',
  '</title>',
  '</svg>',
  '</nav>',
  '</math>',
  '</body>',
);
const other = fc.constantFrom(
  '<br>',
  '<br/>',
  '<img src="a.png" alt="图" style="color:red">',
  '<meta itemprop="datePublished" content="2024">',
  '<script>var a = "<p>";</script>',
  '<style>p { color: red }</style>',
  '<!-- note -->',
  '<!DOCTYPE html>',
  '<input name="q">',
  '<div style="display:none">藏</div>',
  '<mi/>',
);
/** The elements, attributes and comments the tokenizer finds in `html`. */
function tokens(html: string): { elements: string[]; attributes: string[]; comments: number } {
  const found = { elements: [] as string[], attributes: [] as string[], comments: 0 };
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        found.elements.push(name);
        found.attributes.push(...Object.keys(attributes));
      },
      oncomment: () => {
        found.comments += 1;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

const soup = fc
  .array(fc.oneof(text, open, close, other), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('prunePage over random tag soup', () => {
  it('is stable on its own output and leaves no never-content element', () => {
    fc.assert(
      fc.property(soup, fc.boolean(), (html, unlikely) => {
        const once = prunePage(html, { unlikely });
        expect(prunePage(once, { unlikely })).toBe(once);
        const found = tokens(once);
        expect(found.comments).toBe(0);
        for (const name of ['script', 'style', 'svg', 'nav', 'iframe', 'textarea', 'select'])
          expect(found.elements).not.toContain(name);
        for (const name of found.attributes) expect(name).not.toMatch(/^(?:on[a-z]+|target)$/i);
      }),
      { numRuns: fuzzRuns(300), seed: fuzzSeed() },
    );
  });
});
