// Row templates: what reading one message row node by node taught about every row of the
// same markup (which elements to skip, which one is the author label, the speaker votes of
// the classes, where the bubble sits), and reading a row's serialized HTML with one. The
// content script learns templates (src/content/capture/row-templates.ts) and reads with them;
// rows of a self-contained template it does not read at all: it sends the values that fill
// the template's skeleton into their HTML (serialized-row.ts splitRow), with the template, and
// the background reads them here, the same way (row-resolver.ts), so a chat receiving messages
// costs the page little more than an outerHTML per message.
import type { Speaker } from '../evidence/types';
import { readLightText, type ElementRead } from './light-text';
import { joinRow, lightAttr, lightChildren, parseSerializedRow, type LightElement } from './serialized-row';
import { isRecallNotice, isTypingIndicator } from './vocabulary';
import { contentVotes, decideSpeaker, isClose, namesSender, type Alignment, type Votes } from './votes';

export interface ExtractedMessage {
  speaker: Speaker;
  author: string | null;
  text: string;
  /** The page shows a "message recalled/deleted" notice here. */
  recall: boolean;
  /** Whether anything on the page voted for the speaker (false: a guess). */
  sure: boolean;
  /** The page's own id of the message (pageIdOf). */
  pageId: string | null;
  /** Read from a row template, so its markup has no open shadow roots to watch. */
  templated: boolean;
  /** Tag and class of the row and of its first child: rows of one shape share an uncertain speaker. */
  shape: string;
}

export interface RowTemplate {
  /** The markup's skeleton (serialized-row.ts): with a row's values, its HTML. */
  skeleton: string;
  /** Rows of this markup are never messages (hidden, chrome by their class). */
  reject: boolean;
  /** What reading does with each element, by document-order index (the row is 0). */
  reads: (ElementRead | undefined)[];
  markup: Votes;
  /** Where the bubble sits, once measured (only needed when the votes are close). */
  alignment: Alignment;
  /** The alignment was measured: a null one then means the bubble sits on neither side, not that it is unknown. */
  measured: boolean;
  /** Where the page's id of a message may be, in pageIdOf's order: [element (0 the row, 1–3 its first children), attribute]. */
  idSources: [number, string][];
}

export const ID_ATTRS = ['data-message-id', 'data-msg-id', 'data-msgid', 'data-mid', 'data-id', 'data-uuid', 'data-key', 'data-item-id', 'key', 'id'];

/** A page id worth keying a message by: not empty or a stringified nothing, short, no control characters (keys travel NUL-separated, see protocol.ts). */
export const usableId = (v: string | null): v is string => !!v && v.length <= 200 && !/^(?:undefined|null|)$/.test(v) && !/[\u0000-\u001f]/.test(v);

/** pageIdOf's candidates in a light row: the row and its first three element children. */
const idCandidates = (root: LightElement) => [root, ...lightChildren(root).slice(0, 3)];

/** The attributes of a row's markup that may hold its page id, in pageIdOf's order. */
export function idSourcesOf(root: LightElement): [number, string][] {
  const candidates = idCandidates(root);
  const sources: [number, string][] = [];
  for (const attr of ID_ATTRS) candidates.forEach((el, i) => lightAttr(el, attr) !== null && sources.push([i, attr]));
  return sources;
}

function lightPageId(root: LightElement, sources: [number, string][]): string | null {
  if (!sources.length) return null;
  const candidates = idCandidates(root);
  for (const [i, attr] of sources) {
    const v = lightAttr(candidates[i], attr);
    if (usableId(v)) return `${attr}=${v}`;
  }
  return null;
}

function lightShape(root: LightElement): string {
  const first = lightChildren(root)[0];
  return `${root.tag}.${lightAttr(root, 'class') ?? ''}|${first ? (lightAttr(first, 'class') ?? '') : ''}`;
}

export function messageOf(text: string, author: string | null, votes: Votes, pageId: string | null, shape: string, templated: boolean): ExtractedMessage {
  const decided = decideSpeaker(votes);
  return { speaker: decided ?? 'agent', author, text, recall: isRecallNotice(text), sure: decided !== null, pageId, shape, templated };
}

/**
 * The message of a row read through its template: null when it is not a message, undefined
 * when the template does not cover it (the row must be read node by node). `layout`: the
 * reader can measure, so close votes need the template's alignment.
 */
export function readTemplated(template: RowTemplate, root: LightElement, layout: boolean): ExtractedMessage | null | undefined {
  if (template.reject) return null;
  const read = readLightText(root, template.reads);
  if (!read) return undefined;
  const { text, author, loneLabel } = read;
  if (!text || isTypingIndicator(text)) return null;
  let votes = contentVotes(template.markup, text, author, null);
  if (layout && isClose(votes)) {
    if (!template.measured) return undefined;
    if (template.alignment) votes = contentVotes(template.markup, text, author, template.alignment);
  }
  if (loneLabel && !namesSender(votes)) return null;
  return messageOf(text, author, votes, lightPageId(root, template.idSources), lightShape(root), true);
}

/**
 * Whether every row of this template reads to the same message wherever it is read, from its
 * HTML alone: readTemplated never falls back (no label that was a lone time and might be text
 * in another row; the alignment measured when the reader could measure), and the markup alone
 * decides a speaker (so the content script's guess for unsure rows of a shape is never needed).
 */
export function isSelfContained(template: RowTemplate, layout: boolean): boolean {
  if (template.reject || (layout && !template.measured) || decideSpeaker(template.markup) === null) return false;
  return !template.reads.some((r) => r?.kind === 'timeskip');
}

/**
 * A row of a self-contained template, read from the values that fill its skeleton (splitRow):
 * the message the content script would have read from it (the template is measured exactly
 * when that reader could measure).
 */
export function readSelfContained(values: string, template: RowTemplate): ExtractedMessage | null {
  const html = joinRow(template.skeleton, values);
  const row = html === null ? null : parseSerializedRow(html, template.skeleton);
  return row ? readTemplated(template, row.root, template.measured) ?? null : null;
}
