// Mounts the app under a plain column box whose root node it hands to the fast output stage
// before the app's first frame: the first commit draws an empty box (Ink writes nothing), the
// layout effect attaches the output, and the app renders from the second commit on.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Box, type DOMElement } from 'ink';
import type { FastOutput } from '../fast-output.js';

export interface FrameHostProps {
  readonly output: FastOutput;
  readonly children: ReactNode;
}

function inkRoot(node: DOMElement | null): DOMElement | null {
  let current = node;
  while (current !== null && current.nodeName !== 'ink-root') current = current.parentNode ?? null;
  return current;
}

/** Renders `children` once `output` draws for Ink's root node. */
export function FrameHost({ output, children }: FrameHostProps) {
  const ref = useRef<DOMElement>(null);
  const [isAttached, setAttached] = useState(false);
  useLayoutEffect(() => {
    const root = inkRoot(ref.current);
    if (root !== null) output.attach(root);
    setAttached(true);
    return () => output.detach();
  }, [output]);
  return (
    <Box ref={ref} flexDirection="column">
      {isAttached ? children : null}
    </Box>
  );
}
