// Helpers for batch tests: small French archives in temp folders, a CLI harness like main.ts, file listings.
import { afterEach, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import yargs from 'yargs';
import { batchCommand } from '../../src/cli/batch.js';
import { WireproofError } from '../../src/types.js';
import { freshDist } from '../support/dist.js';
import { fakeIo, type CapturedIo } from '../support/io.js';

/** The Reuters machine-translation notice as published on French wires (seeds/000). */
export const REUTERS_NOTICE =
  "((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))";

/** A declared machine translation: notice, RIC code, credit line. */
export const MACHINE_WIRE = [
  'Le constructeur automobile relève ses prévisions annuelles',
  REUTERS_NOTICE,
  "Le constructeur automobile Renault RENA.PA a relevé mardi ses prévisions de marge opérationnelle pour l'année, grâce à une demande plus forte que prévu en Europe, a déclaré la société dans un communiqué.",
  "La société a également déclaré qu'elle s'attendait à ce que ses flux de trésorerie disponibles dépassent 2 milliards d'euros, contre une estimation précédente de 1,5 milliard.",
  "Les actions du groupe ont augmenté de 4 % dans les premiers échanges à la Bourse de Paris.",
  '(Reportage de Gilles Guillaume; version française Jean Dupont)',
].join('\n\n');

/** Text written in French by a journalist (no notice, idiomatic phrasing). */
export const HUMAN_WIRE = [
  'Grève à la SNCF : le trafic reste perturbé jeudi',
  "PARIS, 12 mars - Le trafic restera très perturbé jeudi sur l'ensemble du réseau, a prévenu mercredi soir la direction, qui table sur un TGV sur deux et un TER sur trois en moyenne.",
  "Les syndicats, reçus dans l'après-midi au ministère, sont ressortis sans avoir obtenu gain de cause et appellent à reconduire le mouvement jusqu'à la fin de la semaine.",
  "« Nous irons jusqu'au bout », a lancé à la sortie un responsable de la CGT-Cheminots, sous les applaudissements d'une cinquantaine de militants.",
].join('\n\n');

/** An article whose text carries markup that must never reach any HTML as markup. */
export const HOSTILE_WIRE = [
  'Une dépêche piégée',
  'Le texte contient <script>alert("x")</script> et <img src=x onerror=alert(1)> au milieu d\'une phrase.',
  "Le ministère a confirmé l'information mardi, sans donner davantage de précisions sur le calendrier retenu.",
].join('\n\n');

/** A temp folder with the given files (paths relative to it, forward slashes). */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'wireproof-batch-'));
  writeTree(root, files);
  return root;
}

/** Writes files under a folder, creating parents. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, ...rel.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** Bytes no one would call text. */
export function binaryBytes(): Uint8Array {
  const out = new Uint8Array(2048);
  for (let i = 0; i < out.length; i++) out[i] = (i * 131 + 7) % 256;
  return out;
}

/** Every file under a folder, relative, forward slashes, sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(root, abs).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Runs `wireproof batch …` through yargs as main.ts does (strict parsing, usage errors and WireproofError → 2). */
export async function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<{ code: number; io: CapturedIo }> {
  const io = fakeIo(env, cwd);
  let code = 0;
  let usageError: string | undefined;
  const parser = yargs(argv)
    .scriptName('wireproof')
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      usageError = err ? err.message : msg;
    })
    .command(batchCommand(io, (c) => {
      code = c;
    }))
    .demandCommand(1);
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof WireproofError) {
      io.stderr(`wireproof: ${error.message}\n`);
      return { code: 2, io };
    }
    if (usageError === undefined) throw error;
  }
  if (usageError !== undefined) {
    io.stderr(`wireproof: ${usageError}\n`);
    return { code: 2, io };
  }
  return { code, io };
}

/** A small RFC 4180 reader, independent of the writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** dist/batch/worker.js when it is built from the current sources (tests/support/dist.ts), else null. */
export function freshDistWorker(): string | null {
  return freshDist('dist/batch/worker.js');
}

/** Who the built CLI runs as in {@link runBinUnprivileged}: the conventional "nobody" when the tests run as root. */
const NOBODY = 65534;

/**
 * Runs the built CLI (package.json's bin) in a child process that permissions apply to: as "nobody" when the tests
 * run as root (root lists and reads mode-000 folders, so EACCES cannot happen to it), as the test's own user
 * otherwise. The working folder is opened to everyone first when the child is "nobody", so that it can write there.
 * @returns null when dist/ is missing or older than src/ (the caller skips: it must not test old code)
 */
export function runBinUnprivileged(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } | null {
  const bin = freshDist((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: { wireproof: string } }).bin.wireproof);
  if (bin === null) return null;
  const root = process.getuid?.() === 0;
  if (root) chmodSync(cwd, 0o777);
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(root ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * For permission tests: `withBin` is jest's `test` when the built CLI is fresh (runBinUnprivileged needs it), else
 * `test.skip`, with a warning naming `what`; `lock` takes a folder's permissions away (mode 000, or `mode`) until the
 * test ends, so the temporary tree stays removable.
 */
export function permissionTests(what: string): { withBin: typeof test | typeof test.skip; lock: (path: string, mode?: number) => void } {
  const built = freshDist('dist/cli/bin.cjs') !== null;
  if (!built) console.warn(`skipping permission tests of ${what}: dist/ is missing or older than src/ (run npm run build)`);
  const locked: string[] = [];
  afterEach(() => {
    for (const path of locked.splice(0)) chmodSync(path, 0o755);
  });
  return {
    withBin: built ? test : test.skip,
    lock: (path, mode = 0o000) => {
      chmodSync(path, mode);
      locked.push(path);
    },
  };
}
