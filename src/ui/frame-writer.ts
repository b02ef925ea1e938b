// Puts frames on a full (alternate) screen we own: only the rows that changed since the last
// frame are rewritten, each one erased to its end, and rows below a shorter frame are cleared, so
// no stale text survives. One write per frame, inside synchronized-output marks.

/** Begin / end synchronized update (DEC mode 2026): the terminal shows the frame at once. */
const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';
const HIDE_CURSOR = '\x1b[?25l';
/** Reset styles, then erase to the end of the line. */
const END_LINE = '\x1b[0m\x1b[K';

export interface FrameWriter {
  /** Draws a frame (one string per row, from the top-left corner): only rows that changed. */
  draw(lines: readonly string[]): void;
  /** The screen was cleared behind our back: the next frame is drawn whole. */
  invalidate(): void;
}

export interface FrameWriterOptions {
  /** Rows of the terminal; rows below are never addressed. */
  readonly rows: () => number | undefined;
  /** Wrap each frame in synchronized-output marks. @default true */
  readonly isSynchronized?: boolean;
}

/** A writer of frames to `write` (the terminal). */
export function createFrameWriter(
  write: (data: string) => void,
  options: FrameWriterOptions,
): FrameWriter {
  let shown: (string | undefined)[] = [];
  let isCursorHidden = false;
  const isSynchronized = options.isSynchronized ?? true;
  return {
    draw(lines) {
      const limit = options.rows() ?? Number.POSITIVE_INFINITY;
      const count = Math.min(lines.length, limit);
      let out = '';
      for (let y = 0; y < count; y++) {
        const line = lines[y]!;
        if (shown[y] === line) continue;
        out += `\x1b[${y + 1};1H${line}${END_LINE}`;
      }
      for (let y = count; y < Math.min(shown.length, limit); y++) {
        if (shown[y] !== undefined) out += `\x1b[${y + 1};1H\x1b[2K`;
      }
      shown = lines.slice(0, count);
      if (out === '') return;
      if (!isCursorHidden) {
        out = HIDE_CURSOR + out;
        isCursorHidden = true;
      }
      write(isSynchronized ? BEGIN_SYNC + out + END_SYNC : out);
    },
    invalidate() {
      // Unknown content: every row is rewritten, and rows the next frame lacks are cleared.
      shown = shown.map(() => '\u0000');
    },
  };
}
