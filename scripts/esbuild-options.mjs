// esbuild settings shared by the CLI build and the bench's Ink baselines, so the baselines are
// bundled exactly like dist/cli.js.

/**
 * Ink imports react-devtools-core (used only when DEV=true) and it is not installed. Marking it
 * external is not enough: esbuild hoists an external import to the top of an ESM bundle, so every
 * run would fail to resolve it. It resolves to an empty module instead.
 */
export const stubReactDevtools = {
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
};

/**
 * Code that tidings bundles but never runs, replaced by small modules that fail loudly if that ever
 * changes. Node reads and compiles the whole bundle at every start, so these bytes cost every
 * command (measured: about 30 ms per MB on this machine). Each entry names the importer it applies
 * to, so the same path imported from anywhere else is bundled as usual.
 */
const UNUSED = [
  {
    // Ink loads its React DevTools bridge (and `ws`) only when DEV=true; Ink prints its own hint
    // when the import fails with ERR_MODULE_NOT_FOUND.
    importer: /node_modules\/ink\/build\/reconciler\.js$/,
    path: /^\.\/devtools\.js$/,
    contents:
      "const error = new Error('React DevTools are not bundled with tidings'); error.code = 'ERR_MODULE_NOT_FOUND'; throw error;",
  },
  {
    // conf validates with ajv only when given a JSON schema, and uses semver only for migrations;
    // tidings passes neither (src/core/storage/conf-document.ts).
    importer: /node_modules\/conf\/dist\/source\/index\.js$/,
    path: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/,
    contents:
      "const unused = () => { throw new Error('conf schemas and migrations are not bundled with tidings'); };\nexport class Ajv2020 { constructor() { unused(); } }\nexport default new Proxy({}, { get: () => unused });",
  },
  {
    // linkedom parses CSS only for HTMLStyleElement.sheet, which readability never reads.
    importer: /node_modules\/linkedom\/esm\/html\/style-element\.js$/,
    path: /^cssomnom\/parse$/,
    contents:
      "export function parse() { throw new Error('CSS style sheets are not bundled with tidings'); }",
  },
  {
    // Feeds are decoded with TextDecoder (src/core/feeds/decode.ts); iconv-lite only encodes the
    // demo edition's GBK site, so its single-byte tables and other CJK tables are never used.
    importer: /node_modules\/iconv-lite\/encodings\/(index|dbcs-data)\.js$/,
    path: /^\.\/(sbcs-data-generated|tables\/(shiftjis|eucjp|cp949|cp950|big5-added)\.json)$/,
    contents:
      "throw new Error('this iconv-lite table is not bundled with tidings (only GBK encoding is)');",
    // The generated single-byte data is merged at load time: an empty module, not a throw.
    empty: /sbcs-data-generated$/,
  },
];

/** Replaces the UNUSED modules above. */
export const dropUnused = {
  name: 'drop-unused',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      const entry = UNUSED.find(
        (candidate) => candidate.path.test(args.path) && candidate.importer.test(args.importer),
      );
      if (entry === undefined) return undefined;
      const contents =
        entry.empty?.test(args.path) === true ? 'module.exports = {};' : entry.contents;
      return { path: `${args.importer}:${args.path}`, namespace: 'unused', pluginData: contents };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({
      contents: args.pluginData,
      loader: 'js',
    }));
  },
};

/** One ESM file for Node 20, React's production build, `require` available to CommonJS deps. */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [stubReactDevtools, dropUnused],
};

/** The banner line that gives bundled CommonJS code a `require`. */
export const requireBanner =
  "import { createRequire as __tidingsCreateRequire } from 'node:module';\nconst require = __tidingsCreateRequire(import.meta.url);";

/**
 * Bundles the feed-reader worker (decode → parse → normalize, about a fifth of the CLI) as one
 * CommonJS script, returned as text. dist/cli.js carries it as a string and starts workers from
 * it with `eval`, so a worker compiles only what it runs, and the CLI is still one file.
 */
export async function buildFeedReaderSource(esbuild) {
  const result = await esbuild.build({
    entryPoints: [
      new URL('../src/core/feeds/feed-reader-worker-main.ts', import.meta.url).pathname,
    ],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [dropUnused],
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('the feed-reader worker bundle is empty');
  return output.text;
}
