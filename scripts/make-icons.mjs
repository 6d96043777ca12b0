// Draws the extension's toolbar/store icons (a speech bubble with a check mark, and a
// "recording" variant with a red dot) and writes them as PNGs into extension/icons/.
// Node only: shapes are signed-distance tests, 4×4 supersampled, encoded with zlib.
// Run: node scripts/make-icons.mjs   (the PNGs are tracked in git; rerun after changes)
import { deflateSync } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const BLUE = [26, 115, 232];
const WHITE = [255, 255, 255];
const RED = [229, 72, 77];

/** Every icon file: name → [size, variant]. */
export const ICONS = {
  'icon-16.png': [16, 'normal'],
  'icon-32.png': [32, 'normal'],
  'icon-48.png': [48, 'normal'],
  'icon-128.png': [128, 'normal'],
  'icon-rec-16.png': [16, 'rec'],
  'icon-rec-32.png': [32, 'rec'],
};

// Shapes live in a 128×128 design space.
function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/**
 * Colour of one design-space point, or null when transparent.
 * @param {number} x @param {number} y @param {'normal'|'rec'} variant @param {number} stroke check-mark width
 */
function colourAt(x, y, variant, stroke) {
  if (variant === 'rec') {
    const d = Math.hypot(x - 100, y - 100);
    if (d <= 24) return RED;
    if (d <= 31) return WHITE;
  }
  const check = [
    [38, 54],
    [56, 71],
    [90, 37],
  ];
  const inBubble =
    insideRoundedRect(x, y, 8, 12, 120, 94, 24) || insideTriangle(x, y, [28, 88], [60, 88], [22, 120]);
  if (!inBubble) return null;
  const onCheck = Math.min(distanceToSegment(x, y, check[0], check[1]), distanceToSegment(x, y, check[1], check[2])) <= stroke / 2;
  return onCheck ? WHITE : BLUE;
}

/**
 * Render one icon as straight (non-premultiplied) RGBA bytes.
 * @param {number} size @param {'normal'|'rec'} variant
 */
export function renderIcon(size, variant) {
  const scale = 128 / size;
  // Keep the check mark at least ~2 px wide so it survives at 16 px.
  const stroke = Math.max(12, 2.1 * scale);
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale, variant, stroke);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / samples ** 2);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encode RGBA bytes as an 8-bit RGBA PNG.
 * @param {number} width @param {number} height @param {Uint8Array} rgba
 */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, default compression/filter/interlace
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Write every icon into `dir` (default extension/icons/). */
export async function writeIcons(dir = fileURLToPath(new URL('../extension/icons/', import.meta.url))) {
  await mkdir(dir, { recursive: true });
  for (const [name, [size, variant]] of Object.entries(ICONS)) {
    await writeFile(`${dir.replace(/\/$/, '')}/${name}`, encodePng(size, size, renderIcon(size, variant)));
  }
  return Object.keys(ICONS);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = await writeIcons();
  console.log(`wrote ${names.length} icons to extension/icons/`);
}
