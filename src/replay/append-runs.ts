/**
 * Appends that continue each other on one file, gathered into one run: their bytes written with one
 * pwritev (formats 1 and 2), or their ops by reference copied from one life's data file in one call
 * (format 3). A write per op capped replay at ~15k ops/s on small ops (tools/bench.ts).
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import { appendLength, type AppendRefOp, type ReplayOp } from '../journal/data-files.js';

const write = promisify(fs.write);
const writev = promisify(fs.writev);
/** Contiguous appends to one file are written with one pwritev of at most this many bytes. */
export const RUN_BYTES = 8 * 1024 * 1024;

/** Consecutive appends to one file: their bytes (formats 1 and 2), or their ops by reference into one life's data file (format 3). */
export type AppendRun =
  | { kind: 'bytes'; fd: number; offset: number; parts: Uint8Array[]; bytes: number }
  | { kind: 'ref'; fd: number; offset: number; ops: AppendRefOp[]; bytes: number };

export function startRun(fd: number, op: ReplayOp & { type: 'append' }): AppendRun {
  return 'data' in op
    ? { kind: 'bytes', fd, offset: op.offset, parts: [op.data], bytes: op.data.length }
    : { kind: 'ref', fd, offset: op.offset, ops: [op], bytes: op.length };
}

/** `run` with `op` added when `op` continues it (same file, next offset, same kind and life, within RUN_BYTES); else null. */
export function joinRun(run: AppendRun, fd: number, op: ReplayOp & { type: 'append' }): AppendRun | null {
  const length = appendLength(op);
  if (run.fd !== fd || run.offset + run.bytes !== op.offset || run.bytes + length > RUN_BYTES) return null;
  if (run.kind === 'bytes' && 'data' in op) run.parts.push(op.data);
  else if (run.kind === 'ref' && !('data' in op) && run.ops[0]!.life === op.life) run.ops.push(op);
  else return null;
  run.bytes += length;
  return run;
}

/** pwritev of `parts` at `offset`, continued after short writes. */
export async function writevFully(fd: number, parts: Uint8Array[], offset: number): Promise<void> {
  if (parts.length === 1) return writeFully(fd, parts[0]!, offset);
  let pending = parts;
  let at = offset;
  while (pending.length > 0) {
    let { bytesWritten } = await writev(fd, pending, at);
    at += bytesWritten;
    const rest: Uint8Array[] = [];
    for (const part of pending) {
      if (bytesWritten >= part.length) bytesWritten -= part.length;
      else {
        rest.push(part.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    pending = rest;
  }
}

export async function writeFully(fd: number, data: Uint8Array, offset: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await write(fd, data, done, data.length - done, offset + done);
    done += bytesWritten;
  }
}
