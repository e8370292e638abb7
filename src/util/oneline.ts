// Makes a file name safe for a one-line diagnostic (ingest errors, SARIF notifications, CLI stderr).

/** A file name safe to put in a one-line message: control characters (a newline in a name) become `?`. */
export function oneLine(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
