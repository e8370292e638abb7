// SARIF 2.1.0 formatter for GitHub code scanning: lint messages as results, unreadable inputs as notifications.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormatContext, Formatter, Message, Report, RuleLevel, Severity } from '../types.js';
import { oneLine } from '../util/oneline.js';
import { leavesBase } from '../util/relative-path.js';

/** The OASIS schema URI of SARIF 2.1.0 (errata 01), written into `$schema`. */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The repository; rule pages sit under `docs/rules/` in it. */
export const INFORMATION_URI = 'https://github.com/wireproof/wireproof';

const RULE_DOCS = `${INFORMATION_URI}/blob/main/docs/rules/`;

/** Key of our fingerprint in `partialFingerprints`; bump the version if the hash ever changes meaning. */
export const FINGERPRINT_KEY = 'wireproof/v1';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function level(severity: Severity | RuleLevel): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'info' ? 'note' : 'none';
}

/** First sentence of a description, for `shortDescription` (GitHub shows it in the alert list). */
function firstSentence(text: string): string {
  const t = text.trim();
  // Not inside parentheses or quotes: "(e.g. Reuters …)" and "(no space before : ; ! ?)" cut the title mid-sentence,
  // and GitHub shows this text as the alert's title (a review, 2026-12-07).
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '"') quoted = !quoted;
    else if ((c === '.' || c === '!' || c === '?') && depth === 0 && !quoted && (i + 1 === t.length || /\s/.test(t[i + 1]!))) return t.slice(0, i + 1);
  }
  return t;
}

/** Percent-encodes each path segment, keeping `/`, so names like `<stdin>` or `a b.txt` make valid URI references. */
function encodePath(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/**
 * Where an input is, as SARIF wants it: relative to `cwd` with forward slashes and `%SRCROOT%` as base, so alerts
 * stay put across checkouts; an absolute `file:` URI only for files outside `cwd` (GitHub then cannot place them).
 */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const pathApi = /^[A-Za-z]:[\\/]/.test(cwd) || cwd.startsWith('\\\\') ? path.win32 : path.posix;
  const absolute = pathApi.resolve(cwd, file);
  const relative = pathApi.relative(cwd, absolute);
  if (relative === '' || leavesBase(relative, pathApi)) {
    return { uri: pathToFileURL(absolute, { windows: pathApi === path.win32 }).href };
  }
  return { uri: encodePath(relative.split(pathApi.sep).join('/')), uriBaseId: '%SRCROOT%' };
}

/** `%SRCROOT%` as an absolute directory URI (SARIF §3.14.14 wants the trailing slash). */
function srcRoot(cwd: string): string {
  const pathApi = /^[A-Za-z]:[\\/]/.test(cwd) || cwd.startsWith('\\\\') ? path.win32 : path.posix;
  const href = pathToFileURL(pathApi.resolve(cwd), { windows: pathApi === path.win32 }).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * The text a message's region covers, when it can be read back from its paragraph: plain-text inputs only (HTML
 * paragraphs are extracted text, not the page source the positions refer to) and only when the range fits.
 */
function snippet(report: Report, m: Message): string | undefined {
  if (report.format !== 'text') return undefined;
  const p = report.paragraphs.find((q) => q.index === m.paragraph);
  if (!p) return undefined;
  const lines = p.text.split('\n');
  const index = (line: number, column: number): number | undefined => {
    const k = line - p.line;
    if (k < 0 || k >= lines.length) return undefined;
    let at = 0;
    for (let i = 0; i < k; i++) at += lines[i]!.length + 1;
    const col = k === 0 ? column - p.column : column - 1;
    if (col < 0 || col > lines[k]!.length) return undefined;
    return at + col;
  };
  const start = index(m.line, m.column);
  const last = index(m.endLine, m.endColumn);
  if (start === undefined || last === undefined || last < start || last >= p.text.length) return undefined;
  return p.text.slice(start, last + 1);
}

function region(report: Report, m: Message): Record<string, unknown> | undefined {
  // A document-level message may carry line 0; SARIF lines and columns start at 1, so it then gets no region.
  if (!(m.line >= 1 && m.column >= 1)) return undefined;
  // A finding about the whole document (paragraph 0, placed at 1:1) points at the first line, no columns: a
  // one-column region cut an emoji opening the file in half, and ran past an empty first line (review, 2026-12-07).
  if (m.paragraph === 0) return { startLine: 1 };
  const endLine = m.endLine >= m.line ? m.endLine : m.line;
  // Report endColumn is the inclusive last character; SARIF's endColumn is exclusive.
  const endColumn = endLine === m.line ? Math.max(m.endColumn + 1, m.column + 1) : Math.max(1, m.endColumn + 1);
  const out: Record<string, unknown> = { startLine: m.line, startColumn: m.column, endLine, endColumn };
  const text = snippet(report, m);
  if (text !== undefined) out.snippet = { text };
  return out;
}

function ruleDescriptor(id: string, context: FormatContext, firstSeverity: Severity): Record<string, unknown> {
  const meta = context.rules[id];
  if (!meta) {
    // Unknown to this run's rule table (a plugin, or a renamed rule): still one entry, so ruleIndex resolves.
    return {
      id,
      shortDescription: { text: id },
      fullDescription: { text: id },
      defaultConfiguration: { level: level(firstSeverity) },
    };
  }
  return {
    id,
    name: id,
    shortDescription: { text: firstSentence(meta.description) },
    fullDescription: { text: meta.description },
    helpUri: `${RULE_DOCS}${encodeURIComponent(id)}.md`,
    help: { text: `${meta.description} See ${RULE_DOCS}${encodeURIComponent(id)}.md` },
    defaultConfiguration: { level: level(meta.defaultSeverity) },
    properties: { tags: ['translation', meta.evidence] },
  };
}

/**
 * Formats reports as one SARIF 2.1.0 log with one run. Results come from `report.messages`, with repo-relative
 * URIs (`%SRCROOT%` = `context.cwd`), exclusive end columns and our stable fingerprint; inputs that could not be read
 * become failed tool-execution notifications. `results` is always present, even when empty.
 */
export const format: Formatter = (reports, context) => {
  const ruleIds: string[] = [];
  const firstSeverity = new Map<string, Severity>();
  for (const r of reports) {
    if (r.error) continue;
    for (const m of r.messages) {
      if (!firstSeverity.has(m.ruleId)) {
        firstSeverity.set(m.ruleId, m.severity);
        ruleIds.push(m.ruleId);
      }
    }
  }
  // Sorted so the rule table (and every ruleIndex) does not depend on input order.
  ruleIds.sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => ruleDescriptor(id, context, firstSeverity.get(id)!));

  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of reports) {
    const artifact = artifactLocation(r.file, context.cwd);
    if (r.error) {
      notifications.push({
        level: 'error',
        // Input errors already name their file (`wire.txt: no such file`); others get it in front.
        message: { text: r.error.message.startsWith(`${oneLine(r.file)}:`) ? r.error.message : `${oneLine(r.file)}: ${r.error.message}` },
        descriptor: { id: 'input-error' },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
        properties: { code: r.error.code },
      });
      continue;
    }
    for (const m of r.messages) {
      const reg = region(r, m);
      const physicalLocation: Record<string, unknown> = { artifactLocation: artifact };
      if (reg) physicalLocation.region = reg;
      const properties: Record<string, unknown> = { paragraph: m.paragraph };
      if (m.suggestions && m.suggestions.length > 0) properties.suggestions = m.suggestions;
      results.push({
        ruleId: m.ruleId,
        ruleIndex: ruleIndex.get(m.ruleId),
        level: level(m.severity),
        message: { text: m.message },
        locations: [{ physicalLocation }],
        partialFingerprints: { [FINGERPRINT_KEY]: m.fingerprint },
        properties,
      });
    }
  }

  const invocation: Record<string, unknown> = { executionSuccessful: notifications.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wireproof',
            version: context.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [invocation],
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
