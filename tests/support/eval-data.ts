// A tiny synthetic data set in the fr-ht-vs-mt-paragraphs schema (three corpora, WMT22 among them) for fitting and
// evaluation tests: the classes differ by marker words, so a model separates them.
import type { DataRow } from '../../src/eval/data.js';
import { mulberry32 } from '../../src/util/prng.js';

const COMMON = ['le', 'conseil', 'a', 'voté', 'budget', 'de', 'la', 'ville', 'pour', 'les', 'écoles', 'et', 'routes', 'mardi', 'soir'];
const HUMAN = ['indiqué', 'souligné', 'on', 'estime', 'précisé'];
const MACHINE = ['déclaré', 'également', 'cependant', 'ainsi', 'affirmé'];

function sentence(r: () => number, extra: readonly string[]): string {
  const words: string[] = [];
  for (let i = 0; i < 14; i++) words.push(r() < 0.3 ? extra[Math.floor(r() * extra.length)]! : COMMON[Math.floor(r() * COMMON.length)]!);
  return `${words.join(' ')}.`;
}

export function synthetic(seed: number, wmt22Text = 'x'): string {
  const r = mulberry32(seed);
  const rows: DataRow[] = [];
  for (const corpus of ['wmt14-newstest2014', 'wmt21-newstest2021', 'wmt22-generaltest2022']) {
    for (let d = 0; d < 12; d++) {
      for (let p = 0; p < 3; p++) {
        const human = `${sentence(r, HUMAN)} ${sentence(r, HUMAN)}`;
        const variants: DataRow['variants'] = [
          { label: 'human_translation', producer: 'ref', text: corpus.startsWith('wmt22') ? `${wmt22Text} ${human}` : human },
          { label: 'machine_translation', producer: 'SysA', text: `${sentence(r, MACHINE)} ${sentence(r, MACHINE)}` },
          { label: 'machine_translation', producer: 'SysB', text: `${sentence(r, MACHINE)} ${sentence(r, HUMAN)}` },
        ];
        rows.push({ id: `${corpus}:${d}:${p}`, corpus, direction: 'de-fr', doc_id: `doc${d}`, para_index: p, source_text: 'Quelle.', variants });
      }
    }
  }
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

/** The rows of `synthetic(seed)`, parsed. */
export function syntheticRows(seed: number): DataRow[] {
  return synthetic(seed)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DataRow);
}
