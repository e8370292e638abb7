// The explicit rule registry: every detector wireproof runs, keys sorted. A new rule is one file and one line here.
import type { Detector } from '../types.js';
import { detector as brokenApostrophe } from './broken-apostrophe.js';
import { detector as calque } from './calque.js';
import { detector as creditLine } from './credit-line.js';
import { detector as fusedHeading } from './fused-heading.js';
import { detector as glossedEnglishName } from './glossed-english-name.js';
import { detector as intrinsicStyle } from './intrinsic-style.js';
import { mtNotice } from './mt-notice.js';
import { detector as ricCode } from './ric-code.js';
import { detector as strippedLinkComma } from './stripped-link-comma.js';
import { detector as typography } from './typography.js';
import { detector as unbalancedQuote } from './unbalanced-quote.js';
import { detector as untranslatedEnglish } from './untranslated-english.js';
import { detector as updateNote } from './update-note.js';

/** Every registered detector, in a fixed order (sorted by id) so reports are deterministic. */
export const detectors: readonly Detector[] = [
  brokenApostrophe,
  calque,
  creditLine,
  fusedHeading,
  glossedEnglishName,
  intrinsicStyle,
  mtNotice,
  ricCode,
  strippedLinkComma,
  typography,
  unbalancedQuote,
  untranslatedEnglish,
  updateNote,
];
