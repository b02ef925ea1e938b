// Scoped use of the demo edition: start its server, run some work against it, always close it.
// Never writes output.
import { startDemoServer, type DemoServer, type DemoServerOptions } from './demo-server.js';

/**
 * Runs `work` with a demo server and closes the server afterwards, whatever happens. For one-shot
 * commands (`tidings fetch --demo`); the reader keeps its server for the whole session instead.
 */
export async function withDemo<T>(
  options: DemoServerOptions,
  work: (demo: DemoServer) => Promise<T>,
): Promise<T> {
  const demo = await startDemoServer(options);
  try {
    return await work(demo);
  } finally {
    await demo.close();
  }
}
