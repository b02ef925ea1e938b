// The error for a document that is not a feed we can read. Its own module so code that only needs
// the class (the worker pool, the CLI's start-up path) does not load the XML parser.

/** A document that is not a feed we can read; the message is one readable line. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}
