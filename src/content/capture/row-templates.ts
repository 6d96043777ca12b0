// Row templates: what reading one message row taught about every row of the same markup.
// Chat widgets render each message from one of a few templates, so after a row has been read
// node by node, the next rows with the same skeleton (markup without text, see
// serialized-row.ts) are read from their serialized HTML: which elements to skip, which one
// is the author label, the speaker votes of the classes, where the bubble sits. A template is
// kept only when reading the first row both ways gives the same message (extract.ts checks).
import type { Alignment, Votes } from './speaker';
import type { ElementRead } from './text';
import type { SerializedRow } from './serialized-row';

export interface RowTemplate {
  /** Rows of this markup are never messages (hidden, chrome by their class). */
  reject: boolean;
  /** What reading does with each element, by document-order index (the row is 0). */
  reads: (ElementRead | undefined)[];
  markup: Votes;
  /** Where the bubble sits, once measured (only needed when the votes are close). */
  alignment: Alignment;
  /** Where the page's id of a message may be, in pageIdOf's order: [element (0 the row, 1–3 its first children), attribute]. */
  idSources: [number, string][];
}

/** Distinct markups remembered per list; past this, new ones are read node by node. */
const MAX_TEMPLATES = 300;

export class RowTemplates {
  /** false: rows of this skeleton are read node by node (shadow roots, slots, or a read that disagreed). */
  private known = new Map<string, RowTemplate | false>();
  readonly stats = { hits: 0, learnt: 0, refused: 0 };

  get(skeleton: string): RowTemplate | false | undefined {
    return this.known.get(skeleton);
  }

  get full(): boolean {
    return this.known.size >= MAX_TEMPLATES;
  }

  set(skeleton: string, template: RowTemplate | false): void {
    if (this.full) return;
    this.known.set(skeleton, template);
    if (template) this.stats.learnt++;
    else this.stats.refused++;
  }
}

/**
 * The reads recorded while reading `item` node by node, by document-order index; null when
 * the row cannot be read from its HTML (open shadow roots or slots render more than it says,
 * or the element count differs from the parse).
 */
export function readsByIndex(item: Element, row: SerializedRow, recorded: Map<Element, ElementRead>): (ElementRead | undefined)[] | null {
  if (item.shadowRoot) return null;
  const all = item.getElementsByTagName('*');
  if (all.length + 1 !== row.count) return null;
  const reads: (ElementRead | undefined)[] = [recorded.get(item)];
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el.shadowRoot || el.tagName === 'SLOT') return null;
    reads.push(recorded.get(el));
  }
  return reads;
}
