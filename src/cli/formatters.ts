// Formatter lookup by name (loaded lazily so start-up pays only for the one in use) or by path to a custom module.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from '../types.js';
import { WireproofError } from '../types.js';
import { importModule } from '../util/import.js';

const BUILT_IN: Record<string, () => Promise<{ format: Formatter }>> = {
  text: () => import('../report/text.js'),
  json: () => import('../report/json.js'),
  html: () => import('../report/html.js'),
  sarif: () => import('../report/sarif.js'),
  markdown: () => import('../report/markdown.js'),
  unix: () => import('../report/unix.js'),
};

/** Names of the built-in formats. */
export const FORMAT_NAMES = Object.keys(BUILT_IN);

/**
 * Loads a formatter: a built-in name, or a path to an ES module exporting `format` (or a default function),
 * as ESLint's and textlint's `--format` accept.
 */
export async function loadFormatter(name: string, cwd: string): Promise<Formatter> {
  const builtIn = BUILT_IN[name];
  if (builtIn) return (await builtIn()).format;
  if (!/[./\\]/.test(name)) {
    throw new WireproofError(`unknown format "${name}" (choose from ${FORMAT_NAMES.join(', ')}, or give a path to a formatter module)`, 'usage');
  }
  const path = isAbsolute(name) ? name : resolve(cwd, name);
  let mod: { format?: Formatter; default?: Formatter };
  try {
    mod = await importModule<typeof mod>(pathToFileURL(path).href);
  } catch (error) {
    throw new WireproofError(`${name}: cannot load formatter: ${(error as Error).message.split('\n')[0]}`, 'usage');
  }
  const fn = mod.format ?? mod.default;
  if (typeof fn !== 'function') throw new WireproofError(`${name}: a formatter module must export a function "format"`, 'usage');
  return fn;
}
