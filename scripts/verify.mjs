// Verifies a case file from the command line: bundles src/cli/verify.ts (and the
// evidence library it uses) with esbuild into .tmp/, runs it with Node, and exits
// 0 valid / 1 invalid / 2 unreadable. No browser involved.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmpDir = `${root}.tmp`;
// One file per process, so parallel runs (tests) never load each other's half-written bundle.
const outfile = `${tmpDir}/verify-cli-${process.pid}-${Date.now()}.mjs`;

let code = 2;
try {
  mkdirSync(tmpDir, { recursive: true });
  await esbuild.build({
    entryPoints: [`${root}src/cli/verify.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  const { runVerifyCli } = await import(pathToFileURL(outfile).href);
  code = runVerifyCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    // Under `npm run verify`, npm runs us from the package root; INIT_CWD is where the user was.
    cwd: (process.env.npm_lifecycle_event === 'verify' && process.env.INIT_CWD) || process.cwd(),
  });
} catch (e) {
  console.error(`verify failed to run: ${e instanceof Error ? e.message : e}`);
  code = 2;
} finally {
  rmSync(outfile, { force: true });
}
process.exitCode = code;
