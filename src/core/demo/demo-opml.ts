// The demo edition as an OPML 2.0 outline (one folder per channel), served at /tidings-demo.opml
// so `opml import` can be tried offline too. Pure; no I/O.
import { DEMO_CHANNELS, demoFeed, demoFeedUrl, demoSite } from './demo-edition.js';
import { escapeMarkup } from './demo-html.js';
import { rfc822 } from './demo-time.js';

/** Renders the demo channels and their feeds as OPML, with feed URLs on a server at `origin`. */
export function renderDemoOpml(origin: string, now: Date): string {
  const folders = DEMO_CHANNELS.map((channel) => {
    const feeds = channel.feeds.map((id) => {
      const feed = demoFeed(id);
      const site = demoSite(feed.site);
      const title = escapeMarkup(feed.title);
      return `      <outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeMarkup(demoFeedUrl(origin, feed))}" htmlUrl="${escapeMarkup(`${origin}/${site.id}/`)}"/>`;
    });
    return [
      `    <outline text="${escapeMarkup(channel.name)}" title="${escapeMarkup(channel.nameEn)}">`,
      ...feeds,
      '    </outline>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>tidings 演示版 · demo edition</title>',
    `    <dateCreated>${rfc822(now, 0)}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...folders,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
