// The row templates of one list (see lib/capture/row-template.ts): chat widgets render each
// message from one of a few templates, so after a row has been read node by node, the next
// rows with the same skeleton (markup without text, see serialized-row.ts) are read from
// their serialized HTML, or, when the template is self-contained, not read here at all. A
// template is kept only when reading the first row both ways gives the same message
// (extract.ts checks).
import { isSelfContained, type RowTemplate } from '../../lib/capture/row-template';
import { decideSpeaker } from '../../lib/capture/votes';
import type { Speaker } from '../../lib/evidence/types';
import type { ElementRead } from '../../lib/capture/light-text';
import { matchRow, skeletonMatcher, type SerializedRow } from '../../lib/capture/serialized-row';

/** Distinct markups remembered per list; past this, new ones are read node by node. */
const MAX_TEMPLATES = 300;
/** Self-contained templates a new row is matched against before its skeleton is built (a chat's rows use a few). */
const MAX_RECENT = 4;

/**
 * Self-contained templates by the id rows sent unread carry, for the whole life of the frame
 * (the outbox puts each batch's templates in it; a list's RowTemplates go when capture moves
 * to another list, rows read with them may still be queued).
 */
const selfContained = new Map<number, RowTemplate>();

/** What rows of a self-contained template are sent with: its id, and what the tracker learns from them unread. */
export interface SelfContained {
  id: number;
  /** The shape of its rows (extract.ts shapeOf) and the speaker its markup votes for. */
  shape: string;
  markupSpeaker: Speaker;
}
const infoOf = new WeakMap<RowTemplate, SelfContained>();

/** The self-contained template a deferred row names. */
export function templateById(id: number): RowTemplate | undefined {
  return selfContained.get(id);
}

export class RowTemplates {
  /** false: rows of this skeleton are read node by node (shadow roots, slots, or a read that disagreed). */
  private known = new Map<string, RowTemplate | false>();
  /** The shape of the row each template was learnt from (rows of one skeleton have one shape). */
  private shapes = new WeakMap<RowTemplate, string>();
  /** The self-contained templates rows were last sent with, most used first, each with its skeleton's matcher. */
  private recent: { template: RowTemplate; info: SelfContained; matcher: RegExp }[] = [];
  readonly stats = { hits: 0, learnt: 0, refused: 0, deferred: 0 };

  get(skeleton: string): RowTemplate | false | undefined {
    return this.known.get(skeleton);
  }

  get full(): boolean {
    return this.known.size >= MAX_TEMPLATES;
  }

  set(skeleton: string, template: RowTemplate | false, shape: string): void {
    if (this.full) return;
    this.known.set(skeleton, template);
    if (template) {
      this.shapes.set(template, shape);
      this.stats.learnt++;
    } else this.stats.refused++;
  }

  /**
   * How rows of `template` are sent unread, or null when they must be read here. A template
   * found self-contained no longer changes (its alignment is measured), so the wire packs it once.
   */
  selfContained(template: RowTemplate, layout: boolean): SelfContained | null {
    let info = infoOf.get(template);
    if (!info) {
      // Not remembered when false: a template learns its alignment later (extract.ts).
      if (!isSelfContained(template, layout)) return null;
      info = { id: selfContained.size + 1, shape: this.shapes.get(template) ?? '', markupSpeaker: decideSpeaker(template.markup)! };
      selfContained.set(info.id, template);
      infoOf.set(template, info);
    }
    if (!this.recent.some((r) => r.template === template)) {
      this.recent.unshift({ template, info, matcher: skeletonMatcher(template.skeleton) });
      this.recent.length = Math.min(this.recent.length, MAX_RECENT);
    }
    return info;
  }

  /**
   * A row of a recently used self-contained template, told by its HTML alone: the template,
   * how its rows are sent, and the row's values (splitRow's). Null: not one of them.
   */
  matchRecent(html: string): { template: RowTemplate; info: SelfContained; values: string } | null {
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) {
      const values = matchRow(html, recent[i].matcher);
      if (values === null) continue;
      const hit = recent[i];
      // Ahead of the one before it: the most used settle first, without reshuffling on every row.
      if (i > 0) [recent[i - 1], recent[i]] = [hit, recent[i - 1]];
      return { template: hit.template, info: hit.info, values };
    }
    return null;
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
