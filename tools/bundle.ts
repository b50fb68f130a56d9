/**
 * Bundles the CLI (src/cli/bin.ts and what it imports) into one ES module with lazily loaded
 * chunks: dist/cli/bin.js and dist/cli/chunk-*.js, over tsc's dist/cli/bin.js (tsc type-checks and
 * emits the rest of dist/ first; esbuild only strips the types). Why: a start of `rdm-journal` spent most of its
 * time resolving and compiling ~150 modules one file at a time (status on a 1M-op journal: 2.4x a
 * bare `node -e 0`); one file per command path is read and compiled at once. Packages with native
 * addons stay outside the bundle (they find their .node files relative to their own directory), and
 * so does our own binding, which dist/ loads from ../../build/Release as before: the chunks sit in
 * dist/cli/ beside bin.js so that every relative path a module takes from import.meta.url holds.
 *   node --import tsx tools/bundle.ts        (run by `npm run build`, `prepare` and `npm test`)
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = path.join(root, 'dist', 'cli');
for (const name of readdirSync(cliDir)) if (/^chunk-.*\.js$/.test(name)) rmSync(path.join(cliDir, name)); // a previous bundle's

/**
 * classic-level's JavaScript (and abstract-level's ~30 files under it) is bundled; only its addon is
 * not. Its binding.js finds the addon from its own __dirname, which a bundle does not have: the
 * package's directory is asked of Node's resolution at run time instead, from dist/cli/ as any
 * import would, so every install layout (hoisted or nested node_modules) finds the same addon.
 */
const classicLevelBinding: Plugin = {
  name: 'classic-level-binding',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]classic-level[\\/]binding\.js$/ }, () => ({
      contents: "module.exports = require('node-gyp-build')(require('node:path').dirname(require.resolve('classic-level/package.json')))",
      loader: 'js',
      resolveDir: path.dirname(fileURLToPath(import.meta.resolve('classic-level/binding.js'))), // where node-gyp-build resolves from
    }));
  },
};

/**
 * msgpackr's optional native string extractor is left out: msgpackr falls back to its JavaScript
 * decoder when the require fails. Locating and loading the addon cost every start about as much as
 * the rest of `status`, and our records (short names, numbers, byte strings) gain nothing from it:
 * `log` of 1 M ops ran no faster with it (149-344 s with, 149 s without, under load 10).
 */
const noMsgpackrExtract: Plugin = {
  name: 'no-msgpackr-extract',
  setup(builder) {
    builder.onResolve({ filter: /^msgpackr-extract$/ }, () => ({ path: 'msgpackr-extract', namespace: 'left-out' }));
    builder.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({ contents: "throw new Error('left out of the bundle')", loader: 'js' }));
  },
};

await build({
  entryPoints: [path.join(root, 'src', 'cli', 'bin.ts')],
  outdir: cliDir,
  allowOverwrite: true,
  bundle: true,
  splitting: true, // each command's code loads when it runs, as with the unbundled dynamic imports
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  keepNames: true, // error and class names as written, in messages and stack traces
  external: ['*.node'],
  plugins: [classicLevelBinding, noMsgpackrExtract],
  // Bundled CommonJS packages (commander, msgpackr...) call require(): give them Node's.
  banner: { js: "import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
