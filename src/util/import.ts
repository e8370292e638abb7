// Dynamic import() that also works inside the bundled command line, where functions come from V8's code cache.

/**
 * Why: src/cli/bin.cts compiles the bundle with vm.Script and a code cache. On Node 20, functions restored from that
 * cache lose the script's dynamic-import host option, so their own `import()` throws "A dynamic import callback was
 * not specified" (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING; seen with `batch`, which imports piscina). The bin installs
 * an importer of its own, an ordinary CommonJS module's `import()`, under this key; elsewhere `import()` runs here.
 */
export const IMPORTER = Symbol.for('wireproof.import');

type Importer = (specifier: string) => Promise<unknown>;

let userModules = false;

/**
 * Imports a package by name or a module by file URL.
 * @param specifier a bare package name (resolved from wireproof's own folder) or a `file:` URL (a user's formatter or
 *   configuration module)
 */
export function importModule<T>(specifier: string): Promise<T> {
  if (specifier.startsWith('file:')) userModules = true;
  const host = (globalThis as { [IMPORTER]?: Importer })[IMPORTER];
  return (host ? host(specifier) : import(specifier)) as Promise<T>;
}

/** Whether a user's module (formatter, configuration) was loaded: its pending work must be let finish at exit. */
export function loadedUserModules(): boolean {
  return userModules;
}
