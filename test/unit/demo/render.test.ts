// Rendering of demo blocks, feeds and pages: exact HTML for each block kind, text that survives
// the XML round trip (markup characters, a CDATA terminator), and page numbering of images.
import { describe, expect, it } from 'vitest';
import type { DemoArticle } from '../../../src/core/demo/demo-article.js';
import { demoFeed, demoSite } from '../../../src/core/demo/demo-edition.js';
import { renderBlocksHtml } from '../../../src/core/demo/demo-html.js';
import { renderFeed } from '../../../src/core/demo/render-feed.js';
import { renderArticlePage } from '../../../src/core/demo/render-page.js';
import { normalizeFeed } from '../../../src/core/feeds/normalize.js';
import { parseFeed } from '../../../src/core/feeds/parse-feed.js';

const ORIGIN = 'http://127.0.0.1:47800';
const NOW = new Date('2026-11-27T08:20:00Z');

describe('renderBlocksHtml', () => {
  it('renders every block kind, escaping text', () => {
    const html = renderBlocksHtml(
      [
        'a < b & "c"',
        { h: '小标题' },
        { ul: ['一', '二'] },
        { ol: ['first'] },
        { quote: '引语', cite: '某人' },
        { table: { caption: '表', head: ['A', 'B'], rows: [['1', '2']] } },
        { img: { alt: '图 "1"', caption: '说明' } },
        { code: 'if (a < b) {}' },
        { img: { alt: '图2' } },
      ],
      (n) => `/img/${n}.svg`,
    );
    expect(html.split('\n')).toEqual([
      '<p>a &lt; b &amp; &quot;c&quot;</p>',
      '<h2>小标题</h2>',
      '<ul><li>一</li><li>二</li></ul>',
      '<ol><li>first</li></ol>',
      '<blockquote><p>引语</p><footer>—— 某人</footer></blockquote>',
      '<table><caption>表</caption><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      '<figure><img src="/img/1.svg" alt="图 &quot;1&quot;" width="640" height="360"><figcaption>说明</figcaption></figure>',
      '<pre><code>if (a &lt; b) {}</code></pre>',
      '<figure><img src="/img/2.svg" alt="图2" width="640" height="360"></figure>',
    ]);
  });
});

const tricky: DemoArticle = {
  id: 'test-1',
  feed: 'chenzhong-top',
  // No angle brackets in title and summary: the pipeline reads those as HTML, as feeds intend.
  title: 'Ampersands & "quotes" ]]> survive',
  author: 'A & B',
  source: '测试',
  editor: '编辑',
  minutesAgo: 90,
  categories: ['要闻', 'R&D'],
  summary: 'A summary with “brackets” & ]]> in it.',
  body: ['Body with ]]> inside a CDATA section, and <b> as text.', { img: { alt: 'x' } }],
  morePages: [['Second page.', { img: { alt: 'y' } }]],
};

describe('renderFeed', () => {
  it('keeps markup characters and a CDATA terminator intact through parse and normalize', async () => {
    const feed = demoFeed('chenzhong-top');
    const { xml, lastModified } = renderFeed(feed, [tricky], ORIGIN, NOW);
    expect(lastModified.toISOString()).toBe('2026-11-27T06:50:00.000Z');
    const url = `${ORIGIN}/chenzhong/rss/yaowen.xml`;
    const parsed = normalizeFeed(await parseFeed(xml), { feedUrl: url, baseUrl: url, now: NOW });
    const item = parsed.items[0];
    expect(item?.title).toBe('Ampersands & "quotes" ]]> survive');
    expect(item?.author).toBe('A & B');
    expect(item?.categories).toEqual(['要闻', 'R&D']);
    expect(item?.summary).toBe('A summary with “brackets” & ]]> in it.');
    expect(item?.published).toBe('2026-11-27T06:50:00.000Z');
    expect(item?.contentHtml).toContain(
      '<p>Body with ]]&gt; inside a CDATA section, and &lt;b&gt; as text.</p>',
    );
    // The feed carries every page, with absolute image URLs numbered across pages.
    expect(item?.contentHtml).toContain(`<img src="${ORIGIN}/chenzhong/images/test-1-2.svg"`);
    expect(item?.contentHtml).toContain('<p>Second page.</p>');
  });

  it('writes Atom with RFC 3339 dates', () => {
    const { xml } = renderFeed(
      demoFeed('meridian-world'),
      [{ ...tricky, feed: 'meridian-world' }],
      ORIGIN,
      NOW,
    );
    expect(xml).toContain('<published>2026-11-27T06:50:00Z</published>');
    expect(xml).toContain('<id>tag:meridian.demo.tidings,2024:test-1</id>');
  });
});

describe('renderArticlePage', () => {
  it('numbers page 2 images after page 1 and links the pages', () => {
    const site = demoSite('chenzhong');
    const page2 = renderArticlePage(tricky, 2, { site, now: NOW, related: [], popular: [] });
    expect(page2).toContain('<img src="/chenzhong/images/test-1-2.svg" alt="y"');
    expect(page2).toContain(
      '<title>Ampersands &amp; &quot;quotes&quot; ]]&gt; survive(2)_晨钟日报</title>',
    );
    expect(page2).toContain('<link rel="prev" href="/chenzhong/content/test-1.html">');
    expect(page2).not.toContain('rel="next"');
    expect(page2).toContain('<span class="time">2026-11-27 14:50</span>');
  });
});
