// The worker side of the feed-reader pool: answers each job with readFeedInProcess's result or
// error. Runs inside a worker thread started by createFeedReaderPool; owns nothing else.
import type { MessagePort } from 'node:worker_threads';
import type { FeedReadJob, FeedReadReply } from './feed-reader-pool.js';
import { readFeedInProcess } from './read-feed.js';

/** Serves feed-read jobs arriving on `port` until the worker is terminated. */
export function serveFeedReads(port: MessagePort): void {
  port.on('message', (job: FeedReadJob) => {
    readFeedInProcess({
      bytes: job.bytes,
      contentType: job.contentType,
      feedUrl: job.feedUrl,
      baseUrl: job.baseUrl,
      now: new Date(job.now),
    }).then(
      (feed) => port.postMessage({ id: job.id, ok: true, feed } satisfies FeedReadReply),
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        port.postMessage({
          id: job.id,
          ok: false,
          name: failure.name,
          message: failure.message,
        } satisfies FeedReadReply);
      },
    );
  });
}
