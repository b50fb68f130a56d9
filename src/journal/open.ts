/**
 * Opening a journal directory: checking what is there, opening (or finishing the creation of) its
 * LevelDB durably, and turning open failures into journal errors.
 */
import { chmodSync, existsSync, readdirSync, statSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { NOTIFY_NAME } from './commit-notify.js';
import { HANDOVER_NAME, SOCKET_NAME, SharedLevel, type BatchOp } from './shared-level.js';
import { RdmJournalError, isErrnoException, isLevelLocked, isNoSpace } from '../errors.js';
import { holdsNoData, openLevelDurably } from '../durable.js';
import { makeDirectories } from '../paths.js';
import { PRUNE_LOCK, RECORDER_LOCK, lockHeld } from './locks.js';
import { FORMAT_VERSION, PREFIX, isEmpty, prefixed } from './schema.js';
import { formatRecord, readFormatRecord } from './sealed-level.js';

/**
 * LevelDB's memtable size. Appends are up to 1 MiB each; with the default 4 MiB the memtable is
 * flushed every few ops. 16 MiB took a 250 MiB snapshot from 2.2 s to 1.4 s (the capture benchmark
 * that `npm run bench` replaced).
 */
export const WRITE_BUFFER_BYTES = 16 * 1024 * 1024;
/**
 * Table files LevelDB keeps open, each memory-mapped: with the default 1000 (~2 MiB each), reading a
 * whole 10M-op journal mapped 2 GiB into RSS (page cache, but counted by RSS and cgroup limits).
 * 100 kept it at ~230 MiB at the same speed (tools/bench-inspect.ts).
 */
export const MAX_OPEN_FILES = 100;

/** A batch's highest op seq (0n when it has no op): the shared journal's commit mark. */
export function highestOpSeq(ops: readonly BatchOp[]): bigint {
  let highest = 0n;
  for (const op of ops) {
    if (op.type !== 'put' || op.key.length !== 9 || op.key[0] !== PREFIX.op) continue;
    const seq = Buffer.from(op.key.buffer, op.key.byteOffset, op.key.byteLength).readBigUInt64BE(1);
    if (seq > highest) highest = seq;
  }
  return highest;
}

export type Db = SharedLevel;
/** Entries of a journal directory that are not LevelDB's. */
export const OWN_ENTRIES = new Set([SOCKET_NAME, HANDOVER_NAME, NOTIFY_NAME, RECORDER_LOCK, PRUNE_LOCK]);

/**
 * Whether the journal's filesystem is (nearly) full: a guest learns of its host's failed write
 * without the cause, and this tells a full disk from the rest. Under one LevelDB write buffer.
 */
export function hasLittleSpace(where: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(where);
    return bavail * bsize < WRITE_BUFFER_BYTES;
  } catch {
    return false;
  }
}

/** Makes `where` ready to open as a journal: checked, created when new (if `create`), private. */
export function prepareJournalDirectory(where: string, create: boolean): void {
  const isNew = checkJournalDirectory(where, create);
  try {
    if (isNew) makeDirectories(where, 0o700); // not Node's recursive mkdir: it spins on /proc/x
  } catch (err) {
    throw new RdmJournalError('JOURNAL_UNUSABLE', `journal ${where} cannot be created: ${(err as Error).message}`,
      { hint: 'give a journal path you can write to', detail: 'journal-not-creatable', cause: err });
  }
  keepPrivate(where);
}

/** Returns whether the journal is new; refuses a path that cannot hold a journal. */
export function checkJournalDirectory(where: string, create: boolean): boolean {
  let entries: string[];
  try {
    if (!statSync(where).isDirectory()) {
      throw new RdmJournalError('JOURNAL_UNUSABLE', `journal path ${where} is not a directory`,
        { hint: 'give a directory for the journal, or a path that does not exist yet', detail: 'journal-not-directory' });
    }
    entries = readdirSync(where);
  } catch (err) {
    if (err instanceof RdmJournalError) throw err;
    if (isErrnoException(err, 'ENOENT')) {
      if (create) return true;
      throw new RdmJournalError('JOURNAL_NOT_FOUND', `no journal at ${where}`,
        { hint: 'record a source into it first, or give an existing journal', detail: 'journal-missing' });
    }
    throw new RdmJournalError('JOURNAL_UNUSABLE', `journal path ${where} cannot be read: ${(err as Error).message}`,
      { hint: 'check the permissions of the journal directory', cause: err });
  }
  entries = entries.filter((name) => !OWN_ENTRIES.has(name));
  if (entries.length === 0) {
    if (create) return true;
    throw new RdmJournalError('JOURNAL_NOT_FOUND', `${where} is an empty directory, not a journal`,
      { hint: 'record a source into it first', detail: 'journal-missing' });
  }
  if (!existsSync(path.join(where, 'CURRENT'))) {
    if (create && holdsNoData(where, entries)) return true; // its creation was cut short before CURRENT was made
    throw new RdmJournalError('JOURNAL_UNUSABLE', `${where} is not empty and is not a journal (no LevelDB CURRENT file)`,
      { hint: 'choose an empty or new directory for the journal', detail: 'journal-not-empty' });
  }
  return false;
}

/**
 * Opens the journal's database (creating it with `create` when absent), power-cut safe (src/durable.ts): a new
 * database is synced whole before anything is written to it, and a writer finishes a creation cut
 * short (a database that does not open and holds no key is made again). While a recorder holds its
 * lock, this process waits for the recorder's socket instead of hosting (`yieldsHosting`).
 */
export async function openDatabase(where: string, create: boolean): Promise<Db> {
  const make = (createIfMissing: boolean) => new SharedLevel(where, { createIfMissing, writeBufferSize: WRITE_BUFFER_BYTES, maxOpenFiles: MAX_OPEN_FILES }, highestOpSeq,
    { yieldsHosting: async () => lockHeld(where, RECORDER_LOCK), electionFailure: (err) => openFailure(where, err) });
  try {
    return await openLevelDurably(where, make, { create, ignore: OWN_ENTRIES });
  } catch (err) {
    throw openFailure(where, err);
  }
}

/** The journal holds copies of the database: only its owner may read it or reach its socket. */
export function keepPrivate(where: string): void {
  try {
    chmodSync(where, 0o700);
  } catch (err) {
    throw new RdmJournalError('JOURNAL_UNUSABLE', `journal ${where} cannot be made private (chmod 700): ${(err as Error).message}`,
      { hint: 'run as the journal directory\'s owner', cause: err });
  }
}

export function openFailure(where: string, err: unknown): RdmJournalError {
  if (err instanceof RdmJournalError) return err;
  const cause = (err as { cause?: unknown }).cause ?? err;
  if (isNoSpace(err)) {
    return new RdmJournalError('JOURNAL_NO_SPACE', `journal ${where} cannot be opened: its disk is full (${(cause as Error).message})`,
      { hint: 'free space and run the command again', cause: err });
  }
  if (isLevelLocked(err)) {
    return new RdmJournalError('JOURNAL_LOCKED', `journal ${where} is held by a process that does not share it (LevelDB lock held, no ${SOCKET_NAME})`,
      { hint: 'an older rdm-journal is using it: stop that process, or use another journal', detail: 'journal-held-by-older', cause: err });
  }
  if (isErrnoException(cause, 'LEVEL_CORRUPTION')) {
    return new RdmJournalError('JOURNAL_CORRUPT', `journal ${where} is damaged: ${(cause as Error).message}`,
      { hint: 'restore the journal from a copy, or start a new journal', cause: err });
  }
  return new RdmJournalError('JOURNAL_UNUSABLE', `journal ${where} cannot be opened: ${(cause as Error).message}`,
    { hint: 'check that the directory is writable and on a local filesystem', cause: err });
}

/** What the `m`+`format` record says. */
export interface JournalFormat {
  createdAt: number;
  version: number;
  /** Set while an upgrade to format 3 is under way (section 7): records with keys above it are not format 3 yet. */
  upgradeAfter?: Uint8Array;
  /** The version an upgraded journal had. */
  upgradedFrom?: number;
}

/** Checks (or, for a new journal, writes) the format record; returns when the journal was created. */
export async function readOrWriteFormat(db: Db, where: string, create: boolean): Promise<JournalFormat> {
  const formatKey = prefixed(PREFIX.meta, 'format');
  const stored = await db.get(formatKey).catch((err: unknown) => { throw unreadableFormat(where, err); });
  if (stored === undefined) {
    // A database with no key at all is a journal whose creation was cut short (killed, disk full).
    const empty = await isEmpty(db);
    if (empty && !create) {
      throw new RdmJournalError('JOURNAL_NOT_FOUND', `${where} is a journal that was never initialised`,
        { hint: 'record a source into it first', detail: 'journal-missing' });
    }
    if (!empty) {
      throw new RdmJournalError('JOURNAL_CORRUPT', `${where} is a LevelDB database without a journal format record`,
        { hint: 'it is not an rdm-journal journal; choose another journal', detail: 'journal-not-a-journal' });
    }
    const createdAt = Date.now();
    await db.batch([{ type: 'put', key: formatKey, value: formatRecord({ version: FORMAT_VERSION, createdAt }) }], { sync: true });
    return { createdAt, version: FORMAT_VERSION };
  }
  const read = readFormatRecord(stored);
  const damaged = (problem: string) => new RdmJournalError('JOURNAL_CORRUPT', `journal ${where} has a damaged format record (m format): ${problem}`,
    { hint: 'restore the journal from a copy, or start a new journal' });
  if ('problem' in read) throw damaged(read.problem);
  const { version, createdAt, upgradeAfter, upgradedFrom, sealed } = read.fields;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${where} has an unreadable format version ${JSON.stringify(version)}`);
  }
  if (version > FORMAT_VERSION) {
    throw new RdmJournalError('JOURNAL_VERSION',
      `journal ${where} is format version ${version}; this rdm-journal reads versions 1 to ${FORMAT_VERSION}`,
      { hint: 'upgrade rdm-journal to read this journal' });
  }
  // From format 3 on the record is sealed: one without a seal lost it to damage (a flipped byte in "seal").
  if (version >= 3 && !sealed) throw damaged(`a format ${version} record has no seal`);
  // The records above `upgradeAfter` are format 2's (a format 1 journal is indexed to 2 first).
  if (upgradeAfter !== undefined && !(upgradeAfter instanceof Uint8Array && upgradedFrom === 2 && version === 3)) {
    throw damaged('an upgrade under way without a key to resume after, or not from format 2 to 3');
  }
  return {
    createdAt: typeof createdAt === 'number' ? createdAt : 0, version,
    ...(upgradeAfter instanceof Uint8Array ? { upgradeAfter } : {}),
    ...(typeof upgradedFrom === 'number' ? { upgradedFrom } : {}),
  };
}

/** A format record LevelDB reports damaged, or that is not msgpack: JOURNAL_CORRUPT (I/O errors stay what they are). */
export function unreadableFormat(where: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (err instanceof RdmJournalError || (code !== undefined && code !== 'LEVEL_CORRUPTION')) return err;
  return new RdmJournalError('JOURNAL_CORRUPT', `journal ${where} is damaged: its format record cannot be read (${(err as Error).message})`,
    { hint: 'restore the journal from a copy, or start a new journal', cause: err });
}
