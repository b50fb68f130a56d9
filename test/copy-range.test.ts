/**
 * The binding's copy for replay (src/native/copy.c, crc32c.c): its CRC-32C against @node-rs/crc32 (what
 * the recorder stores), and copyRange on real files: kernel copy, pwrite fallback, a bad segment.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crc32c as referenceCrc32c } from '@node-rs/crc32';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { copyRange, crc32c } from '../src/native/index.js';
import { cleanUp, tempDir } from './support.js';

const test = suite('copy-range');
test.after(cleanUp);

const MiB = 1024 * 1024;
const reference = (data: Uint8Array) => referenceCrc32c(data) >>> 0;

test('binding crc32c equals @node-rs/crc32 on random data, odd lengths and offsets, hardware and table', () => {
  const lengths = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 255, 4095, 4096, 4097, 65_537, MiB + 3];
  for (const length of lengths) {
    for (const offset of [0, 1, 3, 5, 7]) {
      const data = randomBytes(length + offset).subarray(offset); // unaligned starts exercise the byte loop
      const want = reference(data);
      assert.is(crc32c(data), want, `length ${length} at offset ${offset}`);
      assert.is(crc32c(data, true), want, `table: length ${length} at offset ${offset}`);
    }
  }
  assert.is(crc32c(Buffer.from('123456789')), 0xe3069283, 'the CRC-32C check value');
});

test('binding copyRange: copies in the kernel, checked; pwrite when told; stops before a segment whose CRC-32C is wrong', async () => {
  const dir = tempDir('rdm-copy-range-');
  const bytes = randomBytes(3 * MiB + 11);
  fs.writeFileSync(path.join(dir, 'source'), bytes);
  const source = fs.openSync(path.join(dir, 'source'), 'r');
  const segments = [MiB - 5, MiB, 777_777, 3]; // contiguous, from offset 5
  const lengths = Uint32Array.from(segments);
  const crcs = Uint32Array.from(segments, (_, i) => {
    const from = 5 + segments.slice(0, i).reduce((a, b) => a + b, 0);
    return reference(bytes.subarray(from, from + segments[i]!));
  });
  const total = segments.reduce((a, b) => a + b, 0);
  const expected = bytes.subarray(5, 5 + total);
  try {
    for (const readWrite of [false, true]) {
      const target = fs.openSync(path.join(dir, `target-${readWrite}`), 'w');
      try {
        const result = await copyRange(source, 5, target, 5, lengths, crcs, readWrite);
        assert.is(result.bad, -1);
        assert.is(result.kernelBytes + result.writtenBytes, total);
        assert.is(readWrite ? result.writtenBytes : result.kernelBytes, total, readWrite ? 'all by pwrite' : 'all in the kernel (ext4 and tmpfs copy in the kernel)');
      } finally {
        fs.closeSync(target);
      }
      assert.ok(fs.readFileSync(path.join(dir, `target-${readWrite}`)).subarray(5).equals(expected), `copied bytes (readWrite ${readWrite})`);
    }
    // The third segment's CRC is wrong: the first two are copied, nothing of the third or fourth.
    const wrong = crcs.slice();
    wrong[2] = (wrong[2]! ^ 1) >>> 0;
    const target = fs.openSync(path.join(dir, 'target-bad'), 'w');
    try {
      const result = await copyRange(source, 5, target, 5, lengths, wrong, false);
      assert.is(result.bad, 2);
      assert.is(result.foundCrc, crcs[2]);
    } finally {
      fs.closeSync(target);
    }
    assert.is(fs.statSync(path.join(dir, 'target-bad')).size, 5 + segments[0]! + segments[1]!);
    // A source that ends inside a segment: reported with how much it holds, nothing of it written.
    const short = fs.openSync(path.join(dir, 'target-short'), 'w');
    try {
      const result = await copyRange(source, bytes.length - 10, short, 0, Uint32Array.of(20), Uint32Array.of(0), false);
      assert.is(result.bad, 0);
      assert.is(result.foundBytes, 10);
    } finally {
      fs.closeSync(short);
    }
    assert.is(fs.statSync(path.join(dir, 'target-short')).size, 0);
  } finally {
    fs.closeSync(source);
  }
});

test.run();
