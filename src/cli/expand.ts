// What `check` reads for each command-line input: a file as given, a folder's wire files, a quoted glob's matches.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { errorReport } from '../report/build.js';
import type { Report } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { oneLine } from '../util/oneline.js';

/** One thing to check, in order: a path for checkFiles, or an error report already made here. */
export type CheckInput = { path: string } | { report: Report };

/** Characters without which a word is not read as a glob (see patternKind; its module is loaded only when one is present). */
const MAYBE_GLOB = /[*?[{]/;

/**
 * Expands the inputs of `check` as ESLint does its own: a folder stands for the wire files under it (the batch
 * command's walk: .txt, .md, .html…, hidden entries skipped), and a word that names nothing but is a glob (quoted, so
 * the shell left it alone, or a shell without globbing) for its matches. Anything else is passed on as given, and
 * reading it reports what is wrong. A folder without wire files, or a glob with a wildcard matching nothing, is an
 * input error (exit 2), as a missing file is; a word whose only glob syntax is brackets or parentheses (`Wire (1).txt`)
 * is a missing file when nothing matches (patternKind). A file reached twice, named or through folders or globs, is
 * checked once. An existing --output-file that a folder or glob reaches is an input like any other, and is refused
 * as one: it was left out of the walk, so that `check w3 -o w3/m0.txt` silently dropped the wire m0.txt and wrote the
 * report over it (review, 2026-12-07). A second `check wires/ -o wires/r.txt` is therefore refused: write reports
 * outside the folders checked.
 *
 * @param files the command line's inputs (`-` is standard input)
 * @param cwd the folder relative paths start from
 */
export async function expandCheckInputs(files: readonly string[], cwd: string): Promise<CheckInput[]> {
  const out: CheckInput[] = [];
  // Files are compared by real path: a file reached through a link to a folder is still the same file.
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = real(resolve(cwd, path));
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path });
  };
  const fail = (file: string, message: string, code: 'not-found' | 'unreadable'): void => {
    out.push({ report: errorReport(file, code, message) });
  };
  for (const input of files) {
    if (input === '-') {
      out.push({ path: input });
      continue;
    }
    if (input === '') {
      // `check "$UNSET"`: an empty word would resolve to the working folder and check all of it.
      fail(input, '"": empty file name', 'not-found');
      continue;
    }
    const abs = resolve(cwd, input);
    let directory = false;
    let exists: boolean;
    try {
      const st = statSync(abs, { throwIfNoEntry: false });
      exists = st !== undefined;
      directory = st?.isDirectory() ?? false;
    } catch {
      exists = true; // ENOTDIR, EACCES…: reading it says why
    }
    if (directory) {
      const { FOLDER_EXTENSIONS, wireFilesIn } = await import('../batch/inputs.js');
      const { files: found, unreadable } = wireFilesIn(abs);
      if (found.length === 0 && unreadable.length === 0) {
        fail(input, `${oneLine(input)}: no wire files in this folder (${FOLDER_EXTENSIONS.join(', ')})`, 'not-found');
      }
      // In walk order, each named from the folder as given, as a file that reads is: a broken link under
      // `check /abs/wires` was `../wires/broken.txt` beside `/abs/wires/a.txt`, and listed before every file (review).
      const walked = [...found.map((f) => ({ path: f, error: undefined })), ...unreadable.map((u) => ({ path: u.path, error: u }))];
      walked.sort((a, b) => compareCodeUnits(a.path, b.path));
      for (const w of walked) {
        const name = join(input, relative(abs, w.path));
        if (!w.error) {
          add(name);
          continue;
        }
        // Reported once, also when named again (a broken link inside the folder was reported twice; review).
        const key = real(w.path);
        if (seen.has(key)) continue;
        seen.add(key);
        fail(name, `${oneLine(name)}: ${w.error.message}`, w.error.code);
      }
      continue;
    }
    if (!exists && MAYBE_GLOB.test(input)) {
      const { globMatches, patternKind } = await import('../batch/inputs.js');
      const kind = patternKind(input);
      if (kind !== null) {
        // Files and links to files; nothing through a link to a folder, as in the folder walk (see globMatches).
        const matches = (await globMatches(input, cwd, { onlyFiles: true, absolute: isAbsolute(input) })).sort(compareCodeUnits);
        for (const m of matches) add(m);
        if (matches.length > 0) continue;
        if (kind === 'wildcard') {
          fail(input, `${oneLine(input)}: no files match`, 'not-found');
          continue;
        }
        // `Wire [1].txt` matching nothing is a missing file: reading it says "no such file", as for any other name.
      }
    }
    // A file is checked once however often it is reached, as ESLint does: `check wires wires/a.txt` reported a.txt
    // twice, doubling its results in SARIF and its warnings against --max-warnings (review, 2026-12-07).
    const key = real(abs);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: input });
  }
  return out;
}

/** Real path, or the path itself when it cannot be resolved (missing: reading it says so). */
function real(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}
