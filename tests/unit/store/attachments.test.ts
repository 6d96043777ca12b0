import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCaseFile } from '../../../src/lib/evidence/case-file';
import { verifyCaseFile } from '../../../src/lib/evidence/verify';
import { addScreenshot, getAttachmentBytes, listAttachments } from '../../../src/lib/store/attachments';
import { appendBatch, listEntries } from '../../../src/lib/store/entries';
import { getSession } from '../../../src/lib/store/sessions';
import { at, dbWithSession } from './helpers';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const pngSha = createHash('sha256').update(png).digest('hex');

describe('addScreenshot', () => {
  it('stores the bytes and appends a user note naming their sha256, inside the chain', async () => {
    const db = await dbWithSession();
    await appendBatch(db, 's1', 'f', 0, [{ kind: 'message', speaker: 'agent', text: '好的', at: at(1) }]);
    const { attachment, entry } = await addScreenshot(db, 's1', { bytes: png, mime: 'image/png', at: at(2), noteText: (h) => `截图 SHA-256: ${h}` });

    expect(attachment).toMatchObject({ kind: 'screenshot', mime: 'image/png', sha256: pngSha, at: at(2) });
    expect(attachment.name).toMatch(/^screenshot-000001-[0-9a-f]{8}\.png$/);
    expect(entry).toMatchObject({ seq: 1, kind: 'note', speaker: 'user', author: null, text: `截图 SHA-256: ${pngSha}`, ref: null });

    const stored = await getAttachmentBytes(db, attachment.id);
    expect(stored?.mime).toBe('image/png');
    expect(stored?.sessionId).toBe('s1');
    expect(Array.from(stored!.bytes)).toEqual(Array.from(png));
    expect(await listAttachments(db, 's1')).toEqual([attachment]);

    const session = (await getSession(db, 's1'))!;
    expect(session).toMatchObject({ count: 2, head: entry.hash });
    const file = buildCaseFile({ session, entries: await listEntries(db, 's1'), attachments: await listAttachments(db, 's1'), generator: { name: 'n', version: '1' }, exportedAt: at(9) });
    expect(verifyCaseFile(file).valid).toBe(true);
    expect(file.entries[1].text).toContain(file.attachments[0].sha256);
  });

  it('stores nothing for an unknown session', async () => {
    const db = await dbWithSession();
    await expect(addScreenshot(db, 'nope', { bytes: png, mime: 'image/png', at: at(1), noteText: (h) => h })).rejects.toMatchObject({ code: 'not-found' });
    expect(await listAttachments(db, 'nope')).toEqual([]);
    expect(await getAttachmentBytes(db, 'nope')).toBeNull();
  });
});
