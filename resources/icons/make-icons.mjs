#!/usr/bin/env node
// Draws the Claimdesk icon (a page of text with one claim highlighted amber and one disputed line
// in red, on a navy tile) and writes it as PNGs in the sizes Linux desktops look for. No image
// library: shapes are signed-distance rounded rectangles, 4x4 supersampled, written with zlib.
//   node resources/icons/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 48, 64, 128, 256, 512];

// Shapes on a 512 x 512 design grid, painted in order: [x0, y0, x1, y1, radius, rgb].
const SHAPES = [
  [16, 16, 496, 496, 104, [0x1f, 0x3a, 0x5f]], // tile
  [116, 84, 396, 428, 28, [0xff, 0xff, 0xff]], // page
  [148, 136, 364, 168, 10, [0xc9, 0xd1, 0xdc]], // title
  [148, 198, 372, 238, 12, [0xf2, 0xb2, 0x33]], // claim (highlight)
  [160, 210, 340, 226, 8, [0x5b, 0x4a, 0x1c]], //   its text
  [148, 262, 348, 280, 9, [0xc9, 0xd1, 0xdc]],
  [148, 304, 372, 344, 12, [0xe5, 0x53, 0x4b]], // disputed (highlight)
  [160, 316, 318, 332, 8, [0x5e, 0x16, 0x12]], //   its text
  [148, 368, 300, 386, 9, [0xc9, 0xd1, 0xdc]],
];

function inside([x0, y0, x1, y1, r], x, y) {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const ss = 4;
  const scale = 512 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const dx = (x + (sx + 0.5) / ss) * scale;
          const dy = (y + (sy + 0.5) / ss) * scale;
          let colour = null;
          for (const shape of SHAPES) if (inside(shape, dx, dy)) colour = shape[5];
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 255;
          }
        }
      }
      const n = ss * ss;
      const covered = a / 255;
      const i = (y * size + x) * 4;
      px[i] = covered ? Math.round(r / covered) : 0;
      px[i + 1] = covered ? Math.round(g / covered) : 0;
      px[i + 2] = covered ? Math.round(b / covered) : 0;
      px[i + 3] = Math.round(a / n);
    }
  }
  return px;
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  fs.writeFileSync(path.join(here, `${size}x${size}.png`), png(size, render(size)));
}
console.log(`wrote ${SIZES.map((s) => `${s}x${s}.png`).join(', ')}`);
