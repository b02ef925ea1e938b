// Bundles src/cli.tsx into one ESM file, dist/cli.js, so start-up does not resolve hundreds of modules.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { buildFeedReaderSource, nodeBundleOptions, requireBanner } from './esbuild-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * esbuild escapes non-ASCII characters in strings but prints regular expression literals as
 * written, and the CJK punctuation in ours made the whole bundle a two-byte string in V8: twice
 * the memory for its source and slower to scan (measured ~10 ms more per start). A \\uXXXX escape
 * means the same in a string, a template or a regular expression, except after a backslash or in
 * a String.raw template: both are checked, and the build fails rather than change meaning.
 */
function asciiOnly(code) {
  let raw = code.indexOf('String.raw`');
  while (raw >= 0) {
    let end = raw + 'String.raw`'.length;
    while (end < code.length && !(code[end] === '`' && code[end - 1] !== '\\')) end += 1;
    if (/[^\x00-\x7f]/.test(code.slice(raw, end))) {
      throw new Error(`non-ASCII text in a String.raw template at ${raw}: cannot escape it`);
    }
    raw = code.indexOf('String.raw`', end);
  }
  return code.replace(/(\\*)([^\x00-\x7f])/g, (match, slashes, char, at) => {
    if (slashes.length % 2 === 1) {
      throw new Error(`non-ASCII character after a backslash at ${at}: cannot escape it`);
    }
    return `${slashes}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

const feedReaderSource = asciiOnly(await buildFeedReaderSource(esbuild));

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
writeFileSync('dist/cli.js', asciiOnly(readFileSync('dist/cli.js', 'utf8')));
chmodSync('dist/cli.js', 0o755);
