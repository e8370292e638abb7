// Output path safety: hostile feed ids, path checks, name clashes, common base.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { join, resolve, sep } from 'node:path';
import { assignStems, commonBase, dropExtension, isInside, safeJoin, sanitiseId } from '../../src/batch/paths.js';

const OUT = resolve('/tmp/wireproof-out');

describe('sanitiseId', () => {
  test.each([
    ['../../etc/passwd'],
    ['/abs'],
    ['a/../../b'],
    ['..'],
    ['.'],
    ['.hidden'],
    ['C:\\Windows\\system32'],
    ['a\u0000b'],
    ['line\nbreak'],
    ['x'.repeat(5000)],
    ['é'.repeat(400)],
    [''],
    ['   '],
    ['trailing. '],
  ])('%j becomes one safe segment inside DIR', (id) => {
    const name = sanitiseId(id);
    // eslint-disable-next-line no-control-regex -- control characters are what must not appear
    expect(name).not.toMatch(/[/\\\u0000-\u001f]/);
    expect(name).not.toMatch(/^\./);
    expect(name).not.toMatch(/\.\./);
    expect(Buffer.byteLength(`${name}.json`)).toBeLessThanOrEqual(255);
    expect(isInside(safeJoin(OUT, `feed/${name}.json`), OUT)).toBe(true);
  });

  test('Windows device names are never produced, whatever the case or extension', () => {
    for (const id of ['CON', 'con', 'Nul', 'COM1', 'lpt9', 'aux.txt', 'PRN.json']) {
      const name = sanitiseId(id);
      expect(name).not.toMatch(/^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i);
    }
  });

  test('plain ids are kept as they are; changed ones carry a hash of the original, so they never meet', () => {
    expect(sanitiseId('depeche-0001')).toBe('depeche-0001');
    expect(sanitiseId('dépêche_2026.03')).toBe('dépêche_2026.03');
    expect(sanitiseId('a/b')).not.toBe(sanitiseId('a_b'));
    expect(sanitiseId('a/b')).toMatch(/^a_b-[0-9a-f]{12}$/);
    expect(sanitiseId('x'.repeat(300))).not.toBe(sanitiseId(`${'x'.repeat(299)}y`));
  });

  test('property: any id gives a segment that safeJoin accepts and that stays inside DIR', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (id) => {
        const abs = safeJoin(OUT, `feed/${sanitiseId(id)}.json`);
        expect(abs.startsWith(OUT + sep)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('safeJoin', () => {
  test.each(['../x.json', 'a/../../x.json', '/etc/passwd', 'C:/x.json', 'a\\..\\x.json', 'a//b.json', './a.json', 'a/./b', 'a\u0000.json', ''])(
    'refuses %j',
    (rel) => {
      expect(() => safeJoin(OUT, rel)).toThrow(/refusing output path/);
    },
  );

  test('accepts nested relative paths and returns them under DIR', () => {
    expect(safeJoin(OUT, '2026-01/wire-0001.json')).toBe(join(OUT, '2026-01', 'wire-0001.json'));
  });
});

describe('assignStems', () => {
  test('clashing stems keep their full names; reserved top-level names are avoided; the rest (case-insensitive clashes) get ~n', () => {
    const stems = assignStems(
      [
        { stem: 'a/wire', full: 'a/wire.txt' },
        { stem: 'a/wire', full: 'a/wire.html' },
        { stem: 'summary', full: 'summary.txt' },
        { stem: 'index', full: 'index.md' },
        { stem: 'B/Note', full: 'B/Note.txt' },
        { stem: 'b/note', full: 'b/note.txt' },
        { stem: 'ok', full: 'ok.txt' },
      ],
      ['.json', '.html'],
    );
    expect(stems).toEqual(['a/wire.txt', 'a/wire.html', 'summary.txt', 'index.md', 'B/Note.txt', 'b/note.txt~2', 'ok']);
  });

  test('identical stems with identical full names are numbered in input order', () => {
    expect(assignStems([{ stem: 'f/x', full: 'f/x' }, { stem: 'f/X', full: 'f/X' }], ['.json'])).toEqual(['f/x', 'f/X~2']);
  });

  test('a report never takes the name of a folder other reports live in', () => {
    const stems = assignStems([{ stem: 'x', full: 'x.txt' }, { stem: 'x.json/y', full: 'x.json/y.txt' }], ['.json']);
    expect(stems[0]).toBe('x.txt');
  });
});

describe('commonBase and dropExtension', () => {
  test('the deepest shared folder', () => {
    expect(commonBase(['/a/b/c', '/a/b/d/e'])).toBe(resolve('/a/b'));
    expect(commonBase(['/a/b'])).toBe(resolve('/a/b'));
    expect(commonBase(['/a', '/b'])).toBe(resolve('/'));
  });

  test('only the last extension of the last segment goes', () => {
    expect(dropExtension('2026-01/wire-0001.txt')).toBe('2026-01/wire-0001');
    expect(dropExtension('v1.2/README')).toBe('v1.2/README');
    expect(dropExtension('a/.profile')).toBe('a/.profile');
    expect(dropExtension('a/b.tar.gz')).toBe('a/b.tar');
  });
});
