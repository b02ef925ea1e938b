// The one place the terminal size is read: listens to the output stream's `resize` and reports
// the new size. Ink 6.8 re-lays out width on resize but never re-renders components that read
// `stdout.rows`, so size has to enter the state through this hook.
import { useEffect } from 'react';

/** The part of a TTY write stream this hook reads. */
export interface SizedStream {
  readonly columns?: number;
  readonly rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** Calls `onResize(columns, rows)` whenever `stream` is resized (and once on mount). */
export function useTerminalSize(
  stream: SizedStream,
  onResize: (columns: number, rows: number) => void,
): void {
  useEffect(() => {
    const handleResize = (): void => {
      if (stream.columns !== undefined && stream.rows !== undefined)
        onResize(stream.columns, stream.rows);
    };
    handleResize();
    stream.on('resize', handleResize);
    return () => {
      stream.off('resize', handleResize);
    };
  }, [stream, onResize]);
}
