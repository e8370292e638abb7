// After tsc: marks the CLI executable, validates the shipped corpora once (so start-up can skip zod), bundles the
// command line with esbuild (one file to load instead of hundreds of modules) and writes its V8 code cache.
// Start-up is measured in bench/run.mjs.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const file of ['dist/cli/main.js', 'dist/cli/bin.cjs']) if (existsSync(join(root, file))) chmodSync(join(root, file), 0o755);

const { writePrevalidated } = await import('../dist/corpora/index.js');
writePrevalidated();
const { writePhrasingsPrevalidated } = await import('../dist/reference/phrasings.js');
writePhrasingsPrevalidated();
const { writePrebuiltIndex } = await import('../dist/reference/prebuilt.js');
writePrebuiltIndex();
// franc's models, one range per language, for the bundled command line (the francModelsOnDemand plugin below says why).
const francDir = join(root, 'dist', 'franc-data');
const francVersion = createRequire(import.meta.url)('franc/package.json').version;
{
  const { data } = await import('franc/data.js');
  // UTF-16LE, so that a model's place in code units gives its place in bytes (the models hold accented letters).
  const scripts = {};
  const parts = [];
  let at = 0;
  for (const [script, languages] of Object.entries(data)) {
    scripts[script] = Object.entries(languages).map(([language, model]) => {
      parts.push(model);
      const range = [language, at, at + model.length];
      at += model.length;
      return range;
    });
  }
  rmSync(francDir, { recursive: true, force: true });
  mkdirSync(francDir, { recursive: true });
  writeFileSync(join(francDir, 'models.utf16le'), Buffer.from(parts.join(''), 'utf16le'));
  writeFileSync(join(francDir, 'index.json'), `${JSON.stringify({ franc: francVersion, scripts })}\n`);
  rmSync(join(root, 'dist', 'franc-data.json'), { force: true }); // the earlier layout
  // Read back as the stand-in reads it: every model, byte for byte.
  const back = readFileSync(join(francDir, 'models.utf16le'));
  for (const [script, ranges] of Object.entries(scripts)) {
    for (const [language, start, end] of ranges) {
      if (back.toString('utf16le', 2 * start, 2 * end) !== data[script][language]) throw new Error(`franc model ${script}/${language} does not read back`);
    }
  }
}

const { writeModelPrevalidated } = await import('../dist/score/model.js');
writeModelPrevalidated();

const { build } = await import('esbuild');
const { toAscii } = await import('./ascii.mjs');

/**
 * lilconfig (the configuration search, src/config/load.ts) takes `fs.promises.readFile` when its module is evaluated
 * and calls `fs.promises.access` for each place it looks. Node loads `fs/promises` on first touch, with its readline,
 * directory and file-watching modules: 1.5–2.2 ms of a one-article check (fresh processes, after stdout and crypto are
 * loaded; 2026-11-24). In the bundle both calls go through callback `fs` instead: same results, same errors.
 */
const lilconfigWithoutFsPromises = {
  name: 'lilconfig-without-fs-promises',
  setup(b) {
    b.onLoad({ filter: /[\\/]lilconfig[\\/]src[\\/]index\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      const edits = [
        ['const fsReadFileAsync = fs.promises.readFile;', 'const fsReadFileAsync = (file) => new Promise((resolve, reject) => fs.readFile(file, (error, data) => (error ? reject(error) : resolve(data))));'],
        ['await fs.promises.access(filepath);', 'await new Promise((resolve, reject) => fs.access(filepath, (error) => (error ? reject(error) : resolve())));'],
      ];
      for (const [from, to] of edits) {
        // Another lilconfig version: fail the build rather than ship a bundle that loads fs/promises unnoticed.
        if (source.split(from).length !== 2) throw new Error(`lilconfig-without-fs-promises: expected one \`${from}\` in ${args.path}`);
        source = source.replace(from, to);
      }
      if (source.includes('fs.promises')) throw new Error(`lilconfig-without-fs-promises: fs.promises still used in ${args.path}`);
      return { contents: source, loader: 'js' };
    });
  },
};

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

/**
 * yargs imports node:assert for two internal checks (strictEqual, notStrictEqual). Loading it loads Node's
 * assertion-error module, which sets up process.stderr to decide on colours: about 10 ms of every start-up (V8 CPU
 * profile of `wireproof check`, 2026-11-24). yargs gets these two functions instead: the same comparison
 * (Object.is, as node:assert's strict mode), and node:assert itself only to throw when a check fails.
 */
const lazyAssert = {
  name: 'lazy-assert',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert$/ }, (args) => (/[\\/]node_modules[\\/]yargs[\\/]/.test(args.importer) ? { path: 'assert', namespace: 'lazy-assert' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-assert' }, () => ({
      contents:
        "let assert;\nconst real = () => (assert ??= require('node:assert'));\n" +
        'export function strictEqual(actual, expected, message) {\n  if (!Object.is(actual, expected)) real().strictEqual(actual, expected, message);\n}\n' +
        'export function notStrictEqual(actual, expected, message) {\n  if (Object.is(actual, expected)) real().notStrictEqual(actual, expected, message);\n}\n',
      loader: 'js',
    }));
  },
};

/**
 * franc's models (franc/data.js, 200 kB of string literals) were a quarter of the command-line bundle and a third of
 * its code cache, read, restored and evaluated by every `check`: about 5 ms of start-up (the loader's own timings,
 * 2026-11-24). Then they came from one JSON file of every model, whose read and parse still took 4.2–4.4 ms of a
 * one-article check (timed inside the bundle, median of 15 processes), although a check asks for six languages of
 * one script (src/segment/language.ts). In the bundle, franc/data.js is now this stand-in: the same object of scripts
 * and languages, in the same order, whose models are read from dist/franc-data/models.utf16le when first asked for
 * (index.json, written above, says where each lies). franc's own module is used when the index is missing or was
 * written for another franc version, or when a model cannot be read. Same data, same results.
 */
const francModelsOnDemand = {
  name: 'franc-models-on-demand',
  setup(b) {
    b.onResolve({ filter: /^franc\/data\.js$/ }, (args) =>
      // The stand-in's own fallback loads franc's module from node_modules at run time.
      args.namespace === 'franc-models-on-demand' ? { path: args.path, external: true } : { path: 'franc-data', namespace: 'franc-models-on-demand' },
    );
    b.onLoad({ filter: /.*/, namespace: 'franc-models-on-demand' }, () => ({
      contents: `import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
const version = ${JSON.stringify(francVersion)}; // the franc bundled beside this (its expressions)
const dir = join(__dirname, '..', 'franc-data');
function model(script, language, start, end) {
  try {
    const bytes = Buffer.allocUnsafe(2 * (end - start));
    const fd = openSync(join(dir, 'models.utf16le'), 'r');
    try {
      if (readSync(fd, bytes, 0, bytes.length, 2 * start) !== bytes.length) throw new Error('short read');
    } finally {
      closeSync(fd);
    }
    return bytes.toString('utf16le');
  } catch {
    return require('franc/data.js').data[script][language];
  }
}
function load() {
  let index;
  try {
    index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  } catch {}
  if (index?.franc !== version) return require('franc/data.js').data;
  const data = {};
  for (const [script, ranges] of Object.entries(index.scripts)) {
    const languages = {};
    for (const [language, start, end] of ranges) {
      let value;
      Object.defineProperty(languages, language, { enumerable: true, get: () => (value ??= model(script, language, start, end)) });
    }
    data[script] = languages;
  }
  return data;
}
export const data = load();
`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Packages loaded on demand or by workers stay external and load from node_modules.
  external: ['@eslint-community/regexpp', 'linkedom', '@mozilla/readability', 'piscina', 'chardet', 'iconv-lite', 'playwright-core', 'zod', 'cli-progress'],
  plugins: [lazyStringWidth, lazyAssert, lilconfigWithoutFsPromises],
  logLevel: 'warning',
};

// The command line: src/cli/main.ts and everything it imports, as one CommonJS file, because only CommonJS can be
// compiled with a code cache on Node 20 (src/cli/bin.cts). On-demand parts (HTML input, compare, batch, eval) are
// evaluated on first use. import.meta.url becomes the bundle's own URL, so paths relative to dist/ still hold.
const cliFile = join(outdir, 'wireproof.cjs');
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile: cliFile,
  format: 'cjs',
  define: { 'import.meta.url': '__wireproofUrl' },
  plugins: [...common.plugins, francModelsOnDemand],
  // Minified: every check reads this file, takes it as text and restores its code cache, and that load step took
  // 38.5–43.0 → 30.4–33.8 ms (850 → 450 kB, cache 590 → 440 kB; medians of 40 alternated fresh processes, in-process
  // timings, 2026-11-24). Output is unchanged (tests/cli/bin.test.ts compares it with the unminified dist/cli/main.js,
  // which is also the CLI to profile by name). keepNames is not needed (nothing reads a function's or class's name)
  // and cost what it saved.
  minify: true,
  // "use strict" first: the sources are ES modules, strict by default, and a banner would end the directive prologue.
  banner: { js: "'use strict';\nconst __wireproofUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The first line names the build (the SHA-1 of the rest): the loader uses a cache only with the bundle it was made for,
// and only while the rest still has that hash.
// ASCII only, so V8 holds it as one-byte text (scripts/ascii.mjs says why).
const body = toAscii(readFileSync(cliFile, 'utf8').replace(/^#!.*\n/, '')); // the bin is dist/cli/bin.cjs, not this file
const buildLine = `// wireproof bundle ${createHash('sha1').update(body, 'latin1').digest('hex')}`;
writeFileSync(cliFile, `${buildLine}\n${body}`);

// The batch worker, an ES module of its own (piscina loads it by file name in each worker thread); src/batch/run.ts
// finds worker.js beside the bundle that runs the batch.
await build({ ...common, entryPoints: [join(root, 'src', 'batch', 'worker.ts')], outdir, format: 'esm', splitting: true, entryNames: '[name]',
  // CommonJS dependencies (lilconfig, …) call require(); give each ES chunk one.
  banner: { js: "import { createRequire as __wireproofRequire } from 'node:module'; const require = __wireproofRequire(import.meta.url);" },
});

// The code cache: compile the bundle, run checks of sample wires in this process (V8 compiles functions when first
// called; the cache keeps what was compiled), then write it. Same Node and flags as the installed command.
const { loadBundle } = createRequire(import.meta.url)(join(root, 'dist', 'cli', 'bin.cjs'));
const loaded = loadBundle(cliFile, { useCache: false });
const seeds = existsSync(join(root, 'seeds')) ? readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f)) : [];
let samples = seeds;
if (samples.length === 0) {
  // Installed without seeds/ (a packed copy): a short wire of our own, notice and all.
  const sample = join(mkdtempSync(join(tmpdir(), 'wireproof-build-')), 'sample.txt');
  writeFileSync(
    sample,
    "Le groupe a relevé mardi ses prévisions annuelles, porté par la demande en Europe.\n\n" +
      "((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))\n\n" +
      "Le directeur financier a déclaré que la société s'attendait à une croissance de 5 % de son chiffre d'affaires , selon le rapport.\n",
  );
  samples = [sample];
}
const quiet = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false, cwd: root };
for (const format of ['json', 'text']) await loaded.exports.run(['check', ...samples, '--format', format], quiet);
if (loaded.script) writeFileSync(`${cliFile}.cache`, Buffer.concat([Buffer.from(`${buildLine}\n`), loaded.script.createCachedData()]));
