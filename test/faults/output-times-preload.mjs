// Test tooling, loaded into the reader with `node --import <this file>`: before each write to
// stdout, appends one line to OUTPUT_TIMES_LOG: `<µs> <mark> <cpu ns> <run-queue wait ns>`, where
// µs is CLOCK_MONOTONIC (process.hrtime, the same clock in the test), mark is 1 when the chunk
// contains OUTPUT_TIMES_MARK, and the last two are the main thread's time on a CPU and time spent
// runnable but not running, from /proc/thread-self/schedstat (0 0 where there is no such file).
// With these a test times a key's answer from the moment the reader wrote it, and can tell how
// much of that time the OS gave to other processes.
import { appendFileSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const log = process.env['OUTPUT_TIMES_LOG'];
const mark = process.env['OUTPUT_TIMES_MARK'] ?? '';

function schedstat() {
  try {
    const [cpu = '0', wait = '0'] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return `${cpu} ${wait}`;
  } catch {
    return '0 0';
  }
}

if (isMainThread && log !== undefined && log !== '') {
  const write = process.stdout.write;
  process.stdout.write = function timedWrite(chunk, ...rest) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const hasMark = mark !== '' && text.includes(mark) ? 1 : 0;
    appendFileSync(log, `${process.hrtime.bigint() / 1000n} ${hasMark} ${schedstat()}\n`);
    return write.call(this, chunk, ...rest);
  };
}
