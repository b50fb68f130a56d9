/**
 * Bringing a format 1 or 2 journal to format 3 in place (format 1 is indexed to 2 first: indexOps).
 * Format 2 to 3: op bytes moved from LevelDB values into data
 * files, every record sealed (CRC-32C), the format record switched last. Spec: journal-format/README.md
 * section 7. Works on the raw database (no sealing layer): half-way, some records are sealed and
 * some are not, and only this module knows which.
 *
 * Steps and crash windows (the caller holds the recorder and prune locks):
 * 1. data files: every append's bytes written to its life's data file from the ops, then
 *    fdatasync'ed, `data/` (and the journal directory) fsync'ed. LevelDB is untouched: killed here,
 *    the journal is still format 2 (plus leftover data files, cleared when the upgrade starts again).
 * 2. the format record becomes `version 3` with `upgradeAfter` = empty: from here on every reader
 *    refuses the journal (an older rdm-journal by its version; this one by `upgradeAfter`, with the
 *    hint to finish it) until step 4.
 * 3. the records, in key order, in synced batches of at most RESEAL_BATCH_RECORDS: each batch
 *    rewrites its records sealed (appends as format 3 stores them, without data) and moves
 *    `upgradeAfter` to its last key, in one batch. Records at or below `upgradeAfter` are format 3,
 *    those above it are not: killed here, the next upgrade resumes after `upgradeAfter`.
 * 4. the format record without `upgradeAfter`: the journal is format 3.
 * Memory is flat: ops are streamed, batches are bounded, one open data file per live file (at most
 * MAX_OPEN_DATA_FILES).
 */
import { constants } from 'node:fs';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { RdmJournalError, isNoSpace } from '../errors.js';
import { RECORDER_LOCK, takeLock, type JournalLock } from './locks.js';
import { openFailure } from './open.js';
import { fsyncDirectory } from '../durable.js';
import { DATA_DIR, dataFileName, storedAppend } from './data-files.js';
import { decodeOp, type JournalOp, type Seq } from './op.js';
import { PREFIX, count, emptyStats, indexKey, indexValue, prefixed, readIndexEntry, seqKey, seqOfKey } from './schema.js';
import { packr } from './msgpack.js';
import { formatRecord, seal, unseal } from './sealed-level.js';
import type { SharedLevel as Db, BatchOp } from './shared-level.js';

/** The format this module upgrades to. */
export const SEALED_VERSION = 3;
/** The first format with the per-file index and counters: 1 is upgraded to it (indexOps), then to 3. */
export const INDEXED_VERSION = 2;
/** A checkpoint of the bytes appended so far is written with every batch, and every this many ops on upgrade. */
const UPGRADE_BATCH_OPS = 4096;
/** Records resealed per synced batch: bounded memory, a bounded redo after a crash. */
const RESEAL_BATCH_RECORDS = 2048;
/** Step 1 reports progress (and counts a batch) every this many bytes of appended data. */
const DATA_BATCH_BYTES = 1024 * 1024;
const MAX_OPEN_DATA_FILES = 32;
const FORMAT_KEY = Buffer.from('mformat', 'latin1');
/**
 * Tests only: the upgrading process SIGKILLs itself after this many synced batches (step 1's data
 * batches and step 3's record batches), so a test can cut the upgrade at any batch boundary.
 */
const KILL_AFTER_ENV = 'RDM_JOURNAL_TEST_UPGRADE_KILL_AFTER';

export type UpgradeProgress = { step: 'data'; seq: Seq; head: Seq } | { step: 'seal'; records: number };

/** An upgrade in place, as the journal runs it (Journal.upgrade). */
export interface InPlaceUpgrade {
  location: string;
  /** The journal's format before the upgrade. */
  version: number;
  lockForPruning(waitMs: number): Promise<JournalLock | null>;
  /** The upgrade itself (indexOps, upgradeToSealed), under both locks. */
  steps(): Promise<void>;
  /** The journal reads the new format: after the prune lock is released, still under the recorder lock. */
  switchOver(): Promise<void>;
}

/**
 * Runs an upgrade under the recorder and prune locks: one writer, and no prune removing ops from
 * under it. Refuses (JOURNAL_LOCKED) when another process holds either; a full disk is
 * JOURNAL_NO_SPACE, whose hint says the upgrade resumes.
 */
export async function underUpgradeLocks(upgrade: InPlaceUpgrade): Promise<void> {
  const { location } = upgrade;
  const lock = await takeLock(location, RECORDER_LOCK, 0).catch((err: unknown) => { throw openFailure(location, err); });
  if (!lock) {
    throw new RdmJournalError('JOURNAL_LOCKED', `journal ${location} is format ${upgrade.version} and another process holds its recorder lock (an older rdm-journal recording, or an upgrade running)`,
      { hint: 'let the upgrade finish, or stop that recorder, then run this command again: the journal is upgraded once, in place' });
  }
  try {
    const pruneLock = await upgrade.lockForPruning(60_000);
    if (!pruneLock) {
      throw new RdmJournalError('JOURNAL_LOCKED', `journal ${location} is being pruned by another process; it is upgraded once no prune runs`,
        { hint: 'run this command again when the prune has finished' });
    }
    try {
      await upgrade.steps();
    } finally {
      await pruneLock.close();
    }
    await upgrade.switchOver();
  } catch (err) {
    if (isNoSpace(err)) {
      throw new RdmJournalError('JOURNAL_NO_SPACE', `journal ${location} ran out of disk space while being upgraded`,
        { hint: 'free space and run the command again: the upgrade resumes, and the journal is readable as before until it completes', cause: err });
    }
    throw err;
  } finally {
    await lock.close();
  }
}

/**
 * Format 1 to 2: writes the per-file index, checkpoints and counters from the ops, then the new
 * version (the caller then reads it as format 2). A crash midway leaves a format 1 journal with
 * harmless extra keys, written again next time.
 */
export async function indexOps(db: Db, ops: AsyncIterable<JournalOp>, createdAt: number, from: number): Promise<void> {
  const stats = emptyStats();
  let writes: BatchOp[] = [];
  for await (const op of ops) {
    if (op.file !== undefined) writes.push({ type: 'put', key: indexKey(op.file, op.seq), value: indexValue(op) });
    count(stats, op, op.seq);
    if (op.seq % UPGRADE_BATCH_OPS === 0) {
      writes.push({ type: 'put', key: seqKey(PREFIX.checkpoint, op.seq), value: packr.pack(stats.bytes) });
      await db.batch(writes);
      writes = [];
    }
  }
  writes.push({ type: 'put', key: seqKey(PREFIX.checkpoint, stats.head), value: packr.pack(stats.bytes) });
  writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'stats'), value: packr.pack(stats) });
  writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'format'), value: packr.pack({ version: INDEXED_VERSION, createdAt, upgradedFrom: from }) });
  await db.batch(writes, { sync: true });
}

export interface SealedUpgrade {
  db: Db;
  location: string;
  createdAt: number;
  /** The version before the upgrade (2, or 1 already indexed to 2). */
  from: number;
  /** The `upgradeAfter` of an interrupted upgrade (resumed at step 3), or null to start at step 1. */
  resumeAfter: Uint8Array | null;
  head: Seq;
  onProgress?: (progress: UpgradeProgress) => void;
}

export async function upgradeToSealed(upgrade: SealedUpgrade): Promise<void> {
  const killer = batchKiller();
  let after = upgrade.resumeAfter;
  if (after === null) {
    await writeDataFiles(upgrade, killer);
    after = new Uint8Array(0);
    await upgrade.db.batch([formatPut(upgrade, after)], { sync: true });
  }
  await resealRecords(upgrade, after, killer);
  await upgrade.db.batch([formatPut(upgrade, null)], { sync: true });
}

function formatPut({ createdAt, from }: SealedUpgrade, upgradeAfter: Uint8Array | null): BatchOp {
  const fields = { version: SEALED_VERSION, createdAt, upgradedFrom: from, ...(upgradeAfter ? { upgradeAfter } : {}) };
  return { type: 'put', key: FORMAT_KEY, value: formatRecord(fields) };
}

function batchKiller(): () => void {
  const limit = Number(process.env[KILL_AFTER_ENV] ?? 0);
  let batches = 0;
  return () => {
    batches += 1;
    if (limit > 0 && batches >= limit) process.kill(process.pid, 'SIGKILL');
  };
}

/**
 * Step 1: the data files, from the ops (format 1 and 2 ops hold their bytes). Starts from an empty
 * `data/`: a format 2 journal has no data files of its own, so any there are an interrupted step 1's.
 */
async function writeDataFiles({ db, location, head, onProgress }: SealedUpgrade, batchDone: () => void): Promise<void> {
  const dir = path.join(location, DATA_DIR);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { mode: 0o700 });
  fsyncDirectory(location);
  const lives = new Map<string, Seq>(); // live file -> its life (the seq of its create)
  const files = new DataFileWriter(dir);
  let bytes = 0;
  for await (const [key, value] of db.iterator({ gte: Uint8Array.of(PREFIX.op), lt: Uint8Array.of(PREFIX.op + 1) })) {
    const op = decodeOp(seqOfKey(key), value); // validated: a damaged op stops the upgrade before LevelDB is touched
    if (op.type === 'create') lives.set(op.file, op.seq);
    if (op.type === 'delete') await files.end(lives.get(op.file));
    if (op.type === 'delete') lives.delete(op.file);
    if (op.type !== 'append') continue;
    const life = lives.get(op.file);
    if (life === undefined) throw damaged(location, `op ${op.seq} appends to ${op.file}, which no earlier op created`);
    await files.write(life, op.offset, op.data);
    bytes += op.data.length;
    if (bytes >= DATA_BATCH_BYTES) {
      bytes = 0;
      onProgress?.({ step: 'data', seq: op.seq, head });
      batchDone();
    }
  }
  await files.close();
  fsyncDirectory(dir);
}

/** Open data files of step 1, each synced before it is closed. */
class DataFileWriter {
  private readonly open = new Map<Seq, FileHandle>();
  constructor(private readonly dir: string) {}

  async write(life: Seq, offset: number, data: Uint8Array): Promise<void> {
    let handle = this.open.get(life);
    if (!handle) {
      handle = await open(path.join(this.dir, dataFileName(life)), constants.O_WRONLY | constants.O_CREAT, 0o600);
      this.open.set(life, handle);
      if (this.open.size > MAX_OPEN_DATA_FILES) await this.end(this.open.keys().next().value);
    }
    for (let done = 0; done < data.length;) done += (await handle.write(data, done, data.length - done, offset + done)).bytesWritten;
  }

  async end(life: Seq | undefined): Promise<void> {
    const handle = life === undefined ? undefined : this.open.get(life);
    if (!handle) return;
    this.open.delete(life!);
    await handle.datasync();
    await handle.close();
  }

  async close(): Promise<void> {
    for (const life of [...this.open.keys()]) await this.end(life);
  }
}

/** Step 3: every record after `after` sealed, in key order, batch by batch with the format record. */
async function resealRecords(upgrade: SealedUpgrade, after: Uint8Array, batchDone: () => void): Promise<void> {
  const lives = new LifeFinder(upgrade);
  let records = 0;
  for (;;) {
    const writes: BatchOp[] = [];
    let last: Uint8Array | null = null;
    for await (const [key, value] of upgrade.db.iterator({ ...(after.length > 0 ? { gt: after } : {}), limit: RESEAL_BATCH_RECORDS })) {
      last = key;
      if (Buffer.compare(key, FORMAT_KEY) === 0) continue;
      writes.push({ type: 'put', key, value: seal(key, await lives.stored(key, value)) });
    }
    if (last === null) return;
    writes.push(formatPut(upgrade, last));
    await upgrade.db.batch(writes, { sync: true });
    after = last;
    records += writes.length - 1;
    upgrade.onProgress?.({ step: 'seal', records });
    batchDone();
  }
}

/**
 * A record's format 3 value (unsealed): an append without its bytes, naming its life and their
 * CRC-32C; every other record as it is. Knows the life of each live file from the ops it has seen;
 * after a resume, a file's life is read from the per-file index (sealed by then: `i` sorts before `o`).
 */
class LifeFinder {
  private readonly lives = new Map<string, Seq>();
  constructor(private readonly upgrade: SealedUpgrade) {}

  async stored(key: Uint8Array, value: Uint8Array): Promise<Uint8Array> {
    if (key[0] !== PREFIX.op) return value;
    const op = decodeOp(seqOfKey(key), value);
    if (op.type === 'create') this.lives.set(op.file, op.seq);
    if (op.type === 'delete') this.lives.delete(op.file);
    if (op.type !== 'append') return value; // stored as format 3 stores it: the same msgpack map
    const life = this.lives.get(op.file) ?? await this.lifeFromIndex(op.file, op.seq);
    this.lives.set(op.file, life);
    return storedAppend(op, life);
  }

  private async lifeFromIndex(file: string, seq: Seq): Promise<Seq> {
    const { db, location } = this.upgrade;
    for await (const [key, value] of db.iterator({ gte: indexKey(file, 0), lt: indexKey(file, seq), reverse: true })) {
      const entry = readIndexEntry(file, key, unseal(key, value, location));
      if (entry.type === 'create') return entry.seq;
      if (entry.type === 'delete') break;
    }
    throw damaged(location, `op ${seq} appends to ${file}, whose create the per-file index does not hold`);
  }
}

function damaged(location: string, problem: string): RdmJournalError {
  return new RdmJournalError('JOURNAL_CORRUPT', `journal ${location} cannot be upgraded: ${problem}`,
    { hint: 'the journal was damaged; restore it from a copy, or start a new journal' });
}
