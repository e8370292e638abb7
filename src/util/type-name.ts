// What a value is, for "expected …, got …" messages about values a caller or a user's module handed over.

/** `null` and arrays named as such, else the value's typeof (`undefined`, `string`, `function` …). */
export function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
