/**
 * Format 3's record checksums: every LevelDB value a format 3 journal writes ends with a CRC-32C
 * over its key and value, and every value read is checked before use. The `m`+`format` record is
 * sealed too, but so that it stays one whole msgpack map (its seal is the map's last field,
 * `formatRecord`): a reader must decode it before it knows whether to expect seals. LevelDB's own block checksums are not checked on reads
 * (classic-level offers no `verify_checksums`), and with op bytes out of LevelDB its tables are all
 * metadata: without this, a flipped byte in a file state or the source record read back silently.
 * Spec: journal-format/README.md section 5.
 *
 * Applied as a thin layer over the journal's SharedLevel, so the journal's code reads and writes
 * plain values. A damaged op record is not thrown from an iteration but handed on marked (`damaged`),
 * so `verify` reports it as one finding and walks on; Journal.decodeStored refuses it.
 */
import { crc32c } from '../native/index.js';
import { RdmJournalError, isErrnoException } from '../errors.js';
import { packr } from './msgpack.js';
import type { BatchOp, SharedLevel } from './shared-level.js';

type Bytes = Uint8Array;
const SEAL_BYTES = 4;
const OP_PREFIX = 0x6f;
const FORMAT_KEY = Buffer.from('mformat', 'latin1');

/** A value whose seal did not match: its bytes without the seal, and what is wrong. */
export type DamagedValue = Bytes & { damaged: string };

export function isDamaged(value: Bytes): value is DamagedValue {
  return typeof (value as Partial<DamagedValue>).damaged === 'string';
}

/** CRC-32C over the key then the value (one run over both: records are small). */
function sealOf(key: Bytes, value: Bytes): number {
  const both = Buffer.allocUnsafe(key.length + value.length);
  both.set(key, 0);
  both.set(value, key.length);
  return crc32c(both) >>> 0;
}

export function seal(key: Bytes, value: Bytes): Bytes {
  const sealed = Buffer.allocUnsafe(value.length + SEAL_BYTES);
  sealed.set(value, 0);
  sealed.writeUInt32BE(sealOf(key, value), value.length);
  return sealed;
}

/**
 * The `m`+`format` value of a format 3 journal: a msgpack map whose last field is `seal`, written as
 * a uint32 (0xce + 4 bytes BE), so the value's last 4 bytes are the seal of the bytes before them,
 * as for every record, while the whole value is still a map an older reader decodes (it ignores the
 * unknown field and reads `version`).
 */
export function formatRecord(fields: Record<string, unknown>): Bytes {
  const value = Buffer.from(packr.pack({ ...fields, seal: 0xffffffff })); // 0xffffffff: always encoded as uint32
  value.writeUInt32BE(sealOf(FORMAT_KEY, value.subarray(0, value.length - SEAL_BYTES)), value.length - SEAL_BYTES);
  return value;
}

/**
 * Decodes a `m`+`format` value and checks its seal when it has one; what is wrong, or the fields
 * (without `seal`). Formats 1 and 2 have no seal; from format 3 on a record without one is damage.
 */
export function readFormatRecord(value: Bytes): { fields: Record<string, unknown> & { sealed: boolean } } | { problem: string } {
  let fields: unknown;
  try {
    fields = packr.unpack(value);
  } catch (err) {
    return { problem: `it is not one msgpack map (${(err as Error).message})` };
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return { problem: 'it is not a msgpack map' };
  const { seal: stored, ...rest } = fields as Record<string, unknown>;
  if (stored === undefined) return { fields: { ...rest, sealed: false } };
  const body = value.subarray(0, value.length - SEAL_BYTES);
  if (value.length < SEAL_BYTES + 1 || value[value.length - SEAL_BYTES - 1] !== 0xce || stored !== sealOf(FORMAT_KEY, body)) {
    return { problem: 'it does not match its checksum (CRC-32C over key and value, the last field "seal")' };
  }
  return { fields: { ...rest, sealed: true } };
}

const isExempt = (key: Bytes) => Buffer.compare(key, FORMAT_KEY) === 0;
const describeKey = (key: Bytes) =>
  key.length === 9 && key[0] === OP_PREFIX ? `op ${Buffer.from(key).readBigUInt64BE(1)}` : `record ${Buffer.from(key).toString('hex')}`;

/** The value without its seal; throws JOURNAL_CORRUPT (or marks an op's value) when they disagree. */
export function unseal(key: Bytes, sealed: Bytes, where: string): Bytes {
  const problem = sealed.length < SEAL_BYTES ? `is ${sealed.length} bytes, shorter than its checksum`
    : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).readUInt32BE(sealed.length - SEAL_BYTES) !== sealOf(key, sealed.subarray(0, sealed.length - SEAL_BYTES))
      ? 'does not match its checksum (CRC-32C over key and value)' : null;
  const value = sealed.subarray(0, Math.max(0, sealed.length - SEAL_BYTES));
  if (problem === null) return value;
  const message = `journal ${where}: ${describeKey(key)} ${problem}`;
  if (key.length === 9 && key[0] === OP_PREFIX) return Object.assign(Buffer.from(value), { damaged: problem });
  throw new RdmJournalError('JOURNAL_CORRUPT', message,
    { hint: 'the journal is damaged; restore it from a copy, or start a new journal' });
}

/** LevelDB found a damaged block (bad compression, say): JOURNAL_CORRUPT, not a crash. */
function corruption(err: unknown, where: string): unknown {
  if (!isErrnoException(err, 'LEVEL_CORRUPTION') && !isErrnoException((err as { cause?: unknown })?.cause, 'LEVEL_CORRUPTION')) return err;
  return new RdmJournalError('JOURNAL_CORRUPT', `journal ${where} is damaged: ${(err as Error).message}`,
    { hint: 'restore the journal from a copy, or start a new journal', cause: err });
}

/**
 * The journal's database seen through its checksums: `sealed` for format 3 (values sealed on write,
 * checked on read); LevelDB's corruption errors become JOURNAL_CORRUPT for every format.
 */
export function sealedLevel(db: SharedLevel, where: string, sealed: boolean): SharedLevel {
  const open = (key: Bytes, value: Bytes) => (sealed && !isExempt(key) ? unseal(key, value, where) : value);
  async function* entries(from: AsyncGenerator<[Bytes, Bytes]>): AsyncGenerator<[Bytes, Bytes]> {
    try {
      for await (const [key, value] of from) yield [key, open(key, value)];
    } catch (err) {
      throw corruption(err, where);
    }
  }
  async function* keys(from: AsyncGenerator<Bytes>): AsyncGenerator<Bytes> {
    try {
      yield* from;
    } catch (err) {
      throw corruption(err, where);
    }
  }
  const layer: Partial<SharedLevel> = {
    batch: (ops: BatchOp[], options?: { sync?: boolean }) =>
      db.batch(sealed ? ops.map((op) => (op.type === 'put' && !isExempt(op.key) ? { ...op, value: seal(op.key, op.value) } : op)) : ops, options),
    get: async (key: Bytes) => {
      const value = await db.get(key).catch((err: unknown) => { throw corruption(err, where); });
      return value === undefined ? undefined : open(key, value);
    },
    iterator: (options) => entries(db.iterator(options)),
    keys: (options) => keys(db.keys(options)),
  };
  return new Proxy(db, {
    get(target, name) {
      if (Object.hasOwn(layer, name)) return layer[name as keyof SharedLevel];
      const member = Reflect.get(target, name, target) as unknown;
      return typeof member === 'function' ? member.bind(target) : member;
    },
  });
}
