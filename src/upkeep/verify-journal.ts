/**
 * `verify`: walks the whole journal once, in seq order, and reports every finding with its op:
 * gaps in the sequence, ops that do not decode or whose data fails its CRC-32, ops inconsistent
 * with the ones before (offsets not contiguous, appends to files never created or already deleted,
 * creates of existing files, deletes with the wrong size, time going back unlisted), and stored counters,
 * file states and index that disagree with the ops. With a target, compares it byte for byte with
 * the journal's state at the target's cursor. Reads only; memory grows with the number of live
 * files, never with the journal.
 */
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import { applyChange, changeOf, type FileState } from '../file-state.js';
import { RdmJournalError } from '../errors.js';
import { indexFields, type Journal } from '../journal/journal.js';
import { packr } from '../journal/msgpack.js';
import type { Op, Seq } from '../journal/op.js';
import { compareFileNames } from '../packfile.js';
import { CONTROL_DIR, readTargetCursor, type Cursor } from '../replay/cursor.js';

export interface Finding {
  /** The op it is about; null when about the journal or target as a whole. */
  seq: Seq | null;
  /** 'journal' or the target's path. */
  where: string;
  message: string;
}

export interface VerifyOptions {
  /** Also compare this target with the journal's state at its cursor. */
  target?: string;
  onFinding: (finding: Finding) => void;
  onProgress?: (seq: Seq, head: Seq) => void;
}

export interface VerifyResult {
  ok: boolean;
  head: Seq;
  ops: number;
  /** Data bytes checked against their CRC-32. */
  bytes: number;
  findings: number;
  target: { path: string; seq: Seq; files: number; bytes: number } | null;
}

type Life = Partial<FileState> & Pick<FileState, 'size' | 'createdSeq'>;

/** What the per-file index must hold for an op, folded into a running CRC-32 per file name. */
function indexDigest(previous: number, seq: Seq, type: string, at: number, offset: number, length: number): number {
  return crc32(`${seq},${type},${at},${offset},${length};`, previous) >>> 0;
}

export async function verify(journal: Journal, options: VerifyOptions): Promise<VerifyResult> {
  let findings = 0;
  const report = (seq: Seq | null, message: string, where = 'journal') => {
    findings += 1;
    options.onFinding({ seq, where, message });
  };
  const cursor = options.target === undefined ? null : await readCursorFor(journal, options.target);
  const head = await journal.refresh();
  const stored = journal.version >= 2 ? await journal.stats() : null;
  const pruned = journal.version >= 2 ? await journal.pruned() : null;
  const horizon = pruned?.horizon ?? 0;
  const files = new Map<string, Life>();
  const deletedBy = new Map<string, Seq>();
  const counts = { create: 0, append: 0, delete: 0, resync: 0 } as Record<Op['type'], number>;
  let withFile = 0;
  const digests = new Map<string, number>();
  const digest = (file: string, seq: Seq, type: string, at: number, offset: number, length: number) =>
    digests.set(file, indexDigest(digests.get(file) ?? 0, seq, type, at, offset, length));
  let bytes = 0;
  let expected = 1;
  let lastAt = 0;
  let lastSeq = 0;
  let steps: Seq[] = [];
  try {
    steps = await journal.timeSteps();
  } catch (err) {
    report(null, (err as Error).message);
  }
  let nextStep = 0; // the first listed step after op lastSeq
  let atCursor: Map<string, Life> | null = cursor?.seq === 0 ? new Map() : null;
  // Checkpoints from the horizon on hold the pruned bytes plus the held ones up to their seq.
  const checkpoints = new Map<Seq, number>();
  try {
    if (stored) for await (const [seq, appended] of journal.lookup.checkpoints()) if (seq >= horizon) checkpoints.set(seq, appended);
  } catch (err) {
    if (!(err instanceof RdmJournalError && err.code === 'JOURNAL_CORRUPT')) throw err;
    report(null, `the checkpoints cannot be read: ${err.message}`);
  }
  try {
    for await (const [seq, value] of journal.stored.rawOps()) {
      // The state after the cursor's op: taken before the first op past it (the cursor's may be pruned or missing).
      if (cursor && atCursor === null && seq > cursor.seq) atCursor = new Map(files);
      if (seq !== expected && seq - 1 > horizon) { // ops up to the retention horizon may be pruned
        report(expected, seq === expected + 1 ? `op ${expected} is missing` : `ops ${expected}..${seq - 1} are missing`);
      }
      expected = seq + 1;
      let op;
      try {
        op = await journal.decodeStored(seq, value); // format 3: its data read and checked too
      } catch (err) {
        report(seq, (err as Error).message.replace(/^journal op \d+ is /, 'it is '));
        // One damaged op is one finding: what it says is taken as far as it can be read, so its
        // file's later ops and the counters are not reported as well.
        const raw = followDamaged(files, value, seq);
        if (raw) {
          counts[raw.type] += 1;
          if (raw.file !== null) {
            withFile += 1;
            digest(raw.file, seq, raw.type, raw.at, raw.offset, raw.length);
          }
          bytes += raw.length;
        }
        continue;
      }
      // A clock stepped back is not damage; a step the journal does not list misleads time lookups.
      const listed = nextStep < steps.length && steps[nextStep]! <= seq;
      while (nextStep < steps.length && steps[nextStep]! <= seq) nextStep += 1;
      if (op.at < lastAt && !listed) report(seq, `recorded at ${new Date(op.at).toISOString()}, before op ${lastSeq} (${new Date(lastAt).toISOString()}), and not listed among the journal's time steps: lookups by time may miss it`);
      lastAt = op.at;
      lastSeq = seq;
      counts[op.type] += 1;
      if (op.file !== undefined) {
        withFile += 1;
        digest(op.file, seq, op.type, op.at, ...indexFields(op));
      }
      if (op.type === 'append') bytes += op.data.length;
      const checkpoint = checkpoints.get(seq);
      if (checkpoint !== undefined && checkpoint !== bytes + pruned!.bytes) {
        report(seq, `the checkpoint at this op says ${checkpoint} bytes were appended up to it; the ops say ${bytes + pruned!.bytes}`);
      }
      const problem = op.type === 'resync' ? null : applyOp(files, deletedBy, op, seq);
      if (problem) report(seq, problem);
      if (seq % 65536 === 0) options.onProgress?.(seq, head);
    }
  } catch (err) {
    if (err instanceof RdmJournalError && err.code !== 'JOURNAL_CORRUPT') throw err;
    report(null, `the op table cannot be read on after op ${expected - 1}: ${(err as Error).message}`);
  }
  const last = expected - 1;
  const lost = await journal.lostOps();
  if (lost) report(lost.from, `ops ${lost.from}..${lost.to} were committed but LevelDB no longer holds them (a damaged log record, dropped when the journal was opened)`);
  if (cursor && atCursor === null) atCursor = new Map(files);
  if (stored && pruned) {
    if (stored.head !== last) report(null, `the counters say the last op is ${stored.head}, the op table ends at ${last}`);
    for (const kind of Object.keys(counts) as Op['type'][]) {
      const held = stored.ops[kind] - pruned.ops[kind];
      if (held !== counts[kind]) report(null, `the counters hold ${held} ${kind} ops (${stored.ops[kind]} recorded, ${pruned.ops[kind]} pruned), the journal ${counts[kind]}`);
    }
    const held = stored.bytes - pruned.bytes;
    if (held !== bytes) report(null, `the counters hold ${held} bytes of appended data, the ops ${bytes}`);
    await checkIndex(journal, digests, withFile, report);
  }
  if (journal.version >= 3) {
    try {
      await journal.stored.checkAllRecords();
    } catch (err) {
      if (!(err instanceof RdmJournalError && err.code === 'JOURNAL_CORRUPT')) throw err;
      report(null, err.message);
    }
  }
  const states = await journal.stored.fileStates();
  for (const name of new Set([...states.keys(), ...files.keys()])) {
    const want = files.get(name);
    const got = states.get(name);
    if (!got) report(null, `${name}: the ops leave it ${want!.size} bytes, but no file state is stored`);
    else if (!want) report(null, `${name}: a file state is stored (${got.size} bytes), but the ops leave no such file`);
    else {
      const fields = ['size', 'createdSeq', 'ino', 'lastSeq', 'tailOffset', 'tailLength', 'tailCrc'] as const;
      const wrong = fields.filter((f) => want[f] !== undefined && got[f] !== want[f]);
      if (wrong.length > 0) {
        report(null, `${name}: the stored file state disagrees with the ops in ${wrong.map((f) => `${f} (${got[f]}, ops say ${want[f]})`).join(', ')}`);
      }
    }
  }
  let target: VerifyResult['target'] = null;
  if (cursor && options.target !== undefined) {
    const where = path.resolve(options.target);
    const reportTarget = (seq: Seq | null, message: string) => report(seq, message, where);
    if (cursor.seq > last) reportTarget(null, `its cursor is at op ${cursor.seq}, past the journal's last op ${last}`);
    else target = { path: where, seq: cursor.seq, ...await compareTarget(journal, where, cursor, atCursor ?? new Map(), reportTarget) };
  }
  options.onProgress?.(last, head);
  return { ok: findings === 0, head: last, ops: counts.create + counts.append + counts.delete + counts.resync, bytes, findings, target };
}

/**
 * An op that failed its checks (a bad CRC, say) may still say where its file ends: an append's
 * offset and data length, a delete. Following that keeps one damaged op from making every later
 * op of its file look inconsistent.
 */
function followDamaged(files: Map<string, Life>, value: Uint8Array, seq: Seq): { type: Op['type']; file: string | null; at: number; offset: number; length: number } | null {
  let raw: Record<string, unknown>;
  try {
    raw = packr.unpack(value) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !['create', 'append', 'delete', 'resync'].includes(raw.type as string)) return null;
  const length = raw.type !== 'append' ? 0 : raw.data instanceof Uint8Array ? raw.data.length : typeof raw.length === 'number' ? raw.length : 0; // format 3: `length`
  const offset = raw.type === 'append' && typeof raw.offset === 'number' ? raw.offset : raw.type === 'delete' && typeof raw.size === 'number' ? raw.size : 0;
  const found = { type: raw.type as Op['type'], file: typeof raw.file === 'string' ? raw.file : null, at: typeof raw.at === 'number' ? raw.at : NaN, offset, length };
  if (typeof raw.file !== 'string') return found;
  const current = files.get(raw.file);
  if (raw.type === 'append' && current && typeof raw.offset === 'number') {
    files.set(raw.file, { ...current, size: raw.offset + length, lastSeq: seq, tailOffset: raw.offset, tailLength: length,
      tailCrc: typeof raw.crc === 'number' ? raw.crc : undefined });
  } else if (raw.type === 'delete') files.delete(raw.file);
  else if (raw.type === 'create') files.set(raw.file, { size: 0, createdSeq: seq, lastSeq: seq, tailOffset: 0, tailLength: 0, tailCrc: 0 });
  return found;
}

/** The per-file index against the ops: the same entries, name by name (a running CRC-32 each). */
async function checkIndex(journal: Journal, digests: Map<string, number>, withFile: number, report: (seq: Seq | null, message: string) => void): Promise<void> {
  let entries = 0;
  const seen = new Set<string>();
  try {
    for await (const name of journal.index.fileNames()) {
      seen.add(name);
      let found = 0;
      for await (const e of journal.index.fileOps(name)) {
        found = indexDigest(found, e.seq, e.type, e.at, e.offset, e.length);
        entries += 1;
      }
      if (found !== (digests.get(name) ?? 0)) report(null, `the per-file index of ${name} disagrees with its ops`);
    }
  } catch (err) {
    if (err instanceof RdmJournalError && err.code !== 'JOURNAL_CORRUPT') throw err;
    report(null, `the per-file index cannot be read: ${(err as Error).message}`);
    return;
  }
  for (const name of digests.keys()) if (!seen.has(name)) report(null, `the per-file index has no entry for ${name}, which ops name`);
  if (entries !== withFile) report(null, `the per-file index has ${entries} entries for ${withFile} ops naming a file`);
}

/** Applies one op to the walk's file states (file-state.ts's rule); returns what is inconsistent about it, or null. */
function applyOp(files: Map<string, Life>, deletedBy: Map<string, Seq>, op: Exclude<Op, { type: 'resync' }>, seq: Seq): string | null {
  const current = files.get(op.file);
  const absent = deletedBy.has(op.file) ? `it was deleted by op ${deletedBy.get(op.file)} and not created again` : 'it was never created';
  const known = current && { size: current.size, tailOffset: current.tailOffset ?? 0, tailLength: current.tailLength ?? 0, tailCrc: current.tailCrc ?? 0 };
  const { tail, problem } = applyChange(known, changeOf(op));
  if (tail === null) files.delete(op.file);
  else if (op.type === 'create') files.set(op.file, { ...tail, createdSeq: seq, ino: op.ino, lastSeq: seq });
  else files.set(op.file, current ? { ...current, ...tail, lastSeq: seq } : { size: tail.size, createdSeq: seq });
  if (op.type === 'create') deletedBy.delete(op.file);
  if (op.type === 'delete') deletedBy.set(op.file, seq);
  switch (problem) {
    case null: return null;
    case 'exists': return `creates ${op.file}, which exists since op ${current!.createdSeq}`;
    case 'absent': return `${op.type === 'append' ? 'appends to' : 'deletes'} ${op.file}, but ${absent}`;
    case 'not-contiguous': return `appends at offset ${op.type === 'append' ? op.offset : 0} of ${op.file}, which is ${current!.size} bytes: appends must be contiguous`;
    case 'wrong-size': return `deletes ${op.file} saying it was ${op.type === 'delete' ? op.size : 0} bytes; its ops make ${current!.size}`;
  }
}

async function readCursorFor(journal: Journal, dir: string): Promise<Cursor> {
  const cursor = await readTargetCursor(dir);
  if (cursor.journal.createdAt !== journal.createdAt || cursor.journal.source !== (journal.source?.path ?? null)) {
    throw new RdmJournalError('TARGET_OTHER_JOURNAL', `target ${path.resolve(dir)} was replayed from another journal (of ${cursor.journal.source ?? 'no source'})`,
      { hint: 'verify it with the journal it was replayed from', detail: 'target-of-another-journal' });
  }
  journal.requireVersion('verifying a target');
  return cursor;
}

/**
 * The target against the journal at its cursor: the same regular files, each byte equal to what
 * the ops of its life up to the cursor wrote. Files kept by `--no-delete` are compared with the life
 * that was deleted.
 */
async function compareTarget(journal: Journal, dir: string, cursor: Cursor, live: Map<string, Life>,
  report: (seq: Seq | null, message: string) => void): Promise<{ files: number; bytes: number }> {
  if (cursor.applying !== null) report(null, `a replay was interrupted applying ops ${cursor.seq + 1}..${cursor.applying}: run the same replay to finish it`);
  const expected = new Map(live);
  for (const [name, file] of Object.entries(cursor.files)) {
    if (!file.kept || expected.has(name)) continue;
    const createdSeq = await lastCreate(journal, name, cursor.seq);
    if (createdSeq === null) report(null, `${name}: the cursor keeps it from a deleted life, but the journal never created it up to op ${cursor.seq}`);
    else expected.set(name, { size: file.size, createdSeq });
  }
  let entries: string[];
  try {
    entries = fs.readdirSync(dir).filter((name) => name !== CONTROL_DIR);
  } catch (err) {
    throw new RdmJournalError('TARGET_UNUSABLE', `target ${dir} cannot be read: ${(err as Error).message}`, { hint: 'check its permissions', cause: err });
  }
  for (const name of entries.sort(compareFileNames)) {
    if (!expected.has(name)) report(null, `${name} is in the target but not in the journal at op ${cursor.seq}`);
  }
  let bytes = 0;
  for (const name of [...expected.keys()].sort(compareFileNames)) {
    const want = expected.get(name)!;
    const file = path.join(dir, name);
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(file);
    } catch {
      report(want.createdSeq, `${name} is missing (the journal holds ${want.size} bytes at op ${cursor.seq})`);
      continue;
    }
    if (!stats.isFile()) {
      report(want.createdSeq, `${name} is not a regular file`);
      continue;
    }
    if (stats.size !== want.size) report(null, `${name} is ${stats.size} bytes; the journal holds ${want.size} at op ${cursor.seq}`);
    bytes += await compareBytes(journal, file, name, want.createdSeq, cursor.seq, report);
  }
  return { files: expected.size, bytes };
}

async function lastCreate(journal: Journal, name: string, upTo: Seq): Promise<Seq | null> {
  for await (const entry of journal.index.fileOps(name, { upTo, reverse: true })) if (entry.type === 'create') return entry.seq;
  return null;
}

/** Reads the file back op by op; reports the first append whose bytes differ. Returns bytes compared. */
async function compareBytes(journal: Journal, file: string, name: string, createdSeq: Seq, upTo: Seq,
  report: (seq: Seq | null, message: string) => void): Promise<number> {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  let compared = 0;
  try {
    for await (const entry of journal.index.fileOps(name, { after: createdSeq, upTo })) {
      if (entry.type !== 'append') continue;
      let op;
      try {
        op = await journal.index.readFileOp(name, entry);
      } catch (err) {
        if (!(err instanceof RdmJournalError && err.code === 'JOURNAL_CORRUPT')) throw err;
        report(entry.seq, `${name} cannot be compared on from op ${entry.seq}: ${err.message}`);
        return compared;
      }
      if (op.type !== 'append') continue;
      const found = Buffer.alloc(op.data.length);
      const read = fs.readSync(fd, found, 0, found.length, op.offset);
      const want = Buffer.from(op.data.buffer, op.data.byteOffset, op.data.byteLength);
      if (read !== found.length || !found.equals(want)) {
        let at = 0;
        while (at < read && found[at] === want[at]) at += 1;
        report(op.seq, `${name} differs at byte ${op.offset + at} (op ${op.seq} wrote ${op.offset}..${op.offset + op.data.length})`);
        return compared;
      }
      compared += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return compared;
}
