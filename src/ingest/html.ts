// HTML pages → article blocks with source positions: linkedom parses, Readability picks the article, align.ts maps.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block, OffsetMap } from '../types.js';
import { alignText, BREAK_ELEMENTS, fallbackOffsets, findText, SKIP_ELEMENTS, type Alignment, type Cursor } from './align.js';
import { blankTooDeep, tokenizeHtml, type Token, type Tokenized } from './html-tokens.js';

/** What {@link extractHtml} returns. */
export interface HtmlExtraction {
  /** Article blocks in document order; positions refer to the source given. */
  blocks: Block[];
  /** Article title (Readability's, else the page's `<title>`), white space collapsed. */
  title?: string;
  /** Primary subtag of `<html lang>`, lower case, when it is a two-letter code. */
  language?: string;
  /**
   * Blocks of the page outside furniture that Readability left out of the article (an `<article>`'s `<footer>`, a
   * `class="…-extra"` note …), in document order: not article text, but a notice there still declares the page.
   */
  dropped?: Block[];
}

/** Elements kept as blocks (Readability turns some `div`s into `p`s; figcaptions carry photo credits). */
const BLOCK_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'figcaption']);

/**
 * Readability's cleaning passes are superlinear in nesting depth (measured: 500 nested divs 3 s, 1,000 nested
 * divs 22 s). Real article pages nest 13–23 deep (the five pages in Readability's test suite we checked), so a
 * page nested deeper than this is not an article page: the body walk, which is linear, handles it.
 */
const MAX_READABILITY_DEPTH = 80;
/** Above this many elements Readability throws (its `maxElemsToParse`) and the body walk is used instead. */
const MAX_READABILITY_ELEMENTS = 15000;

/** Attribute that numbers every element before Readability runs; Readability copies attributes when it retags. */
const ID_ATTRIBUTE = 'data-wireproof-id';

// Minimal structural view of linkedom's DOM: its typings lean on the DOM lib, which this Node project does not load.
interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}
interface DomText extends DomNode {
  readonly data: string;
}
interface DomElement extends DomNode {
  readonly localName: string;
  readonly attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  appendChild(node: DomNode): DomNode;
  remove(): void;
}
interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly title: string;
  createElement(name: string): DomElement;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  appendChild(node: DomNode): DomNode;
}
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const DOCTYPE = 10;

/** What was known about an element before Readability changed the document. */
interface ElementInfo {
  /** Tag name in the source. */
  name: string;
  /** Its rank among elements of that name, in document (= creation) order. */
  rank: number;
  /** Its number (the index in `infos`). */
  id: number;
  /** Its parent element's number, as parsed. */
  parent?: number;
  /** Nesting depth, as parsed (the root element 1). */
  depth: number;
  /** Inside page furniture (navigation, cookie banner, site header …), by any mark. */
  furniture: boolean;
  /**
   * When it is furniture only by a layout word of a class or id (`paywall`, `sidebar` …): the number of the nearest
   * element so named, itself or an ancestor. Templates put such words on wrappers of the whole article, so they
   * count only inside the article Readability found ({@link articleFurniture}).
   */
  layoutFrom?: number;
  /** The language a `lang` (or `xml:lang`) on it, or the nearest inside a quotation around it, declares (two letters). */
  lang?: string;
  /** Inside a `<blockquote>` (or one itself). */
  inQuote?: boolean;
  /** The language the nearest `lang` inside the quotation around it (the blockquote's own included) declares. */
  quoteLang?: string;
}

interface Prepared {
  document: DomDocument;
  infos: ElementInfo[];
  /** Deepest element nesting. */
  depth: number;
  /** Elements by id, as parsed (before Readability). */
  elements: DomElement[];
  language?: string;
}

/**
 * Extracts the article of an HTML page as positioned blocks.
 *
 * linkedom parses the page and every element gets a sequence number; Readability picks the article; each kept
 * block element (p, h1–h6, li, blockquote, pre, figcaption, innermost only) is found in the source as the k-th
 * start tag of its name (htmlparser2 does not restructure markup, so the k-th `<p` is the k-th `p` element), and
 * its text is aligned character by character from there. Blocks Readability built itself are found by text.
 * A headline `<h1>` Readability dropped as a duplicate of the title is put back, and so is the byline element it
 * removed (as `role: 'byline'`). Page furniture is dropped.
 * When Readability finds no article, the body's innermost block elements are returned instead.
 *
 * Never throws: any failure degrades to fewer blocks, single-run offset maps, or `{ blocks: [] }`.
 *
 * @param source the decoded page (LF line endings)
 * @returns blocks, title and declared language
 */
export function extractHtml(source: string): HtmlExtraction {
  let tokenized: Tokenized;
  try {
    ({ source, tokenized } = blankTooDeep(source, tokenizeHtml(source)));
  } catch {
    return { blocks: [] };
  }
  try {
    return extractArticle(source, tokenized);
  } catch {
    try {
      return extractBody(source, tokenized);
    } catch {
      return { blocks: [] };
    }
  }
}

function extractArticle(source: string, tokenized: Tokenized): HtmlExtraction {
  const prepared = prepare(source);
  const { document, infos } = prepared;
  const pageTitle = collapse(document.title ?? '');
  if (prepared.depth > MAX_READABILITY_DEPTH) return extractBody(source, tokenized, pageTitle || undefined, prepared);
  // Headline candidates are read now: Readability removes an <h1> that repeats the title. After the depth guard, as
  // the bylines below: each reads its subtree, and 60,000 nested <h1>s took 11 s (review, 2026-12-08).
  const headlines = prepared.elements
    .map((element, id) => ({ element, id }))
    .filter((h) => h.element.localName === 'h1')
    .map((h) => ({ id: h.id, text: blockText(h.element) }));
  // Byline candidates too: Readability removes the element it takes as the byline (rel=author, class="byline" …).
  // Read after the depth guard: each candidate's subtree is walked, so nested candidates cost depth × page size, and
  // 8,000 nested class="author" divs took 126 s when this ran before the guard.
  const bylines = prepared.elements
    .map((element, id) => ({ element, id }))
    .filter((b) => isBylineMarkup(b.element))
    .map((b) => bylineCandidate(b.element, b.id, infos));
  // Every block of the page, read now too: Readability removes what it judges not to be article (footers, notes),
  // and a machine-translation notice placed there is the page's own declaration.
  const root = document.documentElement;
  // (Layout-word furniture is kept for now: whether it counts depends on where the article is.)
  const pageBlocks = root
    ? innermostBlocks(root).flatMap((element) => {
        const info = infoOf(element, infos);
        return info && (!info.furniture || info.layoutFrom !== undefined) ? [{ info, text: blockText(element) }] : [];
      })
    : [];
  const article = new Readability<DomNode>(document as never, {
    serializer: (node) => node as unknown as DomNode,
    maxElemsToParse: MAX_READABILITY_ELEMENTS,
  }).parse();
  const title = collapse(article?.title ?? '') || pageTitle || undefined;
  const content = article?.content;
  if (!content || content.nodeType !== ELEMENT) return extractBody(source, tokenized, title);

  const locator = new Locator(source, tokenized, infos);
  const blocks: Block[] = [];
  const kept = new Set<ElementInfo>();
  /** The element each block came from, when it is known. */
  const origins = new Map<Block, ElementInfo>();
  const elements = innermostBlocks(content as DomElement);
  // The article as parsed: the nearest element around every block Readability kept.
  const articleRoot = commonAncestor(
    elements.flatMap((e) => infoOf(e, infos) ?? []),
    infos,
  );
  for (const element of elements) {
    const info = infoOf(element, infos);
    if (info) kept.add(info);
    // A block Readability built itself (a `<div>`'s loose text wrapped in a new `<p>`) is judged by the element it was
    // built in: commenters' names in a comment list were scored as article text (review, 2026-12-08).
    const judged = info ?? nearestInfo(element, infos);
    if (judged && articleFurniture(judged, articleRoot, infos)) continue;
    const block = locator.block(element, info);
    if (block && !isFurnitureText(block.text)) {
      blocks.push(block);
      if (info) origins.set(block, info);
    }
  }
  // Readability took furniture for the article (a long comment list beside a short story): what is left is only what
  // it built itself from the same region (the commenters' names), so the body walk reads the page instead (review).
  if (blocks.length === 0) return extractBody(source, tokenized, title);

  if (title && !blocks.some((b) => b.tag === 'h1')) {
    const headline = headlines.find((h) => h.text && !infos[h.id]!.furniture && similarTitles(h.text, title)) ??
      headlines.find((h) => h.text && similarTitles(h.text, title));
    if (headline && !blocks.some((b) => b.text === headline.text)) {
      const block = locator.atElement(headline.text, infos[headline.id]!, undefined);
      if (block) {
        const at = blocks.findIndex((b) => b.offset > block.offset);
        blocks.splice(at < 0 ? blocks.length : at, 0, block);
        kept.add(infos[headline.id]!);
      }
    }
  }
  const byline = bylineElement(bylines, article?.byline);
  if (byline) restoreByline(byline, content as DomElement, { blocks, kept, origins, infos, locator, article: articleRoot });
  const result = withMeta({ blocks }, title, prepared.language);
  const texts = new Set(blocks.map((b) => b.text));
  // A separate locator: these are searched from their own start tags, not from where the article's search stopped.
  const outside = new Locator(source, tokenized, infos);
  const dropped = pageBlocks.flatMap(({ info, text }) =>
    kept.has(info) || !text || texts.has(text) || isFurnitureText(text) || articleFurniture(info, articleRoot, infos) || inOtherArticle(info, articleRoot, infos)
      ? []
      : [lazyBlock(text, info, outside)],
  );
  if (dropped.length > 0) result.dropped = dropped;
  return result;
}

/**
 * The nearest element, as parsed, around all of the given ones (itself for one), or undefined when they have none
 * in common or none is given. Each step climbs one level: the Readability path only runs on pages nested at most
 * {@link MAX_READABILITY_DEPTH} deep.
 */
function commonAncestor(elements: readonly ElementInfo[], infos: readonly ElementInfo[]): ElementInfo | undefined {
  let common: ElementInfo | undefined;
  for (const element of elements) {
    if (!common) {
      common = element;
      continue;
    }
    let a: ElementInfo | undefined = common;
    let b: ElementInfo | undefined = element;
    while (a && b && a.depth > b.depth) a = parentOf(a, infos);
    while (a && b && b.depth > a.depth) b = parentOf(b, infos);
    while (a && b && a !== b) {
      a = parentOf(a, infos);
      b = parentOf(b, infos);
    }
    if (!a || a !== b) return undefined;
    common = a;
  }
  return common;
}

/** An element's parent, as parsed. */
function parentOf(info: ElementInfo, infos: readonly ElementInfo[]): ElementInfo | undefined {
  return info.parent === undefined ? undefined : infos[info.parent];
}

/** The numbered element nearest around an element of Readability's output (itself when it has a number). */
function nearestInfo(element: DomElement, infos: readonly ElementInfo[]): ElementInfo | undefined {
  for (let node: DomNode | null = element; node && isElement(node); node = node.parentNode) {
    const info = infoOf(node, infos);
    if (info) return info;
  }
  return undefined;
}

/** Whether `outer` is `inner` or one of its ancestors, as parsed. */
function contains(outer: ElementInfo, inner: ElementInfo, infos: readonly ElementInfo[]): boolean {
  let e: ElementInfo | undefined = inner;
  while (e && e.depth > outer.depth) e = parentOf(e, infos);
  return e === outer;
}

/**
 * Whether a block is furniture, given the article Readability found: a strong mark always makes it so; a layout
 * word of a class or id only inside the article, not on a wrapper around all of it (`no-sidebar`, `paywall`).
 */
function articleFurniture(info: ElementInfo, article: ElementInfo | undefined, infos: readonly ElementInfo[]): boolean {
  if (!info.furniture) return false;
  if (info.layoutFrom === undefined || !article) return true;
  return !contains(infos[info.layoutFrom]!, article, infos);
}

/**
 * Whether a block Readability left out sits in another story: inside an `<article>` that is not around the article
 * (a teaser, a preloaded next story). A notice there is that story's. Reader comments and related stories are
 * furniture already ({@link REGION_WORDS}); any other block of the page may hold the page's own notice (a
 * republisher's disclaimer after `</article>` or beside a one-paragraph brief, which a first version limited to the
 * article's surroundings missed; review, 2026-12-08).
 */
function inOtherArticle(info: ElementInfo, article: ElementInfo | undefined, infos: readonly ElementInfo[]): boolean {
  if (!article) return false;
  for (let e: ElementInfo | undefined = info; e; e = parentOf(e, infos)) {
    if (e.name === 'article') return !contains(e, article, infos);
  }
  return false;
}

/**
 * The fallback: innermost block elements of the whole page, furniture dropped, no Readability.
 * @param prepared a document Readability has not touched, if there is one (else the source is parsed again)
 */
function extractBody(source: string, tokenized: Tokenized, title?: string, prepared = prepare(source)): HtmlExtraction {
  const root = prepared.document.documentElement;
  const elements = root ? innermostBlocks(root) : [];
  const walk = (skip: (info: ElementInfo) => boolean): Block[] => {
    const locator = new Locator(source, tokenized, prepared.infos);
    const blocks: Block[] = [];
    for (const element of elements) {
      const info = infoOf(element, prepared.infos);
      if (!info || skip(info)) continue;
      const block = locator.block(element, info);
      if (block && !isFurnitureText(block.text)) blocks.push(block);
    }
    return blocks;
  };
  // Without Readability there is no article to tell a layout word's wrapper from a sidebar: when layout words leave
  // nothing (`<div class="page no-sidebar">` around a page too deep for Readability gave 0 paragraphs; a review,
  // 2026-12-08), only the strong marks count.
  let blocks = walk((info) => info.furniture);
  if (blocks.length === 0) blocks = walk((info) => info.furniture && info.layoutFrom === undefined);
  return withMeta({ blocks }, title ?? (collapse(prepared.document.title ?? '') || undefined), prepared.language);
}

function withMeta(result: HtmlExtraction, title: string | undefined, language: string | undefined): HtmlExtraction {
  if (title) result.title = title;
  if (language) result.language = language;
  return result;
}

/**
 * Parses, numbers every element, records what Readability will change, and gives the document the
 * html > head + body shape Readability expects: linkedom keeps markup as written, so a fragment (`<p>…</p>`)
 * has a `<p>` as document element and a page without `<body>` has its content outside any body.
 */
function prepare(source: string): Prepared {
  const { document } = parseHTML(source) as unknown as { document: DomDocument };
  const all = document.querySelectorAll('*');
  const elements: DomElement[] = [];
  const infos: ElementInfo[] = [];
  const ranks = new Map<string, number>();
  for (let id = 0; id < all.length; id++) {
    const element = all[id]!;
    const name = element.localName.toLowerCase();
    const rank = ranks.get(name) ?? 0;
    ranks.set(name, rank + 1);
    element.setAttribute(ID_ATTRIBUTE, String(id));
    elements.push(element);
    const parent = element.parentNode && isElement(element.parentNode) ? infoOf(element.parentNode, infos) : undefined;
    const info: ElementInfo = { id, name, rank, depth: (parent?.depth ?? 0) + 1, furniture: false };
    if (parent) info.parent = parent.id;
    // A block's language is what its own element declares, or a quotation around it (an embedded tweet's
    // <blockquote lang="en">): not a wrapper's, since templates put `lang="en"` on a <div> or <article> over copy in
    // any language, and the rule that reads it would then miss a whole untranslated paragraph (a third review).
    // Elements come in document order, so a parent's is known first. `lang=""` declares the language unknown.
    const own = name === 'html' ? null : (attr(element, 'lang') ?? attr(element, 'xml:lang'));
    const lang = own !== null ? languageOf(own) : parent?.quoteLang;
    if (lang) info.lang = lang;
    const inQuote = name === 'blockquote' || parent?.inQuote === true;
    if (inQuote) info.inQuote = true;
    // Inside a quotation the nearest declaration wins, as in HTML (`<blockquote lang="en"><div lang="fr">`), and
    // `lang=""` ends it.
    const quoteLang = inQuote && own !== null ? languageOf(own) : parent?.quoteLang;
    if (quoteLang) info.quoteLang = quoteLang;
    infos.push(info);
  }
  const depth = markFurniture(document, infos);
  // A <template>'s content is inert: never rendered (HTML Standard, "the template element"). linkedom parses it as
  // ordinary children, and Readability read a template's <p> as article text on a page without <article> (review,
  // 2026-12-07). The body walk skips templates already (SKIP_ELEMENTS).
  for (const template of Array.from(document.querySelectorAll('template'))) template.remove();

  let language: string | undefined;
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  html.appendChild(head);
  html.appendChild(body);
  const top = Array.from(document.childNodes);
  for (const node of top) {
    if (node.nodeType === DOCTYPE) continue;
    if (isElement(node) && node.localName === 'html') {
      language ??= languageOf(attr(node, 'lang') ?? attr(node, 'xml:lang'));
      for (const attribute of Array.from(node.attributes)) html.setAttribute(attribute.name, attribute.value);
      for (const child of Array.from(node.childNodes)) {
        if (isElement(child) && child.localName === 'head') moveChildren(child, head);
        else if (isElement(child) && child.localName === 'body') moveChildren(child, body);
        else body.appendChild(child);
      }
      node.remove();
    } else if (isElement(node) && ['title', 'meta', 'link', 'base'].includes(node.localName)) {
      head.appendChild(node);
    } else {
      body.appendChild(node);
    }
  }
  for (const node of Array.from(document.childNodes)) if (node.nodeType !== DOCTYPE) (node as DomElement).remove();
  document.appendChild(html);
  const result: Prepared = { document, infos, elements, depth };
  if (language) result.language = language;
  return result;
}

/**
 * An attribute, whatever the case of its name: linkedom keeps attribute names as written (it parses with
 * `lowerCaseAttributeNames: false`) and its `getAttribute` does not fold case, so `<HTML LANG=fr>` needs this.
 */
function attr(element: DomElement, name: string): string | null {
  const direct = element.getAttribute(name);
  if (direct !== null) return direct;
  const attributes = element.attributes;
  for (let k = 0; k < attributes.length; k++) {
    const a = attributes[k]!;
    if (a.name.toLowerCase() === name) return a.value;
  }
  return null;
}

/**
 * The language the element's own `lang` (or `xml:lang`) declares, else the nearest declaration inside a
 * `<blockquote>` around it (the blockquote's own included); a wrapper's outside any blockquote is not read.
 */
function declaredLanguage(element: DomElement): string | undefined {
  let nearest: string | null = null;
  for (let node: DomNode | null = element; node && isElement(node); node = node.parentNode) {
    if (node.localName === 'html') return undefined;
    const own = attr(node, 'lang') ?? attr(node, 'xml:lang');
    if (node === element && own !== null) return languageOf(own);
    nearest ??= own;
    if (node.localName.toLowerCase() === 'blockquote') return nearest === null ? undefined : languageOf(nearest);
  }
  return undefined;
}

function moveChildren(from: DomElement, to: DomElement): void {
  for (const child of Array.from(from.childNodes)) to.appendChild(child);
}

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT;
}

/** `fr-FR` → `fr`; anything that is not a two-letter primary subtag → undefined. */
function languageOf(lang: string | null): string | undefined {
  const m = /^\s*([a-z]{2})(?:[-_]|\s*$)/i.exec(lang ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Landmarks that are page furniture wherever they are. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'menu', 'dialog']);
/** Landmarks that are furniture outside an article: a site's header and footer, not an article's own. */
const PAGE_TAGS = new Set(['header', 'footer']);
const FURNITURE_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar',
]);
/**
 * Words in class and id names of furniture whatever they wrap: consent managers (Didomi, OneTrust, tarteaucitron
 * are the common ones on French news sites; Axeptio, Quantcast's `qc-cmp2-…`, Sourcepoint's `sp_message_…`),
 * screen-reader-only text.
 * Matched against whole words of a class or id (split on `-` and `_`), never substrings, so that a wrapper such
 * as `article-body` or `has-sharing-enabled` on <body> does not sink the article (html, body, main and article
 * are never judged by class).
 */
const FURNITURE_WORDS = new Set([
  'cookie', 'cookies', 'consent', 'gdpr', 'rgpd', 'didomi', 'onetrust', 'tarteaucitron', 'cmp', 'cmp2', 'axeptio',
  'quantcast', 'sourcepoint', 'usercentrics', 'cookiebot', 'sronly', 'offscreen',
]);
/**
 * Words of page layout: skip links, share bars, newsletters, menus, sidebars, paywalls. Furniture too, but templates
 * also name the wrappers of a whole article so (`no-sidebar`, `has-paywall`, `article__content--paywall`,
 * `menu-open`): a review (2026-12-08) added `no-sidebar` to a wrapper of Le Monde's article and lost its 25
 * paragraphs to the page's chrome. So they count only inside the article Readability found ({@link articleFurniture}).
 */
const LAYOUT_WORDS = new Set([
  'skiplink', 'skiplinks', 'skip', 'breadcrumb', 'breadcrumbs', 'newsletter', 'social', 'share', 'sharing', 'partage',
  'paywall', 'subscribe', 'abonnement', 'banner', 'navbar', 'menu', 'sidebar',
]);
/**
 * Words of regions that hold other people's text: reader comments, other stories. Layout words like the above: a
 * `has-comments` or `with-related` class on the article's own body wrapper must not drop it (made strong furniture,
 * whole articles vanished; a third review, 2026-12-08). A notice in such a region beside the article is not the page's.
 */
const REGION_WORDS = new Set([
  'comment', 'comments', 'commentaires', 'reactions', 'disqus', 'related', 'outbrain', 'taboola', 'recommended',
  'recommendations',
]);
/** Class or id names of a preloaded next story (`next-article`, `nextStory`). */
const NEXT_STORY = /(?:^|[-_])next[-_]?(?:article|story|stories|post)s?(?:$|[-_])/i;
const FURNITURE_NAMES = /^(sr-only|visually-hidden|screen-reader-text|screen-reader-only|sp_message.*)$/i;
const NEVER_FURNITURE = new Set(['html', 'body', 'main', 'article']);

/** Whether an element is furniture by its own markup: by a strong mark, by a layout or region word only, or not. */
function ownFurniture(element: DomElement, inArticle: boolean): 'strong' | 'layout' | false {
  const name = element.localName.toLowerCase();
  if (FURNITURE_TAGS.has(name)) return 'strong';
  if (PAGE_TAGS.has(name) && !inArticle) return 'strong';
  const role = (attr(element, 'role') ?? '').toLowerCase().trim();
  if (FURNITURE_ROLES.has(role)) return 'strong';
  if (attr(element, 'hidden') !== null || attr(element, 'aria-hidden') === 'true') return 'strong';
  if (/(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attr(element, 'style') ?? '')) return 'strong';
  if (NEVER_FURNITURE.has(name)) return false;
  const names = `${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`.split(/\s+/);
  let layout = false;
  let region = false;
  for (const n of names) {
    if (!n) continue;
    if (FURNITURE_NAMES.test(n)) return 'strong';
    if (NEXT_STORY.test(n)) region = true;
    for (const word of n.toLowerCase().split(/[-_]+/)) {
      if (FURNITURE_WORDS.has(word)) return 'strong';
      if (LAYOUT_WORDS.has(word)) layout = true;
      if (REGION_WORDS.has(word)) region = true;
    }
  }
  // Region words count as layout words: made strong, they dropped whole articles whose body wrapper said
  // `has-comments` or `with-related` (a third review, 2026-12-08).
  return layout || region ? 'layout' : false;
}

/**
 * Marks every element inside furniture (iteratively: deeply nested pages must not overflow the stack).
 * @returns the deepest nesting found
 */
function markFurniture(document: DomDocument, infos: ElementInfo[]): number {
  type Frame = { node: DomNode; strong: boolean; layoutFrom: number | undefined; inArticle: boolean; depth: number };
  const stack: Frame[] = [{ node: document, strong: false, layoutFrom: undefined, inArticle: false, depth: 0 }];
  let deepest = 0;
  while (stack.length > 0) {
    const { node, strong, layoutFrom, inArticle, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    let f = strong;
    let from = layoutFrom;
    let a = inArticle;
    if (isElement(node)) {
      const name = node.localName.toLowerCase();
      const id = Number(node.getAttribute(ID_ATTRIBUTE));
      const own = f ? false : ownFurniture(node, inArticle);
      if (own === 'strong') f = true;
      else if (own === 'layout' && Number.isInteger(id)) from = id;
      a = a || name === 'article' || name === 'main' || attr(node, 'role') === 'main';
      const info = Number.isInteger(id) ? infos[id] : undefined;
      if (info) {
        info.furniture = f || from !== undefined;
        if (!f && from !== undefined) info.layoutFrom = from;
      }
    }
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k]!;
      if (child.nodeType === ELEMENT) stack.push({ node: child, strong: f, layoutFrom: from, inArticle: a, depth: depth + 1 });
    }
  }
  return deepest;
}

/** Short texts that are furniture whatever their markup (skip links, consent buttons, share prompts). */
const FURNITURE_TEXT = [
  /^(aller|passer)( directement)? (au|à la) (contenu|navigation|recherche)( principal)?$/i,
  /^skip to (main )?(content|navigation)$/i,
  /^(tout )?(accepter|refuser|continuer sans accepter)( (tout|les cookies|et fermer))?$/i,
  /^(paramétrer|personnaliser|gérer)( les)? (cookies|préférences|choix)$/i,
  /^(menu|rechercher|recherche|fermer|se connecter|connexion|s['’]abonner|abonnez-vous|partager|publicité)$/i,
];

function isFurnitureText(text: string): boolean {
  return text.length <= 60 && FURNITURE_TEXT.some((re) => re.test(text));
}

function infoOf(element: DomElement, infos: readonly ElementInfo[]): ElementInfo | undefined {
  const raw = element.getAttribute(ID_ATTRIBUTE);
  if (raw === null) return undefined;
  const id = Number(raw);
  return Number.isInteger(id) ? infos[id] : undefined;
}

/**
 * Block elements with no block element inside, in document order, not looking inside skipped elements
 * (script, template, svg …). Iterative, for deeply nested pages.
 */
function innermostBlocks(root: DomElement): DomElement[] {
  const out: DomElement[] = [];
  // Post-order: a block is innermost when no block was found below it. Leaves come out in document order.
  // Each frame keeps its child array: linkedom's `childNodes` getter builds a new array on every call.
  type Frame = { element: DomElement; children: DomNode[]; next: number; hasBlock: boolean };
  const frame = (element: DomElement): Frame => ({ element, children: Array.from(element.childNodes), next: 0, hasBlock: false });
  const stack: Frame[] = [frame(root)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++]!;
      if (isElement(child) && !SKIP_ELEMENTS.has(child.localName.toLowerCase())) stack.push(frame(child));
      continue;
    }
    stack.pop();
    const isBlock = top.element !== root && BLOCK_ELEMENTS.has(top.element.localName.toLowerCase());
    if (isBlock && !top.hasBlock) out.push(top.element);
    const parent = stack[stack.length - 1];
    if (parent && (isBlock || top.hasBlock)) parent.hasBlock = true;
  }
  return out;
}

/** Where a `<br>` was, in {@link blockText}'s walk. */
const LINE_BREAK = Symbol('br');

/**
 * An element's text as a reader sees it: text nodes in order, skipped elements left out, a line break around
 * block-level elements; then HTML white space runs collapsed to one space and the ends trimmed. A `<br>` stays a
 * line break (`\n`, one for a run of them): `<strong>SURVEILLANCE DE MASSE</strong><br>Le retrait …` was read as one
 * line and reported as a heading fused into its sentence, the mark of a break the pipeline lost, which this page
 * kept (review, 2026-12-08).
 * No-break spaces inside the text are kept: French typography puts them before « : ; ! ? » and after «.
 */
function blockText(element: DomElement): string {
  const parts: Array<string | typeof LINE_BREAK> = [];
  const stack: Array<DomNode | string> = [element];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.nodeType === TEXT || item.nodeType === CDATA) {
      parts.push((item as DomText).data);
      continue;
    }
    if (!isElement(item)) continue;
    const name = item.localName.toLowerCase();
    if (item !== element && SKIP_ELEMENTS.has(name)) continue;
    if (name === 'br') {
      parts.push(LINE_BREAK);
      continue;
    }
    const breaks = item !== element && BREAK_ELEMENTS.has(name);
    if (breaks) stack.push('\n');
    const children = item.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
    if (breaks) parts.push('\n');
  }
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (part !== LINE_BREAK) {
      line += part;
      continue;
    }
    lines.push(line);
    line = '';
  }
  lines.push(line);
  // Lines trimmed of HTML white space only: `&nbsp;<br>` (editors write it) keeps its no-break space, which the
  // alignment expects, as it did when the whole block was trimmed with trim() once (review, 2026-12-08).
  const htmlTrim = (l: string): string => l.replace(/[ \t\n\f\r]+/g, ' ').replace(/^ | $/g, '');
  const kept = lines.map(htmlTrim).filter((l) => l !== '');
  return kept.join('\n').trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Finds blocks in the source and builds their offset maps, keeping a cursor so text searches go forward. */
class Locator {
  private cursor: Cursor = { token: 0, pos: 0 };
  /** Tag names whose start tags the tokenizer and linkedom count alike; others are located by text only. */
  private readonly reliable = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly tokenized: Tokenized,
    infos: readonly ElementInfo[],
  ) {
    const counts = new Map<string, number>();
    for (const info of infos) counts.set(info.name, (counts.get(info.name) ?? 0) + 1);
    for (const [name, count] of counts) if (tokenized.starts.get(name)?.length === count) this.reliable.add(name);
  }

  /** The block for a kept element, or undefined when its text is empty. */
  block(element: DomElement, info: ElementInfo | undefined): Block | undefined {
    const text = blockText(element);
    if (!text) return undefined;
    const block = this.atElement(text, info, element.localName.toLowerCase());
    // An element Readability made (a <p> around a <blockquote lang="en">'s loose text) has no info: its ancestors say.
    if (block && !block.language) {
      const lang = info ? undefined : declaredLanguage(element);
      if (lang) block.language = lang;
    }
    return block;
  }

  /** Locates `text` from its element's start tag if known, else by searching forward; fallback: one run. */
  atElement(text: string, info: ElementInfo | undefined, currentName: string | undefined): Block | undefined {
    if (!text) return undefined;
    const tag = info?.name ?? currentName ?? 'p';
    const { tokens, starts } = this.tokenized;
    const startIndex = info && this.reliable.has(info.name) ? starts.get(info.name)?.[info.rank] : undefined;
    const startToken: Token | undefined = startIndex === undefined ? undefined : tokens[startIndex];
    let found: Alignment | undefined;
    if (startIndex !== undefined) {
      const from = { token: startIndex + 1, pos: 0 };
      found = alignText(this.source, tokens, text, from) ?? findText(this.source, tokens, text, from);
    } else {
      found = findText(this.source, tokens, text, this.cursor) ?? findText(this.source, tokens, text, { token: 0, pos: 0 });
    }
    let offsets: OffsetMap;
    if (found) {
      offsets = found.offsets;
      this.cursor = found.end;
    } else {
      // Clamped so that every character still maps inside the source (text is never longer than its markup).
      const at = startToken ? startToken.end : this.cursorOffset();
      offsets = fallbackOffsets(Math.max(0, Math.min(at, this.source.length - text.length)));
    }
    const block: Block = { text, offset: offsets[0]![1], offsets, tag };
    if (info?.lang) block.language = info.lang;
    return block;
  }

  private cursorOffset(): number {
    const t = this.tokenized.tokens[this.cursor.token];
    if (!t) return this.source.length;
    return Math.max(t.start, this.cursor.pos);
  }
}

/**
 * A block located in the source on first use of its positions: a page drops dozens of blocks, and only those that
 * hold a notice are ever located (locating each one is an alignment, or a text search for unreliable tag names).
 */
function lazyBlock(text: string, info: ElementInfo, locator: Locator): Block {
  let located: Block | undefined;
  const get = (): Block => (located ??= locator.atElement(text, info, undefined)!);
  return {
    text,
    tag: info.name,
    get offset(): number {
      return get().offset;
    },
    get offsets(): OffsetMap {
      return get().offsets;
    },
  };
}

/** Readability takes an element for the byline only when its text is shorter than this. */
const MAX_BYLINE_CHARS = 100;
/** Class and id words Readability takes for a byline (its `REGEXPS.byline`, @mozilla/readability 0.6.0). */
const BYLINE_NAMES = /byline|author|dateline|writtenby|p-author/i;

/**
 * Whether an element is marked up as a byline the way Readability recognises one (`_isValidByline`): `rel="author"`,
 * an `itemprop` holding "author", or a class or id matching {@link BYLINE_NAMES}; and a text of 1–99 characters.
 */
function isBylineMarkup(element: DomElement): boolean {
  const itemprop = attr(element, 'itemprop');
  const marked =
    attr(element, 'rel') === 'author' ||
    (itemprop !== null && itemprop.includes('author')) ||
    BYLINE_NAMES.test(`${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`);
  if (!marked) return false;
  const length = textLength(element);
  return length > 0 && length < MAX_BYLINE_CHARS;
}

const MAX_MEASURED = 5000;
/** Readability removes these before it looks for the byline, so their text does not count. */
const REMOVED_FIRST = new Set(['script', 'noscript', 'style']);

/**
 * Length of an element's trimmed text content, as Readability measures it (white space inside counts: indented
 * markup makes a short byline long). Counting stops past {@link MAX_MEASURED} characters, far above the byline limit,
 * so that a page-wide container whose class says "author" is not read whole.
 */
function textLength(element: DomElement): number {
  const parts: string[] = [];
  const stack: DomNode[] = [element];
  let length = 0;
  while (stack.length > 0 && length <= MAX_MEASURED) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      parts.push((node as DomText).data);
      length += (node as DomText).data.length;
      continue;
    }
    if (isElement(node) && node !== element && REMOVED_FIRST.has(node.localName.toLowerCase())) continue;
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  return parts.join('').trim().length;
}

/** The numbers (`data-wireproof-id`) of an element and of every element inside it. */
function subtreeIds(root: DomElement): Set<number> {
  const ids = new Set<number>();
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const id = Number(node.getAttribute(ID_ATTRIBUTE) ?? NaN);
    if (Number.isInteger(id)) ids.add(id);
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  return ids;
}

interface BylineCandidate {
  id: number;
  text: string;
  /** Its own number and those of the elements inside it. */
  ids: Set<number>;
  /** For an inline element, the block element around it and that block's text, as read before Readability. */
  parent?: { id: number; text: string };
}

/** Reads a byline-marked element before Readability changes the document. */
function bylineCandidate(element: DomElement, id: number, infos: readonly ElementInfo[]): BylineCandidate {
  const candidate: BylineCandidate = { id, text: blockText(element), ids: subtreeIds(element) };
  const isBlock = (e: DomElement): boolean => BLOCK_ELEMENTS.has(e.localName.toLowerCase());
  if (isBlock(element) || innermostBlocks(element).length > 0) return candidate;
  for (let node = element.parentNode; node && isElement(node); node = node.parentNode) {
    if (!isBlock(node)) continue;
    const parentId = Number(node.getAttribute(ID_ATTRIBUTE));
    if (Number.isInteger(parentId) && infos[parentId]) candidate.parent = { id: parentId, text: blockText(node) };
    break;
  }
  return candidate;
}

/**
 * Puts back the byline element Readability removed, the way the headline is put back: at its place in document
 * order, located from its start tag, with `role: 'byline'`.
 * - Inline inside a block Readability kept (`<p>Le Fil | Par <span itemprop="author">…</span></p>`): that block
 *   gets its whole text back, a byline when the whole block is byline-sized (a `class="dateline"` span opening the
 *   lede gives the lede back its dateline, and the lede stays article text).
 * - Otherwise, unless it is in page furniture (Readability can take a related story's author in an `<aside>`): the
 *   element itself becomes a block.
 * - Kept by Readability (its byline came from the page's metadata, or from an earlier attempt): a block of its own is
 *   marked as the byline.
 */
function restoreByline(
  byline: BylineCandidate,
  content: DomElement,
  state: {
    blocks: Block[];
    kept: Set<ElementInfo>;
    origins: Map<Block, ElementInfo>;
    infos: readonly ElementInfo[];
    locator: Locator;
    /** The article as parsed ({@link commonAncestor} of the kept blocks), if known. */
    article: ElementInfo | undefined;
  },
): void {
  const { blocks, kept, origins, infos, locator, article } = state;
  const info = infos[byline.id]!;
  const inContent = subtreeIds(content);
  if ([...byline.ids].some((id) => inContent.has(id))) {
    const own = blocks.find((b) => origins.get(b) === info);
    if (own) own.role = 'byline';
    return;
  }
  const parent = byline.parent && infos[byline.parent.id];
  const parentBlock = parent && kept.has(parent) ? blocks.findIndex((b) => origins.get(b) === parent) : -1;
  if (parent && parentBlock >= 0) {
    const block = locator.atElement(byline.parent!.text, parent, undefined);
    if (!block) return;
    if (byline.parent!.text.length < MAX_BYLINE_CHARS) block.role = 'byline';
    origins.set(block, parent);
    blocks[parentBlock] = block;
    return;
  }
  if (articleFurniture(info, article, infos) || isFurnitureText(byline.text) || blocks.some((b) => b.text === byline.text)) return;
  const block = locator.atElement(byline.text, info, undefined);
  if (!block) return;
  block.role = 'byline';
  const at = blocks.findIndex((b) => b.offset > block.offset);
  blocks.splice(at < 0 ? blocks.length : at, 0, block);
  // The blocks inside it are in the article now too: none of them may come back among the dropped blocks (a notice
  // there was read twice, and weighed twice).
  for (const id of byline.ids) if (infos[id]) kept.add(infos[id]);
}

/**
 * The element Readability took the article's byline from: the first byline-marked element (document order, which
 * is Readability's walk) whose text holds Readability's byline. Readability stores that element's text (or its
 * `itemprop="name"` child's) and removes the element; when the byline came from the page's metadata instead, an
 * element that holds it is still the byline. White space is ignored: `textContent` does not separate blocks.
 */
function bylineElement(candidates: readonly BylineCandidate[], byline: string | null | undefined): BylineCandidate | undefined {
  const wanted = (byline ?? '').replace(/\s+/g, '');
  if (!wanted) return undefined;
  return candidates.find((c) => c.text && c.text.replace(/\s+/g, '').includes(wanted));
}

/** Normalised words of a title, for comparing an `<h1>` with the article title. */
function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether an `<h1>` is the article's headline: the title (often "Headline - Site") contains it or it contains
 * the title, or most of their words are shared.
 */
function similarTitles(h1: string, title: string): boolean {
  const a = titleWords(h1);
  const b = titleWords(title);
  if (a.length === 0 || b.length === 0) return false;
  const ja = a.join(' ');
  const jb = b.join(' ');
  if (ja === jb || (a.length >= 2 && jb.includes(ja)) || (b.length >= 2 && ja.includes(jb))) return true;
  const sb = new Set(b);
  const shared = a.filter((w) => sb.has(w)).length;
  return shared / Math.max(a.length, b.length) >= 0.6;
}
