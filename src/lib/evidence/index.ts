// The evidence library in one import: canonical form, chain, verification, export.
export * from './types';
export { sha256Hex, sha256HexOfBytes, isHexSha256 } from './hash';
export { canonicalEntry } from './canonical';
export { genesisHash, entryHash, linkEntry, chainEntries, toEntry } from './chain';
export { verifyCaseFile } from './verify';
export { buildCaseFile, type CaseFileInput } from './case-file';
