// A small spinner that animates only while mounted (i.e. while a refresh runs).
import { useEffect, useState } from 'react';
import { Text } from 'ink';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export interface SpinnerProps {
  readonly color?: string | undefined;
  /** Milliseconds per frame. @default 120 */
  readonly intervalMs?: number;
}

/** One animated character. */
export function Spinner({ color, intervalMs = 120 }: SpinnerProps) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return <Text color={color}>{FRAMES[frame]}</Text>;
}
