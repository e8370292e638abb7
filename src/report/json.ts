// JSON formatter: the report array, one entry per input in input order (docs/report-format.md, schema beside it).
import type { Formatter } from '../types.js';

export const format: Formatter = (reports) => `${JSON.stringify(reports, null, 2)}\n`;
