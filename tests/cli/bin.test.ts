// The installed binary: `npx wireproof` after `npm ci` (which builds dist/ through `prepare`), stdin, stdout/stderr split.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const built = existsSync(BIN);
if (!built) console.warn(`skipping binary tests: ${BIN} is missing (run npm run build)`);
const maybe = built ? test : test.skip;

function wireproof(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin', () => {
  maybe('reads standard input with -', () => {
    const seed = readFileSync('seeds/000_22f5c933d92a2ddd.txt', 'utf8');
    const r = wireproof(['check', '-', '--format', 'json'], seed);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [report] = JSON.parse(r.stdout) as { file: string; verdict: string }[];
    expect(report).toMatchObject({ file: '<stdin>', verdict: 'declared-machine' });
  });

  maybe('prints its version and help on stdout, nothing on stderr', () => {
    const v = wireproof(['--version']);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = wireproof(['check', '--help']);
    expect(h.stdout).toMatch(/--format/);
    expect(h.status).toBe(0);
  });

  maybe('a missing file: exit 2, one line on stderr, no stack trace', () => {
    const r = wireproof(['check', 'no/such/file.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no\/such\/file\.txt/);
  });
});
