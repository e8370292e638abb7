// Finds machine-translation and AI notices (corpora/notices/*.jsonl) in a source text, with exact source offsets.
import type { NoticeMatch } from '../types.js';
import { normalizeWithMap } from '../util/normalize.js';
import { globalRegex } from '../util/regex.js';
import { mayMatch } from './literals.js';
import type { Normalized } from '../util/normalize.js';
import type { CompiledNotice, Corpora } from './index.js';
import { claim } from '../util/claims.js';

/** A match before overlap resolution: where it is in the folded text, and which entry produced it. */
interface Candidate {
  entry: CompiledNotice;
  /** Position of the entry in the corpus (load order), the last tie-breaker. */
  order: number;
  start: number;
  end: number;
}

/** Statuses ranked from the best evidence to the weakest; ties between overlapping matches go to the better one. */
const STATUS_RANK: Record<CompiledNotice['status'], number> = {
  seen: 0,
  'seen-second-hand': 1,
  partial: 2,
  normative: 2,
  inferred: 3,
};

/**
 * Orders overlapping candidates: specific entries before `language: "any"` anchors (a Reuters-specific entry beats
 * the generic `rtrsauto` anchor on the same span), then the longer match (a Co-op Translator sentence swallows any
 * shorter match inside it), then the better status, then corpus order.
 */
function compare(a: Candidate, b: Candidate): number {
  const generic = Number(a.entry.language === 'any') - Number(b.entry.language === 'any');
  if (generic !== 0) return generic;
  const length = b.end - b.start - (a.end - a.start);
  if (length !== 0) return length;
  const status = STATUS_RANK[a.entry.status] - STATUS_RANK[b.entry.status];
  if (status !== 0) return status;
  return a.order - b.order;
}

/**
 * The status as NoticeMatch knows it. `normative` is valid corpus data for other kinds but means nothing for a
 * notice (no standard prescribes one), so it is reported as the weakest status.
 */
function matchStatus(status: CompiledNotice['status']): NoticeMatch['status'] {
  return status === 'normative' ? 'inferred' : status;
}

/** A character reference as normalizeWithMap decodes it (same shape and length limit). */
const ENTITY = /^&(?:#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/i;
/** Combining marks: folding drops them, but they belong to the letter before them. */
const MARK = /\p{M}/u;

/**
 * Source offset just after the folded range [start, end), end exclusive. `mapRange` gives the end as the start of
 * the next folded character, and at the end of the folded text as the input length, which would swallow trailing
 * white space, zero-width characters and dropped entities (`N + "\n"` would end after the newline). Here the end
 * is the end of the source unit (code point, or decoded entity) that produced the last folded character.
 */
function sourceRange(n: Normalized, source: string, start: number, end: number): { start: number; end: number } {
  const from = n.map[start]!;
  const src = n.map[end - 1]!;
  // First folded character produced by a later source unit (an entity or ligature yields several).
  let j = end;
  while (j < n.text.length && n.map[j]! <= src) j++;
  const next = j < n.text.length ? n.map[j]! : source.length;
  let to = src + (source.codePointAt(src)! > 0xffff ? 2 : 1);
  if (source.charCodeAt(src) === 38 /* & */) {
    const entity = ENTITY.exec(source.slice(src, src + 12));
    // Decoded only if no folded character comes from inside it (an unknown name stays literal text).
    if (entity && next >= src + entity[0].length) to = src + entity[0].length;
  }
  while (to < source.length && MARK.test(source[to]!)) to++;
  return { start: from, end: Math.min(to, source.length) };
}

/** Line-start marks a notice may follow: Markdown emphasis, quote and list marks, bullets. */
const LINE_MARKS = /^[\s>*_+•–—-]*$/u;
/** Invisible characters and the character references that write them (`&nbsp;`, `&shy;`, `&#8203;` …). */
const INVISIBLE = /\p{Cf}|&(?:nbsp|shy|zwj|zwnj|lrm|rlm|#160|#xa0|#173|#xad|#8203|#x200b);/giu;
/** A sentence's end, closing quotes or brackets allowed after it (`« Oui. »`, `(lundi.)`). */
const SENTENCE_END = /[.!?…][\s"»”’)\]]*$/u;
/** A comma and a verb of saying (its auxiliary allowed), or `selon`, after the wording: a sentence that reports it (`…, affirme le syndicat`, `…, a reconnu le quotidien`). */
const ATTRIBUTION_AFTER = /^\s*,\s*(?:(?:a|ont|avait|aurait)\s+)?(?:selon|d'apr[eè]s|affirm|indiqu|dit|disent|assur|estim|expliqu|d[ée]clar|pr[ée]cis|ajout|reconn|admi[st]|confirm|d[ée]non|soulign|regrett|accus|avanc|pr[ée]tend)/iu;
/** Line ends: LF, CR, U+2028 and U+2029. */
const LINE_END = /[\n\r\u2028\u2029]/gu;
/** How far back the start of a notice's line is looked for. */
const LINE_WINDOW = 400;

/**
 * Whether a notice at [start, end) of `source` stands where notices stand (corpus field `standalone`): first on its
 * line or paragraph (after nothing but white space, invisible characters, Markdown emphasis, a quote or list mark), or
 * right after a sentence's end; a form marked `endsLine` must also end its line or paragraph, one marked `ownLine` be
 * alone on its line and not follow a line ending with a colon; and never followed by a colon,
 * semicolon or question mark, or a comma and a verb of saying, which make it part of a sentence about it (`Cet article
 * a été traduit automatiquement, affirme le syndicat`, `(Traduction automatisée par Reuters) : cette mention …`). Reviews
 * (2026-12-07) found the short form, the bare wording and the stock sentence taken for notices inside sentences about
 * them, and after abbreviations (`etc. (traduction automatisée par Reuters) sont critiquées`). What this misses: a
 * notice after a dateline or a byline on its line, and in HTML after a `<br>` that does not follow a sentence's end
 * (extraction turns it into a space); the bracketed full forms (RTR-FR-AUTO-1, -PREFIX) are not `standalone`.
 */
function standsAlone(source: string, start: number, end: number, entry: Pick<CompiledNotice, 'endsLine' | 'ownLine'>, before = ''): boolean {
  const ownLine = entry.ownLine === true;
  const endsLine = ownLine || entry.endsLine === true;
  const after = source.slice(end, end + 60);
  const next = /^[^\S\n]*(\S?)/u.exec(after)![1]!;
  if (next !== '' && ':;?'.includes(next)) return false;
  if (ATTRIBUTION_AFTER.test(after)) return false;
  // A form marked `endsLine` (the short notice, the wording without brackets or link) must end its line or paragraph:
  // followed by running text on its line it is being talked about (`(Traduction automatisée par Reuters) — trois mots
  // en petits caractères …`, `La mention est laconique. (Traduction automatisée par Reuters) Rien de plus …`; an
  // editor's acceptance test, 2026-12-07).
  if (endsLine) {
    const rest = after.replace(INVISIBLE, '').replace(/^[^\S\n\r\u2028\u2029]*[*_]*[^\S\n\r\u2028\u2029]*/u, '');
    if (rest !== '' && !/^[\n\r\u2028\u2029<]/u.test(rest)) return false;
  }
  const from = Math.max(0, start - LINE_WINDOW);
  const head = source.slice(from, start);
  let lineStart = -1;
  for (const m of head.matchAll(LINE_END)) lineStart = m.index;
  const line = head.slice(lineStart + 1).replace(INVISIBLE, '');
  if ((lineStart >= 0 || from === 0) && LINE_MARKS.test(line)) {
    if (!ownLine) return true;
    // On the source's first line, the text before it (an HTML page's previous block) is the line before.
    return lineStart < 0 ? !introducesQuotation(before) : !introducesQuotation(source.slice(from, from + lineStart));
  }
  // A form marked `ownLine` (the bare wording, no brackets, no link) must open its line: after a sentence's end on the
  // same line it is a quotation without its marks (`La dépêche se termine ainsi. Traduction automatisée …`; a review,
  // 2026-12-07).
  return !ownLine && SENTENCE_END.test(line) && !/\.\.\s*$/u.test(line);
}

/**
 * Whether text ends with a line that introduces a quotation: a colon (white space, invisible characters, Markdown marks
 * and trailing tags such as `<br>` aside) after two words or more, one of them a verb that reports or shows words in
 * its finite form (`Chaque dépêche porte cette mention :`, `Reuters écrit :`, `La dépêche se termine par :`, `Voici la
 * mention :`): the wording on the next line then quotes the notice (review, 2026-12-07). A label is not one, with or
 * without a word like a verb in it: `Bourse :`, `Rappel :`, `Note de la rédaction :`, `À lire aussi :`, `Figure 1 :`
 * before the wording are page furniture, and the notice after them stands (a first version took any colon, a second
 * counted four words, a third matched verb stems inside labels).
 */
function introducesQuotation(text: string): boolean {
  const end = text.replace(INVISIBLE, '').replace(/(?:[\s*_>]|<\/?[A-Za-z][^<>]*>)+$/u, '');
  if (!end.endsWith(':')) return false;
  const line = end.slice(end.search(/[^\n\r\u2028\u2029]*$/u)).normalize('NFC').toLowerCase();
  const words = line.match(/\p{L}+/gu) ?? [];
  if (words.length < 2) return false;
  // A form opening the line is a noun heading a label ("Annonce légale :", "Figure A :", "Porte-parole :"), except
  // "voici" and "voilà" (a review, 2026-12-07); a verb has its subject before it.
  if (words[0] === 'voici' || words[0] === 'voilà') return true;
  if (words.some((w, i) => i > 0 && QUOTING_FORMS.has(w))) return true;
  return words.some((w, i) => QUOTING_PAIRS.has(`${w} ${words[i + 1] ?? ''}`));
}

/** Finite forms of verbs that report or show words, and `voici`, `voilà`. */
const QUOTING_FORMS = new Set(
  (
    'écrit écrivent écrivait écrivaient précise précisent précisait indique indiquent indiquait porte portent portait ' +
    'dit disent disait lit lisent lisait affiche affichent affichait mentionne mentionnent mentionnait figure figurent ' +
    'figurait stipule stipulent annonce annoncent annonçait signale signalent rappelle rappellent explique expliquent ' +
    'ajoute ajoutent répond répondent déclare déclarent affirme affirment cite citent proclame proclament contient ' +
    'contiennent contenait voici voilà'
  ).split(' '),
);
/** Two-word forms: `on peut lire :`, `se termine par :`, `se lit :`, `commence par :`. */
const QUOTING_PAIRS = new Set(['peut lire', 'peuvent lire', 'pouvait lire', 'se termine', 'se terminent', 'se terminait', 'se lit', 'commence par', 'commencent par', 'termine par']);

/**
 * Finds every machine-translation or AI notice in `source`.
 *
 * The source is folded once (case, accents, apostrophes, quotes, entities, white space runs: see
 * src/util/normalize.ts), each notice pattern runs once over the folded text, and matches are mapped back to the
 * source. Overlapping matches are resolved so that each stretch of text is reported once, by the most specific entry.
 * A notice wrapped over several lines, glued to the next element (`…rtrsauto)) par …`, seen on boursorama.com) or
 * written with entities is found; the match ends at its closing parenthesis, not at the end of the line.
 *
 * Never throws: a pattern that fails at run time is skipped.
 * @param source text to search (a whole document or one paragraph)
 * @param corpora loaded knowledge; only `corpora.notices` is read
 * @param context `before`: the text before `source` when it is one block of a page (the previous block), for the
 *   entries that must not follow a line ending with a colon (`ownLine`)
 * @returns matches sorted by start, non-overlapping; `start`/`end` are offsets in `source` (end exclusive)
 */
export function findNotices(source: string, corpora: Corpora, context: { before?: string } = {}): NoticeMatch[] {
  if (typeof source !== 'string' || source.length === 0 || corpora.notices.length === 0) return [];
  let folded: Normalized;
  try {
    folded = normalizeWithMap(source);
  } catch {
    return [];
  }
  const text = folded.text;
  const candidates: Candidate[] = [];
  corpora.notices.forEach((entry, order) => {
    // A text holding none of the pattern's required literals cannot match (src/corpora/literals.ts).
    if (!mayMatch(entry.literals, text)) return;
    try {
      const regex = globalRegex(entry.regex);
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          // An empty match is never a notice; step over it so that the scan ends.
          regex.lastIndex = m.index + 1;
          continue;
        }
        if (entry.standalone === true) {
          const range = sourceRange(folded, source, m.index, m.index + m[0].length);
          if (!standsAlone(source, range.start, range.end, entry, context.before)) continue;
        }
        candidates.push({ entry, order, start: m.index, end: m.index + m[0].length });
      }
      regex.lastIndex = 0;
    } catch {
      // A corpus pattern that throws (e.g. a stack overflow on pathological input) must not stop the check.
    }
  });
  if (candidates.length === 0) return [];

  candidates.sort(compare);
  // Characters of the folded text already taken by a kept match (src/util/claims.ts).
  const taken = new Uint8Array(text.length);
  const kept = candidates.filter((c) => claim(taken, c.start, c.end));
  kept.sort((a, b) => a.start - b.start);

  return kept.map(({ entry, start, end }) => {
    const range = sourceRange(folded, source, start, end);
    return {
      id: entry.id,
      agency: entry.agency,
      language: entry.language,
      declares: entry.declares,
      weight: entry.weight,
      start: range.start,
      end: range.end,
      text: source.slice(range.start, range.end),
      status: matchStatus(entry.status),
      generic: entry.generic ?? false,
    };
  });
}
