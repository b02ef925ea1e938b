// Writes the demo sites' HTML pages: article pages with full site chrome (navigation, region bar,
// sidebar, comments box, footer) for extraction to remove, and simple index pages. Pure; no I/O.
import type { DemoArticle, DemoSite } from './demo-article.js';
import {
  DEMO_CHANNELS,
  DEMO_FEEDS,
  DEMO_REGIONS,
  DEMO_SITES,
  demoArticlePath,
  demoFeedUrl,
  demoImagePath,
} from './demo-edition.js';
import { countImages, escapeMarkup, renderBlocksHtml } from './demo-html.js';
import { magazineDate, portalDate, rfc3339 } from './demo-time.js';
import { publishedAt } from './render-feed.js';

/** What an article page shows besides the article itself. */
export interface PageContext {
  readonly site: DemoSite;
  /** The edition's clock. */
  readonly now: Date;
  /** Other articles of the same feed, for 相关阅读 / Related. */
  readonly related: readonly DemoArticle[];
  /** Articles of the same site, for the sidebar rankings. */
  readonly popular: readonly DemoArticle[];
}

/** The pages an article has on its site (1 for most, 4 for the long feature). */
export function pageCount(article: DemoArticle): number {
  return 1 + (article.morePages?.length ?? 0);
}

function pageBlocks(article: DemoArticle, page: number) {
  return page <= 1 ? article.body : (article.morePages?.[page - 2] ?? []);
}

/** Images are numbered across pages, so page 3's first image continues page 2's count. */
function firstImageOf(article: DemoArticle, page: number): number {
  let n = 1;
  for (let p = 1; p < page; p += 1) n += countImages(pageBlocks(article, p));
  return n;
}

function link(href: string, text: string, attrs = ''): string {
  return `<a href="${escapeMarkup(href)}"${attrs}>${escapeMarkup(text)}</a>`;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function portalPager(article: DemoArticle, page: number): string {
  const total = pageCount(article);
  if (total === 1) return '';
  const href = (p: number) => fileName(demoArticlePath(article, p));
  const parts: string[] = [];
  if (page > 1) parts.push(link(href(page - 1), '上一页', ' class="prev" rel="prev"'));
  for (let p = 1; p <= total; p += 1) {
    parts.push(p === page ? `<span class="current">${p}</span>` : link(href(p), String(p)));
  }
  if (page < total) parts.push(link(href(page + 1), '下一页', ' class="next" rel="next"'));
  return `<div class="page-nav" id="pages">${parts.join(' ')}</div>`;
}

function headLinks(article: DemoArticle, page: number): string {
  const total = pageCount(article);
  const out = [`<link rel="canonical" href="${escapeMarkup(demoArticlePath(article, page))}">`];
  if (page > 1)
    out.push(`<link rel="prev" href="${escapeMarkup(demoArticlePath(article, page - 1))}">`);
  if (page < total)
    out.push(`<link rel="next" href="${escapeMarkup(demoArticlePath(article, page + 1))}">`);
  return out.join('\n');
}

function hotWords(articles: readonly DemoArticle[]): string[] {
  const words = new Set<string>();
  for (const a of articles) for (const c of a.categories) words.add(c);
  return [...words].slice(0, 12);
}

function titleList(articles: readonly DemoArticle[], className: string): string {
  return `<ul class="${className}">${articles.map((a) => `<li>${link(demoArticlePath(a), a.title)}</li>`).join('')}</ul>`;
}

function renderPortalPage(article: DemoArticle, page: number, context: PageContext): string {
  const { site, now } = context;
  const published = publishedAt(article, now);
  const total = pageCount(article);
  const title = total > 1 && page > 1 ? `${article.title}(${page})` : article.title;
  const section = article.categories[0] ?? '新闻';
  const body = renderBlocksHtml(
    pageBlocks(article, page),
    (n) => demoImagePath(article, n),
    firstImageOf(article, page),
  );
  const charset = site.charset === 'gbk' ? 'gbk' : 'utf-8';
  const ranking = context.popular.slice(0, 8);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<title>${escapeMarkup(title)}_${escapeMarkup(site.name)}</title>
<meta name="keywords" content="${escapeMarkup(article.categories.join(','))}">
<meta name="description" content="${escapeMarkup(article.summary)}">
<meta name="author" content="${escapeMarkup(article.author)}">
<meta property="og:title" content="${escapeMarkup(article.title)}">
<meta property="og:site_name" content="${escapeMarkup(site.name)}">
<meta property="article:published_time" content="${rfc3339(published, 8 * 60)}">
${headLinks(article, page)}
<link rel="stylesheet" href="/${site.id}/static/style.css">
</head>
<body>
<div class="topbar"><div class="w">${link('/', '设为首页')} | ${link('/', '加入收藏')} | ${link(`/${site.id}/`, '手机版')} | ${link(`/${site.id}/`, '客户端下载')}<span class="login">${link(`/${site.id}/`, '登录')} ${link(`/${site.id}/`, '注册')}</span></div></div>
<div class="header"><div class="logo">${link(`/${site.id}/`, site.name)}<span class="slogan">${escapeMarkup(site.tagline)}</span></div>
<form class="search" action="/${site.id}/"><input type="text" name="q" placeholder="站内搜索"><button type="submit">搜索</button></form></div>
<ul class="nav">
<li>${link(`/${site.id}/`, '首页')}</li>
${DEMO_CHANNELS.map((c) => `<li>${link(`/${site.id}/`, c.name)}</li>`).join('\n')}
<li>${link(`/${site.id}/`, '视频')}</li><li>${link(`/${site.id}/`, '图片')}</li><li>${link(`/${site.id}/`, '专题')}</li>
</ul>
<div class="regionbar">地区：${DEMO_REGIONS.map((r) => link(`/${site.id}/`, r.name)).join(' | ')}</div>
<div class="crumb">您当前的位置：${link(`/${site.id}/`, '首页')} &gt; ${link(`/${site.id}/`, section)} &gt; 正文</div>
<div class="main w">
<div class="left">
<div class="article" id="article">
<h1>${escapeMarkup(article.title)}</h1>
<div class="info"><span class="time">${portalDate(published)}</span>　<span class="source">来源：${escapeMarkup(article.source)}</span>　<span class="author">作者：${escapeMarkup(article.author)}</span>　<span class="fontsize">【字号 <a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> <a href="#">复制链接</a></div>
<div class="content" id="content">
${body}
</div>
${portalPager(article, page)}
${article.editor === undefined ? '' : `<p class="editor">（责任编辑：${escapeMarkup(article.editor)}）</p>`}
<div class="tools"><a href="#">【打印】</a> <a href="#">【收藏】</a> <a href="#">【发给好友】</a> <a href="#">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关阅读</h3>${titleList(context.related.slice(0, 5), 'related-list')}</div>
<div class="comments"><h3>网友评论</h3><p>已有 0 条评论。请遵守国家相关法律法规，文明上网，理性发言。</p><textarea placeholder="说两句吧……"></textarea><button>发表评论</button></div>
</div>
<div class="sidebar">
<div class="box hotwords"><h3>今日热词</h3><p>${hotWords(context.popular)
    .map((w) => link(`/${site.id}/`, w))
    .join(' ')}</p></div>
<div class="box focus"><h3>今日重点</h3>${titleList(context.popular.slice(0, 5), 'focus-list')}</div>
<div class="box pictures"><h3>新闻图片</h3><p>${link(`/${site.id}/`, '更多图片 >>')}</p></div>
<div class="box ranking"><h3>点击排行</h3><div class="tabs"><span class="on">三天</span> <span>一周</span> <span>一月</span></div>
<ol>${ranking.map((a) => `<li>${link(demoArticlePath(a), a.title)}</li>`).join('')}</ol></div>
</div>
</div>
<div class="footer">
<p>${['关于我们', '联系方式', '广告服务', '招聘信息', '版权声明', '网站地图', '意见反馈'].map((t) => link(`/${site.id}/`, t)).join(' | ')}</p>
<p>${escapeMarkup(site.name)} 版权所有　未经书面授权不得转载、摘编或建立镜像</p>
<p>本站是 tidings 演示版中的虚构网站，全部内容均为演示用原创文字，人物、机构与数据如有雷同，纯属巧合。</p>
<p>违法和不良信息举报：请联系演示站编辑部　示例备案号：DEMO-${escapeMarkup(site.id.toUpperCase())}-0001</p>
</div>
<script>window.__PAGE__={id:${JSON.stringify(article.id)},page:${page}};</script>
</body>
</html>
`;
}

function renderMagazinePage(article: DemoArticle, context: PageContext): string {
  const { site, now } = context;
  const published = publishedAt(article, now);
  const body = renderBlocksHtml(article.body, (n) => demoImagePath(article, n));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeMarkup(article.title)} | ${escapeMarkup(site.name)}</title>
<meta name="description" content="${escapeMarkup(article.summary)}">
<meta name="author" content="${escapeMarkup(article.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeMarkup(article.title)}">
<meta property="og:site_name" content="${escapeMarkup(site.name)}">
<meta property="article:published_time" content="${rfc3339(published, 0)}">
${headLinks(article, 1)}
<link rel="stylesheet" href="/${site.id}/static/site.css">
</head>
<body>
<div class="cookie-banner" role="dialog">We use cookies to remember your preferences. <button>Accept</button> <button>Manage</button></div>
<header class="masthead">
<a class="brand" href="/${site.id}/">${escapeMarkup(site.name)}</a> <span class="tagline">${escapeMarkup(site.tagline)}</span>
<nav><ul>${['World', 'Business', 'Technology', 'Science', 'Culture', 'Opinion', 'Podcasts'].map((t) => `<li>${link(`/${site.id}/`, t)}</li>`).join('')}</ul></nav>
<a class="subscribe" href="/${site.id}/">Subscribe</a>
</header>
<main>
<article class="story">
<header>
<p class="kicker">${escapeMarkup(article.categories[0] ?? 'News')}</p>
<h1>${escapeMarkup(article.title)}</h1>
<p class="standfirst">${escapeMarkup(article.summary)}</p>
<p class="byline">By <span class="author">${escapeMarkup(article.author)}</span> · <time datetime="${rfc3339(published, 0)}">${magazineDate(published)}</time> · ${escapeMarkup(article.source)}</p>
</header>
<div class="story-body">
${body}
</div>
<footer class="story-tags">Filed under: ${article.categories.map((c) => link(`/${site.id}/`, c)).join(', ')}</footer>
</article>
<aside class="newsletter"><h2>The morning briefing</h2><p>Five stories, one email, every weekday at seven.</p><form><input type="email" placeholder="you@example.com"><button>Sign up</button></form></aside>
<section class="related"><h2>Related stories</h2>${titleList(context.related.slice(0, 4), 'related-list')}</section>
<section class="comments" id="comments"><h2>Comments</h2><p>Comments are closed for this story.</p></section>
</main>
<aside class="rail"><h2>Most read</h2><ol>${context.popular
    .slice(0, 6)
    .map((a) => `<li>${link(demoArticlePath(a), a.title)}</li>`)
    .join('')}</ol></aside>
<footer class="site-footer">
<p>${['About us', 'Contact', 'Advertise', 'Careers', 'Privacy', 'Terms'].map((t) => link(`/${site.id}/`, t)).join(' · ')}</p>
<p>© ${escapeMarkup(site.name)}. A fictional publication of the tidings demo edition: every story here is invented sample text.</p>
</footer>
</body>
</html>
`;
}

/** An article's page `page` (1-based) with its site's chrome. */
export function renderArticlePage(
  article: DemoArticle,
  page: number,
  context: PageContext,
): string {
  return context.site.template === 'magazine'
    ? renderMagazinePage(article, context)
    : renderPortalPage(article, page, context);
}

/** A site's front page: its articles, newest first. */
export function renderSiteIndex(site: DemoSite, articles: readonly DemoArticle[]): string {
  const lang = site.lang === 'zh' ? 'zh-CN' : 'en';
  const charset = site.charset === 'gbk' ? 'gbk' : 'utf-8';
  const sorted = [...articles].sort((a, b) => a.minutesAgo - b.minutesAgo);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="${charset}"><title>${escapeMarkup(site.name)}</title></head>
<body>
<h1>${escapeMarkup(site.name)}</h1>
<p>${escapeMarkup(site.tagline)}</p>
${titleList(sorted, 'index-list')}
</body>
</html>
`;
}

/** The demo server's home page: every site and feed, for a human with a browser. */
export function renderDemoHome(origin: string): string {
  const sites = DEMO_SITES.map((site) => {
    const feeds = DEMO_FEEDS.filter((f) => f.site === site.id)
      .map(
        (f) =>
          `<li>${link(demoFeedUrl(origin, f), f.title)} (${f.format === 'atom' ? 'Atom' : 'RSS'}, ${site.charset.toUpperCase()})</li>`,
      )
      .join('');
    return `<li>${link(`/${site.id}/`, site.name)}<ul>${feeds}</ul></li>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>tidings 演示版 · demo edition</title></head>
<body>
<h1>tidings 演示版 · demo edition</h1>
<p>All sites, feeds and articles here are invented sample content served by tidings itself.</p>
<p>${link('/tidings-demo.opml', 'OPML of every feed')}</p>
<ul>
${sites}
</ul>
</body>
</html>
`;
}
