import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests see a user's terminal even where CI=true is set (.ci/run): Ink draws nothing but the
    // last frame when it believes it runs in CI (is-in-ci). CLI children get CI removed as well.
    env: { CI: 'false' },
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
