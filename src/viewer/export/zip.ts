// The ZIP package of a session: case.json, report.html and the screenshots under
// their attachment names (made safe to unpack), built with fflate.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CaseFile } from '../../lib/evidence/types';

export interface ZipAttachment {
  name: string;
  bytes: Uint8Array;
}

/** A file name that cannot leave the archive's folder or clash with the main files. */
export function safeEntryName(name: string, taken: Set<string>): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '').trim() || 'attachment';
  const dot = clean.lastIndexOf('.');
  const stem = dot > 0 ? clean.slice(0, dot) : clean;
  const ext = dot > 0 ? clean.slice(dot) : '';
  for (let i = 2; taken.has(clean.toLowerCase()); i++) clean = `${stem}-${i}${ext}`;
  taken.add(clean.toLowerCase());
  return clean;
}

export function buildZip(caseFile: CaseFile, reportHtml: string, attachments: ZipAttachment[]): Uint8Array {
  const taken = new Set(['case.json', 'report.html']);
  const files: Zippable = {
    'case.json': strToU8(JSON.stringify(caseFile, null, 2) + '\n'),
    'report.html': strToU8(reportHtml),
  };
  // PNGs are already compressed: store them as they are.
  for (const a of attachments) files[safeEntryName(a.name, taken)] = [a.bytes, { level: 0 }];
  return zipSync(files, { level: 6 });
}
