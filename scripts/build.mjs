// Bundles src/cli.tsx into one ESM file, dist/cli.js, so start-up does not resolve hundreds of modules.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';
import { nodeBundleOptions, requireBanner } from './esbuild-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
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
  },
  banner: {
    js: `#!/usr/bin/env node\n${requireBanner}`,
  },
});
chmodSync('dist/cli.js', 0o755);
