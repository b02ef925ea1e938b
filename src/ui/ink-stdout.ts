// The output stream handed to Ink, minus its `resize` events. On a resize Ink 6.8 redraws the old
// tree at the new width before our state knows the new size; the terminal wraps and reflows that
// frame, and Ink's erase-by-line-count then leaves fragments on screen. Instead the app clears
// the screen and redraws once from the new state (see run-reader.tsx and use-terminal-size.ts);
// Ink still lays out at the current width, which it reads from the stream on every commit.

const LISTENER_METHODS = new Set<PropertyKey>([
  'on',
  'addListener',
  'once',
  'prependListener',
  'off',
  'removeListener',
]);

/** A view of `stream` on which listening to `resize` does nothing; everything else is the stream's. */
export function withoutResizeEvents<T extends NodeJS.WriteStream>(stream: T): T {
  const proxy: T = new Proxy(stream, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (LISTENER_METHODS.has(property) && typeof value === 'function') {
        return (event: string | symbol, listener: (...args: unknown[]) => void) => {
          if (event !== 'resize')
            (value as (...args: unknown[]) => unknown).call(target, event, listener);
          return proxy;
        };
      }
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return proxy;
}
