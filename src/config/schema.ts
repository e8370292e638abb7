// The configuration file's schema (zod, loaded on demand), published as docs/config.schema.json for editors.
import type * as ZodModule from 'zod';
import { zod } from '../util/zod.js';

function build(z: typeof ZodModule.z) {
  const Level = z.enum(['error', 'warning', 'info', 'off']);
  /** Everything a `.wireproofrc.json`, `wireproof.config.js` or a `wireproof` key in package.json may set. */
  return z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema (ignored by wireproof)'),
    rules: z
      .record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case'), Level)
      .optional()
      .describe('Per-rule level: error, warning, info, or off'),
    languages: z
      // The shape only: which codes wireproof knows is checked with the other options (src/segment/language.ts),
      // which also reads "FR", "fr-FR" and ISO 639-3 "fra", as on the command line.
      .array(z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/, 'language codes such as "fr", "fr-FR" or "fra"'))
      .min(1)
      .optional()
      .describe('Languages language identification may choose from: ISO 639-1 ("fr", "fr-FR") or ISO 639-3 ("fra") codes'),
    references: z.array(z.string().min(1)).optional().describe('Reference phrasing files or folders (JSONL), relative to the config file'),
    prior: z.number().gt(0).lt(1).optional().describe('Expected share of machine translation in the archive (0-1)'),
    failOn: z.enum(['error', 'warning', 'info', 'never']).optional().describe('Lowest severity that makes the exit code 1'),
    maxWarnings: z.number().int().min(-1).optional().describe('Exit 1 above this many warnings (-1: no limit)'),
    baseline: z.string().min(1).optional().describe('Baseline file of accepted findings, relative to the config file'),
    corpora: z.string().min(1).optional().describe('A corpora folder replacing the shipped one, relative to the config file'),
    thresholds: z
      .strictObject({
        driftSimilarity: z.number().min(0).max(1).optional().describe('Below this similarity to the canonical wording, a matched phrasing is reported as wording drift'),
        phrasingMatch: z.number().min(0.05).max(1).optional().describe('Minimum similarity for a reference phrasing to count as found'),
      })
      .optional(),
  })
  .describe('wireproof configuration');
}

let cached: ReturnType<typeof build> | undefined;

/** The configuration schema, built on first call (only when a configuration file is read). */
export function configSchema(): ReturnType<typeof build> {
  cached ??= build(zod());
  return cached;
}

export type Config = ZodModule.infer<ReturnType<typeof build>>;
