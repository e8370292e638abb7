// Formatter lookup by name (loaded lazily so start-up pays only for the one in use) or by path to a custom module.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormatContext, Formatter, Report } from '../types.js';
import { WireproofError } from '../types.js';
import { importModule } from '../util/import.js';
import { thrownFirstLine } from '../util/oneline.js';
import { typeName } from '../util/type-name.js';

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

/** A loaded formatter: the built-ins return the text; a module's may return a promise of it. */
export type LoadedFormatter = (reports: Report[], context: FormatContext) => Promise<string>;

/**
 * Loads a formatter: a built-in name, or a path to an ES module exporting `format` (or a default function),
 * as ESLint's and textlint's `--format` accept. A module's function may be async, as ESLint awaits its formatters;
 * what it resolves to must be a string (anything else is its author's mistake: a usage error naming the module).
 */
export async function loadFormatter(name: string, cwd: string): Promise<LoadedFormatter> {
  const builtIn = BUILT_IN[name];
  if (builtIn) {
    const format: Formatter = (await builtIn()).format;
    return async (reports, context) => format(reports, context);
  }
  if (!/[./\\]/.test(name)) {
    throw new WireproofError(`unknown format "${name}" (choose from ${FORMAT_NAMES.join(', ')}, or give a path to a formatter module)`, 'usage');
  }
  const path = isAbsolute(name) ? name : resolve(cwd, name);
  let mod: { format?: Formatter; default?: Formatter | { format?: Formatter } };
  try {
    mod = await importModule<typeof mod>(pathToFileURL(path).href);
  } catch (error) {
    throw new WireproofError(`${name}: cannot load formatter: ${thrownFirstLine(error)}`, 'usage');
  }
  // A CommonJS module's `module.exports = { format }` arrives as its default export when Node cannot see the name
  // statically (a review, 2026-12-07: "must export a function format", although it did).
  const fn = mod.format ?? (typeof mod.default === 'object' && mod.default !== null ? mod.default.format : mod.default);
  if (typeof fn !== 'function') throw new WireproofError(`${name}: a formatter module must export a function "format"`, 'usage');
  return async (reports, context) => {
    let output: unknown;
    try {
      output = await (fn as (r: Report[], c: FormatContext) => unknown)(reports, context);
    } catch (error) {
      // The module's own failure: one line that names it, not its bare message (which may span lines).
      throw new WireproofError(`${name}: the formatter threw: ${thrownFirstLine(error)}`, 'usage');
    }
    if (typeof output !== 'string') {
      throw new WireproofError(`${name}: the formatter returned ${typeName(output)}, not a string`, 'usage');
    }
    return output;
  };
}
