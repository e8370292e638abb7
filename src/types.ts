// The one vocabulary every stage speaks: blocks, paragraphs, signals, messages, reports. Formatters see only these types.

/** Message severity, as in ESLint/textlint (SARIF: error→error, warning→warning, info→note). */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured level: a severity, or `off` to disable it. */
export type RuleLevel = Severity | 'off';

/** What a paragraph is, structurally. Only `body` paragraphs are scored as article text. */
export type ParagraphKind =
  | 'metadata'
  | 'chrome'
  | 'headline'
  | 'byline'
  | 'notice'
  | 'update-note'
  | 'credit'
  | 'body';

/** Per-paragraph label, from `machineProbability` (bands in src/score/labels.ts, docs/scoring.md). */
export type Label = 'machine' | 'likely-machine' | 'uncertain' | 'likely-human' | 'human';

/**
 * Document verdict. `uncertain` is an addition to the five fixed values: enough text, but no evidence that
 * decides either way (the tool never invents certainty; docs/report-format.md).
 */
export type Verdict = 'declared-machine' | 'undeclared-machine' | 'human' | 'mixed' | 'uncertain' | 'unknown';

/** A point in the decoded text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A piece of text that ingest found in an HTML page, with where each of its characters came from. */
export interface Block {
  /** Extracted text, white space collapsed (a `<br>` is a line break). */
  text: string;
  /** 0-based offset in the source text of the block's first character (or of its element when text is empty). */
  offset: number;
  /** How `text` maps back to the source (entities and inline tags make it non-contiguous). */
  offsets: OffsetMap;
  /** The element that produced it (p, h1, li …). */
  tag: string;
  /**
   * What the page's markup says the block is, when segmentation should know: `byline` for the element Readability
   * took as the article's byline (`rel="author"`, `itemprop="author"`, `class="byline"` …).
   */
  role?: 'byline';
  /**
   * The language the markup declares for this block (ISO 639-1): a `lang` attribute on its element or on a quotation
   * around it (`<blockquote lang="en">`: an embedded tweet); a wrapper's is not read (src/ingest/html.ts).
   */
  language?: string;
}

/** What ingest produces for one input. */
export interface IngestedText {
  /** Display name: the path as given, `<stdin>`, or an id from a feed. */
  file: string;
  /** The full decoded text (for HTML, the page source). Positions refer to it. */
  source: string;
  /** Detected encoding of the bytes (`utf-8`, `utf-16le`, `windows-1252` …). */
  encoding: string;
  format: 'text' | 'html';
  /** For HTML the extracted article blocks; for text, undefined (segmentation splits the source itself). */
  blocks?: Block[];
  /**
   * For HTML, the page's other blocks (outside furniture) that the article extraction left out, in document order:
   * segmentation reads only the machine-translation notices among them.
   */
  dropped?: Block[];
  /** Title found by HTML extraction, if any. */
  title?: string;
  /** `lang` attribute of an HTML page, if any. */
  declaredLanguage?: string;
}

/** A sentence inside a paragraph: offsets relative to the paragraph text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** A machine-translation notice found in the text. */
export interface NoticeMatch {
  id: string;
  agency: string;
  language: string;
  /** What the notice declares: machine translation, or AI assistance only. */
  declares: 'machine-translation' | 'ai-assistance';
  /** Weight (log-likelihood ratio, nats) of this notice as evidence of machine translation. */
  weight: number;
  /** 0-based offsets in the source text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** The corpus entry's status: seen in published text, or inferred. */
  status: 'seen' | 'seen-second-hand' | 'partial' | 'inferred';
  /** A stock sentence that does not identify its publisher: `agency` is only where the wording was seen. */
  generic: boolean;
}

/** One paragraph after segmentation. */
export interface Paragraph {
  /** 1-based position in the document. */
  index: number;
  kind: ParagraphKind;
  text: string;
  start: Point;
  /** Position of the last character (inclusive), as in the report's `endLine`/`endColumn`. */
  end: Point;
  /** Maps an index in `text` to an offset in the source (text is contiguous in plain text, not always in HTML). */
  offsets: OffsetMap;
  sentences: Sentence[];
  /** ISO 639-1 code, or `und`. */
  language: string;
  /** 0–1, from franc's margin to the runner-up and the paragraph's length. */
  languageConfidence: number;
  /** Notice matched inside this paragraph, when kind is `notice`. */
  notice?: NoticeMatch;
  /** HTML element that produced the paragraph. */
  tag?: string;
  /** The language the page's markup declares for this paragraph's element (Block.language), when it does. */
  declaredLanguage?: string;
}

/**
 * How a paragraph's characters map back to the source text: a list of runs `[textIndex, sourceOffset]`,
 * sorted by textIndex; character i maps to sourceOffset + (i - textIndex) of the last run with textIndex ≤ i.
 */
export type OffsetMap = ReadonlyArray<readonly [number, number]>;

/** Whether a signal's evidence is about its paragraph only, or about the whole document (wire-level marks). */
export type SignalScope = 'paragraph' | 'document';

/** What kind of evidence a signal is; used to explain and to rank, and by the verdict rules. */
export type EvidenceClass = 'notice' | 'artefact' | 'lexical' | 'style' | 'reference' | 'source' | 'language';

/** One piece of evidence produced by a detector (or by reference matching). */
export interface Signal {
  ruleId: string;
  /** Log-likelihood ratio in nats: > 0 favours machine translation, < 0 favours human. */
  weight: number;
  message: string;
  /** 1-based paragraph index. */
  paragraph: number;
  /** 0-based offsets in the paragraph text, end exclusive. */
  start: number;
  end: number;
  scope: SignalScope;
  evidence: EvidenceClass;
  /** Text that triggered it. */
  actual?: string;
  /** Suggested wording, when there is one. */
  expected?: string[];
  /** Machine-readable extras (matched entry id, language margin …). */
  data?: Record<string, unknown>;
}

/** A positioned signal as reported (source positions resolved). */
export interface ReportedSignal {
  ruleId: string;
  weight: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  scope: SignalScope;
  evidence: EvidenceClass;
  actual?: string;
  expected?: string[];
  data?: Record<string, unknown>;
}

/** A lint message: what CI and editors act on. */
export interface Message {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 1-based paragraph index; 0 for the document as a whole. */
  paragraph: number;
  /** Suggested replacements. */
  suggestions?: string[];
  /** Stable hash of rule id and normalised paragraph text: survives unrelated line moves (SARIF, baselines). */
  fingerprint: string;
}

/** A change in a word diff. */
export interface Change {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A paragraph's wording compared with a reference phrasing (issue: wording drift). */
export interface Drift {
  referenceId: string;
  kind: 'canonical' | 'machine-variant';
  similarity: number;
  line: number;
  column: number;
  text: string;
  expected: string;
  /** Null when the diff was too different to align (jsdiff aborted). */
  changes: Change[] | null;
}

/** One paragraph in the report. */
export interface ReportParagraph {
  index: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  kind: ParagraphKind;
  text: string;
  language: string;
  languageConfidence: number;
  /** Null for paragraphs that are not scored as text (notice, chrome, metadata, byline, credit, update note). */
  machineProbability: number | null;
  label: Label | null;
  /** Log-odds before calibration, for those who combine evidence themselves. */
  logOdds: number | null;
  /**
   * Where `logOdds` comes from, for scored paragraphs (absent when `logOdds` is null): the prior, the document-wide
   * evidence every scored paragraph receives, and this paragraph's own evidence. They sum to `logOdds` (up to rounding).
   */
  logOddsParts?: LogOddsParts;
  signals: ReportedSignal[];
  drift?: Drift[];
}

/** A scored paragraph's log-odds split by where the evidence comes from (nats, rounded to 0.001; docs/scoring.md). */
export interface LogOddsParts {
  /** ln(P / (1 − P)) of the prior (`--prior`); 0 at the default, equal prior odds. */
  prior: number;
  /** Document-scope signals (notice, credit line, update note …), wherever they sit, after saturation (3× per rule). */
  document: number;
  /** This paragraph's own paragraph-scope signals, after saturation (2× per rule). */
  paragraph: number;
}

/** A notice as reported. */
export interface ReportedNotice {
  id: string;
  agency: string;
  language: string;
  declares: NoticeMatch['declares'];
  status: NoticeMatch['status'];
  /** A stock sentence that does not identify its publisher: `agency` is only where the wording was seen. */
  generic: boolean;
  paragraph: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** The report for one input. */
export interface Report {
  file: string;
  language: string;
  encoding: string;
  format: 'text' | 'html';
  verdict: Verdict;
  /** Document probability of machine translation, or null when there is too little text to say. */
  machineProbability: number | null;
  notices: ReportedNotice[];
  paragraphs: ReportedParagraph[];
  messages: Message[];
  summary: {
    paragraphs: number;
    bodyParagraphs: number;
    byLabel: Record<Label, number>;
    errors: number;
    warnings: number;
    infos: number;
  };
  /** Set when the input could not be read or decoded: the report then has no paragraphs. */
  error?: { code: InputErrorCode; message: string };
}

export type ReportedParagraph = ReportParagraph;

/** Why an input could not be checked. */
/** Why an input gave no report; `internal` is a failure of wireproof's own on that input (a bug: please report it). */
export type InputErrorCode = 'not-found' | 'is-directory' | 'unreadable' | 'binary' | 'decode' | 'too-large' | 'internal';

/** Error thrown for unusable input or configuration; the CLI maps it to exit code 2. */
export class WireproofError extends Error {
  constructor(
    message: string,
    readonly code: InputErrorCode | 'usage' | 'config' | 'corpus',
    readonly file?: string,
  ) {
    super(message);
    this.name = 'WireproofError';
  }
}

/** A rule's metadata, as ESLint's `meta`: the id never changes once shipped. */
export interface RuleMeta {
  /** Stable kebab-case id. */
  id: string;
  description: string;
  /** Severity of the lint message the rule's signals produce. A default of `off` means "no message, but the signals still feed the score"; a rule the user sets to `off` does not run at all. */
  defaultSeverity: RuleLevel;
  /** Path of the rule's page, relative to the repository (docs/rules/<id>.md). */
  docs: string;
  evidence: EvidenceClass;
  /** Languages the rule applies to (ISO 639-1); undefined = any. */
  languages?: string[];
  /** Paragraph kinds the rule inspects. */
  kinds: ParagraphKind[];
  /**
   * Which of the rule's signals become lint messages. `evidence` (the default): only evidence for machine translation
   * (weight > 0). `finding`: also signals of weight 0, for rules whose findings are editorial problems whatever they
   * weigh (a wording that drifts from the house wording, a number that differs from the source). Evidence of human
   * work (weight < 0) is never a message.
   */
  messages?: 'evidence' | 'finding';
}

/** Everything a detector may read besides its paragraph. Detectors never see other detectors' results. */
export interface DetectorContext {
  /** Document language (ISO 639-1) or `und`. */
  language: string;
  /** All paragraphs of the document, for rules that look at neighbours (e.g. a heading fused into the next). */
  paragraphs: readonly Paragraph[];
  corpora: import('./corpora/index.js').Corpora;
}

/** One detector: a pure function with its meta. */
export interface Detector {
  meta: RuleMeta;
  detect(paragraph: Paragraph, context: DetectorContext): Signal[];
}

/** What a formatter knows besides the reports. Formatters are pure: no colour decisions, no I/O. */
export interface FormatContext {
  /** Folder that relative paths (SARIF URIs, links) are computed from. */
  cwd: string;
  /** Whether ANSI colour may be used (decided once by the CLI: TTY, NO_COLOR, FORCE_COLOR, --color). */
  color: boolean;
  /** Metadata of every known rule, by id. */
  rules: Record<string, RuleMeta>;
  /** wireproof's version. */
  version: string;
  /**
   * `--quiet`: the user asked for errors only. The messages are already filtered; the text and Markdown formats also
   * leave out the paragraph tables and the inputs without an error, as ESLint's formatters list only files with errors.
   */
  quiet?: boolean;
}

/** A report formatter: reports in, text out. */
export type Formatter = (reports: Report[], context: FormatContext) => string;

/** What happened to a paragraph between two versions of a story (`wireproof compare`, docs/compare.md). */
export type PairStatus = 'unchanged' | 'edited' | 'added' | 'removed' | 'moved';

/** Where a candidate paragraph's wording comes from, when the reference is known to be machine-translated. */
export type Provenance = 'machine' | 'post-edited' | 'human';

/** One side of a compared pair. */
export interface ComparedParagraph {
  /** 1-based paragraph index in its document. */
  index: number;
  line: number;
  column: number;
  kind: ParagraphKind;
  text: string;
}

/** A reference paragraph and the candidate paragraph aligned with it (either may be missing). */
export interface ComparisonPair {
  status: PairStatus;
  /** Kind of the candidate paragraph (of the reference one when removed). Only headline and body pairs are scored. */
  kind: ParagraphKind;
  reference: ComparedParagraph | null;
  candidate: ComparedParagraph | null;
  /** 1 = same wording: 1 − token edit distance / longer token count (OmegaT's fuzzy score); 0 when one side is missing. */
  similarity: number;
  /** Share of the candidate's words kept from the reference (1 − insertion/substitution rate); null when removed. */
  machineShare: number | null;
  /** Word diff reference → candidate; null when jsdiff gave up (too different to align). */
  changes: Change[] | null;
  /** Inherited provenance when the reference is machine-translated; null otherwise and for non-text pairs. */
  provenance: Provenance | null;
  /**
   * For an `added` headline or body paragraph cut out of one reference paragraph (all its words, three or more, in
   * order and contiguous): that paragraph. An editor split it, or copied part of it; `machineShare` is then 1.
   */
  from?: ComparedParagraph;
}

/** Totals of a comparison, over headline and body pairs (other kinds are counted in `otherPairs`). */
export interface ComparisonSummary {
  pairs: number;
  unchanged: number;
  edited: number;
  added: number;
  removed: number;
  moved: number;
  /** Pairs of other kinds (notice, chrome, byline …), aligned but not scored. */
  otherPairs: number;
  /** Pairs whose word diff was abandoned as too different. */
  tooDifferent: number;
  /** Mean similarity over scored pairs, added and removed counting 0; null with no scored pair. */
  meanSimilarity: number | null;
  /** Words of the candidate's headline and body paragraphs. */
  candidateWords: number;
  /** Of those, words kept from the reference. */
  keptWords: number;
  /** keptWords / candidateWords (word-weighted machine share); null when the candidate has no words. */
  machineShare: number | null;
  /** Whether candidate paragraphs inherit machine provenance from the reference. */
  referenceIsMachine: boolean;
  /** Why: the reference carries a machine-translation notice, or the caller said so. */
  referenceIsMachineBecause: 'notice' | 'option' | null;
  /**
   * The reference carries a notice declaring machine translation and the candidate none: the copy to be published no
   * longer says it is machine-translated (the feed's `((Traduction automatisée par Reuters …))` was cut).
   */
  noticeDropped: boolean;
  /** Candidate text paragraphs per inherited provenance (all zero when the reference is not machine-translated). */
  provenance: Record<Provenance, number>;
  /** Candidate words per inherited provenance of their paragraph. */
  provenanceWords: Record<Provenance, number>;
}

/** The result of comparing two versions of one story. */
export interface Comparison {
  reference: string;
  candidate: string;
  pairs: ComparisonPair[];
  summary: ComparisonSummary;
  /** Source–target consistency of the candidate against an original-language source, when one was given. */
  source?: SourceCheck;
}

/** Source–target consistency findings of a translation against its original (`--source`). */
export interface SourceCheck {
  file: string;
  /** Signals on the candidate's paragraphs (offsets relative to each paragraph's text). */
  signals: Signal[];
  /** Source paragraph indices (1-based) against target paragraph indices, in order; either side may be empty. */
  alignment: { source: number[]; target: number[]; score: number }[];
}
