import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCaseFile } from '../../../src/lib/evidence/case-file';
import { chainEntries, genesisHash } from '../../../src/lib/evidence/chain';
import type { CaseSession, Entry } from '../../../src/lib/evidence/types';
import { verifyCaseFile } from '../../../src/lib/evidence/verify';
import { SAMPLE_SESSION_ID, sampleBodies, sampleCaseFile, tamperedTextCaseFile } from '../../fixtures/case-files/sample-case';

const FIXTURE = new URL('../../fixtures/case-files/valid.json', import.meta.url);
const TAMPERED = new URL('../../fixtures/case-files/tampered-text.json', import.meta.url);

describe('buildCaseFile', () => {
  it('writes the documented header, session and chain summary', () => {
    const f = sampleCaseFile();
    expect(f.format).toBe('chat-evidence');
    expect(f.version).toBe(1);
    expect(f.chain).toEqual({ algorithm: 'SHA-256', genesis: genesisHash(SAMPLE_SESSION_ID), head: f.entries[6].hash, count: 7 });
    expect(Object.keys(f.session).sort()).toEqual(['agent', 'agreement', 'endedAt', 'id', 'startedAt', 'title', 'url']);
  });

  it('strips stored records and sessions to exactly the documented fields', () => {
    const entries = chainEntries(SAMPLE_SESSION_ID, sampleBodies()).map((e) => ({ ...e, sessionId: SAMPLE_SESSION_ID, key: 'k' }) as Entry);
    const session = { ...sampleCaseFile().session, tabId: 4, count: 7, frames: { a: 1 }, agentConfirmed: true } as CaseSession;
    const attachment = { id: 'a1', kind: 'screenshot' as const, at: 't', mime: 'image/png', sha256: 'f'.repeat(64), name: 'a.png', bytes: new Uint8Array(1) };
    const f = buildCaseFile({ session, entries, attachments: [attachment], generator: { name: 'n', version: 'v' }, exportedAt: 'x' });
    expect(Object.keys(f.entries[0]).sort()).toEqual(['at', 'author', 'hash', 'kind', 'prev', 'ref', 'seq', 'speaker', 'text']);
    expect(f.session).not.toHaveProperty('tabId');
    expect(f.attachments[0]).not.toHaveProperty('bytes');
    expect(verifyCaseFile(f).valid).toBe(true);
  });

  it('copies stored hashes instead of recomputing them, so a tampered store fails to verify', () => {
    const entries = chainEntries(SAMPLE_SESSION_ID, sampleBodies());
    entries[2] = { ...entries[2], text: 'changed in the database' };
    const f = buildCaseFile({ session: sampleCaseFile().session, entries, attachments: [], generator: { name: 'n', version: 'v' }, exportedAt: 'x' });
    expect(verifyCaseFile(f).firstBadSeq).toBe(2);
  });
});

describe('fixture valid.json', () => {
  it('is the generated sample case file and verifies', () => {
    const expected = JSON.stringify(sampleCaseFile(), null, 2) + '\n';
    if (process.env.UPDATE_FIXTURES) writeFileSync(FIXTURE, expected);
    const text = readFileSync(FIXTURE, 'utf8');
    expect(text).toBe(expected);
    expect(verifyCaseFile(JSON.parse(text)).valid).toBe(true);
  });

  it('tampered-text.json is the generated tampered sample and fails at seq 4', () => {
    const expected = JSON.stringify(tamperedTextCaseFile(), null, 2) + '\n';
    if (process.env.UPDATE_FIXTURES) writeFileSync(TAMPERED, expected);
    const text = readFileSync(TAMPERED, 'utf8');
    expect(text).toBe(expected);
    expect(verifyCaseFile(JSON.parse(text))).toMatchObject({ valid: false, firstBadSeq: 4 });
  });
});
