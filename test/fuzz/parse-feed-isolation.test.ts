// Found by the feed fuzz suite: one document must not leave parser state behind for the next.
// rss-parser keeps one xml2js parser per Parser instance; when a document fails inside rss-parser's
// callback (well-formed XML that is not a feed, then junk), that parser is left with its error flag
// set, so the next ill-formed document's error is swallowed: its parse never settles on its own,
// and then settles with the NEXT document's result when that one ends.
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../src/core/feeds/parse-feed.js';

const NOT_A_FEED_THEN_JUNK = '<a/><b/>&';
const ILL_FORMED = 'x>';
const GOOD =
  '<rss version="2.0"><channel><title>Good feed</title><item><title>good item</title><guid>1</guid></item></channel></rss>';

describe('parseFeed isolation between documents', () => {
  it('fails an ill-formed document after a not-a-feed document, instead of handing it the next feed', async () => {
    await expect(parseFeed(NOT_A_FEED_THEN_JUNK)).rejects.toThrow(FeedParseError);
    const [illFormed, good] = await Promise.allSettled([parseFeed(ILL_FORMED), parseFeed(GOOD)]);
    expect(good.status).toBe('fulfilled');
    expect(good.status === 'fulfilled' ? good.value.title : null).toBe('Good feed');
    expect(illFormed.status).toBe('rejected');
    expect(illFormed.status === 'rejected' ? illFormed.reason : null).toBeInstanceOf(
      FeedParseError,
    );
  });
});
