// The ZIP package holds case.json, report.html and the screenshots under safe names.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { dataUrlToBytes } from '../../../src/viewer/export/data-url';
import { buildZip, safeEntryName } from '../../../src/viewer/export/zip';
import { sampleCaseFile } from '../../fixtures/case-files/sample-case';

describe('buildZip', () => {
  test('contains the case file, the report and each screenshot by its attachment name', () => {
    const file = sampleCaseFile();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const zip = buildZip(file, '<!doctype html><p>report</p>', [
      { name: 'screenshot-1.png', bytes: png },
      { name: 'screenshot-1.png', bytes: new Uint8Array([9]) },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['case.json', 'report.html', 'screenshot-1-2.png', 'screenshot-1.png']);
    expect(JSON.parse(strFromU8(files['case.json']))).toEqual(file);
    expect(strFromU8(files['report.html'])).toContain('report');
    expect([...files['screenshot-1.png']]).toEqual([...png]);
  });

  test('attachment names cannot escape the folder or replace the main files', () => {
    const taken = new Set(['case.json', 'report.html']);
    expect(safeEntryName('../../etc/passwd', taken)).toBe('passwd');
    expect(safeEntryName('C:\\x\\case.json', taken)).toBe('case-2.json');
    expect(safeEntryName('..', taken)).toBe('attachment');
    expect(safeEntryName('a<b>?.png', taken)).toBe('a_b__.png');
  });
});

describe('dataUrlToBytes', () => {
  test('decodes base64 and plain data URLs', () => {
    expect(dataUrlToBytes('data:image/png;base64,AQID')).toEqual({ mime: 'image/png', bytes: new Uint8Array([1, 2, 3]) });
    const plain = dataUrlToBytes('data:text/plain;charset=utf-8,hi%20there');
    expect(new TextDecoder().decode(plain.bytes)).toBe('hi there');
    expect(() => dataUrlToBytes('https://x')).toThrow();
  });
});
