// Bundles src/cli.tsx into one ESM file, dist/cli.js, so start-up does not resolve hundreds of modules.
import * as esbuild from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';
import { buildFeedReaderSource, nodeBundleOptions, requireBanner } from './esbuild-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const feedReaderSource = await buildFeedReaderSource(esbuild);

await esbuild.build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/cli.js',
  ...nodeBundleOptions,
  jsx: 'automatic',
  // Node reads and compiles the whole file at every start: half the bytes, less of both. Names are
  // kept so stack traces (TIDINGS_DEBUG=1) still say where they are.
  minifyWhitespace: true,
  minifySyntax: true,
  define: {
    'process.env.TIDINGS_VERSION': JSON.stringify(pkg.version),
    // React's production build: smaller and faster than the development one.
    'process.env.NODE_ENV': '"production"',
    // The feed-reader worker's own bundle, started with `eval` (see buildFeedReaderSource).
    TIDINGS_FEED_READER_SOURCE: JSON.stringify(feedReaderSource),
  },
  banner: {
    js: `#!/usr/bin/env node\n${requireBanner}`,
  },
});
chmodSync('dist/cli.js', 0o755);
