// The one Item model every layer shares. Pure types; no behaviour.

/** A media file attached to an item (podcast audio, image). */
export interface Enclosure {
  readonly url: string;
  readonly type: string | null;
  readonly length: number | null;
}

/** A normalized, sanitized feed entry. Every string here is safe to print to a terminal. */
export interface Item {
  /** Short stable hash of feed URL + guid (else link, else title + date). */
  readonly id: string;
  readonly feedUrl: string;
  /** The feed's title. */
  readonly source: string;
  readonly title: string;
  /** Absolute http(s) link, or null when the feed gives none usable. */
  readonly link: string | null;
  /** ISO 8601, or null when the feed gives no parseable date. */
  readonly published: string | null;
  readonly author: string | null;
  readonly categories: readonly string[];
  /** Plain text, no markup. */
  readonly summary: string;
  /** The richest HTML the feed gives (content:encoded, Atom content, else description). */
  readonly contentHtml: string | null;
  readonly enclosures: readonly Enclosure[];
  /** ISO time this item was first stored locally; orders undated items and drives "new". */
  readonly firstSeen: string;
}
