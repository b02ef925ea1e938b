// How hard the fuzz suites push: a moderate default that keeps `npm test` quick on a loaded 2-core
// machine, more with FUZZ_RUNS=<n> (e.g. FUZZ_RUNS=5000 npx vitest run test/fuzz), and a fixed
// seed with FUZZ_SEED=<n> to replay a failure that fast-check printed.

/** Runs per property: `FUZZ_RUNS` when set to a positive integer, else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const value = Number(process.env['FUZZ_RUNS']);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The seed to replay (`FUZZ_SEED`), or undefined for a fresh random one. */
export function fuzzSeed(): number | undefined {
  const value = Number(process.env['FUZZ_SEED']);
  return process.env['FUZZ_SEED'] !== undefined && Number.isInteger(value) ? value : undefined;
}
