// Entry of the feed-reader worker when it runs from its own bundle (scripts/build.mjs embeds that
// bundle in dist/cli.js as a string and the pool starts it with `eval`): serve reads, nothing else.
import { parentPort } from 'node:worker_threads';
import { serveFeedReads } from './feed-reader-worker.js';

if (parentPort !== null) serveFeedReads(parentPort);
