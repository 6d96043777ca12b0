// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { extractMessage, extractRow, isDeferred, type DeferredRow } from '../../../src/content/capture/extract';
import { RowTemplates, templateById } from '../../../src/content/capture/row-templates';
import { batchFromWire, batchToWire, type CaptureBatch, type Observation } from '../../../src/lib/capture/protocol';
import { resolveRows } from '../../../src/lib/capture/row-resolver';
import { appendRow, freshMessageList } from './message-list';

const row = (cls: string, author: string, text: string) =>
  `<div class="message ${cls}" data-id="m${text.length}"><span class="author">${author}</span><div class="bubble">${text}</div><span class="time">10:01</span></div>`;

/** Rows read by a content script that learnt their template from a first row: each second one is sent unread. */
function sentUnread(...html: string[]): { rows: DeferredRow[]; byNodes: ReturnType<typeof extractMessage>[] } {
  const list = freshMessageList();
  const templates = new RowTemplates();
  const ctx = { list, adapter: null, layout: false, styles: false, templates };
  const rows: DeferredRow[] = [];
  const byNodes: ReturnType<typeof extractMessage>[] = [];
  for (const h of html) {
    extractRow(appendRow(list, h), ctx, true); // learns (or finds) the template
    const el = appendRow(list, h);
    const ex = extractRow(el, ctx, true);
    if (!ex || !isDeferred(ex)) throw new Error(`not sent unread: ${h}`);
    rows.push(ex);
    byNodes.push(extractMessage(el, { list, adapter: null, layout: false, styles: false }));
  }
  return { rows, byNodes };
}

function batchOf(rows: DeferredRow[], extra: Observation[] = []): CaptureBatch {
  const items: Observation[] = rows.map((r, i) => ({ kind: 'row', key: `n${i}`, values: r.values, template: r.template, at: '2026-12-05T09:00:00.000Z' }));
  return { type: 'batch', frame: 'f1', batchNo: 3, items: [...extra, ...items], templates: Object.fromEntries(rows.map((r) => [r.template, templateById(r.template)!])) };
}

describe('rows sent unread', () => {
  test('the background reads each into the message the content script would have read', () => {
    const { rows, byNodes } = sentUnread(row('incoming', 'Lily', 'Your bill is 3,200 yuan &amp; due on the 5th'), row('outgoing', 'You', '我这个月确实有困难'));
    const stored = resolveRows(batchOf(rows));
    expect(stored).toEqual(byNodes.map((m, i) => ({ kind: 'message', key: `n${i}`, speaker: m!.speaker, author: m!.author, text: m!.text, at: '2026-12-05T09:00:00.000Z' })));
    expect(stored.map((o) => o.kind === 'message' && [o.speaker, o.text])).toEqual([
      ['agent', 'Your bill is 3,200 yuan & due on the 5th'],
      ['user', '我这个月确实有困难'],
    ]);
  });

  test('agent facts in an agent row follow its message; rows that are no message, or name no template, are dropped', () => {
    const { rows } = sentUnread(row('incoming', 'Lily', "I'm Lily, agent ID A-1234"), row('incoming', 'Lily', '正在输入…'), row('outgoing', 'You', "I'm Bob, ID B-1"));
    const batch = batchOf(rows, [{ kind: 'remove', key: 'n9', at: '2026-12-05T08:00:00.000Z' }]);
    batch.items.push({ kind: 'row', key: 'lost', values: rows[0].values, template: 999, at: '2026-12-05T09:00:00.000Z' });
    expect(resolveRows(batch).map((o) => [o.kind, 'key' in o ? o.key : null, 'name' in o ? o.name : null])).toEqual([
      ['remove', 'n9', null],
      ['message', 'n0', null],
      ['agent', null, 'Lily'],
      ['message', 'n2', null],
    ]);
  });

  test('a batch keeps its rows, their order among other items, and its templates across the port', () => {
    const { rows } = sentUnread(row('incoming', 'Lily', 'He said "fine" <ok>'), row('outgoing', 'You', 'ok 2'), row('incoming', 'Lily', '好的'));
    const batch = batchOf(rows, [{ kind: 'edit', key: 'n7', text: 'x', at: '2026-12-05T08:00:00.000Z' }]);
    // Rows seen in a later flush of the same batch carry their own time.
    (batch.items[3] as { at: string }).at = '2026-12-05T09:00:01.000Z';
    batch.items.splice(2, 0, { kind: 'remove', key: 'n8', at: '2026-12-05T09:00:00.500Z' });
    const wire = batchToWire(batch);
    expect(wire.packed).not.toContain('fine');
    // Each row one string: key, template, time (left out when the row before had it), values.
    expect(wire.rows).toEqual([
      `n0\u0000${rows[0].template}\u00002026-12-05T09:00:00.000Z\u0000${rows[0].values}`,
      `n1\u0000${rows[1].template}\u0000\u0000${rows[1].values}`,
      `n2\u0000${rows[2].template}\u00002026-12-05T09:00:01.000Z\u0000${rows[2].values}`,
    ]);
    expect(batchFromWire(JSON.parse(JSON.stringify(wire)))).toEqual(batch);
    // Rows missing, or not in that form: not a batch.
    expect(batchFromWire({ ...wire, rows: wire.rows!.slice(1) })).toBeNull();
    expect(batchFromWire({ ...wire, rows: ['n0', ...wire.rows!.slice(1)] })).toBeNull();
    expect(batchFromWire({ ...wire, rows: [`n0\u0000x\u0000\u0000v`, ...wire.rows!.slice(1)] })).toBeNull();
    expect(batchFromWire({ ...wire, rows: undefined })).toBeNull();
  });
});
