#!/usr/bin/env node
// The `wireproof` command (package.json's bin): runs the bundled CLI with the V8 code cache made when it was built.
import buffer = require('node:buffer');
import crypto = require('node:crypto');
import fs = require('node:fs');
import path = require('node:path');
import vm = require('node:vm');
import nodeModule = require('node:module');

/**
 * Why a loader: a `check` spends most of its own start-up compiling and first-running JavaScript. Node 20 has no
 * code cache for ES modules (module.enableCompileCache came in Node 22.1), so the command line is also bundled as
 * CommonJS (dist/bundle/wireproof.cjs, scripts/postbuild.mjs) and compiled here through vm.Script with the cache
 * postbuild wrote after running a check: 20–25 ms less per run, median of interleaved runs (bench/run.mjs).
 * Without a usable cache (missing, another build, another Node or V8 flags) V8 compiles from source; same behaviour.
 */

/** The bundle beside this file's folder, and its cache. */
const BUNDLE = path.join(__dirname, '..', 'bundle', 'wireproof.cjs');

/** What the bundle exports (src/cli/main.ts). */
interface Bundle {
  main: (argv?: readonly string[]) => Promise<void>;
  run: (args: string[], io?: unknown) => Promise<number>;
}

interface Loaded {
  exports: Bundle;
  /** The compiled script (null when loaded by plain require), for postbuild to write its cache. */
  script: vm.Script | null;
  /** Whether V8 accepted the cache. */
  cacheUsed: boolean;
}

const BUILD_LINE = '// wireproof bundle ';

/**
 * The cache file's data when it was made for this bundle, as it is now: `<build line>\n<V8 data>`, where the build
 * line is the bundle's first line and holds the SHA-1 of the rest. V8 checks only the source's length and its own and
 * Node's versions and flags, so an edit of the same length would otherwise run the old code; the hash is checked here.
 * It is taken over the file's bytes: hashing the text (a slice, encoded again) took 4.1–4.7 ms in a fresh process
 * against 0.7 ms for the bytes (same digest for an ASCII bundle; measured 2026-11-24).
 */
function cacheFor(bytes: Buffer, cache: Buffer | null): Buffer | undefined {
  if (!cache) return undefined;
  const end = bytes.indexOf(10);
  if (end < 0) return undefined;
  const line = bytes.subarray(0, end + 1); // with its newline, as it opens the cache file
  if (!line.subarray(0, BUILD_LINE.length).equals(Buffer.from(BUILD_LINE))) return undefined;
  if (cache.length <= line.length || !cache.subarray(0, line.length).equals(line)) return undefined;
  const body = crypto.createHash('sha1').update(bytes.subarray(end + 1)).digest('hex');
  return body === line.subarray(BUILD_LINE.length, end).toString('latin1') ? cache.subarray(line.length) : undefined;
}

/**
 * The bundle's text. Node 20 decodes UTF-8 slowly even when every byte is ASCII: 18–23 ms for the 1.2 MB bundle,
 * against 10–12 ms to read the bytes and take them as Latin-1, which is the same text when they are ASCII (as
 * postbuild makes them; checked here by Node's native isAscii).
 */
function textOf(bytes: Buffer): string {
  return buffer.isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Reads, compiles and runs the bundle as a CommonJS module; `useCache: false` compiles from source. `marks`, when
 * given, receives the time (performance.now()) at the end of each step: read, compile (restoring the cache), evaluate
 * (bench/run.mjs startup prints them).
 */
function loadBundle(file = BUNDLE, options: { useCache?: boolean; marks?: [string, number][] } = {}): Loaded {
  const mark = (step: string): void => void options.marks?.push([step, performance.now()]);
  const dynamic = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  // Node before 20.12 cannot give vm scripts dynamic import(): the bundle's external packages need it.
  if (dynamic === undefined) return { exports: require(file) as Bundle, script: null, cacheUsed: false };
  const bytes = fs.readFileSync(file);
  let cache: Buffer | null = null;
  if (options.useCache !== false) {
    try {
      cache = fs.readFileSync(`${file}.cache`);
    } catch {
      cache = null;
    }
  }
  const cachedData = cacheFor(bytes, cache);
  const source = textOf(bytes);
  mark('read');
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData, importModuleDynamically: dynamic });
  mark('compile');
  const mod = new nodeModule.Module(file, module);
  mod.filename = file;
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(mod.exports, mod.exports, nodeModule.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  mark('evaluate');
  return { exports: mod.exports as Bundle, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

export = { BUNDLE, cacheFor, installImporter, loadBundle };

/**
 * The bundle's `import()` of packages and user modules goes through this (src/util/import.ts says why): a dynamic
 * import in an ordinary CommonJS module, resolved from here (dist/cli/, the same package).
 */
function installImporter(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('wireproof.import')] = (specifier: string) => import(specifier);
}

if (require.main === module) {
  installImporter();
  let bundle: Bundle;
  try {
    bundle = loadBundle().exports;
  } catch (error) {
    process.stderr.write(`wireproof: internal error: cannot load ${BUNDLE}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  void bundle.main();
}
