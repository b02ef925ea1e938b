// What stores report when they move a corrupt file aside. Pure types; no behaviour.

/** A corrupt file was found and moved aside; reported once, when it is moved. */
export interface StorageNotice {
  /** Where the corrupt file was. */
  readonly path: string;
  /** Where it is now (`name.corrupt-<time>`). */
  readonly movedTo: string;
  /** One line for the user: what was wrong and what was kept. */
  readonly message: string;
}

/** Receives notices; commands print them to stderr, the UI shows them in the status bar. */
export type NoticeSink = (notice: StorageNotice) => void;
