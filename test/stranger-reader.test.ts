/**
 * A stranger's reader of journal format 3, written from journal-format/README.md alone: it imports
 * nothing from src/, only `level` (LevelDB), `msgpackr` (MessagePack), `@node-rs/crc32` (CRC-32C)
 * and node:zlib (CRC-32). It reads fixtures/v3 record by record, checks every seal and checksum the
 * spec names, and replays the ops: the result must be the fixture's `source/` byte for byte. When
 * this reader needs something the spec does not say, the spec is what gets fixed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { openSync, readSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { crc32c } from '@node-rs/crc32';
import { Level } from 'level';
import { Unpackr } from 'msgpackr';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const FIXTURE = path.resolve('journal-format/fixtures/v3');
/** Section 1: plain msgpack maps, 64-bit integers as numbers. */
const msgpack = new Unpackr({ mapsAsObjects: true, int64AsType: 'number' });
const PREFIX = { meta: 0x6d, op: 0x6f, file: 0x66, index: 0x69, checkpoint: 0x63, target: 0x74 };
const INDEX_TYPE: Record<number, string> = { 0x63: 'create', 0x61: 'append', 0x64: 'delete', 0x72: 'resync' };
type Map_ = Record<string, unknown>;

/** Section 1: the last 4 bytes of a value are CRC-32C(key bytes, then the other value bytes), big-endian. */
function unseal(key: Buffer, value: Buffer): Buffer {
  assert.ok(value.length >= 4, `record ${key.toString('hex')} shorter than its seal`);
  const body = value.subarray(0, value.length - 4);
  const expected = crc32c(body, crc32c(key)) >>> 0;
  assert.is(value.readUInt32BE(value.length - 4), expected, `seal of record ${key.toString('hex')}`);
  return body;
}

/** Section 2: the format record is one msgpack map whose last field, `seal`, is the value's last 4 bytes. */
function readFormat(key: Buffer, value: Buffer): Map_ {
  const format = msgpack.unpack(value) as Map_;
  assert.is(value[value.length - 5], 0xce, 'seal written as a msgpack uint32');
  unseal(key, value);
  assert.is(format.seal, value.readUInt32BE(value.length - 4));
  return format;
}

/** Section 5: a data file range, checked against the op's CRC-32C (and, since we can, its CRC-32). */
function readRange(journal: string, life: number, offset: number, length: number, op: Map_): Buffer {
  const file = path.join(journal, 'data', String(life).padStart(20, '0'));
  const fd = openSync(file, 'r');
  try {
    const data = Buffer.alloc(length);
    assert.is(readSync(fd, data, 0, length, offset), length, `${file} holds ${offset}..${offset + length}`);
    assert.is(crc32c(data) >>> 0, op.crc32c, `crc32c of ${file} ${offset}..${offset + length}`);
    assert.is(crc32(data) >>> 0, op.crc, 'crc');
    return data;
  } finally {
    closeSync(fd);
  }
}

const isSingleComponent = (name: unknown): name is string =>
  typeof name === 'string' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\0') &&
  Buffer.byteLength(name) >= 1 && Buffer.byteLength(name) <= 255;

test('a reader written from the spec alone reads fixtures/v3: every seal, every op, the file states, and replays the source byte for byte', async () => {
  const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8'));
  const journal = mkdtempSync(path.join(os.tmpdir(), 'rdm-stranger-'));
  cpSync(path.join(FIXTURE, 'journal'), journal, { recursive: true }); // LevelDB writes its LOG even to read
  const db = new Level<Buffer, Buffer>(journal, { keyEncoding: 'buffer', valueEncoding: 'buffer', createIfMissing: false });
  await db.open();
  try {
    const records: Array<[Buffer, Buffer]> = [];
    for await (const entry of db.iterator()) records.push(entry);
    const formatKey = Buffer.from('mformat');
    const formatValue = records.find(([key]) => key.equals(formatKey))?.[1];
    assert.ok(formatValue, 'm + format is present');
    const format = readFormat(formatKey, formatValue);
    assert.is(format.version, 3);
    assert.is(format.upgradeAfter, undefined, 'not half-way through an upgrade');

    const meta: Record<string, Map_> = {};
    const ops: Array<Map_ & { seq: number }> = [];
    const fileStates: Record<string, Map_> = {};
    const index: Record<string, unknown[]> = {};
    const checkpoints = new Map<number, number>();
    const targets: Map_[] = [];
    for (const [key, value] of records) {
      if (key.equals(formatKey)) continue;
      const body = msgpack.unpack(unseal(key, value)); // every other value is sealed
      const rest = key.subarray(1);
      switch (key[0]) {
        case PREFIX.meta: meta[rest.toString('utf8')] = body as Map_; break;
        case PREFIX.op: ops.push({ ...(body as Map_), seq: Number(rest.readBigUInt64BE(0)) }); break;
        case PREFIX.file: fileStates[rest.toString('utf8')] = body as Map_; break;
        case PREFIX.checkpoint: checkpoints.set(Number(rest.readBigUInt64BE(0)), body as number); break;
        case PREFIX.target: targets.push(body as Map_); break;
        case PREFIX.index: {
          const zero = rest.length - 9;
          assert.is(rest[zero], 0, 'index key: name, 0x00, seq');
          const name = rest.subarray(0, zero).toString('utf8');
          const [type, at, offset, length] = body as [number, number, number, number];
          (index[name] ??= []).push({ seq: Number(rest.readBigUInt64BE(zero + 1)), type: INDEX_TYPE[type], at, offset, length });
          break;
        }
        default: break; // section 1: other prefixes are ignored
      }
    }

    // Section 3: dense from 1 (nothing pruned here), in key order = seq order.
    const horizon = (meta.pruned?.horizon as number | undefined) ?? 0;
    assert.is(horizon, 0);
    assert.equal(ops.map((op) => op.seq), ops.map((_, i) => i + 1));
    assert.is(ops.length, expected.head);

    // Replay: lives by name, appends from the data file of their life (section 13).
    const files = new Map<string, Buffer>();
    const states = new Map<string, Map_>();
    for (const op of ops) {
      if (op.type !== 'resync') assert.ok(isSingleComponent(op.file), `op ${op.seq} names a single path component`);
      const name = op.file as string;
      const want = expected.ops[op.seq - 1];
      switch (op.type) {
        case 'create':
          assert.not.ok(files.has(name), `op ${op.seq} creates ${name}, which exists`);
          files.set(name, Buffer.alloc(0));
          states.set(name, { ino: op.ino, size: 0, createdSeq: op.seq, lastSeq: op.seq, tailOffset: 0, tailLength: 0, tailCrc: 0 });
          assert.equal({ ...op }, want);
          break;
        case 'append': {
          assert.is(op.data, undefined, 'a version 3 append carries no data');
          const state = states.get(name)!;
          assert.is(op.life, state.createdSeq, 'life: the seq of the create that began this life');
          assert.is(op.offset, files.get(name)!.length, 'appends are contiguous');
          const data = readRange(journal, op.life as number, op.offset as number, op.length as number, op);
          files.set(name, Buffer.concat([files.get(name)!, data]));
          Object.assign(state, { size: files.get(name)!.length, lastSeq: op.seq, tailOffset: op.offset, tailLength: op.length, tailCrc: op.crc });
          assert.equal({ seq: op.seq, type: op.type, at: op.at, file: op.file, offset: op.offset, crc: op.crc, dataLength: op.length },
            { seq: want.seq, type: want.type, at: want.at, file: want.file, offset: want.offset, crc: want.crc, dataLength: want.dataLength });
          break;
        }
        case 'delete':
          assert.is(op.size, files.get(name)?.length, `op ${op.seq} deletes ${name} at its size`);
          files.delete(name);
          states.delete(name);
          assert.equal({ ...op }, want);
          break;
        case 'resync':
          assert.equal({ ...op }, want);
          break;
        default:
          assert.unreachable(`op ${op.seq} has unknown type ${String(op.type)}`);
      }
    }
    const source = path.join(FIXTURE, 'source');
    assert.equal([...files.keys()].sort(), readdirSync(source).sort(), 'the replay holds the source\'s files');
    for (const [name, data] of files) assert.ok(data.equals(readFileSync(path.join(source, name))), `${name} byte for byte`);

    // Section 4: the stored file states are what the ops imply.
    assert.equal(fileStates, Object.fromEntries(states));
    assert.equal(fileStates, expected.fileStates);

    // Section 11: index, counters, checkpoints, target notes; section 2: source.
    assert.equal(index, expected.index);
    assert.equal(meta.stats, expected.stats);
    const appended = ops.reduce((sum, op) => sum + (op.type === 'append' ? (op.length as number) : 0), 0);
    assert.is(checkpoints.get(expected.head), appended, 'a checkpoint at the last batch: bytes appended in 1..head');
    assert.equal(targets, expected.targets);
    assert.equal(meta.source, expected.source);

    // Section 13: one data file per life with appends, an image of the file as recorded.
    for (const name of readdirSync(path.join(journal, 'data'))) {
      assert.match(name, /^\d{20}$/);
      const life = Number(name);
      assert.is(ops[life - 1]?.type, 'create', `data file ${name} is named by a create`);
    }
  } finally {
    await db.close();
    rmSync(journal, { recursive: true, force: true });
  }
});

test.run();
