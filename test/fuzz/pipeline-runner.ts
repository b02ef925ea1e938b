// Drives pipeline-worker.mjs from the test's thread: one input at a time, each bounded in time.
// A run that does not answer within the bound is reported as a hang and the worker is replaced,
// so a pathological input (a regex blow-up, an endless loop) fails the property instead of the suite.
import { Worker } from 'node:worker_threads';
import type { PipelineInput, PipelineOutcome } from './pipeline-target.js';

/** An outcome, or the hang of an input that took longer than the bound. */
export type BoundedOutcome = PipelineOutcome | { readonly kind: 'hang'; readonly ms: number };

const WORKER_URL = new URL('./pipeline-worker.mjs', import.meta.url);

/** A worker that runs the feed pipeline over inputs, one at a time. */
export class PipelineRunner {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private nextId = 0;

  private start(): Promise<Worker> {
    this.ready ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(WORKER_URL);
      const onError = (error: Error): void => reject(error);
      worker.once('error', onError);
      worker.once('message', () => {
        worker.off('error', onError);
        this.worker = worker;
        resolve(worker);
      });
    });
    return this.ready;
  }

  /** Runs one input; a hang after `boundMs` terminates the worker (the next run starts a new one). */
  async run(input: PipelineInput, boundMs: number): Promise<BoundedOutcome> {
    const worker = await this.start();
    const started = performance.now();
    const id = this.nextId++;
    return new Promise<BoundedOutcome>((resolve) => {
      const finish = (outcome: BoundedOutcome): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        finish({ kind: 'hang', ms: performance.now() - started });
        void this.close();
      }, boundMs);
      // Answers to an earlier input (after a late crash report) are ignored.
      const onMessage = (message: { id: number; outcome: PipelineOutcome }): void => {
        if (message.id === id) finish(message.outcome);
      };
      const onExit = (code: number): void => {
        this.worker = null;
        this.ready = null;
        finish({
          kind: 'crash',
          name: 'worker exit',
          stack: `the worker exited with code ${code}`,
          ms: performance.now() - started,
        });
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ id, input });
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker !== null) await worker.terminate();
  }
}
