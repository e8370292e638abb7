// After tsc: marks the CLI executable, validates the shipped corpora once (so start-up can skip zod), and bundles
// the command line with esbuild (one file to load instead of hundreds of modules: start-up is measured in bench/).
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const bin = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);

const { writePrevalidated } = await import('../dist/corpora/index.js');
writePrevalidated();
const { writePhrasingsPrevalidated } = await import('../dist/reference/phrasings.js');
writePhrasingsPrevalidated();
const { writePrebuiltIndex } = await import('../dist/reference/prebuilt.js');
writePrebuiltIndex();
const { writeModelPrevalidated } = await import('../dist/score/model.js');
writeModelPrevalidated();

// The bin: src/cli/main.ts and what it imports statically, in one ES module (plus on-demand chunks for HTML input,
// compare and batch). Packages loaded on demand or by workers stay external and load from node_modules.
const { build } = await import('esbuild');

/**
 * yargs and cliui import `string-width`, which builds its Unicode tables when its module is evaluated: two
 * `Intl.Segmenter`s and `\p{RGI_Emoji}`-class expressions, 12–15 ms of every start-up although a `check` never
 * measures a string (node timing of the three expressions, 2026-11-24). This plugin hands each importer a stand-in that
 * evaluates the real module (the importer's own version) on the first call; widths are unchanged.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve('string-width', { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let width;\nexport default function stringWidth(string, options) {\n  width ??= require(${JSON.stringify(args.path)}).default;\n  return width(string, options);\n}\n`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });
await build({
  // The batch worker is an entry of its own, so that each worker thread loads a few chunks shared with the bin rather
  // than the hundred-odd modules of tsc's dist/ (src/batch/run.ts finds worker.js beside the chunk that runs it).
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname, new URL('../src/batch/worker.ts', import.meta.url).pathname],
  outdir: new URL('../dist/bundle', import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@eslint-community/regexpp', 'natural', 'linkedom', '@mozilla/readability', 'piscina', 'chardet', 'iconv-lite', 'playwright-core', 'zod', 'cli-progress'],
  // CommonJS dependencies (lilconfig, …) call require(); give each ES chunk one.
  banner: { js: "import { createRequire as __wireproofRequire } from 'node:module'; const require = __wireproofRequire(import.meta.url);" },
  entryNames: '[name]',
  plugins: [lazyStringWidth],
  logLevel: 'warning',
});
const bundled = new URL('../dist/bundle/main.js', import.meta.url);
if (existsSync(bundled)) chmodSync(bundled, 0o755);
