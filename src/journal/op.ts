/**
 * Journal operations: their types, msgpack encoding, checksum, and validation of untrusted input.
 * The encoding is specified in journal-format/README.md; change both together.
 */
import { crc32 } from 'node:zlib';
import { packr } from './msgpack.js';
import { RdmJournalError } from '../errors.js';
import { isSafeFileName } from '../packfile.js';

/** Largest `data` one append op carries: big appends are split so memory stays flat. */
export const MAX_APPEND_BYTES = 1024 * 1024;

export type Seq = number;

export type ResyncReason =
  | 'vanished'  // a recorded file was gone when the recorder looked again: its last bytes may be lost
  | 'shrunk'    // a file is smaller than recorded: it is recorded again from offset 0
  | 'replaced'  // the name now refers to another inode: the old file is deleted, the new one recorded
  | 'changed'   // the bytes at the recorded tail differ: recorded again from offset 0
  | 'missed'    // a file appeared and disappeared before the recorder could open it
  | 'overflow'; // the kernel dropped inotify events; the recorder rescanned the directory

/** `mode`: the source file's permission bits (st_mode & 0o777); absent in ops recorded before 0.2.0. */
export interface CreateOp { type: 'create'; at: number; file: string; ino: number; mode?: number }
export interface AppendOp { type: 'append'; at: number; file: string; offset: number; data: Uint8Array; crc: number }
export interface DeleteOp { type: 'delete'; at: number; file: string; size: number }
export interface ResyncOp {
  type: 'resync'; at: number; reason: ResyncReason; detail: string;
  file?: string; recordedSize?: number; foundSize?: number;
}
export type Op = CreateOp | AppendOp | DeleteOp | ResyncOp;
/** An op as stored: with the sequence number its key gives it. */
export type JournalOp = Op & { seq: Seq };


export function checksum(data: Uint8Array): number {
  return crc32(data) >>> 0;
}

export function makeAppend(file: string, offset: number, data: Uint8Array, at = Date.now()): AppendOp {
  return { type: 'append', at, file, offset, data, crc: checksum(data) };
}

export function encodeOp(op: Op): Uint8Array {
  return packr.pack(op);
}

/** Decodes and validates a stored op; anything malformed is JOURNAL_CORRUPT, never a crash later. */
export function decodeOp(seq: Seq, bytes: Uint8Array): JournalOp {
  let value: unknown;
  try {
    value = packr.unpack(bytes);
  } catch (err) {
    throw corrupt(seq, `it is not valid msgpack (${(err as Error).message})`);
  }
  const problem = findOpProblem(value);
  if (problem) throw corrupt(seq, problem);
  return { ...(value as Op), seq };
}

const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const REASONS: ReadonlySet<string> = new Set(['vanished', 'shrunk', 'replaced', 'changed', 'missed', 'overflow']);

/** Returns what is wrong with an untrusted op, or null when it is well-formed. */
export function findOpProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'it is not a map';
  const op = value as Record<string, unknown>;
  if (typeof op.at !== 'number' || !Number.isFinite(op.at)) return 'field "at" is not a number';
  switch (op.type) {
    case 'create':
      if (!isSafeFileName(op.file)) return `file name ${JSON.stringify(op.file)} is not a single path component`;
      if (op.mode !== undefined && !(isUint(op.mode) && op.mode <= 0o777)) return 'field "mode" is not a permission mode (0 to 0o777)';
      return isUint(op.ino) ? null : 'field "ino" is not an unsigned integer';
    case 'append': {
      if (!isSafeFileName(op.file)) return `file name ${JSON.stringify(op.file)} is not a single path component`;
      if (!isUint(op.offset)) return 'field "offset" is not an unsigned integer';
      if (!(op.data instanceof Uint8Array)) return 'field "data" is not binary';
      if (op.data.length === 0 || op.data.length > MAX_APPEND_BYTES) {
        return `field "data" holds ${op.data.length} bytes, expected 1 to ${MAX_APPEND_BYTES}`;
      }
      if (op.crc !== checksum(op.data)) return 'field "crc" does not match the data (CRC-32)';
      return null;
    }
    case 'delete':
      if (!isSafeFileName(op.file)) return `file name ${JSON.stringify(op.file)} is not a single path component`;
      return isUint(op.size) ? null : 'field "size" is not an unsigned integer';
    case 'resync':
      if (typeof op.reason !== 'string' || !REASONS.has(op.reason)) return `unknown resync reason ${JSON.stringify(op.reason)}`;
      if (typeof op.detail !== 'string') return 'field "detail" is not a string';
      if (op.file !== undefined && !isSafeFileName(op.file)) return `file name ${JSON.stringify(op.file)} is not a single path component`;
      return null;
    default:
      return `unknown op type ${JSON.stringify(op.type)}`;
  }
}

function corrupt(seq: Seq, problem: string): RdmJournalError {
  return new RdmJournalError('JOURNAL_CORRUPT', `journal op ${seq} is unreadable: ${problem}`, {
    hint: 'the journal was damaged or written by another program; restore it from a copy, or start a new journal',
  });
}
