// HTML formatter: escaping of hostile article text, no remote resources, highlighting, drift, structure.
import { describe, expect, test } from '@jest/globals';
import { check } from '../../src/api.js';
import { parseHTML } from 'linkedom';
import { CSP, format } from '../../src/report/html.js';
import { declaredReport, HOSTILE, humanReport, machineReport, makeContext, unreadableReport } from './fixtures.js';

const context = makeContext();

/** The page without our own inline script and stylesheet, which are constant text checked separately. */
function markupOnly(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/, '');
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of paragraph `index`'s `<p class="text">`, tags stripped and entities decoded. */
function paragraphText(html: string, index: number): string {
  const li = new RegExp(`<li class="para[^"]*" id="r1-p${index}">[\\s\\S]*?<p class="text"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  if (!li) throw new Error(`paragraph ${index} not found`);
  return unescape(li[1]!.replace(/<[^>]+>/g, ''));
}

describe('html formatter', () => {
  const html = format([machineReport()], context);

  test('is one standalone page with the restrictive CSP and exactly one (our own) script', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<style/gi)).toHaveLength(1);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  test('hostile article text is escaped everywhere, never markup', () => {
    const markup = markupOnly(html);
    expect(markup).not.toMatch(/<script/i);
    expect(markup).not.toMatch(/<img/i);
    expect(markup).not.toMatch(/<svg\s+onload/i);
    // No real tag carries an event-handler attribute (the escaped text may, as text).
    expect(markup).not.toMatch(/<[a-z][^<>]*\son[a-z]+\s*=/i);
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markup).toContain('&quot;cités&quot; &amp;amp; publiés');
    // Messages and titles with markup in them are escaped too.
    expect(markup).toContain('Overlapping &lt;b&gt;evidence&lt;/b&gt;');
    expect(markup).not.toContain('<b>evidence</b>');
    expect(markup).toContain('Unknown rule saw &lt;script&gt;');
  });

  test('loads nothing: no src attributes, no link elements, no url() or @import; only rule pages as plain links', () => {
    const tags = html.match(/<[a-z][^<>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) expect(tag).not.toMatch(/\s(src|srcset|poster|data|action|background|formaction|xlink:href)\s*=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    const hrefs = [...markupOnly(html).matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of hrefs) {
      expect(href.startsWith('#') || href.startsWith('https://github.com/wireproof/wireproof/blob/main/docs/rules/')).toBe(true);
    }
    // The URL in the article is there as text only.
    expect(html).toContain('https://evil.example/pixel.png');
    expect(html).not.toMatch(/="https:\/\/evil/);
  });

  test('every attribute value is quoted', () => {
    const tags = markupOnly(html).match(/<[a-z][^<>]*>/gi) ?? [];
    for (const tag of tags) {
      const attrs = tag.replace(/^<[a-z0-9]+/i, '').replace(/\/?>$/, '');
      // name="value" pairs, or bare boolean attributes (open, hidden).
      expect(attrs).toMatch(/^(\s+[a-z0-9-]+(="[^"]*")?)*\s*$/i);
    }
  });

  test('overlapping signal spans show each character once; out-of-range spans are listed, not highlighted', () => {
    expect(paragraphText(html, 4)).toBe(HOSTILE);
    const hostileLi = /<li class="para" id="r1-p4">[\s\S]*?<\/li>/.exec(html)![0];
    const paragraph = /<p class="text"[^>]*>([\s\S]*?)<\/p>/.exec(hostileLi)![1]!;
    // <script> starts one mark (calque alone), then the overlap (two signals), each piece its own mark.
    expect(paragraph.match(/<mark /g)).toHaveLength(2);
    expect(paragraph).toContain('class="sig pos multi"');
    // Four signals in the evidence table, including the out-of-range one and the document-level one.
    expect(hostileLi).toContain('Evidence: 4 signals');
    expect(hostileLi).toContain('out of range');
    expect(hostileLi).toContain('(whole document)');
    expect(paragraphText(html, 5)).toBe(machineReport().paragraphs[4]!.text);
  });

  test('evidence gives rule id, message, weight and line:column, linked from the highlight', () => {
    const body = /<li class="para" id="r1-p5">[\s\S]*?<\/li>/.exec(html)![0];
    expect(body).toContain('<details class="evidence"><summary>Evidence: 3 signals</summary>');
    expect(body).toContain('<tr id="r1-p5-e0">');
    expect(body).toContain('href="#r1-p5-e0"');
    expect(body).toContain('<code>ric-code</code>');
    expect(body).toContain('+1.20');
    expect(body).toContain('-0.40');
    expect(body).toMatch(/9:\d+–9:\d+/);
    expect(body).toContain('<q>régler le problème</q>');
    // A negative (human) signal is highlighted differently.
    expect(body).toContain('class="sig neg"');
  });

  test('unscored paragraphs are greyed and show their kind', () => {
    expect(html).toMatch(/<li class="para unscored" id="r1-p1">[\s\S]*?<span class="kind">metadata<\/span><span>not scored<\/span>/);
    expect(html).toMatch(/<li class="para unscored" id="r1-p3">[\s\S]*?<span class="kind">notice<\/span>/);
    expect(html).toMatch(/<li class="para" id="r1-p4"><div class="band" style="background:hsl\(\d+ 65% 45%\)"/);
  });

  test('drift: an inline word diff, or "too different to align"', () => {
    expect(html).toContain(
      'Le gouvernement <del title="only in the reference">a annoncé</del>' +
        '<ins title="only in this paragraph">a fait &lt;i&gt;savoir&lt;/i&gt;</ins> mardi',
    );
    expect(html).toContain('<code>REF-&lt;x&gt;</code>');
    expect(html).toContain('Too different to align.');
    expect(html).toContain('<q>Texte sans &lt;u&gt;rapport&lt;/u&gt;</q>');
    expect(html).toMatch(/ · similarity \d+% · line /);
  });

  test('an exact house wording among the reference phrasings says it is no drift', async () => {
    const report = await check('Un responsable américain a indiqué mardi, sous couvert d\'anonymat, que les sanctions visaient le secteur énergétique.');
    const page = format([report], context);
    expect(page).toContain('Reference phrasings and wording drift');
    expect(page).toMatch(/<code>FR-US-OFFICIAL<\/code> · canonical · same wording, no drift · line 1:1/);
  });

  test('verdict, probability, chart and notice at the top; messages under their paragraph or the document', () => {
    expect(html).toContain('<div class="verdict v-declared-machine">Declared machine translation <span class="prob">· 97% machine</span>');
    expect(html).toMatch(/<svg width="220"[^>]*role="img" aria-label="Distribution of paragraph probabilities: [^"]*90–100%: 1"/);
    expect(html.match(/<rect /g)).toHaveLength(10);
    expect(html).toContain('<div class="notice" role="note"><strong>Notice:</strong> Reuters declares machine translation');
    expect(html).toMatch(/<h3>Document messages<\/h3><ul class="messages"><li><span class="sev sev-error">error<\/span>/);
    const body = /<li class="para" id="r1-p5">[\s\S]*?<\/li><\/ul>/.exec(html)![0];
    expect(body).toContain('Instrument code &lt;RIC.PA&gt; left in the text <small>(line 9:');
  });

  test('parses to a sound document: unique ids, in-page links resolve, no injected elements', () => {
    const page = format([machineReport(), humanReport(), unreadableReport()], context);
    const { document } = parseHTML(page);
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(document.querySelectorAll('img, iframe, object, embed, link, base, form')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror], [onload], [onclick]')).toHaveLength(0);
    expect(document.querySelectorAll('svg')).toHaveLength(2);
    expect(document.querySelectorAll('section.report')).toHaveLength(3);
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of document.querySelectorAll('a[href^="#"]')) {
      const target = a.getAttribute('href')!.slice(1);
      expect(ids).toContain(target);
    }
    expect(document.querySelector('h1')!.textContent).toBe('wireproof report');
  });

  test('several reports: one section each and a table of contents; one report: no table of contents', () => {
    const page = format([machineReport(), humanReport(), unreadableReport()], context);
    expect(page).toContain('<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Files</h2>');
    expect(page).toContain('<a href="#r2">/repo/wires/human wire.txt</a>');
    expect(page).toContain('<td class="num">unreadable</td>');
    expect(page).toContain('<title>wireproof report: 3 files</title>');
    expect(page).toMatch(/<div class="input-error" role="alert"><strong>Could not check this input<\/strong> \(<code>not-found<\/code>\): no such file/);
    expect(html).not.toContain('<nav class="toc"');
    expect(html).toContain('<title>wireproof report: wires/afp-2026-02-15.txt</title>');
  });

  test('a hostile file name is escaped in the title, heading and table of contents', () => {
    const page = format([humanReport('<img src=x onerror=alert(2)>.txt'), humanReport()], context);
    expect(markupOnly(page)).not.toMatch(/<img/i);
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;.txt');
  });

  test('document-wide evidence: one note lists it, linked to its evidence rows; each scored paragraph shows its share, linked there', () => {
    const page = format([declaredReport()], context);
    const { document } = parseHTML(page);
    const note = document.querySelector('#r1-shared')!;
    expect(note.textContent).toBe(
      'In every scored paragraph (log-odds in nats, added to each paragraph\'s own evidence): ' +
        'document-wide +8.50 (mt-notice (line 3) +6.00; update-note (line 7) +2.50)',
    );
    // Each listed signal links to its row in its paragraph's evidence table, which exists.
    const targets = [...note.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
    expect(targets).toEqual(['r1-p2-e0', 'r1-p4-e0']);
    for (const id of targets) expect(document.getElementById(id)).not.toBeNull();
    // Every scored paragraph (headline, two bodies) says what it got from the document; the notice does not.
    const shares = (i: number): string[] =>
      [...document.querySelectorAll(`#r1-p${i} .para-meta .shared-share a`)].map((a) => `${a.getAttribute('href')} ${a.textContent}`);
    expect([1, 2, 3, 4].map(shares)).toEqual([['#r1-shared document-wide +8.50'], [], ['#r1-shared document-wide +8.50'], ['#r1-shared document-wide +8.50']]);
    // With a prior, both shares.
    const prior = parseHTML(format([declaredReport(2.197)], context)).document;
    expect([...prior.querySelectorAll('#r1-p1 .shared-share')].map((e) => e.textContent)).toEqual(['prior +2.20', 'document-wide +8.50']);
    expect(prior.querySelector('#r1-shared')!.textContent).toContain('prior 90% +2.20; document-wide +8.50');
    // A prior's percentage can hold '<' or '>': escaped like everything else.
    expect(format([declaredReport(-6)], context)).toContain('prior &lt;1% -6.00; document-wide +8.50');
  });

  test('no document-wide evidence (or a report that does not split its log-odds): no note, no share', () => {
    for (const page of [html, format([humanReport()], context)]) {
      expect(page).not.toContain('class="shared"');
      expect(page).not.toContain('shared-share');
    }
  });

  test('no reports: still a valid page', () => {
    const page = format([], context);
    expect(page).toContain('<p>No input was checked.</p>');
    expect(page.match(/<script/gi)).toHaveLength(1);
  });

  test('is pure: same input, same output', () => {
    expect(format([machineReport()], context)).toBe(html);
  });
});

describe('what the page explains', () => {
  const context = makeContext();
  test('a folded legend says what every verdict and label means; human is "written or translated"', () => {
    const page = format([humanReport()], context);
    const legend = /<details class="legend-box"><summary>How to read this report<\/summary>([\s\S]*?)<\/details>/.exec(page)![1]!;
    for (const term of ['Declared machine translation', 'Undeclared machine translation', 'Mixed', 'Uncertain', 'Human (written or translated)', 'Unknown', 'Paragraph labels']) {
      expect(legend).toContain(`<dt>${term}</dt>`);
    }
    expect(page).toContain('<div class="verdict v-human">Human (written or translated) ');
  });

  test('an unknown report says why; a report in another language says the style model is French only', () => {
    const empty = { ...humanReport(), verdict: 'unknown' as const, machineProbability: null, paragraphs: [] };
    expect(format([empty], context)).toContain('Too little text to judge: fewer than 12 words in text paragraphs');
    expect(format([humanReport()], context)).not.toContain('Too little text');
    const pt = { ...humanReport(), language: 'pt' };
    expect(format([pt], context)).toContain('No style model for pt (French only); the other rules still apply');
    expect(format([humanReport()], context)).not.toContain('No style model');
    expect(format([{ ...humanReport(), language: 'und' }], context)).toContain('Language not identified: no style model; the other rules still apply');
  });
});
