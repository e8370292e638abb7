// Sentence splitting: Intl.Segmenter, then re-joining splits made after French (and English) abbreviations.
import type { Sentence } from '../types.js';

/**
 * Abbreviations after which a full stop does not end a sentence. V8 ignores `-u-ss-standard` and splits after
 * "M." and "janv." (measured, ../shared/research/node-ecosystem-and-style.md §4), so we merge those splits back.
 */
const ABBREVIATIONS = new Set(
  [
    'M.', 'MM.', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Me', 'Dr', 'Pr', 'St', 'Ste', 'Mgr', 'P.-D.G.', 'PDG.', 'p.-d.g.',
    'janv.', 'févr.', 'fév.', 'avr.', 'juil.', 'sept.', 'oct.', 'nov.', 'déc.', 'av.', 'apr.', 'J.-C.', 'env.',
    'etc.', 'cf.', 'p.', 'pp.', 'no.', 'n°.', 'art.', 'chap.', 'vol.', 'éd.', 'coll.', 'min.', 'max.', 'hab.', 'km.',
    'St.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Sen.', 'Rep.', 'Gov.', 'Gen.', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Aug.',
    'Sept.', 'Oct.', 'Nov.', 'Dec.', 'Inc.', 'Corp.', 'Co.', 'Ltd.', 'No.', 'vs.', 'U.S.', 'U.K.', 'U.N.', 'E.U.',
    'S.A.', 'e.g.', 'i.e.',
  ].map((a) => a.toLowerCase()),
);

/**
 * Closing quotes and brackets opening a segment, followed by a space or the end of the text; nested closers each after
 * French spacing (`« … « Non. » » Puis`, `(« Non. » ) Puis`) count as one run, on one line.
 */
const CLOSING = /^[»”)\]]+(?:[^\S\n]+[»”)\]]+)*(?=\s|$)/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang === 'und' ? 'fr' : lang, { granularity: 'sentence' });
    } catch {
      // Not a language tag ICU accepts (a declared language is any string through the API): split as for French.
      s = new Intl.Segmenter('fr', { granularity: 'sentence' });
    }
    segmenters.set(lang, s);
  }
  return s;
}

/** True when `text` (a sentence candidate) ends with a known abbreviation or a single initial ("J."). */
function endsWithAbbreviation(text: string): boolean {
  const trimmed = text.trimEnd();
  const last = /(\S+)$/.exec(trimmed)?.[1];
  if (!last) return false;
  const word = last.replace(/^[("«“'"]+/, '');
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (ABBREVIATIONS.has(word.toLowerCase().replace(/\.$/, ''))) return true;
  // A single capital initial ("Donald J. Trump"), or dotted initials ("P.-D.G.", "A.B.").
  return /^(?:[A-ZÀ-Ý]\.)+$/.test(word) || /^[A-ZÀ-Ý]\.-[A-ZÀ-Ý]\.$/.test(word);
}

/**
 * Splits a paragraph into sentences.
 * @param text paragraph text
 * @param lang ISO 639-1 language for the segmenter
 * @returns sentences with offsets into `text` (end exclusive, trailing space excluded)
 */
export function splitSentences(text: string, lang = 'fr'): Sentence[] {
  const raw: { start: number; end: number }[] = [];
  for (const seg of segmenter(lang).segment(text)) {
    let start = seg.index;
    const end = start + seg.segment.length;
    const prev = raw[raw.length - 1];
    // ICU keeps a closing quote with its sentence only when no space precedes it, but French puts one before »
    // ("« Je pars. » Puis"): the » opened the next sentence. It ends the previous one (not across a line break).
    const closing = prev && /[^\S\n]$/u.test(text.slice(prev.start, prev.end)) ? CLOSING.exec(text.slice(start, end)) : null;
    if (prev && closing) {
      prev.end = start + closing[0].length;
      start = prev.end;
      if (start >= end) continue;
    }
    const next = text.slice(start, end);
    // Merge after an abbreviation, unless the next piece starts a new paragraph line.
    if (prev && endsWithAbbreviation(text.slice(prev.start, prev.end)) && !/^\s*\n/.test(next)) {
      prev.end = end;
    } else {
      raw.push({ start, end });
    }
  }
  const out: Sentence[] = [];
  for (const r of raw) {
    let s = r.start;
    let e = r.end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}
