// Tests for extractHtml: article blocks, furniture dropped, headline kept, positions and offset maps, odd markup.
import { describe, expect, test } from '@jest/globals';
import { extractHtml } from '../../src/ingest/html.js';
import { tokenizeHtml } from '../../src/ingest/html-tokens.js';
import type { Block } from '../../src/types.js';
import { fixture, inexactCharacters, lineOf, toSource } from './helpers.js';

const PAGE = fixture('article.html');
const LONG = 'La croissance de la zone euro a été révisée en baisse par la Commission européenne, qui table désormais sur 0,8 % cette année. ';

describe('extractHtml on a news page with furniture', () => {
  const result = extractHtml(PAGE);
  const texts = result.blocks.map((b) => b.text);

  test('keeps the headline and the paragraphs, in order', () => {
    expect(result.blocks.map((b) => b.tag)).toEqual(['h1', 'p', 'p', 'p', 'p', 'p', 'p']);
    expect(texts[0]).toBe('La BCE maintient ses taux directeurs');
    expect(texts[1]).toMatch(/^FRANCFORT, 7 mars \(Reuters\) - La Banque centrale européenne/);
    expect(texts[2]).toMatch(/^La présidente de la BCE/);
    expect(texts[3]).toMatch(/^Selon les nouvelles projections/);
    expect(texts[4]).toMatch(/^Les marchés financiers/);
    expect(texts[5]).toMatch(/^Les gouverneurs se retrouveront/);
    expect(texts[6]).toBe('(Rédigé par Jeanne Martin, édité par Paul Durand)');
  });

  test('drops navigation, site header and footer, aside, cookie banner, skip link, scripts and comments', () => {
    const all = texts.join('\n');
    for (const furniture of [
      'cookies', 'Tout accepter', 'Aller au contenu', 'Accueil', 'Le Fil Éco', 'À lire aussi', 'Wall Street',
      'droits réservés', 'injecté', 'commenté', 'not a paragraph', 'dataLayer', 'font-family',
    ]) {
      expect(all).not.toContain(furniture);
    }
  });

  test('a heading and the next paragraph never fuse', () => {
    for (const text of texts) expect(text).not.toContain('directeursFRANCFORT');
  });

  test('decodes entities and collapses white space, keeping no-break spaces', () => {
    expect(texts[2]).toBe(
      'La présidente de la BCE a déclaré que l\'institution restait «\u00a0déterminée\u00a0» à ramener l’inflation à ' +
        '2\u00a0% et que les décisions seraient prises étape par étape, & en fonction des données.',
    );
    expect(texts[3]).toContain('la hausse des prix atteindrait 2,3 % cette année');
  });

  test('title and language', () => {
    expect(result.title).toBe('La BCE maintient ses taux directeurs');
    expect(result.language).toBe('fr');
  });

  test('each block offset is its first character in the source, on the right line', () => {
    for (const block of result.blocks) {
      // Searched from <body>: the headline also occurs in <title>.
      const expected = PAGE.indexOf(block.text.slice(0, 10), PAGE.indexOf('<body'));
      expect(expected).toBeGreaterThan(0);
      expect(block.offset).toBe(expected);
      expect(lineOf(PAGE, block.offset)).toBe(lineOf(PAGE, expected));
      expect(toSource(block.offsets, 0)).toBe(block.offset);
    }
    expect(lineOf(PAGE, result.blocks[0]!.offset)).toBe(PAGE.split('\n').findIndex((l) => l.includes('<h1>')) + 1);
  });

  test('plain paragraphs map every character exactly', () => {
    const plain = result.blocks.filter((b) => [1, 4, 5, 6].includes(result.blocks.indexOf(b)));
    expect(plain).toHaveLength(4);
    for (const block of plain) {
      expect(block.offsets).toEqual([[0, block.offset]]);
      expect(PAGE.slice(block.offset, block.offset + block.text.length)).toBe(block.text);
    }
    expect(inexactCharacters(PAGE, result.blocks[0]!)).toEqual([]);
  });

  test('characters from entities map to the entity, the rest exactly', () => {
    const block = result.blocks[2]!;
    for (let i = 0; i < block.text.length; i++) {
      const at = toSource(block.offsets, i);
      if (PAGE[at] !== block.text[i]) expect(PAGE[at]).toBe('&');
    }
    const at = (needle: string): string => {
      const i = block.text.indexOf(needle);
      return PAGE.slice(toSource(block.offsets, i), toSource(block.offsets, i) + 8);
    };
    expect(at("'institution")).toBe('&#39;ins');
    expect(at('«')).toBe('&laquo;&');
    expect(at('’inflation')).toBe('&rsquo;i');
    expect(at('& en')).toBe('&amp; en');
    expect(at('étape par')).toBe('&eacute;');
  });

  test('characters inside inline elements map into the element', () => {
    const block = result.blocks[3]!;
    expect(inexactCharacters(PAGE, block)).toEqual([]);
    const i = block.text.indexOf('nouvelles projections');
    expect(PAGE.slice(toSource(block.offsets, i) - 2, toSource(block.offsets, i) + 9)).toBe('">nouvelles');
    const j = block.text.indexOf('2,3');
    expect(PAGE.slice(toSource(block.offsets, j) - 3, toSource(block.offsets, j) + 3)).toBe('<b>2,3');
  });
});

/** The one block of a small page, or fails. */
function only(source: string): Block {
  const { blocks } = extractHtml(source);
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

describe('extractHtml on small and odd pages', () => {
  test.each([
    ['a page without <article>', '<html><body><template><p>CONTENU DE MODELE INVISIBLE qui ne doit pas être lu.</p></template><p>Bonjour à tous.</p></body></html>'],
    ['inside <article>', '<html><body><article><template><p>CONTENU DE MODELE INVISIBLE qui ne doit pas être lu.</p></template><p>Bonjour à tous.</p></article></body></html>'],
  ])('a <template> is never read (%s): its content is inert', (_where, page) => {
    expect(extractHtml(page).blocks.map((b) => b.text)).toEqual(['Bonjour à tous.']);
  });

  test('empty input, plain text and a page without blocks give no blocks', () => {
    expect(extractHtml('')).toEqual({ blocks: [] });
    expect(extractHtml('juste du texte').blocks).toEqual([]);
    expect(extractHtml('<html><body></body></html>').blocks).toEqual([]);
  });

  test('a fragment without <html> or <body>', () => {
    const block = only('<p>Un paragraphe isolé, sans page autour.</p>');
    expect(block).toEqual({ text: 'Un paragraphe isolé, sans page autour.', offset: 3, offsets: [[0, 3]], tag: 'p' });
  });

  test('a block keeps the language its element or a quotation around it declares, not a wrapper\'s; lang="" ends it', () => {
    const page =
      `<html lang="fr"><body><article><h1>Macron reçoit Trump</h1><p>${LONG}</p>` +
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Great meeting with President Macron today in Paris, a great friend of the United States.</p></blockquote>' +
      `<blockquote lang="EN-us"><p>Our partners know exactly what is at stake here, and we will not back down on trade.</p><p lang="">${LONG}</p></blockquote>` +
      // A template's lang="en" on a wrapper says nothing of the copy under it (a third review).
      `<div lang="en"><p>Le Premier ministre a défendu mardi son budget devant les députés, promettant de réduire le déficit.</p></div>` +
      `<p>${LONG}</p></article></body></html>`;
    const blocks = extractHtml(page).blocks;
    expect(blocks.map((b) => [b.text.slice(0, 12), b.language ?? null])).toEqual([
      ['Macron reçoi', null],
      ['La croissanc', null],
      ['Great meetin', 'en'],
      ['Our partners', 'en'],
      ['La croissanc', null],
      ['Le Premier m', null],
      ['La croissanc', null],
    ]);
    // Inside a quotation the nearest declaration wins, and lang="" ends it (a fourth review).
    const nested =
      `<html lang="fr"><body><article><p>${LONG}</p><blockquote lang="en"><div lang="fr"><p>${LONG}</p></div>` +
      `<div lang=""><p>${LONG}</p></div><p>Great meeting with President Macron today in Paris, a great friend.</p></blockquote></article></body></html>`;
    expect(extractHtml(nested).blocks.map((b) => b.language ?? null)).toEqual([null, 'fr', null, 'en']);
    // A tweet whose <blockquote lang="en"> holds its <p>, the name line loose after it.
    const tweet =
      `<html lang="fr"><body><article><p>${LONG}</p><blockquote class="twitter-tweet" lang="en"><p dir="ltr">Great meeting with President ` +
      `Macron today in Paris, a great friend of the United States.</p>— Donald J. Trump</blockquote><p>${LONG}</p></article></body></html>`;
    expect(extractHtml(tweet).blocks.map((b) => b.language ?? null)).toEqual([null, 'en', null]);
  });

  test('a page Readability finds no article in falls back to the body, furniture still dropped', () => {
    const source = '<nav><ul><li>Accueil</li><li>Monde</li></ul></nav><p>Court texte.</p><footer><p>Pied de page</p></footer>';
    const { blocks } = extractHtml(source);
    expect(blocks.map((b) => b.text)).toEqual(['Court texte.']);
    expect(blocks[0]!.offset).toBe(source.indexOf('Court'));
  });

  test('<br> is a line break (none at the ends), which maps to the tag', () => {
    // (Two <br>s in a row make Readability start a new paragraph.)
    const source = `<p>Première ligne<br>seconde ligne <br/>\n troisième. ${LONG}<br></p>`;
    const block = only(source);
    expect(block.text.startsWith('Première ligne\nseconde ligne\ntroisième.')).toBe(true);
    expect(block.text.endsWith(LONG.trim())).toBe(true);
    expect(source[toSource(block.offsets, 'Première ligne'.length)]).toBe('<');
    expect(inexactCharacters(source, block)).toEqual([]);
  });

  test('upper-case tags, unquoted and quoted attributes holding ">"', () => {
    const source = `<HTML LANG=PT-br><BODY><P CLASS=x TITLE="a > b">Texto em maiúsculas. ${LONG}</P></BODY></HTML>`;
    const result = extractHtml(source);
    expect(result.language).toBe('pt');
    expect(result.blocks).toHaveLength(1);
    expect(result.blocks[0]!.offset).toBe(source.indexOf('Texto'));
  });

  test('a stray </p> (which makes htmlparser2 create an extra <p>) does not shift later paragraphs', () => {
    const source = `<div><p>Un.</p></p><p>Deux : ${LONG}</p><p>Trois : ${LONG}</p></div>`;
    const { blocks } = extractHtml(source);
    const two = blocks.find((b) => b.text.startsWith('Deux'))!;
    const three = blocks.find((b) => b.text.startsWith('Trois'))!;
    expect(two.offset).toBe(source.indexOf('Deux'));
    expect(three.offset).toBe(source.indexOf('Trois'));
    expect(tokenizeHtml(source).starts.get('p')).toHaveLength(4);
  });

  test('text Readability wraps into new paragraphs is found by its text', () => {
    const source = `<html><body><div class="story"><div>Texte sans paragraphe, ${LONG}${LONG}</div><div>Encore du texte, ${LONG}${LONG}</div></div></body></html>`;
    const { blocks } = extractHtml(source);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      expect(block.offset).toBe(source.indexOf(block.text.slice(0, 20)));
      expect(inexactCharacters(source, block)).toEqual([]);
    }
  });

  test('numeric references in the windows-1252 range, unknown named references, references without ";"', () => {
    const source = `<p>L&#146;avis &hearts; du caf&eacute &amp co. ${LONG}</p>`;
    const block = only(source);
    expect(block.text.startsWith('L’avis ♥ du café & co.')).toBe(true);
    expect(source.slice(toSource(block.offsets, 1), toSource(block.offsets, 1) + 6)).toBe('&#146;');
    expect(source.slice(toSource(block.offsets, 7), toSource(block.offsets, 7) + 8)).toBe('&hearts;');
    expect(source[toSource(block.offsets, block.text.indexOf('avis'))]).toBe('a');
    expect(source.slice(toSource(block.offsets, block.text.indexOf(' co.') + 1), toSource(block.offsets, block.text.indexOf(' co.') + 1) + 3)).toBe('co.');
  });

  test('<script>, <style>, comments and CDATA inside the page do not count as tags', () => {
    const source = `<script>var s = "<p>faux</p>";</script><style>p::before{content:"<p>"}</style><!-- <p>commentaire</p> --><![CDATA[<p>cdata</p>]]><p>Le vrai paragraphe. ${LONG}</p>`;
    const block = only(source);
    expect(block.text.startsWith('Le vrai paragraphe.')).toBe(true);
    expect(block.offset).toBe(source.indexOf('Le vrai'));
    expect(inexactCharacters(source, block)).toEqual([]);
  });

  test('list items and block quotes are blocks; a paragraph inside an item is kept once', () => {
    const source = `<article><p>Intro : ${LONG}</p><ul><li>Premier point, ${LONG}</li><li><p>Second point, ${LONG}</p></li></ul><blockquote>Une citation, ${LONG}</blockquote></article>`;
    const { blocks } = extractHtml(source);
    const byStart = (s: string): Block | undefined => blocks.find((b) => b.text.startsWith(s));
    expect(byStart('Premier point')?.tag).toBe('li');
    expect(byStart('Second point')?.tag).toBe('p');
    expect(blocks.filter((b) => b.text.startsWith('Second point'))).toHaveLength(1);
    for (const block of blocks) expect(inexactCharacters(source, block)).toEqual([]);
  });

  test('language: two-letter primary subtag only', () => {
    expect(extractHtml('<html lang="en-GB"><p>x</p></html>').language).toBe('en');
    expect(extractHtml('<html lang="x-klingon"><p>x</p></html>').language).toBeUndefined();
    expect(extractHtml('<html><p>x</p></html>').language).toBeUndefined();
  });

  test('title falls back to <title> when Readability has none', () => {
    expect(extractHtml('<title>  Titre   seul </title><p>x</p>').title).toBe('Titre seul');
  });

  test('malformed markup never throws', () => {
    for (const source of [
      '<p><b>gras<p>x</i></div>&amp', '<', '</', '<!--', '<![CDATA[', '<p title="non fermé>texte', '&#xFFFFFFFF;',
      '<svg><p/>x</svg><p>y</p>', '<table><tr><td>a<td>b</table>', '<'.repeat(1000), '<div>'.repeat(5000) + 'profond',
    ]) {
      const result = extractHtml(source);
      for (const block of result.blocks) {
        let outside = 0;
        for (let i = 0; i < block.text.length; i++) {
          const at = toSource(block.offsets, i);
          if (!(at >= 0 && at < source.length)) outside++;
        }
        expect(outside).toBe(0);
      }
    }
  });

  test('a no-break space beside a <br> keeps every character at its place (editors write &nbsp;<br>; review, 2026-12-08)', () => {
    for (const source of [`<p>Première ligne.\u00a0<br>${LONG}</p>`, `<p>Première ligne.<br>\u00a0${LONG}</p>`, `<p>Première ligne :\u00a0<br />\n${LONG}</p>`]) {
      const block = only(source);
      expect(block.text).toMatch(/^Première ligne ?[.:]\u00a0?\n\u00a0?La croissance/);
      expect(inexactCharacters(source, block)).toEqual([]);
    }
    // As an entity: the no-break space maps to its "&", the line break to the <br>, "La" to its own place.
    const source = `<p>Première ligne.&nbsp;<br>${LONG}</p>`;
    const block = only(source);
    expect([source[toSource(block.offsets, 15)], source[toSource(block.offsets, 16)], source.slice(toSource(block.offsets, 17), toSource(block.offsets, 17) + 2)]).toEqual(['&', '<', 'La']);
  });

  test('deep pages: an article under 1,100 wrappers keeps its paragraphs; inline tags blanked leave no space; script stays script', () => {
    const deep = (inner: string, n = 1100): string => `${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`;
    const article = `<h1>Le titre de la dépêche</h1><p>${LONG}</p><p>${LONG}</p>`;
    expect(extractHtml(deep(article)).blocks.map((b) => b.text)).toEqual(['Le titre de la dépêche', LONG.trim(), LONG.trim()]);
    // 600 inline wrappers: their start tags are blanked, and "l’Otan" stays one word.
    const inline = `<p>${'<span>'.repeat(600)}Selon l’<a href="https://example.org/">Otan</a>, qui a d’<b>abord</b> <em>réagi</em>. ${LONG}${'</span>'.repeat(600)}</p>`;
    const block = extractHtml(inline).blocks[0]!;
    expect(block.text).toContain('Selon l’Otan, qui a d’abord réagi.');
    expect(inexactCharacters(inline, block)).toEqual([]);
    const script = deep(`<p>${LONG}<script>var tracking = { site: "x" };</script></p>`, 600);
    expect(extractHtml(script).blocks.map((b) => b.text)).toEqual([LONG.trim()]);
  });

  test('start tags nested deeper than 512 are blanked before parsing: the text stays, every character at its place', () => {
    expect(tokenizeHtml('<div>'.repeat(512)).tooDeep).toBeUndefined();
    expect(tokenizeHtml('<div>'.repeat(514)).tooDeep).toEqual([[512 * 5, 513 * 5, true], [513 * 5, 514 * 5, true]]);
    const source = `${'<div>'.repeat(600)}<p>${LONG}</p><p>${LONG}</p>${'</div>'.repeat(600)}`;
    const blocks = extractHtml(source).blocks;
    expect(blocks.map((b) => b.text)).toEqual([LONG.trim(), LONG.trim()]);
    expect(blocks[0]!.offset).toBe(source.indexOf(LONG));
    for (const block of blocks) expect(inexactCharacters(source, block)).toEqual([]);
  });
});

describe('blocks Readability leaves out of the article', () => {
  const NOTICE =
    "((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))";
  const page =
    '<html><body><nav><p>Accueil et rubriques du site</p></nav>\n<article>\n<h1>Le titre</h1>\n' +
    `<p>${LONG.repeat(3)}</p>\n<p>${LONG.repeat(2)}</p>\n<footer><p>${NOTICE}</p></footer>\n</article></body></html>`;

  test('an <article>’s <footer> is dropped by Readability but listed in dropped, with its position; furniture is not', () => {
    const result = extractHtml(page);
    expect(result.blocks.map((b) => b.text)).not.toContain(NOTICE);
    expect(result.dropped?.map((b) => b.text)).toEqual([NOTICE]);
    const block = result.dropped![0]!;
    expect(block.offset).toBe(page.indexOf('((Traduction'));
    expect(inexactCharacters(page, block)).toEqual([]);
  });

  test('a notice outside the article is not the page’s: reader comments, the next story a page preloads (review, 2026-12-08)', () => {
    const story = `<div class="story"><h1>Le titre</h1><div class="body"><p>${LONG.repeat(3)}</p>\n<p>${LONG.repeat(2)}</p></div><div class="note"><p>${NOTICE}</p></div></div>`;
    const read = (page: string): string[] => {
      const result = extractHtml(page);
      return [...result.blocks, ...(result.dropped ?? [])].map((b) => b.text);
    };
    // A note beside the article's text, in the same story wrapper, still counts.
    expect(read(`<html><body>${story}</body></html>`)).toContain(NOTICE);
    // So does a republisher's disclaimer after </article>, or beside a one-paragraph brief (a second review).
    expect(read(`<html><body><main><article><h1>Le titre</h1><p>${LONG.repeat(3)}</p></article><div class="disclaimer extra"><p>${NOTICE}</p></div></main></body></html>`)).toContain(NOTICE);
    expect(read(`<html><body><div class="story"><h1>Le titre</h1><div class="body"><p>${LONG.repeat(3)}</p></div><div class="extra"><p>${NOTICE}</p></div></div></body></html>`)).toContain(NOTICE);
    for (const elsewhere of [
      `<section id="reactions"><ol><li><p>${NOTICE}</p></li></ol></section>`,
      `<div class="comments"><p>${NOTICE}</p></div>`,
      `<div class="next-story"><div><h2>Une autre dépêche</h2><p>Début de la dépêche suivante, chargée d'avance.</p><p>${NOTICE}</p></div></div>`,
      `<article><h2>Une autre dépêche</h2><p>Début de la dépêche suivante, chargée d'avance.</p><p>${NOTICE}</p></article>`,
    ]) {
      const page = `<html><body><main><div class="col">${story.replace(/<div class="note">.*?<\/div><\/div>$/, '</div>')}</div><div class="below">${elsewhere}</div></main></body></html>`;
      expect(page).not.toContain('class="note"');
      expect(read(page)).toContain(LONG.repeat(3).trim());
      expect(read(page)).not.toContain(NOTICE);
    }
  });
});

describe('layout words on a wrapper of the whole article (review, 2026-12-08)', () => {
  const article = `<h1>Le titre de la dépêche</h1><p>${LONG.repeat(3)}</p><p>${LONG.repeat(2)}</p>`;
  test.each(['col no-sidebar', 'article__content article__content--paywall', 'menu-open', 'has-comments'])(
    'class="%s" around the article does not sink it; the same word on a block inside it still drops that block',
    (cls) => {
      const page = `<html><body><nav><p>Accueil et rubriques du site</p></nav><div class="${cls}"><article>${article}<div class="${cls}"><p>Partagez cet article avec vos amis sur les réseaux sociaux et par courriel.</p></div></article></div><footer><p>Mentions légales et plan du site</p></footer></body></html>`;
      const texts = extractHtml(page).blocks.map((b) => b.text);
      expect(texts).toContain(LONG.repeat(3).trim());
      expect(texts.join('\n')).not.toMatch(/Partagez|Accueil|Mentions/);
    },
  );

  test('a page too deep for Readability inside a layout-word wrapper still gives its paragraphs (body walk)', () => {
    const page = `<html><body><div class="page no-sidebar">${'<div>'.repeat(85)}${article}${'</div>'.repeat(85)}</div></body></html>`;
    expect(extractHtml(page).blocks.map((b) => b.text)).toContain(LONG.repeat(3).trim());
  });

  test('a consent manager is furniture whatever it wraps (Axeptio, Quantcast, Sourcepoint)', () => {
    for (const cls of ['axeptio_overlay', 'qc-cmp2-ui', 'sp_message_container_123']) {
      const page = `<html><body><div class="${cls}"><p>Nous et nos partenaires utilisons des cookies pour mesurer l'audience et personnaliser les publicités.</p></div><article>${article}</article></body></html>`;
      expect(extractHtml(page).blocks.map((b) => b.text).join('\n')).not.toMatch(/cookies/);
    }
  });
});

describe('the byline Readability takes out of the article', () => {
  const body = `<p>PARIS, 3 mars (Reuters) - ${LONG.repeat(3)}</p>\n<p>${LONG.repeat(3)}</p>\n<p>${LONG.repeat(2)}</p>\n`;
  const page = (byline: string, head = '', around = ''): string =>
    `<html><head><title>Le titre de la dépêche</title>${head}</head><body>${around}<article>\n<h1>Le titre de la dépêche</h1>\n${byline}\n${body}</article></body></html>`;

  test.each([
    ['class="byline"', '<p class="byline">Par Jeanne Martin</p>', 'Par Jeanne Martin', 'p'],
    ['rel="author"', '<div class="meta"><a rel="author" href="/auteurs/jm">Jeanne Martin</a></div>', 'Jeanne Martin', 'a'],
    ['itemprop="author" inside the kept signature line, which gets it back', '<p class="signature">Le Fil | Par <span itemprop="author">Jeanne &amp; Paul Martin</span></p>', 'Le Fil | Par Jeanne & Paul Martin', 'p'],
    ['an agency line', '<div class="article-author">information fournie par Reuters 03/03/2026 à 09:15</div>', 'information fournie par Reuters 03/03/2026 à 09:15', 'div'],
  ])('%s: put back as a byline block after the headline, every character at its place', (_name, markup, text, tag) => {
    const source = page(markup);
    const result = extractHtml(source);
    expect(result.blocks.map((b) => b.text).slice(0, 3)).toEqual(['Le titre de la dépêche', text, expect.stringMatching(/^PARIS, 3 mars/)]);
    const block = result.blocks[1]!;
    expect(block.role).toBe('byline');
    expect(block.tag).toBe(tag);
    expect(block.offset).toBe(source.indexOf(text.slice(0, 6), source.indexOf('<article')));
    expect(inexactCharacters(source, block)).toEqual([]);
    expect(result.blocks.filter((b) => b.role === 'byline')).toHaveLength(1);
  });

  test('a class="dateline" span opening the lede is given back to the lede, which stays article text', () => {
    const source = page('').replace('<p>PARIS, 3 mars (Reuters) - ', '<p><span class="dateline">PARIS, 3 mars (Reuters)</span> - ');
    const result = extractHtml(source);
    const lede = result.blocks[1]!;
    expect(lede.text).toMatch(/^PARIS, 3 mars \(Reuters\) - La croissance/);
    expect(lede.role).toBeUndefined();
    expect(lede.offset).toBe(source.indexOf('PARIS, 3 mars'));
    expect(inexactCharacters(source, lede)).toEqual([]);
  });

  test('a byline-marked element in furniture is not put back (Readability can take a related story’s author)', () => {
    const source = page('', '', '<aside class="related"><p><a href="/b">Autre article</a> <span class="author">Par Paul Durand</span></p></aside>');
    const result = extractHtml(source);
    expect(result.blocks.map((b) => b.text)).not.toContain('Par Paul Durand');
    expect(result.blocks.some((b) => b.role === 'byline')).toBe(false);
  });

  test('the blocks inside a restored byline element do not come back among the dropped blocks', () => {
    const notice = 'Cet article a été traduit automatiquement.';
    const source = page(`<div class="byline"><p>Par Jeanne Martin</p><p>${notice}</p></div>`);
    const result = extractHtml(source);
    const restored = result.blocks.find((b) => b.role === 'byline');
    expect(restored?.text).toContain(notice);
    expect((result.dropped ?? []).map((b) => b.text)).not.toContain(notice);
  });

  test('a byline Readability keeps (its byline came from <meta name="author">) is not duplicated, and is marked', () => {
    const source = page('<p class="byline">Jeanne Martin</p>', '<meta name="author" content="Jeanne Martin">');
    const result = extractHtml(source);
    expect(result.blocks.filter((b) => b.text === 'Jeanne Martin').map((b) => b.role)).toEqual(['byline']);
  });
});
