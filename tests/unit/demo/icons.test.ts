import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, ICONS, renderIcon } from '../../../scripts/make-icons.mjs';

const root = new URL('../../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root));

/** Minimal PNG reader for what encodePng writes: size and RGBA pixels (filter 0 rows). */
function decode(png: Buffer) {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)];
  return { width, height, pixel };
}

describe('extension icons', () => {
  it('exist at every size the manifest names, with matching dimensions', () => {
    const manifest = JSON.parse(read('manifest.json').toString());
    const paths = new Set<string>([...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)].map(([, p]) => String(p)));
    expect(paths.size).toBeGreaterThan(0);
    for (const [size, p] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
      const { width, height } = decode(read(`extension/${p}`));
      expect([width, height]).toEqual([Number(size), Number(size)]);
    }
  });

  it('are what scripts/make-icons.mjs draws now (rerun it after changing the drawing)', () => {
    for (const [name, [size, variant]] of Object.entries(ICONS)) {
      expect(read(`extension/icons/${name}`).equals(encodePng(size, size, renderIcon(size, variant))), name).toBe(true);
    }
  });

  it('draw an opaque blue bubble with a transparent outside, and a red dot when recording', () => {
    const icon = decode(read('extension/icons/icon-128.png'));
    expect(icon.pixel(0, 0)[3]).toBe(0);
    expect(icon.pixel(20, 30)).toEqual([26, 115, 232, 255]);
    const rec = decode(read('extension/icons/icon-rec-32.png'));
    expect(rec.pixel(25, 25)).toEqual([229, 72, 77, 255]);
  });
});
