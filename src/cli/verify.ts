// `npm run verify -- <case.json>`: checks a case file from the command line, with
// Node alone. Exit 0 valid, 1 invalid, 2 when the file cannot be read or parsed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyCaseFile } from '../lib/evidence/verify';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Directory relative paths are resolved against (npm sets INIT_CWD to where the user ran it). */
  cwd: string;
}

/** Runs the command and returns its exit code. */
export function runVerifyCli(args: string[], io: CliIo): number {
  const files = args.filter((a) => a !== '--');
  if (files.length !== 1 || files[0] === '-h' || files[0] === '--help') {
    io.err('usage: npm run verify -- <case-file.json>');
    return 2;
  }
  const path = resolve(io.cwd, files[0]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((e as Error).message)}`);
    return 2;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    io.err(`cannot parse ${path}: not JSON (${(e as Error).message})`);
    return 2;
  }
  const result = verifyCaseFile(data);
  if (result.valid) {
    const file = data as { entries: unknown[]; chain: { head: string } };
    io.out(`valid: ${file.entries.length} entries, head ${file.chain.head}`);
    return 0;
  }
  io.out(result.firstBadSeq === null ? `INVALID: ${result.reason}` : `INVALID: first bad seq ${result.firstBadSeq} (${result.reason})`);
  return 1;
}
