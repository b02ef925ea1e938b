import { describe, expect, it } from 'vitest';
import { htmlToLine, htmlToPlainText } from '../../../src/core/feeds/html-text.js';

describe('htmlToPlainText', () => {
  it('turns block ends into single newlines, collapses spaces and trims every line', () => {
    expect(
      htmlToPlainText('  <p> a&nbsp;&nbsp; b </p>\n\n<p>\tc</p><br><br><div>　d  </div>  '),
    ).toBe('a b\nc\nd');
  });

  it('drops scripts, styles and comments, closed or not', () => {
    expect(htmlToPlainText('x<script>alert(1)</script>y<!-- hidden -->z<style>p{}')).toBe('xyz');
  });

  it('decodes entities after removing references to control characters', () => {
    expect(htmlToPlainText('&lt;b&gt; &amp; &#27;[2J&#x4E2D;')).toBe('<b> & [2J中');
  });

  it('keeps a lone < that is not a tag', () => {
    expect(htmlToLine('a < b and c > d')).toBe('a < b and c > d');
  });
});
