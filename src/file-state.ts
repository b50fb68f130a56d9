/**
 * What the journal knows of one file of the source, and how an op changes it.
 */
import type { Op, Seq } from './journal/op.js';

const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** What the journal knows of one file still present in the source. */
export interface FileState {
  ino: number;
  size: number;
  createdSeq: Seq;
  lastSeq: Seq;
  /** The last append: where it started, how long, its CRC-32. Zero length before any append. */
  tailOffset: number;
  tailLength: number;
  tailCrc: number;
}

/** The state `op` leaves its file in; null once deleted. */
export function nextFileState(op: Exclude<Op, { type: 'resync' }>, seq: Seq, current: FileState | undefined): FileState | null {
  const fail = (what: string) => new Error(`journal invariant: op ${seq} (${op.type} ${op.file}) ${what}`);
  switch (op.type) {
    case 'create':
      if (current) throw fail('creates a file that is already recorded');
      return { ino: op.ino, size: 0, createdSeq: seq, lastSeq: seq, tailOffset: 0, tailLength: 0, tailCrc: 0 };
    case 'append':
      if (!current) throw fail('appends to a file that was never created');
      if (op.offset !== current.size) throw fail(`appends at ${op.offset}, but the file is ${current.size} bytes`);
      return { ...current, size: current.size + op.data.length, lastSeq: seq,
        tailOffset: op.offset, tailLength: op.data.length, tailCrc: op.crc };
    case 'delete':
      if (!current) throw fail('deletes a file that is not recorded');
      if (op.size !== current.size) throw fail(`says the file was ${op.size} bytes, but ${current.size} are recorded`);
      return null;
  }
}

export function isFileState(value: unknown): value is FileState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return [s.ino, s.size, s.createdSeq, s.lastSeq, s.tailOffset, s.tailLength, s.tailCrc].every(isUint) &&
    (s.tailOffset as number) + (s.tailLength as number) <= (s.size as number) && (s.tailCrc as number) <= 0xffffffff;
}
