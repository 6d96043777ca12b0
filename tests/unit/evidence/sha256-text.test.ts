// The fast text SHA-256 must give exactly @noble/hashes' digest for any string: the
// chain's hashes are the evidence format, so a single differing byte would break verification.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { sha256HexOfText } from '../../../src/lib/evidence/sha256-text';

const reference = (text: string) => bytesToHex(sha256(new TextEncoder().encode(text)));

/** A deterministic pseudo-random generator, so a failure reproduces. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('sha256HexOfText', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256HexOfText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexOfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexOfText('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches @noble/hashes at every length around the block and padding boundaries', () => {
    for (let n = 0; n <= 300; n++) {
      const text = 'x'.repeat(n);
      expect(sha256HexOfText(text), `length ${n}`).toBe(reference(text));
    }
  });

  it('matches @noble/hashes on mixed scripts, emoji and lone surrogates', () => {
    const alphabet = ['a', 'Z', '0', '\n', '"', '您', '好', '￥', 'é', '😀', '\u0000', '\ud800', '\udc00', '\u001f'];
    const rand = lcg(42);
    for (let i = 0; i < 500; i++) {
      let text = '';
      const n = Math.floor(rand() * 200);
      for (let j = 0; j < n; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
      expect(sha256HexOfText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('is unaffected by a longer text hashed before it (the buffer is reused)', () => {
    const long = '长'.repeat(5000);
    expect(sha256HexOfText(long)).toBe(reference(long));
    expect(sha256HexOfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
