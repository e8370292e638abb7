// Marks the compiled CLI entry as executable so `npx wireproof` works straight after `npm ci`.
import { chmodSync, existsSync } from 'node:fs';

const bin = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
