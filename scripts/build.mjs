// Bundles src/cli.tsx into one ESM file, dist/cli.js, so start-up does not resolve hundreds of modules.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  jsx: 'automatic',
  legalComments: 'none',
  // Node reads and compiles the whole file at every start: half the bytes, less of both. Names are
  // kept so stack traces (TIDINGS_DEBUG=1) still say where they are.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  define: {
    'process.env.TIDINGS_VERSION': JSON.stringify(pkg.version),
    // React's production build: smaller and faster than the development one.
    'process.env.NODE_ENV': '"production"',
  },
  // Ink loads react-devtools-core only when DEV=true; it is not installed. Marking it external is
  // not enough: esbuild hoists an external import to the top of an ESM bundle, so every run would
  // fail to resolve it. Resolve it to an empty module instead.
  plugins: [
    {
      name: 'stub-react-devtools-core',
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^react-devtools-core$/ }, () => ({
          path: 'react-devtools-core',
          namespace: 'stub',
        }));
        pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
          contents: 'export default {};',
          loader: 'js',
        }));
      },
    },
  ],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __tidingsCreateRequire } from 'node:module';",
      'const require = __tidingsCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});
chmodSync('dist/cli.js', 0o755);
