#!/usr/bin/env node
// npm run eval [-- --data PATH] [--out reports/eval.json] [--model PATH] [--skip-loso]: measures the real pipeline
// on human and machine translations; WMT22 reported apart as held out. Without the data folder: a message, exit 0.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: resolve(root, 'reports', 'eval.json') },
    model: { type: 'string' },
    'skip-loso': { type: 'boolean', default: false },
  },
});

const lib = await import(resolve(root, 'dist', 'eval', 'index.js')).catch((error) => {
  console.error(`wireproof eval: cannot load dist/eval (run \`npm run build\` first): ${error.message}`);
  process.exit(1);
});
const result = await lib
  .runEval({
    ...(values.data ? { data: resolve(values.data) } : {}),
    out: resolve(values.out),
    ...(values.model ? { model: resolve(values.model) } : {}),
    skipLoso: values['skip-loso'],
    log: (line) => console.error(line),
  })
  .catch((error) => {
    // Unreadable data, a bad line, no rows: one line naming the file, exit 2 (as the CLI's `wireproof eval`).
    if (error?.name !== 'WireproofError') throw error;
    console.error(`wireproof eval: ${error.message}`);
    process.exit(2);
  });
if (result.skipped) {
  console.log(result.message);
  process.exit(0);
}
console.log(result.markdown);
console.error(`wrote ${result.out} and ${result.out.replace(/\.json$/, '.md')}`);
