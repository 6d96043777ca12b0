// A message row read from its serialized HTML (element.outerHTML) instead of node by node.
// Touching every node of a row from the content script's isolated world is what capture
// costs a page: each node gets a wrapper, each attribute read crosses into the DOM. One
// outerHTML call and a string parse cost a fraction of that, so rows whose markup was already
// analysed once (see row-template.ts) are read from this light tree, in the page or, sent as
// the values that fill their markup's skeleton (splitRow), in the background.
//
// The parse follows the HTML serialization algorithm's output only: double-quoted attribute
// values, escaped text, end tags for every non-void element. Rows with raw-text elements
// (script, style…) or template contents are refused, since their serialization is not that.

export interface LightElement {
  tag: string;
  /** The start tag's attribute source (name="value" pairs as serialized). */
  attrs: string;
  children: LightNode[];
  /** Position of the element in document order within the row, the row itself being 0. */
  index: number;
  /** The attributes parsed, once asked for (lightAttr). */
  attrMap?: Map<string, string>;
}
export type LightNode = LightElement | string;

export interface SerializedRow {
  root: LightElement;
  /**
   * The row's markup without its text: tags and attributes with digit runs replaced (ids,
   * times), a mark where text sits. Rows with the same skeleton are read the same way.
   */
  skeleton: string;
  /** Number of elements in the row, itself included. */
  count: number;
}

/** Longer rows are read node by node (long messages are rare, and the parse would cost more). */
const MAX_ROW_HTML = 6000;

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen', 'param']);
const REFUSED = /<(?:script|style|xmp|iframe|noembed|noframes|plaintext|noscript|template)[\s>]/i;
/** Whitespace ends a tag name (so does '>', where the scan stops anyway). */
const isTagNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
/** What varies between rows of one markup: text runs (between tags) and digit runs (ids, times in attributes). */
const VARIABLE = />([^<]+)<|\d+/g;
/** The characters that stand for them in a skeleton, and separate them in SplitRow.values. */
const TEXT_MARK = '\u0001';
const DIGITS_MARK = '\u0002';
const VALUE_SEPARATOR = '\u0000';
const MARKS = /[\u0000\u0001\u0002]/;
const SKELETON_MARK = /[\u0001\u0002]/;
const SKELETON_MARK_KEPT = /([\u0001\u0002])/;
/** What a skeleton matcher captures at each mark: a text run without mark characters, a digit run. */
const TEXT_CAPTURE = '([^<\\u0000-\\u0002]+)';
const DIGITS_CAPTURE = '(\\d+)';
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/g;
const ENTITY = /&(?:amp|lt|gt|quot|nbsp);/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': '\u00a0' };

/** Undoes the serializer's escaping of text and attribute values. */
export function unescapeHtml(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, (e) => ENTITIES[e]);
}

/** Whether a row's HTML is one this parse reads: not too long, no raw-text elements. */
const readable = (html: string) => html.length <= MAX_ROW_HTML && !REFUSED.test(html);

/** A row's outerHTML as its skeleton and the values that fill the skeleton's marks, in order. */
export interface SplitRow {
  skeleton: string;
  /** The text and digit runs, joined by NUL: rows of a known markup travel as this alone (joinRow undoes it). */
  values: string;
}

/**
 * A row's outerHTML split into skeleton and values (see SerializedRow), without parsing it;
 * null when it is not one parseSerializedRow reads, or holds the characters used as marks.
 */
export function splitRow(html: string): SplitRow | null {
  if (!readable(html) || MARKS.test(html)) return null;
  const values: string[] = [];
  const skeleton = html.replace(VARIABLE, (run: string, text: string | undefined) => {
    if (text === undefined) {
      values.push(run);
      return DIGITS_MARK;
    }
    values.push(text);
    return `>${TEXT_MARK}<`;
  });
  return { skeleton, values: values.join(VALUE_SEPARATOR) };
}

/**
 * A matcher for rows of one skeleton: a regex of the skeleton's literal pieces with a capture
 * where each mark sits. A row it matches has exactly that skeleton and its captures are the
 * values splitRow would give: a skeleton's literal pieces hold no digit, no mark and no '>'
 * followed by text, so a match cannot split the row another way. One native match costs a
 * fraction of splitRow's replace, which builds the whole skeleton string to look it up.
 */
export function skeletonMatcher(skeleton: string): RegExp {
  // Literal pieces and the marks between them, alternately (as joinRow splits a skeleton).
  const parts = skeleton.split(SKELETON_MARK_KEPT);
  const source = parts.map((part, i) => (i % 2 === 0 ? part.replace(REGEX_SPECIAL, '\\$&') : part === TEXT_MARK ? TEXT_CAPTURE : DIGITS_CAPTURE)).join('');
  return new RegExp(`^${source}$`);
}

/** The values of a row that `matcher` (skeletonMatcher) matches, joined as in SplitRow; null when it does not. */
export function matchRow(html: string, matcher: RegExp): string | null {
  if (html.length > MAX_ROW_HTML) return null;
  const m = matcher.exec(html);
  return m && m.slice(1).join(VALUE_SEPARATOR);
}

/** The outerHTML a skeleton and its values came from (splitRow); null when they do not fit together. */
export function joinRow(skeleton: string, values: string): string | null {
  const pieces = skeleton.split(SKELETON_MARK);
  const filling = values ? values.split(VALUE_SEPARATOR) : [];
  if (pieces.length !== filling.length + 1) return null;
  let html = pieces[0];
  for (let i = 0; i < filling.length; i++) html += filling[i] + pieces[i + 1];
  return html;
}

/**
 * Parses one row's outerHTML; null when it is too long, has raw-text elements or mark
 * characters, or does not parse. `skeleton`: the row's, when the caller has it already.
 */
export function parseSerializedRow(html: string, skeleton?: string): SerializedRow | null {
  skeleton ??= splitRow(html)?.skeleton;
  if (skeleton === undefined) return null;
  // A scan by indexOf: several times faster than a regex tokenizer, which also allocates a
  // match array per token (garbage collected on the page's main thread).
  const n = html.length;
  const stack: LightElement[] = [];
  let root: LightElement | null = null;
  let index = 0;
  let i = 0;
  while (i < n) {
    if (html.charCodeAt(i) !== 60 /* < */) {
      const lt = html.indexOf('<', i);
      const end = lt < 0 ? n : lt;
      if (!stack.length) return null;
      stack[stack.length - 1].children.push(unescapeHtml(html.slice(i, end)));
      i = end;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
      continue;
    }
    // The tag ends at the first '>' outside a (double-quoted, as serialized) attribute value.
    let gt = html.indexOf('>', i);
    for (let q = html.indexOf('"', i); q >= 0 && gt >= 0 && q < gt; ) {
      const endQuote = html.indexOf('"', q + 1);
      if (endQuote < 0) return null;
      gt = html.indexOf('>', endQuote);
      q = html.indexOf('"', endQuote + 1);
    }
    if (gt < 0) return null;
    const closing = html.charCodeAt(i + 1) === 47; /* / */
    let nameEnd = i + 1;
    while (nameEnd < gt && !isTagNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const tag = html.slice(closing ? i + 2 : i + 1, nameEnd);
    if (!tag) return null;
    if (closing) {
      if (stack.pop()?.tag !== tag) return null;
    } else {
      const el: LightElement = { tag, attrs: html.slice(nameEnd, gt), children: [], index: index++ };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) return null;
      else root = el;
      if (!VOID_TAGS.has(tag)) stack.push(el);
    }
    i = gt + 1;
  }
  if (!root || stack.length) return null;
  return { root, skeleton, count: index };
}

const ATTR = /\s+([^\s"'=/>]+)(?:="([^"]*)")?/g;

/** The value of attribute `name` (lower case) of a light element, or null. */
export function lightAttr(el: LightElement, name: string): string | null {
  if (!el.attrs) return null;
  let map = el.attrMap;
  if (!map) {
    map = el.attrMap = new Map();
    ATTR.lastIndex = 0;
    for (let m = ATTR.exec(el.attrs); m; m = ATTR.exec(el.attrs)) {
      const key = m[1].toLowerCase();
      if (!map.has(key)) map.set(key, unescapeHtml(m[2] ?? ''));
    }
  }
  return map.get(name) ?? null;
}

/** The element children of a light element. */
export function lightChildren(el: LightElement): LightElement[] {
  return el.children.filter((c): c is LightElement => typeof c !== 'string');
}

/** Everything a light element's text nodes say, like Node.textContent. */
export function lightText(el: LightElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : lightText(c);
  return s;
}
