// Rewrites a bundle's source in ASCII with the same meaning: non-ASCII in regular expressions, strings, comments and
// String.raw templates becomes \u escapes (esbuild escapes strings and identifiers itself, but not regular expressions).
import * as acorn from 'acorn';

/*
 * Why: V8 keeps a source with any non-ASCII character as a two-byte string, which Node must decode from UTF-8 on every
 * start-up. For the 1.2 MB command-line bundle, reading it as UTF-8 took 18–25 ms against 8–11 ms for the same bytes
 * as one-byte text, and the whole `check` ran 12 ms faster (median of 21 interleaved runs each, 2026-11-24).
 */

const NON_ASCII = /[\u0080-\uffff]/;

/** `\uXXXX` for each UTF-16 unit outside ASCII (a surrogate pair as two escapes, which every regex mode reads as one). */
export function escapeUnits(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The source with every non-ASCII character written as an escape, or an error naming what cannot be rewritten
 * (a template literal other than String.raw`…` without substitutions, say).
 * @param {string} source a script (CommonJS bundle)
 * @returns {string}
 */
export function toAscii(source) {
  const comments = [];
  const tokens = [...acorn.tokenizer(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true, onComment: comments })];
  const edits = [];
  for (const c of comments) {
    const text = source.slice(c.start, c.end);
    if (NON_ASCII.test(text)) edits.push([c.start, c.end, escapeUnits(text)]);
  }
  tokens.forEach((token, i) => {
    const text = source.slice(token.start, token.end);
    if (!NON_ASCII.test(text)) return;
    const kind = token.type.label;
    if (kind === 'regexp' || kind === 'string') {
      // `\é` (an identity escape) is `é`: drop that backslash before escaping, or `\\u00e9` would follow. In a string,
      // a backslash before U+2028 or U+2029 continues the line: both go.
      const unescaped = text.replace(/(\\+)([\u0080-\uffff])/g, (_, run, c) => (run.length % 2 === 0 ? run + c : kind === 'string' && (c === '\u2028' || c === '\u2029') ? run.slice(1) : run.slice(1) + c));
      edits.push([token.start, token.end, escapeUnits(unescaped)]);
    } else if (
      kind === 'template' &&
      tokens[i - 1]?.type.label === '`' &&
      tokens[i + 1]?.type.label === '`' &&
      tokens[i - 2]?.value === 'raw' &&
      tokens[i - 3]?.type.label === '.' &&
      tokens[i - 4]?.value === 'String' &&
      tokens[i - 4]?.type.label === 'name'
    ) {
      // String.raw`…` with no substitution is its raw text (line breaks read as \n, as in every template): the same
      // string as a literal.
      edits.push([tokens[i - 4].start, tokens[i + 1].end, escapeUnits(JSON.stringify(text.replace(/\r\n?/g, '\n')))]);
    } else {
      throw new Error(`non-ASCII ${kind} at offset ${token.start} cannot be escaped safely: ${JSON.stringify(text.slice(0, 60))}`);
    }
  });
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [start, end, text] of edits) {
    out += source.slice(last, start) + text;
    last = end;
  }
  out += source.slice(last);
  if (NON_ASCII.test(out)) throw new Error('non-ASCII text left after escaping');
  return out;
}
