/**
 * `rdm-journal log`: one line per op, streamed: the first line appears at once however long the
 * journal, memory stays flat, and a closed pipe (`| head`) ends it quietly. Works while record and
 * replay run: the journal is shared.
 */
import { once } from 'node:events';
import { Journal } from '../journal.js';
import type { JournalOp } from '../op.js';
import type { Output } from './output.js';

export interface LogOptions { journal: string; from: number; limit?: number; out: Output }

export async function log({ journal: journalDir, from, limit, out }: LogOptions): Promise<void> {
  const journal = await Journal.open(journalDir);
  let closed = false;
  const onError = (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') closed = true; else throw err; };
  // A pipe closed by the reader (`| head`) ends the listing, quietly: it may show up either way.
  const write = (line: string): boolean => {
    try {
      return process.stdout.write(line + '\n');
    } catch (err) {
      onError(err as NodeJS.ErrnoException);
      return true;
    }
  };
  process.stdout.on('error', onError);
  try {
    let printed = 0;
    for await (const op of journal.readOps({ after: Math.max(0, from - 1) })) {
      if (closed || (limit !== undefined && printed >= limit)) break;
      const line = out.json ? JSON.stringify(describeOp(op)) : formatOp(op);
      if (!write(line)) {
        // once() rejects when 'error' (EPIPE) comes first: that, too, means the reader is gone.
        await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]).catch(() => { closed = true; });
      }
      printed += 1;
    }
  } finally {
    // The listener stays: a write's EPIPE is also emitted later, as an 'error' event.
    await journal.close();
  }
}

/** An op without its data bytes: their length and CRC stand for them. */
function describeOp(op: JournalOp): Record<string, unknown> {
  const { seq, type, at } = op;
  const base = { seq, at: new Date(at).toISOString(), kind: type };
  switch (op.type) {
    case 'create': return { ...base, file: op.file, ino: op.ino };
    case 'append': return { ...base, file: op.file, offset: op.offset, length: op.data.length, crc: op.crc };
    case 'delete': return { ...base, file: op.file, size: op.size };
    case 'resync': return { ...base, reason: op.reason, ...(op.file ? { file: op.file } : {}), detail: op.detail };
  }
}

function formatOp(op: JournalOp): string {
  const head = `${String(op.seq).padStart(8)}  ${new Date(op.at).toISOString()}  ${op.type.padEnd(6)}`;
  switch (op.type) {
    case 'create': return `${head}  ${op.file}`;
    case 'append': return `${head}  ${op.file}  offset ${op.offset}  length ${op.data.length}  crc ${op.crc.toString(16).padStart(8, '0')}`;
    case 'delete': return `${head}  ${op.file}  size ${op.size}`;
    case 'resync': return `${head}  ${op.reason}${op.file ? `  ${op.file}` : ''}: ${op.detail}`;
  }
}
