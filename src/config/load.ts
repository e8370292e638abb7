// Finds and validates the configuration file (lilconfig + zod); errors name the file, the key and what is allowed.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfigSync, type LilconfigResult } from 'lilconfig';
import type { z } from 'zod';
import { WireproofError } from '../types.js';
import { importModule } from '../util/import.js';
import { jsonErrorMessage, jsonErrorWhere, withoutBom } from '../util/json-text.js';
import { thrownFirstLine } from '../util/oneline.js';
import { typeName } from '../util/type-name.js';
import { configSchema, type Config } from './schema.js';
import { fsReason } from '../util/fs.js';

/** Where wireproof looks, in order, from the working folder up to the home folder (lilconfig's default walk). */
export const SEARCH_PLACES = ['package.json', '.wireproofrc.json', '.wireproofrc', 'wireproof.config.js', 'wireproof.config.mjs', 'wireproof.config.cjs'];

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined when none was found. */
  file?: string;
}

/**
 * Imports a JavaScript configuration module. Its failures (a syntax error, a throw at load time, a missing file) are
 * the user's configuration errors: one line naming the file, as for a JSON configuration.
 * @param file absolute path
 * @param shown the path as the user gave it, or as found
 */
const importJs = async (file: string, shown: string): Promise<unknown> => {
  let mod: { default?: unknown };
  try {
    mod = await importModule<{ default?: unknown }>(pathToFileURL(file).href);
  } catch (error) {
    const why = existsSync(file) ? thrownFirstLine(error) : 'no such file';
    throw new WireproofError(`${shown}: cannot load config: ${why}`, 'config', shown);
  }
  // A module without a default export is read by its named exports; one whose default export is not an object
  // (`export default undefined`, a function) would be, and fail as `unknown key "default"` without saying why.
  if ('default' in mod) {
    const value = mod.default;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new WireproofError(`${shown}: the module has no default export object (its default export is ${typeName(value)}; write export default { … })`, 'config', shown);
    }
    return value;
  }
  return mod;
};

/** What the search's loader gives for a JavaScript configuration module, which loadConfig then imports. */
const FOUND_MODULE = Symbol('configuration module');
const foundModule = (): unknown => FOUND_MODULE;

/** An empty configuration file, found by the search or named with --config. */
const emptyConfig = (file: string): WireproofError => new WireproofError(`${file}: empty configuration file (write {} for no settings)`, 'config', file);

/** Parses a JSON configuration read from disk (by the search or from --config), a leading BOM ignored. */
const loadJson = (file: string, content: string): unknown => {
  const text = withoutBom(content);
  // An empty .wireproofrc.json found by the search was skipped, and a configuration further up applied instead,
  // without a word (review, 2026-12-07); named with --config it was "invalid JSON". Both now say what it is.
  if (text.trim() === '') throw emptyConfig(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = jsonErrorWhere(error, text);
    throw new WireproofError(`${file}${where ? `:${where}` : ''}: invalid JSON: ${jsonErrorMessage(error)}`, 'config', file);
  }
};

/** A rules key that cannot be a rule id. The known ids are the registry's (checkRuleIds lists them for a well-formed id). */
const UNKNOWN_RULE = 'unknown rule (rule ids are kebab-case, e.g. ric-code; docs/rules/ has one page per rule)';

/** Renders the first zod issue as "key: problem (allowed: …)". */
function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    // The keys allowed where the unknown one is: top level, or inside `thresholds` (the one nested object).
    const shape = issue.path[0] === 'thresholds' ? configSchema().shape.thresholds.unwrap().shape : configSchema().shape;
    const allowed = Object.keys(shape).filter((k) => k !== '$schema');
    const where = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
    return `unknown key "${where}${issue.keys.join('", "')}" (allowed: ${allowed.join(', ')})`;
  }
  if (issue.code === 'invalid_key' && issue.path[0] === 'rules') {
    // zod's own words are "Invalid key in record" (`"hasOwnProperty": "off"`, `"RIC-code": "off"`).
    return `${key}: ${UNKNOWN_RULE}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${key}: ${issue.message} (allowed: ${(issue.values as unknown[]).map(String).join(', ')})`;
  }
  return `${key}: ${issue.message}`;
}

/** Whether `rules` holds an own `__proto__` key, as JSON.parse makes it (zod's record assigns it away). */
function protoRule(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const rules = (value as { rules?: unknown }).rules;
  return rules !== null && typeof rules === 'object' && Object.hasOwn(rules, '__proto__');
}

/** Validates a parsed config object; throws a one-line WireproofError naming the file. */
export function validateConfig(value: unknown, file: string): Config {
  let result: ReturnType<ReturnType<typeof configSchema>['safeParse']>;
  // JSON.parse makes "__proto__" an own key, which zod's record parsing assigns away (it sets the prototype of its
  // output): `"rules": { "__proto__": "off" }` passed as no rules at all, a typo silently accepted (review,
  // 2026-12-07). Elsewhere (top level, thresholds) zod reports it as an unknown key itself.
  let proto: boolean;
  try {
    proto = protoRule(value);
    result = configSchema().safeParse(value);
  } catch (error) {
    // A JavaScript configuration's getter or proxy that throws while its keys are read: its error, with the file named.
    throw new WireproofError(`${file}: cannot load config: ${thrownFirstLine(error)}`, 'config', file);
  }
  if (!result.success) throw new WireproofError(`${file}: ${describeIssue(result.error.issues[0]!)}`, 'config', file);
  if (proto) throw new WireproofError(`${file}: rules.__proto__: ${UNKNOWN_RULE}`, 'config', file);
  const config = result.data;
  // Paths in a config file are relative to that file, not to wherever wireproof runs.
  const base = dirname(file);
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  if (config.references) config.references = config.references.map(abs);
  if (config.baseline) config.baseline = abs(config.baseline);
  if (config.corpora) config.corpora = abs(config.corpora);
  return config;
}

/**
 * Loads the configuration: an explicit file, or the first one found from `cwd` upwards.
 * @param explicit path given with --config
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit) {
    const file = resolve(cwd, explicit);
    let value: unknown;
    if (/\.(?:c?m?js)$/.test(file)) value = await importJs(file, explicit);
    else {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new WireproofError(`${explicit}: cannot read config: ${fsReason(error)}`, 'config', explicit);
      }
      value = loadJson(file, text);
      if (basename(file) === 'package.json') value = (value as Record<string, unknown>)['wireproof'] ?? {};
    }
    return { config: validateConfig(value, file), file };
  }
  let found: LilconfigResult;
  try {
    // The search itself is synchronous, lilconfig's own walk with fs.accessSync: the asynchronous one sent each of
    // its 15 or so probes (five places, from here up to the home folder) through libuv's thread pool, 5.3–6.0 ms of a
    // one-article check against under 1 ms (timed inside the bundle, medians of 15 processes, 2026-11-24). A
    // JavaScript configuration is found the same way and imported afterwards, since imports are asynchronous.
    found = lilconfigSync('wireproof', {
      searchPlaces: SEARCH_PLACES,
      loaders: { '.json': loadJson, noExt: loadJson, '.js': foundModule, '.mjs': foundModule, '.cjs': foundModule },
      ignoreEmptySearchPlaces: false,
    }).search(cwd);
    if (found && !found.isEmpty && found.config === FOUND_MODULE) found.config = await importJs(found.filepath, found.filepath);
  } catch (error) {
    if (error instanceof WireproofError) throw error;
    throw new WireproofError(`cannot load configuration: ${thrownFirstLine(error)}`, 'config');
  }
  // An empty JSON file is an error (below), an empty JavaScript module no settings, as with --config (review).
  if (found?.isEmpty && !/\.[cm]?js$/.test(found.filepath)) throw emptyConfig(found.filepath);
  if (!found) return { config: {} };
  // The file is named even when empty, so that -o cannot write over it (it is an input; review, 2026-12-07).
  if (found.isEmpty) return { config: {}, file: found.filepath };
  return { config: validateConfig(found.config, found.filepath), file: found.filepath };
}
