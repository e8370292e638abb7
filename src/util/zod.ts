// Loads zod on first use (synchronously, through its CommonJS build): validation is needed only when data or a
// config file is read, and importing zod costs tens of milliseconds that `check` start-up cannot afford.
import { createRequire } from 'node:module';
import type * as ZodModule from 'zod';

const requireCjs = createRequire(import.meta.url);
let loaded: typeof ZodModule | undefined;

/** The zod namespace (`z`), loaded on first call. */
export function zod(): typeof ZodModule.z {
  loaded ??= requireCjs('zod') as typeof ZodModule;
  return loaded.z;
}
