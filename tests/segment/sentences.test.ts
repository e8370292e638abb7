// Sentences: Intl.Segmenter plus the French abbreviation list; language identification with an `only` list.
import { describe, expect, test } from '@jest/globals';
import { detectLanguage } from '../../src/segment/language.js';
import { splitSentences } from '../../src/segment/sentences.js';

describe('splitSentences', () => {
  test.each([
    ['M. Dupont est arrivé. Il a parlé.', ['M. Dupont est arrivé.', 'Il a parlé.']],
    ['Mme Martin, P.-D.G. du groupe, a démissionné. Son successeur arrive.', ['Mme Martin, P.-D.G. du groupe, a démissionné.', 'Son successeur arrive.']],
    ['La réunion du 3 janv. a été reportée. Rien ne presse.', ['La réunion du 3 janv. a été reportée.', 'Rien ne presse.']],
    ['Donald J. Trump a signé le texte. La Maison Blanche a confirmé.', ['Donald J. Trump a signé le texte.', 'La Maison Blanche a confirmé.']],
    ['Le titre a pris 3,5 %. Les U.S. Treasuries ont baissé.', ['Le titre a pris 3,5 %.', 'Les U.S. Treasuries ont baissé.']],
    ['"Nous verrons", a-t-il dit. Puis il est parti !', ['"Nous verrons", a-t-il dit.', 'Puis il est parti !']],
    // French spacing before the closing guillemet: the » ends the quoted sentence, it does not open the next one.
    ['Il a dit : « Je pars. » Puis il est parti.', ['Il a dit : « Je pars. »', 'Puis il est parti.']],
    ['Il a demandé : «\u00a0Vraiment\u00a0?\u00a0» Personne ne répondit.', ['Il a demandé : «\u00a0Vraiment\u00a0?\u00a0»', 'Personne ne répondit.']],
    ['Le ministre a conclu : « Nous ne céderons pas. »', ['Le ministre a conclu : « Nous ne céderons pas. »']],
    // Nested closers, each after French spacing: one run, all of it ends the quoted sentence.
    ['« Il a répondu : « Non. » » Puis il est sorti.', ['« Il a répondu : « Non. » »', 'Puis il est sorti.']],
    ['Il a dit (« Non. » ) Puis il est sorti.', ['Il a dit (« Non. » )', 'Puis il est sorti.']],
  ])('%s', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  test('a language tag ICU refuses is split as French, not thrown', () => {
    const text = 'M. Dupont est arrivé. Il a parlé.';
    expect(() => new Intl.Segmenter('x_!')).toThrow(RangeError);
    expect(splitSentences(text, 'x_!')).toEqual(splitSentences(text, 'fr'));
  });
});

describe('detectLanguage', () => {
  test('French and English news sentences, with a margin-based confidence', () => {
    const fr = detectLanguage('Le Pentagone envisage de mettre fin à ses relations avec la société, a rapporté samedi le journal.');
    expect(fr.language).toBe('fr');
    expect(fr.confidence).toBeGreaterThan(0.3);
    const en = detectLanguage('Prices rose 3.1% in March from a year earlier, the agency said on Tuesday.');
    expect(en.language).toBe('en');
  });
  test('too short to tell is und with zero confidence', () => {
    expect(detectLanguage('OK')).toEqual({ language: 'und', confidence: 0, runnerUp: 'und', margin: 0 });
  });
  test('a narrower list chooses within it: Spanish under fr, en is read as French (a documented limit)', () => {
    const es = 'La compañía anunció el martes que cerrará dos fábricas en el norte del país, según un comunicado del grupo.';
    expect(detectLanguage(es, ['fra', 'eng']).language).toBe('fr');
  });
});
