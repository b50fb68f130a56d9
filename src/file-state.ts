/**
 * What is known of one file, and the one rule of how an op changes it: a create starts it empty, an
 * append lands exactly at its size and becomes its tail, a delete names its size and ends it. The
 * journal (its file states), the replayer (a target's cursor) and verify (its walk) all apply ops
 * through `applyChange`; each words an inconsistency its own way.
 */
import type { Op, Seq } from './journal/op.js';

const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * A file's size and its last append (where it started, how long, its CRC-32; zero length before any
 * append): enough to notice that a file changed under us without reading it whole.
 */
export interface FileTail {
  size: number;
  tailOffset: number;
  tailLength: number;
  tailCrc: number;
}

/** What the journal knows of one file still present in the source. */
export interface FileState extends FileTail {
  ino: number;
  createdSeq: Seq;
  lastSeq: Seq;
}

/** An op on one file, as the rule needs it (an append's bytes or, in format 3, only their length). */
export type FileChange =
  | { type: 'create' }
  | { type: 'append'; offset: number; length: number; crc: number }
  | { type: 'delete'; size: number };

/** What makes an op inconsistent with its file: created while it exists, appended or deleted while it does not, not at its end, or the wrong size. */
export type Inconsistency = 'exists' | 'absent' | 'not-contiguous' | 'wrong-size';

/** The change an op makes: an append carries its bytes (`data`) or, read by reference, their `length`. */
export function changeOf(op: { type: 'create' } | { type: 'delete'; size: number }
  | { type: 'append'; offset: number; crc: number; data: Uint8Array } | { type: 'append'; offset: number; crc: number; length: number }): FileChange {
  if (op.type !== 'append') return op.type === 'create' ? { type: 'create' } : { type: 'delete', size: op.size };
  return { type: 'append', offset: op.offset, length: 'data' in op ? op.data.length : op.length, crc: op.crc };
}

/**
 * Applies `change` to a file's tail (`current`: undefined when the file does not exist). Returns the
 * tail after it (null: deleted) and what is inconsistent about it (null: nothing). The tail is what
 * the op implies even when it is inconsistent: verify goes on from there, the others refuse.
 */
export function applyChange(current: FileTail | undefined, change: FileChange): { tail: FileTail | null; problem: Inconsistency | null } {
  switch (change.type) {
    case 'create':
      return { tail: { size: 0, tailOffset: 0, tailLength: 0, tailCrc: 0 }, problem: current ? 'exists' : null };
    case 'append':
      return {
        tail: { size: change.offset + change.length, tailOffset: change.offset, tailLength: change.length, tailCrc: change.crc },
        problem: !current ? 'absent' : change.offset !== current.size ? 'not-contiguous' : null,
      };
    case 'delete':
      return { tail: null, problem: !current ? 'absent' : change.size !== current.size ? 'wrong-size' : null };
  }
}

/** The state `op` leaves its file in in the journal; null once deleted. An inconsistent op is a bug of the writer. */
export function nextFileState(op: Exclude<Op, { type: 'resync' }>, seq: Seq, current: FileState | undefined): FileState | null {
  const { tail, problem } = applyChange(current, changeOf(op));
  if (problem) {
    const what = { exists: 'creates a file that is already recorded', absent: `${op.type}s a file that is not recorded`,
      'not-contiguous': `appends at ${op.type === 'append' ? op.offset : 0}, but the file is ${current?.size} bytes`,
      'wrong-size': `says the file was ${op.type === 'delete' ? op.size : 0} bytes, but ${current?.size} are recorded` }[problem];
    throw new Error(`journal invariant: op ${seq} (${op.type} ${op.file}) ${what}`);
  }
  if (tail === null) return null;
  return op.type === 'create' ? { ...tail, ino: op.ino, createdSeq: seq, lastSeq: seq } : { ...current!, ...tail, lastSeq: seq };
}

export function isFileState(value: unknown): value is FileState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return [s.ino, s.size, s.createdSeq, s.lastSeq, s.tailOffset, s.tailLength, s.tailCrc].every(isUint) &&
    (s.tailOffset as number) + (s.tailLength as number) <= (s.size as number) && (s.tailCrc as number) <= 0xffffffff;
}
