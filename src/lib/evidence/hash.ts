// Synchronous SHA-256 helpers for the evidence chain.
// Synchronous on purpose: entries are hashed inside an IndexedDB transaction, and
// awaiting crypto.subtle there would let the transaction auto-commit half-way.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256HexOfText } from './sha256-text';

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text` (the chain hashes every entry with this: see sha256-text.ts). */
export function sha256Hex(text: string): string {
  return sha256HexOfText(text);
}

/** Lowercase hex SHA-256 of raw bytes (attachments). */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** True for a lowercase 64-digit hex string, the only hash form the format allows. */
export function isHexSha256(value: unknown): value is string {
  return typeof value === 'string' && HEX_SHA256.test(value);
}
