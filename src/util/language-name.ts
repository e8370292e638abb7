// English names of language codes for messages ("German" for de), from ICU, which Node ships in full.

let names: Intl.DisplayNames | undefined;

/**
 * The English name of an ISO 639 code (`de` → `German`), or undefined for `any`, `und` and codes ICU does not name.
 */
export function languageName(code: string): string | undefined {
  if (code === 'any' || code === 'und') return undefined;
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'language' });
    const name = names.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    // A code Intl refuses as malformed: the caller shows the code itself.
    return undefined;
  }
}
