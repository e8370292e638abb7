// Types of scripts/ascii.mjs (for tests/scripts/ascii.test.ts).
export function escapeUnits(text: string): string;
export function toAscii(source: string): string;
