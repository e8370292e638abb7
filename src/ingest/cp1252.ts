// The windows-1252 upper control range (0x80–0x9F), shared by the byte decoder and the HTML numeric-entity decoder.

/**
 * Code points of bytes 0x80–0x9F in windows-1252 (WHATWG Encoding, index-windows-1252), in byte order.
 * The five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to U+FFFD, as iconv-lite does.
 * The same table is HTML's remapping of numeric references `&#128;`–`&#159;` (HTML Living Standard, "numeric
 * character reference end state"), which is why scraped pages may write a curly apostrophe as `&#146;`.
 */
export const CP1252_HIGH: readonly number[] = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];

/**
 * The character a single windows-1252 byte stands for.
 * @param byte 0–255
 * @returns a one-unit string
 */
export function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? String.fromCharCode(CP1252_HIGH[byte - 0x80]!) : String.fromCharCode(byte);
}
