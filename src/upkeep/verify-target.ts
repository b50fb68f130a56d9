/**
 * Compares a directory with what the journal says it holds at its head: the same regular files,
 * each with the recorded bytes. Reads only; streams op by op, so memory stays flat.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Journal } from '../journal/journal.js';
import { compareFileNames } from '../packfile.js';

export interface VerifyReport {
  ok: boolean;
  files: number;
  bytes: number;
  /** Differences, first file first; empty when ok. */
  problems: string[];
}

export async function verifyDirectory(journal: Journal, dir: string): Promise<VerifyReport> {
  const states = journal.fileStates();
  const problems: string[] = [];
  const present = new Set(fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name));
  for (const name of [...states.keys()].sort(compareFileNames)) {
    const size = present.has(name) ? fs.statSync(path.join(dir, name)).size : null;
    const want = states.get(name)!.size;
    if (size === null) problems.push(`${name}: missing (journal holds ${want} bytes)`);
    else if (size !== want) problems.push(`${name}: ${size} bytes, journal holds ${want}`);
  }
  for (const name of [...present].sort(compareFileNames)) {
    if (!states.has(name)) problems.push(`${name}: not in the journal`);
  }
  if (problems.length === 0) await compareBytes(journal, dir, problems);
  let bytes = 0;
  for (const state of states.values()) bytes += state.size;
  return { ok: problems.length === 0, files: states.size, bytes, problems };
}

/** Reads every append of every surviving file back from `dir` and compares it with the op's data. */
async function compareBytes(journal: Journal, dir: string, problems: string[]): Promise<void> {
  const states = journal.fileStates();
  const fds = new Map<string, number>();
  const differing = new Set<string>();
  try {
    for await (const op of journal.readOps()) {
      const state = op.type === 'append' ? states.get(op.file) : undefined;
      if (op.type !== 'append' || !state || op.seq < state.createdSeq || differing.has(op.file)) continue;
      let fd = fds.get(op.file);
      if (fd === undefined) fds.set(op.file, fd = fs.openSync(path.join(dir, op.file), 'r'));
      const found = Buffer.allocUnsafe(op.data.length);
      const read = fs.readSync(fd, found, 0, found.length, op.offset);
      if (read !== found.length || !found.equals(op.data)) {
        differing.add(op.file);
        problems.push(`${op.file}: bytes ${op.offset}..${op.offset + op.data.length} differ from op ${op.seq}`);
      }
    }
  } finally {
    for (const fd of fds.values()) fs.closeSync(fd);
  }
}
