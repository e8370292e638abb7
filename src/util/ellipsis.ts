// Shortens text for a message or a report line without splitting a character (surrogate pair, accent, emoji).

/**
 * `text` if it has at most `max` UTF-16 units, else its start and `…`, `max` units at most in all (`''` when `max` < 1).
 * The cut never falls inside a surrogate pair (an emoji would become U+FFFD in a terminal and a lone surrogate in
 * JSON), between a letter and its combining marks or a variation selector / zero-width joiner (a decomposed "é"
 * would lose its accent, an emoji sequence its tail), nor between the two regional indicators of a flag.
 */
export function ellipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let cut = Math.max(0, max - 1);
  // Step back while the first unit left out continues the character before it.
  while (cut > 0 && continues(text, cut)) cut--;
  return `${text.slice(0, cut)}…`;
}

const MARK = /\p{M}/u;

/** Combining mark, zero-width (non-)joiner or variation selector: never the start of a character. */
function joining(code: number, ch: string): boolean {
  return code === 0x200c || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || MARK.test(ch);
}

function continues(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff) return true; // low surrogate: the pair started before `at`
  if (joining(code, text[at]!)) return true;
  // A unit after a zero-width joiner belongs to the joined sequence.
  const before = text.charCodeAt(at - 1);
  if (before === 0x200d) return true;
  // Emoji modifiers (skin tones) and tag characters are astral: their high surrogate at `at` continues the character.
  if (code >= 0xd800 && code <= 0xdbff) {
    const cp = text.codePointAt(at)!;
    if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) return true;
    // A flag is two regional indicators: the second continues the first when an odd number of them precedes it.
    if (isRegional(cp)) {
      let before = 0;
      for (let k = at - 2; k >= 0 && isRegional(text.codePointAt(k)!); k -= 2) before++;
      if (before % 2 === 1) return true;
    }
  }
  return false;
}

function isRegional(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}
