// Rule broken-apostrophe: a space around the apostrophe of a French elision; not quotes, possessives or intact words.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/broken-apostrophe.js';
import { expectedAt, makeContext, makeParagraph, runOn } from '../support/paragraph.js';

const context = makeContext();

const run = (text: string): string[] => runOn(detector, text, context);

const at = (text: string, fragment: string): string => expectedAt('broken-apostrophe', text, fragment);

describe('broken-apostrophe valid (no signal)', () => {
  const valid = [
    "Aujourd'hui, l'élimination des garanties est en jeu.",
    'Les investisseurs ont salué the companies\' shares rally, selon un courtier.',
    "'La balle est maintenant dans le camp de Boeing', a déclaré le syndicat.",
    "Il a cité 'la vitamine d' et 'la vitamine c' dans son rapport.",
    "Le groupe joue du rock 'n' roll depuis 1990.",
    "Le plan C' selon les analystes reste flou.",
    "Il a dit qu'il viendrait, jusqu'à demain, lorsqu'il pourra.",
    "Le site https://example.com/l' article n'est plus en ligne.",
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('broken-apostrophe invalid (flagged)', () => {
  const invalid: [string, string[]][] = [
    ['Le débat porte sur l\' élimination potentielle des garanties.', ["l' élimination"]],
    ['Il veut permettre au gouvernement d \'utiliser sa technologie.', ["d 'utiliser"]],
    ["Le Pentagone estime qu' il n'a pas le choix.", ["qu' il"]],
    ["L' armée américaine a répondu.", ["L' armée"]],
    ['Le retrait de l’ entreprise est confirmé.', ['l’ entreprise']],
    ["Il attendra jusqu' à lundi, aujourd 'hui comme demain.", ["jusqu' à", "aujourd 'hui"]],
    ["Il s ' agit d' une décision complexe.", ["s ' agit", "d' une"]],
    ["Le Pentagone. D' autres sources l'ont confirmé.", ["D' autres"]],
  ];
  it.each(invalid)('%s', (text, fragments) => {
    expect(run(text)).toEqual(fragments.map((f) => at(text, f)));
  });

  it('weighs 1.5 and suggests the intact elision', () => {
    const [s] = detector.detect(makeParagraph("sur l' élimination"), context);
    expect(s).toMatchObject({ weight: 1.5, evidence: 'artefact', expected: ["l'élimination"] });
  });
});
