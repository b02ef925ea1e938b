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

/** One ESM file for Node 20, React's production build, `require` available to CommonJS deps. */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [stubReactDevtools],
};

/** The banner line that gives bundled CommonJS code a `require`. */
export const requireBanner =
  "import { createRequire as __tidingsCreateRequire } from 'node:module';\nconst require = __tidingsCreateRequire(import.meta.url);";
