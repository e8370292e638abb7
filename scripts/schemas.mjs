// Regenerates docs/config.schema.json from the zod schema (tests fail when the two disagree). Needs a build.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../dist/config/schema.js';

const target = new URL('../docs/config.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(z.toJSONSchema(configSchema()), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
