// Ink's output stage, replaced for the full-screen reader: on every commit Ink lays the tree out
// (yoga) and calls the root node's `onRender`; Ink 6.8's own handler re-serialises every cell of
// the screen (and is throttled to maxFps). This handler draws the laid-out tree with
// frame-renderer.ts and writes only the changed rows with frame-writer.ts, synchronously, so a
// keypress costs what changed. A tree it cannot draw hands rendering back to Ink for good.
import type { DOMElement } from 'ink';
import { renderFrame, type RenderStats } from './frame-renderer.js';
import { createFrameWriter, type FrameWriter } from './frame-writer.js';

/** Erase the screen and put the cursor home (Ink draws from there after a hand-back). */
const CLEAR_SCREEN = '\x1b[2J\x1b[H';

export interface FastOutput {
  /** Takes over drawing for Ink's root node (called once the tree is mounted). */
  attach(root: DOMElement): void;
  /** Gives drawing back to Ink (unmount). */
  detach(): void;
  /** The screen was cleared (resize): the next frame is drawn whole. */
  invalidate(): void;
  /** Draws nothing from now on (the app is quitting). */
  stop(): void;
  /** 'fast' while this draws, 'ink' after a hand-back, 'idle' before attach. */
  mode(): 'idle' | 'fast' | 'ink';
  /** Totals over all frames drawn: lines Ink would have wrapped, text drawn over text. */
  stats(): Readonly<RenderStats> & { readonly frames: number };
}

export interface FastOutputOptions {
  /** Raw bytes to the terminal. */
  readonly write: (data: string) => void;
  /** Rows of the terminal now. */
  readonly rows: () => number | undefined;
  /** Called once when the tree could not be drawn and Ink took over. */
  readonly onHandBack?: (error: unknown) => void;
}

/** Creates the output stage; `attach` it to Ink's root node (see components/frame-host.tsx). */
export function createFastOutput(options: FastOutputOptions): FastOutput {
  const writer: FrameWriter = createFrameWriter(options.write, { rows: options.rows });
  let root: DOMElement | null = null;
  let inkOnRender: (() => void) | undefined;
  let state: 'idle' | 'fast' | 'ink' = 'idle';
  let isStopped = false;
  const totals = { clipped: 0, overlapped: 0, frames: 0 };

  const handBack = (error: unknown): void => {
    state = 'ink';
    if (root !== null) root.onRender = inkOnRender;
    options.onHandBack?.(error);
    // Ink's log-update draws from the cursor and has drawn nothing yet: start it at home.
    options.write(CLEAR_SCREEN);
    inkOnRender?.();
  };

  const draw = (): void => {
    if (isStopped || root === null || state !== 'fast') return;
    try {
      const frame = renderFrame(root);
      totals.frames += 1;
      totals.clipped += frame.stats.clipped;
      totals.overlapped += frame.stats.overlapped;
      writer.draw(frame.lines);
    } catch (error) {
      handBack(error);
    }
  };

  return {
    attach(node) {
      if (root !== null) return;
      root = node;
      inkOnRender = node.onRender;
      node.onRender = draw;
      state = 'fast';
    },
    detach() {
      if (root !== null && state === 'fast') root.onRender = inkOnRender;
      root = null;
      if (state === 'fast') state = 'idle';
    },
    invalidate: () => writer.invalidate(),
    stop() {
      isStopped = true;
    },
    mode: () => state,
    stats: () => ({ ...totals }),
  };
}
