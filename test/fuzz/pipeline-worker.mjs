// Worker thread running the feed pipeline (pipeline-target.ts, loaded through tsx), so the test's
// thread can time each input out and terminate a run that hangs in synchronous code.
// An exception thrown later from a callback (outside the awaited promise) is caught here and
// reported as a crash of the input being run; each answer waits a turn of the event loop first,
// so such a late throw is charged to the input that caused it.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { runPipeline } = await tsImport('./pipeline-target.ts', import.meta.url);
let currentId = -1;

function reportCrash(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  parentPort.postMessage({
    id: currentId,
    outcome: { kind: 'crash', name: `uncaught ${e.name}`, stack: e.stack ?? e.message, ms: 0 },
  });
}
process.on('uncaughtException', reportCrash);
process.on('unhandledRejection', reportCrash);

parentPort.on('message', async ({ id, input }) => {
  currentId = id;
  const outcome = await runPipeline(input);
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
  parentPort.postMessage({ id, outcome });
});
parentPort.postMessage({ id: -1, outcome: { kind: 'ready' } });
