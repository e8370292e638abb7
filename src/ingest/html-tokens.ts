// A positional HTML tokenizer that mirrors htmlparser2 (linkedom's parser), so DOM elements can be found in the source.
import { BREAK_ELEMENTS, SKIP_ELEMENTS } from './align.js';

/** Kinds of token. `raw` is the content of script/style/title/textarea/xmp, which holds no tags. */
export type TokenKind = 'text' | 'raw' | 'start' | 'end' | 'comment';

/** One piece of the source. `start`/`end` are offsets in the source (end exclusive). */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Lower-case tag name for `start`/`end`; for `raw`, the element whose content it is. */
  name?: string;
  /**
   * For `start`: htmlparser2 creates an element that the source does not spell out (a stray `</p>` gives an
   * empty `<p>`, and `</br>` a `<br>`); the token then spans the end tag.
   */
  implied?: boolean;
  /** For `start`: the element is closed by its own tag (void element, or `<x/>` inside svg/math). */
  closed?: boolean;
}

/** The tokens and, per tag name, the indexes of its `start` tokens in element-creation order. */
export interface Tokenized {
  tokens: Token[];
  starts: Map<string, number[]>;
  /**
   * Start tags (source ranges) that opened an element nested deeper than {@link MAX_NESTING}, and whether the element
   * separates words (a block-level one) or not (inline: `<a>`, `<em>` …).
   */
  tooDeep?: Array<[number, number, boolean]>;
}

/**
 * Deepest nesting parsed as markup. htmlparser2 keeps its open elements innermost first (unshift, splice(0, …)), so
 * its cost grows with depth × elements: 100,000 nested `<div>`s took 7.8 s in linkedom's parse alone (2026-12-08).
 * Browsers cap the depth of the tree their parser builds too (Chromium at 512); here a start tag deeper than this
 * is blanked out before parsing ({@link blankTooDeep}), its text kept. Text blocks (`p`, headings, `li` …) are kept
 * down to twice that depth, so that a paragraph under 600 wrappers is still a paragraph.
 */
export const MAX_NESTING = 512;
/**
 * Elements whose start tags are blanked only below 2 × {@link MAX_NESTING}: text blocks, and elements whose content is
 * not text (a blanked `<noscript>` or `<button>` would make its content article text). Raw-text elements (script,
 * style …) are never blanked: their content cannot nest, and blanked it became article text (a review, 2026-12-08).
 */
const DEEP_ALLOWED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'figcaption', ...SKIP_ELEMENTS]);

/** Elements whose content htmlparser2's tokenizer reads as text up to their end tag (`Tokenizer.js`, `Sequences`). */
const SPECIAL = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

// The tables below are copied from htmlparser2 10.1.0 `Parser.js` (the version linkedom 0.18 depends on). They
// decide when htmlparser2 closes elements implicitly, which decides whether `</p>` creates an extra `<p>`.
const P_TAG = new Set(['p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((n) => [n, P_TAG] as [string, Set<string>]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((n) => [n, FORM_TAGS] as [string, Set<string>]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ...[
    'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
    'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((n) => [n, P_TAG] as [string, Set<string>]),
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);
/** Elements without content or end tag (htmlparser2 `voidElements`). */
export const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isNameEnd(c: number): boolean {
  return c === 47 || c === 62 || isSpace(c);
}

/**
 * Tokenizes HTML the way htmlparser2 does in HTML mode, keeping offsets: tags start with `<` and an ASCII letter,
 * comments run to the first `-->` (`<!-->` is a whole comment), `<![CDATA[…]]>` is a comment, `<!…>`, `<?…>` and
 * `</` followed by a non-letter are skipped to `>`, and script/style/title/textarea/xmp content runs to its end tag.
 * A small copy of htmlparser2's open-element stack adds the elements it creates without a start tag.
 * Never throws; unfinished constructs at the end of the input are treated as htmlparser2 treats them.
 *
 * @param source HTML source
 * @returns the tokens and the start-tag index by name
 */
export function tokenizeHtml(source: string): Tokenized {
  const tokens: Token[] = [];
  const starts = new Map<string, number[]>();
  // Open elements, innermost LAST (htmlparser2 keeps its `stack` innermost first, with unshift and splice(0, …);
  // copied that way, 50,000 nested <div>s took 8.5–10.8 s here, an API review found, 2026-12-08).
  const stack: string[] = [];
  const foreign: boolean[] = [false];
  const top = (): string | undefined => stack[stack.length - 1];
  const tooDeep: Array<[number, number, boolean]> = [];
  const n = source.length;
  let textStart = 0;
  let i = 0;

  const flushText = (end: number): void => {
    if (end > textStart) tokens.push({ kind: 'text', start: textStart, end });
  };
  const addStart = (token: Token): void => {
    const name = token.name!;
    let list = starts.get(name);
    if (!list) starts.set(name, (list = []));
    list.push(tokens.length);
    tokens.push(token);
  };
  const openElement = (name: string): void => {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 0 && closes.has(top()!)) stack.pop();
    if (!VOID_ELEMENTS.has(name)) {
      stack.push(name);
      if (FOREIGN.has(name)) foreign.push(true);
      else if (INTEGRATION.has(name)) foreign.push(false);
    }
  };
  const closeElement = (name: string, at: number, end: number): void => {
    if (FOREIGN.has(name) || INTEGRATION.has(name)) {
      if (foreign.length > 1) foreign.pop();
    }
    if (!VOID_ELEMENTS.has(name)) {
      const pos = stack.lastIndexOf(name);
      if (pos >= 0) stack.length = pos;
      else if (name === 'p') {
        openElement('p');
        addStart({ kind: 'start', start: at, end, name: 'p', implied: true, closed: true });
        if (top() === 'p') stack.pop();
      }
    } else if (name === 'br') {
      addStart({ kind: 'start', start: at, end, name: 'br', implied: true, closed: true });
    }
  };

  while (i < n) {
    const lt = source.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = source.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      let end: number;
      if (source.startsWith('<!--', lt)) {
        // The opening dashes count towards `-->`, so `<!-->` and `<!--->` are complete comments.
        const close = source.indexOf('-->', lt + 2);
        end = close < 0 ? n : close + 3;
      } else if (source.startsWith('<![CDATA[', lt)) {
        const close = source.indexOf(']]>', lt + 9);
        end = close < 0 ? n : close + 3;
      } else {
        const close = source.indexOf('>', lt + 2);
        end = close < 0 ? n : close + 1;
      }
      flushText(lt);
      tokens.push({ kind: 'comment', start: lt, end });
      i = textStart = end;
      continue;
    }
    if (c === 63 /* ? */) {
      const close = source.indexOf('>', lt + 2);
      const end = close < 0 ? n : close + 1;
      flushText(lt);
      tokens.push({ kind: 'comment', start: lt, end });
      i = textStart = end;
      continue;
    }
    if (c === 47 /* / */) {
      let j = lt + 2;
      while (j < n && isSpace(source.charCodeAt(j))) j++;
      if (j >= n) break;
      const d = source.charCodeAt(j);
      if (d === 62 /* > */) {
        // `</>` is dropped.
        flushText(lt);
        tokens.push({ kind: 'comment', start: lt, end: j + 1 });
        i = textStart = j + 1;
        continue;
      }
      const close = source.indexOf('>', j);
      const end = close < 0 ? n : close + 1;
      flushText(lt);
      if (!isAlpha(d)) {
        tokens.push({ kind: 'comment', start: lt, end });
      } else {
        let k = j;
        while (k < n && source.charCodeAt(k) !== 62 && !isSpace(source.charCodeAt(k))) k++;
        const name = source.slice(j, k).toLowerCase();
        if (close >= 0) {
          tokens.push({ kind: 'end', start: lt, end, name });
          closeElement(name, lt, end);
        } else {
          tokens.push({ kind: 'comment', start: lt, end });
        }
      }
      i = textStart = end;
      continue;
    }
    if (!isAlpha(c)) {
      i = lt + 1;
      continue;
    }
    // Start tag: name, then attributes (quoted values may hold `>`), then `>` or `/>`.
    let j = lt + 1;
    while (j < n && !isNameEnd(source.charCodeAt(j))) j++;
    const name = source.slice(lt + 1, j).toLowerCase();
    let selfClosing = false;
    let end = -1;
    while (j < n) {
      const d = source.charCodeAt(j);
      if (d === 62) {
        end = j + 1;
        break;
      }
      if (d === 47) {
        selfClosing = source.charCodeAt(j + 1) === 62;
        j++;
        continue;
      }
      if (isSpace(d)) {
        j++;
        continue;
      }
      // Attribute name: up to `=`, space, `/` or `>`.
      while (j < n) {
        const e = source.charCodeAt(j);
        if (e === 61 || isNameEnd(e)) break;
        j++;
      }
      while (j < n && isSpace(source.charCodeAt(j))) j++;
      if (source.charCodeAt(j) !== 61) continue;
      j++;
      while (j < n && isSpace(source.charCodeAt(j))) j++;
      const q = source.charCodeAt(j);
      if (q === 34 || q === 39) {
        const close = source.indexOf(q === 34 ? '"' : "'", j + 1);
        j = close < 0 ? n : close + 1;
      } else {
        while (j < n && source.charCodeAt(j) !== 62 && !isSpace(source.charCodeAt(j))) j++;
      }
    }
    if (end < 0) {
      // An unfinished start tag at the end of the input creates no element in htmlparser2.
      flushText(lt);
      tokens.push({ kind: 'comment', start: lt, end: n });
      textStart = n;
      break;
    }
    flushText(lt);
    openElement(name);
    if (stack.length > (DEEP_ALLOWED.has(name) ? 2 * MAX_NESTING : MAX_NESTING) && top() === name && !SPECIAL.has(name)) {
      // Left out of the stack: it will be blanked, and what follows is as deep as it will be then (counted with it,
      // an article under 1,100 wrappers lost its paragraphs, which sat at 513 once the wrappers were gone; review).
      tooDeep.push([lt, end, BREAK_ELEMENTS.has(name)]);
      stack.pop();
      if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
    }
    // As htmlparser2: `/>` closes only in foreign content, judged after the element's own push (so `<svg/>` closes),
    // and closing this way does not pop the foreign-content flag (`closeCurrentTag` leaves `foreignContext` alone).
    const inForeign = foreign[foreign.length - 1] === true;
    const closed = VOID_ELEMENTS.has(name) || (selfClosing && inForeign);
    if (selfClosing && inForeign && top() === name) stack.pop();
    addStart({ kind: 'start', start: lt, end, name, closed });
    i = textStart = end;
    if (SPECIAL.has(name) && !selfClosing) {
      // Raw content up to `</name` followed by space or `>` (case-insensitive); the end tag is then a normal one.
      const re = new RegExp(`</${name}[\\s>]`, 'ig');
      re.lastIndex = end;
      const m = re.exec(source);
      const rawEnd = m ? m.index : n;
      if (rawEnd > end) tokens.push({ kind: 'raw', start: end, end: rawEnd, name });
      i = textStart = rawEnd;
    }
  }
  flushText(n);
  return tooDeep.length > 0 ? { tokens, starts, tooDeep } : { tokens, starts };
}

/**
 * The source with the start tags nested deeper than {@link MAX_NESTING} blanked (same length, so every offset still
 * points at the same character of the page), and its tokens. A block-level tag becomes spaces, as it separated words;
 * an inline one (`<a href…>` in `l’<a>Otan</a>`) a bogus processing instruction that both parsers drop, `<?_…_>`
 * (`<?>` for three characters; linkedom kept `</>` as text), since spaces made `l’ Otan`, a broken apostrophe (a
 * review, 2026-12-08). Blanking can change what is
 * open after it, so the check repeats, at most three times.
 */
export function blankTooDeep(source: string, tokenized: Tokenized): { source: string; tokenized: Tokenized } {
  for (let pass = 0; pass < 3 && tokenized.tooDeep; pass++) {
    const parts: string[] = [];
    let at = 0;
    for (const [start, end, separates] of tokenized.tooDeep) {
      const n = end - start;
      parts.push(source.slice(at, start), separates ? ' '.repeat(n) : `<?${'_'.repeat(n - 3)}>`);
      at = end;
    }
    parts.push(source.slice(at));
    source = parts.join('');
    tokenized = tokenizeHtml(source);
  }
  return { source, tokenized };
}

/**
 * Index of the token holding `offset` (binary search), or the first token after it.
 * @param tokens tokens in source order
 * @param offset a source offset
 */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
