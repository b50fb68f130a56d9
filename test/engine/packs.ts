/**
 * The simulated engine's pack files: checks that a directory of pack files written by the simulator
 * (simulator.ts, or copied from one by the replayer) is a database the engine could open. This file
 * is also the specification of the sim's pack format; the recorder and replayer must never parse it.
 * `tools/validate-packs.ts` runs the check from the command line.
 *
 * The rules
 * - Packs are the regular files named p<number>.pack, any width, taken in numeric order. Other
 *   entries are ignored and listed. Two names with the same number are a problem.
 * - A pack holds only whole frames with correct checksums, then at most one incomplete tail (a
 *   prefix of a frame: what a reader sees mid-write, or what SIGKILL leaves).
 * - An incomplete tail is allowed at the end of the highest-numbered pack (unless
 *   allowTornTailInLast is false). In an earlier pack it is allowed only as the remains of a crash:
 *   the engine restarted, the torn transaction never committed, so the next transaction in the DB
 *   re-uses its id (see "Restart rule" in simulator.ts). Otherwise the bytes of a committed
 *   transaction are missing.
 * - Transaction ids strictly increase across the packs and, unless requireContiguous is false, have
 *   no hole between the first and the last present: a hole is a lost write. Which id comes first is
 *   free, since vacuum deletes the lowest packs. Empty packs are fine anywhere.
 *
 * Pack file format (the sim's own, version "RTX1"; the real RDM format is not public)
 * A pack is a sequence of frames, one per transaction, and nothing else. Integers little-endian.
 *
 *   | Offset | Size | Field         | Meaning                                                   |
 *   |--------|------|---------------|-----------------------------------------------------------|
 *   | 0      | 4    | magic         | ASCII "RTX1"; a reader rejects anything else               |
 *   | 4      | 4    | payloadLength | u32, n                                                    |
 *   | 8      | 8    | txId          | u64, dense and increasing across the whole DB, from 1     |
 *   | 16     | 4    | headerCrc     | CRC-32 (IEEE) of bytes 0..15                              |
 *   | 20     | n    | payload       | pseudo-random bytes                                       |
 *   | 20+n   | 4    | frameCrc      | CRC-32 (IEEE) of bytes 0..20+n-1: header, headerCrc, payload |
 *
 * headerCrc exists so that a reader can trust payloadLength before the frame is complete: without
 * it a flipped bit that makes a length huge in the last pack would pass for a torn tail.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// The pack file format

const MAGIC = Buffer.from('RTX1', 'latin1');
const HEADER_SIZE = 20;
const TRAILER_SIZE = 4;
export const FRAME_OVERHEAD = HEADER_SIZE + TRAILER_SIZE;

const PACK_NAME = /^p(\d+)\.pack$/;

/** The number in a pack file's name, any width; null when the name is not a pack's. */
export function packNumber(name: string): number | null {
  const match = PACK_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

export function packName(number: number, width: number): string {
  return `p${String(number).padStart(width, '0')}.pack`;
}

export interface PackFileEntry {
  name: string;
  number: number;
}

/** Regular files named like packs, in numeric order (never string order). Symlinks are not packs. */
export function listPackFiles(dir: string): PackFileEntry[] {
  const packs: PackFileEntry[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const number = packNumber(entry.name);
    if (entry.isFile() && number !== null) packs.push({ name: entry.name, number });
  }
  return packs.sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
}

const crc32: (data: Uint8Array) => number =
  typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : tableCrc32;

let crcTable: Uint32Array | undefined;
/** Node 20 before 20.15 has no zlib.crc32; same polynomial (IEEE, reflected). */
function tableCrc32(data: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function encodeTransaction(txId: number, payload: Uint8Array): Buffer {
  const frame = Buffer.alloc(FRAME_OVERHEAD + payload.length);
  MAGIC.copy(frame, 0);
  frame.writeUInt32LE(payload.length, 4);
  frame.writeBigUInt64LE(BigInt(txId), 8);
  frame.writeUInt32LE(crc32(frame.subarray(0, 16)), 16);
  frame.set(payload, HEADER_SIZE);
  const payloadEnd = HEADER_SIZE + payload.length;
  frame.writeUInt32LE(crc32(frame.subarray(0, payloadEnd)), payloadEnd);
  return frame;
}

export interface TransactionFrame {
  txId: number;
  offset: number;
  size: number;
}

/** What follows the last whole frame: a prefix of a frame (torn), or bytes that cannot start one. */
export type PackTail =
  | { kind: 'torn'; offset: number; bytes: number; txId: number | null }
  | { kind: 'corrupt'; offset: number; reason: string };

export interface PackScan {
  frames: TransactionFrame[];
  tail: PackTail | null;
}

/** Reads frames until the end, a torn tail or the first corrupt byte; it cannot resync after one. */
export function scanPack(pack: Buffer): PackScan {
  const frames: TransactionFrame[] = [];
  let offset = 0;
  while (offset < pack.length) {
    const frame = readFrame(pack, offset);
    if ('kind' in frame) return { frames, tail: frame };
    frames.push(frame);
    offset += frame.size;
  }
  return { frames, tail: null };
}

function readFrame(pack: Buffer, offset: number): TransactionFrame | PackTail {
  const available = pack.length - offset;
  const magicBytes = pack.subarray(offset, offset + MAGIC.length);
  if (!MAGIC.subarray(0, magicBytes.length).equals(magicBytes)) {
    return { kind: 'corrupt', offset, reason: `bad magic ${magicBytes.toString('hex')}, expected "RTX1"` };
  }
  if (available < HEADER_SIZE) {
    const txId = available >= 16 ? Number(pack.readBigUInt64LE(offset + 8)) : null;
    return { kind: 'torn', offset, bytes: available, txId };
  }
  const headerCrc = crc32(pack.subarray(offset, offset + 16));
  if (headerCrc !== pack.readUInt32LE(offset + 16)) {
    return { kind: 'corrupt', offset, reason: 'header checksum mismatch' };
  }
  const txId = Number(pack.readBigUInt64LE(offset + 8));
  const size = FRAME_OVERHEAD + pack.readUInt32LE(offset + 4);
  if (available < size) return { kind: 'torn', offset, bytes: available, txId };
  const payloadEnd = offset + size - TRAILER_SIZE;
  if (crc32(pack.subarray(offset, payloadEnd)) !== pack.readUInt32LE(payloadEnd)) {
    return { kind: 'corrupt', offset, reason: `checksum mismatch in transaction ${txId}` };
  }
  return { txId, offset, size };
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface ValidateOptions {
  /** Accept an incomplete tail at the end of the highest-numbered pack. Default true. */
  allowTornTailInLast?: boolean;
  /** Require transaction ids without holes between the first and last present. Default true. */
  requireContiguous?: boolean;
}

export interface PackReport {
  name: string;
  size: number;
  transactions: number;
  firstTx: number | null;
  lastTx: number | null;
  tornTailBytes: number;
}

export interface ValidationReport {
  ok: boolean;
  dir: string;
  packs: PackReport[];
  /** Entries that are not pack files, by name. */
  ignored: string[];
  /** Each starts with the file it is about; the first names the first bad file. */
  problems: string[];
  /** Highest whole transaction id, null when there is none. */
  lastTxId: number | null;
  totalTransactions: number;
}

interface ScannedPack extends PackFileEntry {
  size: number;
  scan: PackScan;
}

export function validatePacks(dir: string, opts: ValidateOptions = {}): ValidationReport {
  const { allowTornTailInLast = true, requireContiguous = true } = opts;
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    return { ...emptyReport(dir), ok: false, problems: [`${dir}: not a directory`] };
  }
  const packs = listPackFiles(dir).map((pack) => scanPackFile(dir, pack));
  const problems = [
    ...findDuplicateNumbers(packs),
    ...packs.flatMap((_, i) => checkPackTail(packs, i, allowTornTailInLast)),
    ...checkTxIdSequence(packs, requireContiguous),
  ];
  const frames = packs.flatMap((pack) => pack.scan.frames);
  return {
    ok: problems.length === 0,
    dir,
    packs: packs.map(describePack),
    ignored: listIgnored(dir),
    problems: inFileOrder(problems),
    lastTxId: frames.at(-1)?.txId ?? null,
    totalTransactions: frames.length,
  };
}

/** Where a problem is, so the report can lead with the first bad file. */
interface Problem {
  packIndex: number;
  offset: number;
  message: string;
}

function problemAt(packs: ScannedPack[], packIndex: number, offset: number, what: string): Problem {
  return { packIndex, offset, message: `${packs[packIndex]!.name}: offset ${offset}: ${what}` };
}

function inFileOrder(problems: Problem[]): string[] {
  return [...problems].sort((a, b) => a.packIndex - b.packIndex || a.offset - b.offset).map((p) => p.message);
}

function emptyReport(dir: string): ValidationReport {
  return { ok: true, dir, packs: [], ignored: [], problems: [], lastTxId: null, totalTransactions: 0 };
}

/** Whole-file read: the sim's packs are small (the real engine's stay under 2 GiB). */
function scanPackFile(dir: string, pack: PackFileEntry): ScannedPack {
  const bytes = fs.readFileSync(path.join(dir, pack.name));
  return { ...pack, size: bytes.length, scan: scanPack(bytes) };
}

function listIgnored(dir: string): string[] {
  const packs = new Set(listPackFiles(dir).map((pack) => pack.name));
  return fs.readdirSync(dir).filter((name) => !packs.has(name)).sort();
}

function describePack({ name, size, scan }: ScannedPack): PackReport {
  return {
    name,
    size,
    transactions: scan.frames.length,
    firstTx: scan.frames[0]?.txId ?? null,
    lastTx: scan.frames.at(-1)?.txId ?? null,
    tornTailBytes: scan.tail?.kind === 'torn' ? scan.tail.bytes : 0,
  };
}

function findDuplicateNumbers(packs: ScannedPack[]): Problem[] {
  const problems: Problem[] = [];
  for (let i = 1; i < packs.length; i++) {
    const previous = packs[i - 1]!;
    if (packs[i]!.number === previous.number) problems.push(problemAt(packs, i, 0, `same pack number as ${previous.name}`));
  }
  return problems;
}

function checkPackTail(packs: ScannedPack[], index: number, allowTornTailInLast: boolean): Problem[] {
  const tail = packs[index]!.scan.tail;
  if (tail === null) return [];
  if (tail.kind === 'corrupt') return [problemAt(packs, index, tail.offset, tail.reason)];
  const torn = `incomplete transaction${tail.txId === null ? '' : ` ${tail.txId}`} (${tail.bytes} bytes)`;
  if (index === packs.length - 1) {
    if (allowTornTailInLast) return [];
    return [problemAt(packs, index, tail.offset, `${torn} at the end of the last pack (allowTornTailInLast is off)`)];
  }
  const why = whyNotCrashRemains(packs, index, tail);
  return why === null ? [] : [problemAt(packs, index, tail.offset, `${torn} in a pack that is not the last: ${why}`)];
}

/** A torn tail before a later pack is fine only if a restart re-used the torn transaction's id. */
function whyNotCrashRemains(packs: ScannedPack[], index: number, tail: PackTail & { kind: 'torn' }): string | null {
  const before = packs.slice(0, index + 1).flatMap((pack) => pack.scan.frames).at(-1);
  const laterPack = packs.slice(index + 1).find((pack) => pack.scan.frames.length > 0);
  const after = laterPack?.scan.frames[0];
  if (laterPack === undefined || after === undefined) {
    return 'no later transaction re-uses its id, so a crash cannot be told from lost bytes';
  }
  if (before !== undefined && tail.txId !== null && tail.txId !== before.txId + 1) {
    return `its id does not follow the previous transaction ${before.txId}`;
  }
  const tornId = tail.txId ?? (before === undefined ? null : before.txId + 1);
  if (tornId !== null && after.txId !== tornId) {
    return `the next transaction is ${after.txId} (${laterPack.name}), not a re-use of id ${tornId}, ` +
      `so transaction ${tornId} committed and its bytes are missing`;
  }
  return null;
}

function checkTxIdSequence(packs: ScannedPack[], requireContiguous: boolean): Problem[] {
  const problems: Problem[] = [];
  let previous: { txId: number; pack: string } | null = null;
  packs.forEach((pack, index) => {
    for (const frame of pack.scan.frames) {
      const after = previous === null ? '' : `${previous.txId} (${previous.pack})`;
      if (previous !== null && frame.txId <= previous.txId) {
        problems.push(problemAt(packs, index, frame.offset, `transaction ${frame.txId} after ${after}: ids must strictly increase`));
      } else if (previous !== null && requireContiguous && frame.txId > previous.txId + 1) {
        const missing = frame.txId === previous.txId + 2 ? `transaction ${previous.txId + 1} is` : `transactions ${previous.txId + 1}..${frame.txId - 1} are`;
        problems.push(problemAt(packs, index, frame.offset, `transaction ${frame.txId} after ${after}: ${missing} missing, a lost write`));
      }
      previous = { txId: frame.txId, pack: pack.name };
    }
  });
  return problems;
}
