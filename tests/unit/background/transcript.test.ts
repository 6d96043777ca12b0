import { expect, test, vi } from 'vitest';
import { messagesOf } from '../../../src/background/transcript';
import type { Entry } from '../../../src/lib/evidence/types';

vi.mock('../../../src/lib/browser', () => ({ default: {} }));

const e = (seq: number, kind: Entry['kind'], speaker: Entry['speaker'], text: string, ref: number | null = null): Entry => ({
  seq, at: '2026-11-25T12:00:00.000Z', kind, speaker, author: null, text, ref, prev: '', hash: '',
});

test('edits replace the text, recalls drop the message, notes are not part of the conversation', () => {
  const entries = [
    e(0, 'message', 'agent', '您好'),
    e(1, 'message', 'user', '我想延期'),
    e(2, 'edit', 'user', '我想申请延期', 1),
    e(3, 'message', 'agent', '稍等'),
    e(4, 'remove', 'agent', '', 3),
    e(5, 'note', 'user', 'my note'),
  ];
  expect(messagesOf(entries)).toEqual([
    { speaker: 'agent', text: '您好' },
    { speaker: 'user', text: '我想申请延期' },
  ]);
});
