/**
 * A segment: one immutable object holding a run of ops, self-describing and checksummed, in the
 * spirit of Litestream's LTX. Layout (journal-format/s3-layout.md; change both together):
 *
 *   header   64 bytes: magic "RJSG", version, first and last seq, horizon, op count, lengths
 *   metadata msgpack array of the ops without their bytes (an append has `length` instead of `data`)
 *   data     the appends' bytes, in op order
 *   trailer  CRC-32C of everything before it, big-endian
 *
 * A segment covers every seq from `first` to `last`; an op missing from it must be at or below its
 * `horizon` (pruned from the journal before it was shipped), as a local journal allows.
 */
import { crc32c } from '../native/index.js';
import { packr } from '../journal/msgpack.js';
import { findOpProblem, type JournalOp, type Op, type Seq } from '../journal/op.js';

export const SEGMENT_MAGIC = 'RJSG';
export const SEGMENT_VERSION = 1;
export const HEADER_BYTES = 64;
export const TRAILER_BYTES = 4;

export interface Segment {
  first: Seq;
  last: Seq;
  /** The journal's retention horizon when the segment was shipped. */
  horizon: Seq;
  /** The journal's createdAt: a segment of another journal under the same prefix is refused. */
  journalCreatedAt: number;
  shippedAt: number;
  ops: JournalOp[];
}

/** Encodes ops (in seq order, with their data) as one segment object. */
export function encodeSegment(segment: Segment): Buffer {
  const metadata: unknown[] = [];
  const parts: Uint8Array[] = [];
  let dataBytes = 0;
  for (const op of segment.ops) {
    if (op.type === 'append') {
      const { data, ...rest } = op;
      metadata.push({ ...rest, length: data.length });
      parts.push(data);
      dataBytes += data.length;
    } else {
      metadata.push(op);
    }
  }
  const meta = packr.pack(metadata);
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(SEGMENT_MAGIC, 0, 'latin1');
  header.writeUInt16BE(SEGMENT_VERSION, 4);
  header.writeBigUInt64BE(BigInt(segment.first), 8);
  header.writeBigUInt64BE(BigInt(segment.last), 16);
  header.writeBigUInt64BE(BigInt(segment.horizon), 24);
  header.writeUInt32BE(segment.ops.length, 32);
  header.writeUInt32BE(meta.length, 36);
  header.writeBigUInt64BE(BigInt(dataBytes), 40);
  header.writeBigUInt64BE(BigInt(segment.journalCreatedAt), 48);
  header.writeBigUInt64BE(BigInt(segment.shippedAt), 56);
  const body = Buffer.concat([header, meta, ...parts, Buffer.alloc(TRAILER_BYTES)]);
  body.writeUInt32BE(crc32c(body.subarray(0, body.length - TRAILER_BYTES)) >>> 0, body.length - TRAILER_BYTES);
  return body;
}

/**
 * Decodes and validates a segment: checksum first, then the header, then every op as a journal op
 * is validated. Returns what is wrong as a string (the caller names the object), or the segment.
 */
export function decodeSegment(bytes: Uint8Array): Segment | string {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (body.length < HEADER_BYTES + TRAILER_BYTES) return `it is ${body.length} bytes, shorter than a header and trailer`;
  if (body.toString('latin1', 0, 4) !== SEGMENT_MAGIC) return `it does not start with the magic ${SEGMENT_MAGIC}`;
  const stored = body.readUInt32BE(body.length - TRAILER_BYTES);
  const computed = crc32c(body.subarray(0, body.length - TRAILER_BYTES)) >>> 0;
  if (stored !== computed) return `its CRC-32C is ${hex(computed)}, its trailer says ${hex(stored)}`;
  const version = body.readUInt16BE(4);
  if (version !== SEGMENT_VERSION) return `it is segment version ${version}; this rdm-journal reads version ${SEGMENT_VERSION}`;
  const first = Number(body.readBigUInt64BE(8));
  const last = Number(body.readBigUInt64BE(16));
  const horizon = Number(body.readBigUInt64BE(24));
  const count = body.readUInt32BE(32);
  const metaLength = body.readUInt32BE(36);
  const dataLength = Number(body.readBigUInt64BE(40));
  if (HEADER_BYTES + metaLength + dataLength + TRAILER_BYTES !== body.length) return `its header says ${metaLength} + ${dataLength} bytes of ops, it holds ${body.length - HEADER_BYTES - TRAILER_BYTES}`;
  if (!(first >= 1 && last >= first)) return `its header says ops ${first}..${last}`;
  let metadata: unknown;
  try {
    metadata = packr.unpack(body.subarray(HEADER_BYTES, HEADER_BYTES + metaLength));
  } catch (err) {
    return `its op metadata is not valid msgpack (${(err as Error).message})`;
  }
  if (!Array.isArray(metadata) || metadata.length !== count) return `its header says ${count} ops, its metadata does not hold that many`;
  const ops: JournalOp[] = [];
  let offset = HEADER_BYTES + metaLength;
  let previous = first - 1;
  for (const entry of metadata as Array<Record<string, unknown>>) {
    const seq = entry?.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= previous || seq > last) return `an op's seq ${String(seq)} is not in ${previous + 1}..${last}`;
    // Missing seqs are only those the journal had pruned: a local journal allows the same.
    if (seq !== previous + 1 && seq - 1 > horizon) return `op ${previous + 1} is missing (next is op ${seq}, horizon ${horizon})`;
    let op: Record<string, unknown> = entry;
    if (entry.type === 'append') {
      const { length, ...rest } = entry;
      if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || offset + length > HEADER_BYTES + metaLength + dataLength) return `op ${seq}'s length runs past the segment's data`;
      op = { ...rest, data: body.subarray(offset, offset + length) };
      offset += length;
    }
    const { seq: _seq, ...bare } = op;
    const problem = findOpProblem(bare);
    if (problem) return `op ${seq} is unreadable: ${problem}`;
    ops.push({ ...(bare as unknown as Op), seq });
    previous = seq;
  }
  if (offset !== HEADER_BYTES + metaLength + dataLength) return `its ops use ${offset - HEADER_BYTES - metaLength} of its ${dataLength} data bytes`;
  if (last !== previous && last > horizon) return `op ${previous + 1} is missing (the segment ends at op ${last}, horizon ${horizon})`;
  return { first, last, horizon, journalCreatedAt: Number(body.readBigUInt64BE(48)), shippedAt: Number(body.readBigUInt64BE(56)), ops };
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
