// What opening an item leaves behind: it becomes read, and the reading history gains an entry
// (the ranking's input). One call for the reader command and the UI alike. Never prints.
import type { Membership } from '../catalog/catalog.js';
import { HistoryStore } from './history.js';
import type { DataPaths } from './paths.js';
import { ReadStateStore } from './read-state.js';
import type { NoticeSink } from './storage-notice.js';

/** The item fields the history keeps. */
export interface OpenedItem {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly feedUrl: string;
  readonly link: string | null;
}

/** Marks an item read and appends it, with its channels and regions, to the reading history. */
export async function recordOpen(
  paths: DataPaths,
  now: () => Date,
  item: OpenedItem,
  membership: Membership,
  onNotice?: NoticeSink,
): Promise<void> {
  const options = { paths, now, ...(onNotice === undefined ? {} : { onNotice }) };
  await new ReadStateStore(options).markRead([item.id]);
  await new HistoryStore(options).record({
    itemId: item.id,
    title: item.title,
    source: item.source,
    feedUrl: item.feedUrl,
    link: item.link,
    channels: membership.channels,
    regions: membership.regions,
    readAt: now().toISOString(),
  });
}
