// Batch benchmark (node bench/batch.mjs): a generated 1,500-article French archive through `wireproof batch`, cold then cached.
// Whole-process figures, as a newsroom would see them: wall time, paragraphs per second, peak RSS, exit code.
// Needs a build (`npm run build`, done by `npm ci`). Options: --articles N, --concurrency N, --keep (keep the temp folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The archive's generator (deterministic: the same archive on every run and machine), from the build.
const { mulberry32: prng } = await import(pathToFileURL(join(root, 'dist', 'util', 'prng.js')).href);
// The installed command: package.json's bin (the esbuild bundle), else tsc's dist/cli/main.js.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const binPath = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.wireproof;
const cli = binPath && existsSync(join(root, binPath)) ? join(root, binPath) : join(root, 'dist', 'cli', 'main.js');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const COMPANIES = [
  ['Renault', 'RENA.PA'], ['TotalEnergies', 'TTEF.PA'], ['Airbus', 'AIR.PA'], ['BNP Paribas', 'BNPP.PA'], ['Sanofi', 'SASY.PA'],
  ['LVMH', 'LVMH.PA'], ['Danone', 'DANO.PA'], ['Orange', 'ORAN.PA'], ['Carrefour', 'CARR.PA'], ['Stellantis', 'STLAM.MI'],
  ['Siemens', 'SIEGn.DE'], ['Nestlé', 'NESN.S'], ['Volkswagen', 'VOWG_p.DE'], ['Michelin', 'MICP.PA'], ['Kering', 'PRTP.PA'],
  ['Air Liquide', 'AIRP.PA'], ['Vinci', 'SGEF.PA'], ['Safran', 'SAF.PA'], ['Engie', 'ENGIE.PA'], ['Capgemini', 'CAPP.PA'],
];
const PLACES = ['PARIS', 'BRUXELLES', 'FRANCFORT', 'LONDRES', 'GENÈVE', 'MADRID', 'MILAN', 'LYON', 'BERLIN', 'WASHINGTON'];
const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const PEOPLE = ['Claire Martin', 'Julien Petit', 'Sophie Bernard', 'Karim Haddad', 'Léa Moreau', 'Thomas Roux', 'Inès Fontaine', 'Marc Leroy', 'Nadia Benali', 'Paul Girard'];
const ROLES = ['le directeur financier', 'la présidente du conseil', 'un porte-parole', 'le ministre de l’Économie', 'une analyste de Bernstein', 'le secrétaire général du syndicat', 'la directrice générale', 'un responsable européen'];
const TOPICS = ['ses prévisions de marge', 'son plan de réduction des coûts', 'le rachat d’un concurrent', 'un programme de rachat d’actions', 'la cession de sa filiale', 'ses objectifs climatiques', 'un accord salarial', 'l’ouverture d’une usine', 'la hausse de ses tarifs', 'une enquête des autorités'];
const VERBS = ['a relevé', 'a abaissé', 'a confirmé', 'a annoncé', 'a suspendu', 'a revu', 'a présenté', 'a défendu'];
const REASONS = ['grâce à une demande plus forte que prévu', 'en raison du ralentissement en Chine', 'malgré la hausse des coûts de l’énergie', 'à la suite de la baisse des taux', 'après un premier semestre difficile', 'sous la pression de ses actionnaires', 'dans un contexte de tensions commerciales'];
const MARKET = ['Les actions du groupe ont gagné {p} % dans les premiers échanges à la Bourse de Paris.', 'Le titre reculait de {p} % vers midi, dans un marché en légère baisse.', 'L’action a terminé la séance en hausse de {p} %, sa meilleure performance depuis {m}.', 'À la clôture, le titre cédait {p} %, alors que l’indice CAC 40 progressait de {q} %.'];
const QUOTES = ['« Nous restons prudents pour le second semestre », a déclaré {role} lors d’une conférence téléphonique.', '« Cette décision était attendue par le marché », estime {person}, sans donner davantage de précisions.', '« Le calendrier reste inchangé », a assuré {role} aux journalistes {day}.', '« Il est trop tôt pour tirer des conclusions », a prévenu {person} dans un entretien accordé à la presse locale.'];
const CONTEXT = ['Le groupe emploie environ {n} 000 personnes dans {k} pays.', 'Le chiffre d’affaires a atteint {b} milliards d’euros au cours du dernier exercice, en hausse de {p} %.', 'Les analystes interrogés par LSEG tablaient en moyenne sur un résultat de {b} milliards d’euros.', 'La société avait déjà revu ses objectifs en {m}, une première depuis {y}.', 'Les négociations doivent reprendre la semaine prochaine à {city}, selon une source proche du dossier.', 'Le conseil d’administration se réunira le {d} {m} pour examiner le projet.'];
const NOTICE = '((Traduction automatisée par Reuters à l\'aide de l\'apprentissage automatique et de l\'IA générative, veuillez vous référer à l\'avertissement suivant: https://bit.ly/rtrsauto))';

/** One article: headline, optional notice and update note, dateline lead, 3–7 more body paragraphs, optional credit line. Distinct by construction (index-specific figures). */
function article(i, rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const num = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pct = () => `${num(0, 9)},${num(0, 9)}`;
  const [company, ric] = pick(COMPANIES);
  const fill = (s) =>
    s
      .replace('{p}', pct())
      .replace('{q}', pct())
      .replace('{m}', pick(MONTHS))
      .replace('{role}', pick(ROLES))
      .replace('{person}', pick(PEOPLE))
      .replace('{day}', pick(DAYS))
      .replace('{n}', String(num(2, 180)))
      .replace('{k}', String(num(3, 90)))
      .replace('{b}', `${num(1, 60)},${num(1, 9)}`)
      .replace('{y}', String(num(2009, 2024)))
      .replace('{city}', pick(PLACES).toLowerCase().replace(/^./, (c) => c.toUpperCase()))
      .replace('{d}', String(num(1, 28)));
  const machine = rand() < 0.45;
  const withRic = rand() < 0.5;
  const paragraphs = [`${company} ${pick(VERBS)} ${pick(TOPICS)} (dépêche ${i + 1})`];
  if (machine) paragraphs.push(NOTICE);
  if (rand() < 0.15) paragraphs.push(`(Ajoute des détails au paragraphe ${num(2, 5)}, la réaction du marché au paragraphe ${num(5, 8)})`);
  paragraphs.push(
    `${pick(PLACES)}, ${num(1, 28)} ${pick(MONTHS)} (Reuters) - ${company}${withRic ? ` ${ric} ` : ' '}${pick(VERBS)} ${pick(DAYS)} ${pick(TOPICS)} ${pick(REASONS)}, a indiqué la société dans un communiqué publié avant l’ouverture des marchés.`,
  );
  const body = num(3, 7); // with headline, lead and the optional notice, update note and credit: 5–12 paragraphs
  for (let k = 0; k < body; k++) {
    const kind = rand();
    if (kind < 0.25) paragraphs.push(fill(pick(QUOTES)));
    else if (kind < 0.45) paragraphs.push(fill(pick(MARKET)));
    else if (kind < 0.8) paragraphs.push(`${fill(pick(CONTEXT))} ${fill(pick(CONTEXT))}`);
    else paragraphs.push(`${company} ${pick(VERBS)} également ${pick(TOPICS)}, ${pick(REASONS)}, selon ${pick(ROLES)}, cité le ${num(1, 28)} ${pick(MONTHS)} ${num(2019, 2026)}.`);
  }
  if (rand() < 0.6) paragraphs.push(`(Reportage de ${pick(PEOPLE)}; version française ${pick(PEOPLE)}, édité par ${pick(PEOPLE)})`);
  return paragraphs;
}

function generate(dir, count) {
  const rand = prng(20260215);
  let paragraphs = 0;
  let bytes = 0;
  const texts = [];
  for (let i = 0; i < count; i++) {
    const paras = article(i, rand);
    paragraphs += paras.length;
    const text = `${paras.join('\n\n')}\n`;
    texts.push(text);
    bytes += Buffer.byteLength(text);
    const folder = join(dir, `2026-${String((i % 12) + 1).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `wire-${String(i + 1).padStart(4, '0')}.txt`), text);
  }
  // One binary file among the wires: listed as unreadable, so the batch exits 2.
  const binary = new Uint8Array(8192);
  for (let i = 0; i < binary.length; i++) binary[i] = Math.floor(rand() * 256);
  writeFileSync(join(dir, '2026-01', 'scan-0000.txt'), binary);
  return { paragraphs, bytes, texts };
}

function runBatch(args, cwd) {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  // `check` is also the default command, so `main.js batch --help` would succeed either way: look at the command list.
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  const registered = /wireproof batch /.test(help.stdout ?? '');
  const entry = registered ? [cli] : [fileURLToPath(import.meta.url), '--run-cli'];
  const argv = [...entry, 'batch', ...args];
  const cmd = timeBin ? [timeBin, ['-v', process.execPath, ...argv]] : [process.execPath, argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  const finalLine = (r.stderr ?? '').split('\n').find((l) => / reports? written to /.test(l)) ?? '';
  return { ms, cpuS, status: r.status, peakRssMiB: rss ? Number(rss[1]) / 1024 : null, finalLine, entry: registered ? cli.slice(root.length + 1) : 'bench/batch.mjs --run-cli (main.js has no batch command yet)', stderr: r.stderr };
}

/**
 * How much compute two threads get here compared with one: the same fixed loop run once on one thread, then on two
 * worker threads at once. On a shared virtual machine "2 cores" may not mean twice the work per second; the batch's
 * own speed-up from its worker pool can be judged only against this.
 */
async function parallelCapacity() {
  const { Worker } = await import('node:worker_threads');
  const body = `const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i) * (i & 7); parentPort.postMessage(x); });`;
  const N = 2e8;
  const run = (threads) =>
    new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      let done = 0;
      for (let t = 0; t < threads; t++) {
        const w = new Worker(body, { eval: true });
        w.once('message', () => {
          w.terminate();
          if (++done === threads) resolve(Number(process.hrtime.bigint() - t0) / 1e6);
        });
        w.postMessage(N);
      }
    });
  const one = await run(1);
  const two = await run(2);
  return { one, two, speedup: (2 * one) / two };
}

async function main() {
  if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` first');
  const articles = Number(option('articles', '1500'));
  const concurrency = option('concurrency', String(availableParallelism()));
  const work = mkdtempSync(join(tmpdir(), 'wireproof-bench-batch-'));
  const archive = join(work, 'archive');
  const out = join(work, 'out');
  const { paragraphs, bytes, texts } = generate(archive, articles);
  // The machine may be shared: the load average says how much of the wall time was other people's work.
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} cores; concurrency ${concurrency}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`archive: ${articles} articles + 1 binary file, ${paragraphs} paragraphs, ${(bytes / 1024 / 1024).toFixed(1)} MiB (${archive})`);
  const capacity = await parallelCapacity();
  console.log(
    `parallel capacity: a fixed loop takes ${capacity.one.toFixed(0)} ms on one thread, ${capacity.two.toFixed(0)} ms on each of two at once: ` +
      `two threads give ${capacity.speedup.toFixed(2)}× one thread's work per second on this machine`,
  );
  // Run from the work folder, so report paths read `archive/2026-01/wire-0001.txt` as a newsroom would see them.
  const args = ['archive', '--out', 'out', '--format', 'json', '--concurrency', concurrency];

  const cold = runBatch(args, work);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const reported = summary.totals.paragraphs;
  console.log(`entry: ${cold.entry}`);
  console.log(
    `cold run:   ${(cold.ms / 1000).toFixed(2)} s wall, ${Math.round(paragraphs / (cold.ms / 1000))} paragraphs/s ` +
      `(${Math.round(reported / (cold.ms / 1000))}/s counting the ${reported} paragraphs the reports list), ` +
      `peak RSS ${cold.peakRssMiB === null ? 'n/a' : `${cold.peakRssMiB.toFixed(0)} MiB`}, ${summary.totals.reports} reports, exit ${cold.status}`,
  );
  if (cold.cpuS !== null) console.log(`            CPU time ${cold.cpuS.toFixed(2)} s (user + sys, all threads): ${Math.round(paragraphs / cold.cpuS)} paragraphs per CPU-second`);
  console.log(`            in-process run time ${summary.run.durationMs} ms, ${summary.run.threads} worker threads; "${cold.finalLine}"`);
  if (cold.status !== 2) console.log(`  !! expected exit 2 (one binary file); stderr:\n${cold.stderr}`);

  const warm = runBatch(args, work);
  const again = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  console.log(
    `cached run: ${(warm.ms / 1000).toFixed(2)} s wall, ${(cold.ms / warm.ms).toFixed(1)}× faster, ${again.run.reused} reused, ` +
      `peak RSS ${warm.peakRssMiB === null ? 'n/a' : `${warm.peakRssMiB.toFixed(0)} MiB`}, exit ${warm.status}; "${warm.finalLine}"`,
  );
  // The pipeline alone on the same articles, one thread, second pass (JIT warm): what the whole process adds is the rest.
  const { check } = await import(pathToFileURL(join(root, 'dist', 'api.js')).href);
  for (const t of texts) await check(t);
  const t0 = process.hrtime.bigint();
  let checked = 0;
  for (const t of texts) checked += (await check(t)).paragraphs.length;
  const inProcess = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`in process:  check() alone, one thread, second pass: ${(inProcess / checked).toFixed(3)} ms per paragraph (${Math.round(checked / (inProcess / 1000))} paragraphs/s)`);
  if (process.argv.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

// `node bench/batch.mjs --run-cli batch …`: the batch command through yargs straight from dist/cli/batch.js, for
// builds whose main.js does not register `batch` yet. Same process shape as the real CLI.
if (process.argv[2] === '--run-cli') {
  const { default: yargs } = await import('yargs');
  const { batchCommand } = await import(pathToFileURL(join(root, 'dist', 'cli', 'batch.js')).href);
  const { processIo } = await import(pathToFileURL(join(root, 'dist', 'cli', 'io.js')).href);
  let code = 0;
  await yargs(process.argv.slice(3))
    .command(batchCommand(processIo(), (c) => (code = c)))
    .strict()
    .exitProcess(false)
    .parseAsync();
  process.exitCode = code;
} else {
  await main();
}
