// Word counts as the scorer and the quotation rules count them: white-space separated runs that hold a letter.

/** Words of a text: white-space separated runs that hold a letter (`12 %` is one word, `—` none). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
