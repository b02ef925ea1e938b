import { describe, expect, it } from 'vitest';
import { blocksToPlainText, htmlToBlocks } from '../../../src/core/articles/html-to-blocks.js';
import { isTerminalSafe } from '../../../src/core/feeds/sanitize.js';

const base = 'https://news.example.cn/2024/01/a.html';

describe('htmlToBlocks', () => {
  it('turns headings, paragraphs and rules into blocks, collapsing HTML whitespace', () => {
    const { blocks } = htmlToBlocks('<h1> 标题 </h1><p>  Hello\n   world </p><hr><h3>Sub</h3>');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: '标题' },
      { type: 'paragraph', text: 'Hello world' },
      { type: 'rule' },
      { type: 'heading', level: 3, text: 'Sub' },
    ]);
  });

  it('drops a line break between Chinese characters and strips indent spaces', () => {
    const { blocks } = htmlToBlocks('<p>&nbsp;&nbsp;　　第一段文字，\n包含换行。</p>');
    expect(blocks).toEqual([{ type: 'paragraph', text: '第一段文字，包含换行。' }]);
  });

  it('numbers links, reuses numbers for repeated URLs and resolves relative ones', () => {
    const html =
      '<p><a href="/x">甲</a>和<a href="https://example.com/a">乙</a>，再见<a href="../../x">甲</a>。' +
      '<a href="https://example.com/raw">https://example.com/raw</a> <a href="#top">top</a> <a href="javascript:void(0)">js</a></p>';
    const result = htmlToBlocks(html, { baseUrl: base });
    expect(result.blocks).toEqual([
      { type: 'paragraph', text: '甲[1]和乙[2]，再见甲[1]。https://example.com/raw top js' },
    ]);
    expect(result.links).toEqual(['https://news.example.cn/x', 'https://example.com/a']);
  });

  it('continues link and image numbering across calls (pages of one article)', () => {
    const links: string[] = [];
    const first = htmlToBlocks(
      '<p><a href="https://a.cn/1">一</a></p><img src="https://a.cn/1.jpg" alt="甲">',
      {
        links,
      },
    );
    const second = htmlToBlocks(
      '<p><a href="https://a.cn/2">二</a><a href="https://a.cn/1">一</a></p><img src="x.jpg" alt="乙">',
      {
        links,
        baseUrl: 'https://a.cn/p2.html',
        firstImageIndex: 1 + first.imageCount,
      },
    );
    expect(second.blocks).toEqual([
      { type: 'paragraph', text: '二[2]一[1]' },
      { type: 'image', index: 2, alt: '乙', src: 'https://a.cn/x.jpg' },
    ]);
    expect(links).toEqual(['https://a.cn/1', 'https://a.cn/2']);
  });

  it('splits paragraphs at <br><br> and at indented lines, keeps single <br> as a line break', () => {
    const { blocks } = htmlToBlocks(
      '<div>段落一<br><br>　　段落二<br>同一段第二行<br>　　段落三</div>',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', text: '段落一' },
      { type: 'paragraph', text: '段落二\n同一段第二行' },
      { type: 'paragraph', text: '段落三' },
    ]);
  });

  it('keeps nested lists, ordered lists and quotes', () => {
    const { blocks } = htmlToBlocks(
      '<ul><li>一 <ul><li>一.一</li></ul></li><li><p>二</p><p>二之二</p></li></ul><ol><li>first</li></ol>' +
        '<blockquote><p>引用</p><p>第二段</p></blockquote>',
    );
    expect(blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          {
            text: '一',
            children: [{ type: 'list', ordered: false, items: [{ text: '一.一', children: [] }] }],
          },
          { text: '二', children: [{ type: 'paragraph', text: '二之二' }] },
        ],
      },
      { type: 'list', ordered: true, items: [{ text: 'first', children: [] }] },
      {
        type: 'quote',
        blocks: [
          { type: 'paragraph', text: '引用' },
          { type: 'paragraph', text: '第二段' },
        ],
      },
    ]);
  });

  it('keeps preformatted text verbatim', () => {
    const { blocks } = htmlToBlocks('<pre>\n  if (a) {\n    b();\n  }\n</pre>');
    expect(blocks).toEqual([{ type: 'code', text: '  if (a) {\n    b();\n  }' }]);
  });

  it('reads data tables with a header row and colspans, and walks layout tables as content', () => {
    const data = htmlToBlocks(
      '<table><thead><tr><th>指标</th><th>数值</th></tr></thead><tbody><tr><td>GDP</td><td>5.2%</td></tr>' +
        '<tr><td colspan="2">合计</td></tr></tbody></table>',
    );
    expect(data.blocks).toEqual([
      {
        type: 'table',
        header: ['指标', '数值'],
        rows: [
          ['GDP', '5.2%'],
          ['合计', ''],
        ],
      },
    ]);
    const layout = htmlToBlocks('<table><tr><td><p>正文一</p><p>正文二</p></td></tr></table>');
    expect(layout.blocks).toEqual([
      { type: 'paragraph', text: '正文一' },
      { type: 'paragraph', text: '正文二' },
    ]);
  });

  it('turns images into numbered placeholders with captions, skipping tracking pixels', () => {
    const { blocks, imageCount } = htmlToBlocks(
      '<figure><img src="/a.jpg" alt="会场"><figcaption>图注</figcaption></figure>' +
        '<img src="https://t.example.com/pixel.gif" width="1" height="1">' +
        '<p style="text-align:center"><img data-src="b.jpg" src="blank.gif"></p><p style="text-align:center">新华社记者 摄</p>',
      { baseUrl: base },
    );
    expect(blocks).toEqual([
      { type: 'image', index: 1, alt: '会场', src: 'https://news.example.cn/a.jpg' },
      { type: 'caption', text: '图注' },
      { type: 'image', index: 2, alt: '', src: 'https://news.example.cn/2024/01/b.jpg' },
      { type: 'caption', text: '新华社记者 摄' },
    ]);
    expect(imageCount).toBe(2);
    const marked = htmlToBlocks(
      '<p><img src="https://a.cn/a.jpg"></p><p>图注：巴兹·奥尔德林可能是第二个在月球上行走的人，但他是第一个在月球上喝酒的人。</p><p>正文一段。</p>',
    );
    expect(marked.blocks.map((block) => block.type)).toEqual(['image', 'caption', 'paragraph']);
  });

  it('never lets scripts, styles, forms, navigation, ads, comments or page bars through', () => {
    const { blocks } = htmlToBlocks(
      '<p>正文</p><script>alert(1)</script><style>p{}</style><noscript>ns</noscript>' +
        '<div class="ad-slot">广告</div><div class="adsbygoogle">g</div><nav>导航</nav><aside>侧栏</aside>' +
        '<form><input value="x">表单</form><div id="comments">评论</div><section class="share-bar">分享</section>' +
        '<div class="pages"><a href="1.html">1</a> <a href="2.html">2</a> <a href="2.html">下一页</a></div>' +
        '<p style="display:none">隐藏</p><p hidden>也隐藏</p>',
    );
    expect(blocks).toEqual([{ type: 'paragraph', text: '正文' }]);
  });

  it('sanitizes every string, including numeric references to control characters', () => {
    const { blocks, links } = htmlToBlocks(
      '<h2>T\u001b[2Jitle</h2><p>A&#27;]52;c;AAAA&#7; \u202eB <a href="https://e.com/\u0007x">l</a></p><img alt="x\u009b1m" src="/i.png">',
      { baseUrl: base },
    );
    const text = blocksToPlainText(blocks);
    expect(isTerminalSafe(text)).toBe(true);
    expect(links.every((link) => isTerminalSafe(link))).toBe(true);
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, text: 'Title' });
  });
});

describe('blocksToPlainText', () => {
  it('flattens every block kind in order', () => {
    const { blocks } = htmlToBlocks(
      '<h2>H</h2><p>P</p><ul><li>L1<ul><li>L2</li></ul></li></ul><blockquote>Q</blockquote><pre>C</pre>' +
        '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><img src="x.png" alt="I"><hr>',
      { baseUrl: base },
    );
    expect(blocksToPlainText(blocks)).toBe('H\nP\nL1\nL2\nQ\nC\na b\n1 2\nI');
  });
});
