// Suggestions written with the capital of the text they replace.

/**
 * The suggestion with the capital of the text it replaces: a match opening a sentence ("Dans une déclaration mise à
 * jour") was offered "dans un communiqué mis à jour" (an editor's review, 2026-12-07). Only a lower-case first letter
 * is raised; a suggestion that opens on a capital or a non-letter is left as written.
 *
 * @param suggestion the replacement, as the corpus writes it
 * @param replaced the text it would replace
 */
export function sameCase(suggestion: string, replaced: string): string {
  const first = replaced.charAt(0);
  const lead = suggestion.charAt(0);
  return first !== first.toLowerCase() && lead !== lead.toUpperCase() ? lead.toUpperCase() + suggestion.slice(1) : suggestion;
}
