// Numbers in English and French text — digits, number words, scales, percentages, times — as comparable values.

/** A number found in a text. */
export interface NumberMention {
  /** Canonical value: `2.9 million` → 2900000; times are minutes after midnight. */
  value: number;
  /** Times compare only with times (16h30 ↔ 4:30 p.m.); everything else is a plain number. */
  kind: 'number' | 'time';
  /** 0-based offsets in the text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** True for spelled-out numbers ("four", "quatre"). */
  spelled: boolean;
}

/** Scale words after a number, per language. French `billion` is 10¹² (the long scale), not the English 10⁹. */
const SCALES: Record<string, Record<string, number>> = {
  en: {
    thousand: 1e3,
    million: 1e6,
    millions: 1e6,
    mln: 1e6,
    mn: 1e6,
    billion: 1e9,
    billions: 1e9,
    bln: 1e9,
    bn: 1e9,
    trillion: 1e12,
    trillions: 1e12,
    tln: 1e12,
    tn: 1e12,
  },
  fr: {
    mille: 1e3,
    millier: 1e3,
    milliers: 1e3,
    million: 1e6,
    millions: 1e6,
    milliard: 1e9,
    milliards: 1e9,
    md: 1e9,
    mds: 1e9,
    mrd: 1e9,
    mrds: 1e9,
    billion: 1e12,
    billions: 1e12,
  },
};

/** Number words that add up ("twenty-two", "soixante-dix-huit"). */
const UNITS: Record<string, Record<string, number>> = {
  en: {
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
    twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
    twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  },
  fr: {
    zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
    onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30,
    quarante: 40, cinquante: 50, soixante: 60,
  },
};

/** Multipliers inside a spelled number. */
const HUNDRED: Record<string, Set<string>> = { en: new Set(['hundred']), fr: new Set(['cent', 'cents']) };

/**
 * Ordinal words from third on. "first"/"second" (and premier/deuxième/second) are left out: they are idioms as often
 * as numbers ("first reported" ↔ "a d'abord rapporté", seed 003), and one side would count them when the other cannot.
 */
const ORDINALS: Record<string, Record<string, number>> = {
  en: {
    third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
    thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
    twentieth: 20, hundredth: 100,
  },
  fr: {
    troisième: 3, quatrième: 4, cinquième: 5, sixième: 6, septième: 7, huitième: 8, neuvième: 9, dixième: 10,
    onzième: 11, douzième: 12, treizième: 13, quatorzième: 14, quinzième: 15, seizième: 16, vingtième: 20,
    centième: 100,
  },
};

/** Joiners allowed between number words: "two hundred and fifty", "vingt et un". */
const JOINERS: Record<string, Set<string>> = { en: new Set(['and']), fr: new Set(['et']) };

/** Words standing for 1 that are articles or pronouns far more often than numbers ("one of", "une entreprise"). */
const AMBIGUOUS_ONE = new Set(['one', 'un', 'une']);

/** Words before "a third" that make it a fraction: "by a third", "nearly a third", "more than a third". */
const FRACTION_BEFORE = new Set(['by', 'than', 'nearly', 'almost', 'about', 'roughly', 'barely', 'fully', 'least']);
/** Words after "a third" that end its noun phrase, so that it is a fraction: "fell a third in 2025", "a third to". */
const AFTER_FRACTION = new Set(['in', 'to', 'from', 'since', 'last', 'this', 'on', 'at', 'and', 'or', 'as', 'after', 'before', 'during', 'over', 'between', 'compared', 'while', 'but']);

function lang(language: string): 'en' | 'fr' {
  return language === 'en' ? 'en' : 'fr';
}

/**
 * Digits, per language: English `1,234.5`; French `1 234,5` (space, no-break or narrow no-break space groups),
 * `1.500` (a full stop followed by exactly three digits groups thousands in French), or `2.9` kept from English
 * by machine translation. Not preceded by a digit or a decimal separator that belongs to another number.
 */
const DIGITS: Record<'en' | 'fr', RegExp> = {
  en: /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.,])\d+(?:\.\d+)?(?!\d)/gu,
  fr: /(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,.])|(?<![\d.,])\d+(?:[,.]\d+)?(?!\d)/gu,
};

/** Times: `4:30 p.m.`, `0930 GMT`, `16h30`, `16 h 30`, `9 h`, `14:05`. Matched before plain digits. */
const TIMES: Record<'en' | 'fr', RegExp> = {
  // The zone must be a whole word: "1500 ETFs" is a count, not 15:00 ET.
  en: /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?|\b(\d{2})(\d{2})\s*(?=(?:GMT|UTC|ET|EST|EDT|CET|BST|PT|PST|PDT)\b)|\b(\d{1,2}):(\d{2})\b/giu,
  fr: /\b(\d{1,2})\s?h\s?(\d{2})?(?![\p{L}\d])|\b(\d{1,2}):(\d{2})\b/giu,
};

/**
 * Words before "N h" that make it a duration (pendant 2h, en 48h, d'ici 24h), not a clock time (à 9h). Not "depuis",
 * "pour", "des", "les": "ouverts depuis 8h", "convoqués pour 15h" are clock times.
 */
const FR_DURATION_CUE = /(?:^|[\s'’])(?:pendant|durant|en|sous|dans|d['’]ici)\s*$/iu;

/** Numeric dates: day/month/year or ISO; the month is dropped (the other side may spell it). */
const DATES = /\b(\d{1,2})\/(\d{1,2})\/(\d{2,4})\b|\b(\d{4})-(\d{2})-(\d{2})\b/gu;

function parseDigits(raw: string, language: 'en' | 'fr'): number {
  if (language === 'en') return Number(raw.replace(/,/g, ''));
  let s = raw.replace(/[ \u00a0\u202f]/g, '');
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  return Number(s.replace(',', '.'));
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** Whether two word positions are joined only by spaces or a hyphen (one spelled number). */
function adjacent(text: string, a: Word, b: Word): boolean {
  return /^[\s\u00a0-]*$/u.test(text.slice(a.end, b.start)) && b.start - a.end <= 3;
}

/** Spelled-out numbers, including their scale: "four", "twenty-two", "two hundred and fifty", "quatre-vingt-dix". */
function spelledNumbers(text: string, language: 'en' | 'fr'): NumberMention[] {
  const words = wordsOf(text);
  /** Whether `next` is a singular scale or "hundred" right after `a`: "a million", "a billion", "a hundred". */
  const isCountedBy = (next: (typeof words)[number] | undefined, a: (typeof words)[number]): boolean =>
    next !== undefined && /^(?:hundred|thousand|million|billion|trillion)$/.test(next.lower) && adjacent(text, a, next);
  const out: NumberMention[] = [];
  const units = UNITS[language]!;
  const scales = SCALES[language]!;
  const hundred = HUNDRED[language]!;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const ord = ORDINALS[language]![w.lower];
    if (ord !== undefined) {
      // "a third of", "by a third", "nearly a third", a clause-final "a third" are fractions (↔ "un tiers"); "a third
      // consecutive year", "a third person", "a third dose" are ordinals (two reviews of compare --source, 2026-12-07:
      // "troisième" was "not in the source", then a list of nouns was too short).
      const prev = words[i - 1];
      const next = words[i + 1];
      const before = words[i - 2];
      const fraction =
        !next ||
        !adjacent(text, w, next) ||
        next.lower === 'of' ||
        AFTER_FRACTION.has(next.lower) ||
        (before !== undefined && adjacent(text, before, prev!) && FRACTION_BEFORE.has(before.lower));
      if (language === 'en' && w.lower === 'third' && prev && adjacent(text, prev, w) && /^(?:a|one)$/.test(prev.lower) && fraction) continue;
      out.push({ value: ord, kind: 'number', start: w.start, end: w.end, text: w.text, spelled: true });
      continue;
    }
    // English "a million", "a hundred": the article is the one (↔ "un million", "une centaine" aside).
    const article = language === 'en' && w.lower === 'a' && isCountedBy(words[i + 1], w);
    // French "mille" alone is a thousand ("mille emplois" ↔ "1,000 jobs"; the same review), as is "un millier"; not in
    // a compound or a name ("Mille-Îles", "mille-feuilles", "Les Mille et Une Nuits", "Jean Mille": a hyphen or "et
    // un(e)" after it, or a capital right after a word; after a dash, a quote or a bracket it opens a sentence).
    const thousand =
      language === 'fr' &&
      (w.lower === 'millier' ||
        (w.lower === 'mille' &&
          !/^[-\u2010\u2011]|^\s+et\s+une?\b/iu.test(text.slice(w.end, w.end + 8)) &&
          (w.text === 'mille' || !/[\p{L}\p{N}][\s'’]*$/u.test(text.slice(Math.max(0, w.start - 4), w.start)))));
    if (!(w.lower in units) && !hundred.has(w.lower) && !article && !thousand) continue;
    // Collect the run of number words (and joiners between them).
    let j = i;
    let total = 0;
    let current = 0;
    let last = i;
    let count = 0;
    let prevLower = '';
    while (j < words.length) {
      const x = words[j]!;
      if (j > i && !adjacent(text, words[j - 1]!, x)) break;
      if (JOINERS[language]!.has(x.lower)) {
        const next = words[j + 1];
        if (!next || !(next.lower in units) || !adjacent(text, x, next)) break;
        j++;
        continue;
      }
      if (j === i && article) {
        current = 1;
      } else if (x.lower in units) {
        const v = units[x.lower]!;
        // quatre-vingt(s) = 80: the only multiplicative compound below 100 in French.
        if (language === 'fr' && (x.lower === 'vingt' || x.lower === 'vingts') && prevLower === 'quatre') current += 80 - 4;
        else current += v;
      } else if (hundred.has(x.lower)) {
        current = (current || 1) * 100;
      } else if (x.lower in scales) {
        // A larger scale after a scale multiplies what came before: "mille milliards" is 10^12, "trois mille milliards"
        // 3 × 10^12 (they added up to 1,000,001,000; a review, 2026-12-07); a smaller one adds: "un milliard mille".
        if (current === 0 && total > 0 && prevLower in scales && scales[x.lower]! > scales[prevLower]!) total *= scales[x.lower]!;
        else total += (current || 1) * scales[x.lower]!;
        current = 0;
      } else break;
      prevLower = x.lower;
      last = j;
      count++;
      j++;
    }
    const first = words[i]!;
    const end = words[last]!;
    i = last;
    if (count === 1 && AMBIGUOUS_ONE.has(first.lower)) continue;
    if (language === 'fr' && count === 1 && first.lower === 'neuf') {
      // "neuf" is also "new" (un véhicule neuf): a numeral precedes a word.
      const next = words[last + 1];
      if (!next || !/^\s+$/u.test(text.slice(end.end, next.start))) continue;
    }
    if (language === 'fr' && count === 1 && (first.lower === 'cent' || first.lower === 'cents')) {
      // "3 pour cent" is a percentage of 3, not 100; "5 cents" after digits is a currency unit (↔ "5 cents").
      if (/(?:pour|\d)\s*$/iu.test(text.slice(Math.max(0, first.start - 8), first.start))) continue;
    }
    out.push({ value: total + current, kind: 'number', start: first.start, end: end.end, text: text.slice(first.start, end.end), spelled: true });
  }
  return out;
}

function overlaps(taken: readonly [number, number][], start: number, end: number): boolean {
  return taken.some(([a, b]) => start < b && a < end);
}

/**
 * Finds the numbers of a text as comparable values.
 * @param text paragraph text
 * @param language `en` or `fr` (other languages are read with French conventions: decimal comma)
 * @returns mentions in text order
 */
export function findNumbers(text: string, language: string): NumberMention[] {
  const l = lang(language);
  const out: NumberMention[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(TIMES[l])) {
    let h: number;
    let min: number;
    if (l === 'en') {
      if (m[1] !== undefined) {
        h = Number(m[1]) % 12;
        min = Number(m[2] ?? 0);
        if (m[3]!.toLowerCase() === 'p') h += 12;
      } else if (m[4] !== undefined) {
        h = Number(m[4]);
        min = Number(m[5]);
      } else {
        h = Number(m[6]);
        min = Number(m[7]);
      }
    } else if (m[1] !== undefined) {
      h = Number(m[1]);
      min = Number(m[2] ?? 0);
      if (m[2] === undefined && (h >= 24 || FR_DURATION_CUE.test(text.slice(Math.max(0, m.index - 12), m.index)))) {
        // "24h", "pendant 2h", "en 48h": hours counted, not a clock time; the source says "24 hours".
        out.push({ value: h, kind: 'number', start: m.index, end: m.index + m[0].trimEnd().length, text: m[0].trimEnd(), spelled: false });
        taken.push([m.index, m.index + m[0].length]);
        continue;
      }
    } else {
      h = Number(m[3]);
      min = Number(m[4]);
    }
    if (h > 24 || min > 59) continue;
    out.push({ value: h * 60 + min, kind: 'time', start: m.index, end: m.index + m[0].trimEnd().length, text: m[0].trimEnd(), spelled: false });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(DATES)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    let day: string;
    let year: string;
    if (m[4] !== undefined) {
      year = m[4];
      day = m[6]!;
    } else {
      const a = Number(m[1]);
      const b = Number(m[2]);
      // d/m/y in French, m/d/y in English, unless a part above 12 says which is the day.
      const dayFirst = a > 12 ? true : b > 12 ? false : l === 'fr';
      day = String(dayFirst ? a : b);
      year = m[3]!;
    }
    const at = m.index;
    out.push({ value: Number(day), kind: 'number', start: at, end: at + m[0].length, text: m[0], spelled: false });
    out.push({ value: Number(year.length === 2 ? `20${year}` : year), kind: 'number', start: at, end: at + m[0].length, text: m[0], spelled: false });
  }
  for (const m of text.matchAll(DIGITS[l])) {
    const start = m.index;
    let end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    let value = parseDigits(m[0], l);
    // A scale word after the digits: "2.9 million", "2,9 millions", "$5bn", "5 Md€". A capital M is a million beside
    // a currency sign, on either side: "2,9 M$", "2,9 M€" ↔ "$2.9M".
    const after = /^[\s\u00a0\u202f]?([\p{L}]+)/u.exec(text.slice(end));
    if (after) {
      const money = /[$€£]$/u.test(text.slice(Math.max(0, start - 1), start)) || /^[$€£]/u.test(text.slice(end + after[0].length));
      const scale = after[1] === 'M' && money ? 1e6 : SCALES[l]![after[1]!.toLowerCase()];
      if (scale !== undefined && !(l === 'fr' && after[1] === 'mille' && value >= 1000)) {
        value *= scale;
        end += after[0].length;
      }
    }
    if (!Number.isFinite(value)) continue;
    // A span of years with its second year cut to two digits, "2026-27", is 2026 and 2027 in either language (English
    // writes it so, French mostly "2026-2027"; a review of compare --source, 2026-12-07: "2027" was reported against
    // "27").
    const span = m[0].length === 2 ? /(?:^|[^\d.,])((?:19|20)\d\d)[-–/]$/u.exec(text.slice(Math.max(0, start - 6), start)) : null;
    if (span) {
      const first = Number(span[1]);
      // Forward only, the next century for 1999-00: "2020-19" is not a span of years.
      if (value > first % 100) value += Math.floor(first / 100) * 100;
      else if (value === 0 && first % 100 === 99) value = first + 1;
    }
    out.push({ value, kind: 'number', start, end, text: text.slice(start, end), spelled: false });
    taken.push([start, end]);
  }
  for (const s of spelledNumbers(text, l)) {
    if (overlaps(taken, s.start, s.end)) continue;
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether two mentions denote the same quantity. */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  if (a.kind !== b.kind) return false;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

/** Renders a value for messages: `2900000` → "2,900,000", times as hh:mm. */
export function showValue(m: NumberMention): string {
  if (m.kind === 'time') return `${String(Math.floor(m.value / 60)).padStart(2, '0')}:${String(m.value % 60).padStart(2, '0')}`;
  return m.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * Pairs the mentions of two sides that denote the same quantity, in order of appearance.
 * @returns the left-overs of each side
 */
export function unmatchedNumbers(
  a: readonly NumberMention[],
  b: readonly NumberMention[],
): { a: NumberMention[]; b: NumberMention[] } {
  const usedB = new Set<number>();
  const leftA: NumberMention[] = [];
  for (const x of a) {
    const k = b.findIndex((y, i) => !usedB.has(i) && sameNumber(x, y));
    if (k === -1) leftA.push(x);
    else usedB.add(k);
  }
  return { a: leftA, b: b.filter((_, i) => !usedB.has(i)) };
}
