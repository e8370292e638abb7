// Schemas of each corpus kind under corpora/ (zod, loaded on demand): used to validate data with line-precise errors.
import type * as ZodModule from 'zod';
import { zod } from '../util/zod.js';
import { knownLanguageCodes } from '../segment/language.js';

type Z = typeof ZodModule.z;

function build(z: Z) {
  /** Where an entry's evidence stands (docs/corpora.md): seen verbatim, quoted by a third party, partly seen, or inferred. */
  const Status = z.enum(['seen', 'seen-second-hand', 'partial', 'inferred', 'normative']);

  const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, dot, dash or underscore');
  // A code language identification can give: "sp" (for es) was accepted and then matched nothing (review, 2026-12-07).
  const Lang = z.string().refine((code) => code === 'any' || knownLanguageCodes().has(code), { message: `an ISO 639-1 code wireproof can identify (${[...knownLanguageCodes()].join(', ')}) or "any"` });
  const Source = z.string().min(4, 'cite where it was seen: a URL or a file');

  /** A machine-translation (or AI) notice. `pattern` runs on folded text (see src/util/normalize.ts). */
  const NoticeEntry = z.strictObject({
    id: Id,
    agency: z.string().min(1),
    language: Lang,
    declares: z.enum(['machine-translation', 'ai-assistance']),
    text: z.string(),
    pattern: z.string().min(1),
    weight: z.number().min(0).max(10),
    status: Status,
    source: Source,
    note: z.string().optional(),
    /** True when the wording is a stock sentence that does not identify its publisher; `agency` is then only where it was seen. */
    generic: z.boolean().optional(),
    /**
     * True when the notice counts only where a notice stands: at the start of a line (white space before it), or right
     * after a closing bracket or a sentence's end on that line. Folded text has no line breaks, so this is checked on
     * the source. For wordings that prose may also carry (a short form, the wording without its brackets).
     */
    standalone: z.boolean().optional(),
    /**
     * With `standalone`, true when the notice must also end its line or paragraph: followed by running text on its
     * line, a wording prose may quote is being talked about (the short form, the wording without brackets or link).
     */
    endsLine: z.boolean().optional(),
    /**
     * With `standalone`, true when the notice must be alone on its line (first on it, not after a sentence's end, and
     * ending it) and not follow a line that ends with a colon: for a wording prose may quote without its marks.
     */
    ownLine: z.boolean().optional(),
  });

  /** A calque or literal rendering typical of machine translation. `pattern` runs on folded text. */
  const CalqueEntry = z.strictObject({
    id: Id,
    language: Lang,
    pattern: z.string().min(1),
    english: z.string().optional(),
    message: z.string().min(1),
    suggestions: z.array(z.string()).default([]),
    weight: z.number().min(-5).max(5),
    status: Status,
    source: Source,
    note: z.string().optional(),
  });

  /** Page furniture, bylines and metadata lines: they classify paragraphs, they are not evidence. Runs on folded text. */
  const FurnitureEntry = z.strictObject({
    id: Id,
    language: Lang,
    kind: z.enum(['chrome', 'byline', 'metadata']),
    pattern: z.string().min(1),
    example: z.string().optional(),
    status: Status,
    source: Source,
    note: z.string().optional(),
  });

  /**
   * Wire marks: credit lines and update notes, with the provenance their wording reveals. Runs on folded text. The
   * weight's sign must agree with the provenance: the message is worded from the provenance ("…: machine
   * translation"), and a machine mark that lowered the score, or a human one that raised it, would say one thing and
   * count another.
   */
  const WireMarkEntry = z
    .strictObject({
      id: Id,
      language: Lang,
      kind: z.enum(['credit', 'update-note']),
      provenance: z.enum(['machine', 'human', 'source']),
      pattern: z.string().min(1),
      weight: z.number().min(-5).max(5),
      example: z.string().optional(),
      status: Status,
      source: Source,
      note: z.string().optional(),
    })
    .superRefine((e, ctx) => {
      if (e.provenance === 'machine' && !(e.weight > 0)) {
        ctx.addIssue({ code: 'custom', path: ['weight'], message: 'a machine mark is evidence for machine translation: weight > 0' });
      } else if (e.provenance === 'human' && !(e.weight < 0)) {
        ctx.addIssue({ code: 'custom', path: ['weight'], message: 'a human mark is evidence of human work: weight < 0' });
      }
      // "Left untranslated" needs the language it was left in: a wire in that language is not reported (a review).
      if (e.provenance === 'source' && e.language === 'any') {
        ctx.addIssue({ code: 'custom', path: ['language'], message: 'a mark left untranslated (provenance source) is in one language: give its code, not any' });
      }
    });

  /** RIC exchange suffixes (Reuters instrument codes). */
  const RicSuffixEntry = z.strictObject({
    suffix: z.string().regex(/^[A-Za-z]{1,3}$/),
    exchange: z.string().min(1),
    status: Status,
    source: Source,
  });
  /** Tokens shaped like RICs that are not (U.S., S.A. …). */
  const RicStopEntry = z.strictObject({
    token: z.string().min(2),
    reason: z.string().min(1),
    source: Source,
  });

  /** An English head noun of institution names (Board, Administration …), for English names glossed in French. */
  const GlossHeadEntry = z.strictObject({
    word: z.string().min(2),
    source: Source,
  });


  return { Status, Id, Lang, Source, NoticeEntry, CalqueEntry, FurnitureEntry, WireMarkEntry, RicSuffixEntry, RicStopEntry, GlossHeadEntry };
}

let cached: ReturnType<typeof build> | undefined;

/** The corpus schemas, built on first call. */
export function corpusSchemas(): ReturnType<typeof build> {
  cached ??= build(zod());
  return cached;
}

type Schemas = ReturnType<typeof build>;
export type NoticeEntry = ZodModule.infer<Schemas['NoticeEntry']>;
export type CalqueEntry = ZodModule.infer<Schemas['CalqueEntry']>;
export type FurnitureEntry = ZodModule.infer<Schemas['FurnitureEntry']>;
export type WireMarkEntry = ZodModule.infer<Schemas['WireMarkEntry']>;
export type RicSuffixEntry = ZodModule.infer<Schemas['RicSuffixEntry']>;
export type RicStopEntry = ZodModule.infer<Schemas['RicStopEntry']>;
export type GlossHeadEntry = ZodModule.infer<Schemas['GlossHeadEntry']>;
