/**
 * The journal: a LevelDB database holding a dense, gap-free sequence of ops, the per-file state
 * those ops imply, and what source it records. Layout: journal-format/README.md.
 *
 * Invariants kept here, not by callers:
 * - seq is dense from 1; an op and the file state it implies are committed in one batch, so a crash
 *   leaves both or neither;
 * - an append lands exactly at the file's recorded size; a create names a file not yet recorded;
 *   a delete names a recorded file and its final size.
 */
import path from 'node:path';
import { CommitWatcher } from './commit-notify.js';
import type { BatchOp } from './shared-level.js';
import { packr } from './msgpack.js';
import { RdmJournalError, isNoSpace } from '../errors.js';
import { decodeOp, encodeOp, type JournalOp, type Op, type Seq } from './op.js';
import { isSafeFileName } from '../packfile.js';
import { makeDirectories } from '../paths.js';
import { DataFiles, decodeStoredOp, decodeStoredOpRef, type ReplayOp } from './data-files.js';
import { sealedLevel } from './sealed-level.js';
import { FileState, nextFileState } from '../file-state.js';
import { DAMAGED_HINT, FORMAT_VERSION, FileLife, IndexEntry, JournalStats, PREFIX, Pruned, SourceIdentity, TargetNote, count, emptyPruned, emptyStats, indexFields, indexKey, indexValue, loadFileStates, nameOfIndexKey, opKey, prefixed, readHead, readIndexEntry, readLastAt, readMeta, readOpStamp, seqKey, seqOfKey, type OpStamp } from './schema.js';
import { Db, checkJournalDirectory, hasLittleSpace, keepPrivate, openDatabase, openFailure, readOrWriteFormat, type JournalFormat } from './open.js';
import { PRUNE_LOCK, RECORDER_LOCK, lockHeld, takeLock, type JournalLock } from './locks.js';
import { upgradeToSealed, type UpgradeProgress } from './upgrade.js';

export { FORMAT_VERSION, emptyPruned, indexFields, opKey } from './schema.js';
export type { UpgradeProgress } from './upgrade.js';
export type { FileLife, IndexEntry, JournalStats, OpStamp, Pruned, SourceIdentity, TargetNote } from './schema.js';
export type { FileState } from '../file-state.js';

/** The first format with the per-file index and counters: 1 is upgraded to it, then to 3 (upgrade.ts). */
const INDEXED_VERSION = 2;
/** A checkpoint of the bytes appended so far is written with every batch, and every this many ops on upgrade. */
const UPGRADE_BATCH_OPS = 4096;
/** How long a recorder waits for the recorder lock: another recorder may be finishing its stop. */
const RECORDER_LOCK_WAIT_MS = 1000;
export interface OpenOptions {
  /** Create the journal when the directory is absent or empty (the recorder does; readers do not). */
  create?: boolean;
  /** Bring an older format up to this version's (the recorder does: it is the journal's writer). */
  upgrade?: boolean;
  /** How an upgrade is getting on (the CLI shows it). */
  onUpgradeProgress?: (progress: UpgradeProgress) => void;
}

/** A batch this process committed: its ops, the head after it, and the commit's duration. */
export interface Commit { ops: readonly Op[]; head: Seq; seconds: number }

export class Journal {
  readonly location: string;
  private db: Db;
  /** The database without the sealing layer: only an upgrade writes through it. */
  private readonly raw: Db;
  private files = new Map<string, FileState>();
  private lastSeq: Seq = 0;
  private boundSource: SourceIdentity | null = null;
  private readonly waiters = new Set<() => void>();
  /** Told of each batch this process commits (metrics): its ops and how long the commit took. */
  private readonly commitObservers = new Set<(commit: Commit) => void>();
  private watcher: CommitWatcher | null = null;
  private recorderLock: JournalLock | null = null;
  /** `at` of the head op: an op recorded earlier than this is a time step (see timeSteps). */
  private lastAt = 0;
  /** When the journal was created (ms since the epoch): with the source, tells one journal from another. */
  readonly createdAt: number;
  /** The journal's format version: 1 journals lack the index and counters until upgraded. */
  private formatVersion: number;
  private counters: JournalStats = emptyStats();
  private pruning: Pruned = emptyPruned();
  /** Format 3: where append bytes live (null for formats 1 and 2, whose ops hold their data). */
  private data: DataFiles | null = null;
  /** Where an interrupted upgrade to format 3 resumes (format record's `upgradeAfter`); null when none is under way. */
  private upgradeAfter: Uint8Array | null;
  /** The version this process upgraded the journal from, if it did. */
  private upgradedFrom: number | null = null;

  private constructor(location: string, db: Db, format: JournalFormat) {
    this.location = location;
    this.raw = db;
    this.createdAt = format.createdAt;
    this.upgradeAfter = format.upgradeAfter ?? null;
    // Half-upgraded, its records are read as the old format's until upgrade() resumes.
    this.formatVersion = this.upgradeAfter ? format.upgradedFrom! : format.version;
    this.db = this.readAs(this.formatVersion);
  }

  /** The database as format `version` stores it: format 3 checksums every record and keeps bytes in data files. */
  private readAs(version: number): Db {
    this.formatVersion = version;
    this.data = version >= 3 ? new DataFiles(this.location) : null;
    return sealedLevel(this.raw, this.location, version >= 3);
  }

  /** Reads what a writer builds on: file states, head, the head's time, the bound source. */
  private async loadState(): Promise<void> {
    this.files = await loadFileStates(this.db);
    this.lastSeq = await readHead(this.db);
    this.lastAt = await readLastAt(this.db, this.lastSeq);
    this.boundSource = await readMeta<SourceIdentity>(this.db, 'source');
    this.counters = (await readMeta<JournalStats>(this.db, 'stats')) ?? emptyStats();
    this.pruning = (await readMeta<Pruned>(this.db, 'pruned')) ?? emptyPruned();
  }

  static async open(location: string, options: OpenOptions = {}): Promise<Journal> {
    const journal = await Journal.openAny(location, options);
    if (journal.formatVersion < FORMAT_VERSION && options.upgrade) {
      try {
        await journal.upgrade(options.onUpgradeProgress);
      } catch (err) {
        await journal.close();
        throw err;
      }
    }
    return journal;
  }

  private static async openAny(location: string, options: OpenOptions): Promise<Journal> {
    const where = path.resolve(location);
    const isNew = checkJournalDirectory(where, options.create ?? false);
    try {
      if (isNew) makeDirectories(where, 0o700); // not Node's recursive mkdir: it spins on /proc/x
    } catch (err) {
      throw new RdmJournalError('JOURNAL_UNUSABLE', `journal ${where} cannot be created: ${(err as Error).message}`,
        { hint: 'give a journal path you can write to', detail: 'journal-not-creatable', cause: err });
    }
    keepPrivate(where);
    const db = await openDatabase(where, options.create ?? false);
    try {
      const format = await readOrWriteFormat(db, where, options.create ?? false);
      if (format.upgradeAfter && !options.upgrade) {
        throw new RdmJournalError('JOURNAL_VERSION', `journal ${where} is half-way through an upgrade from format ${format.upgradedFrom} to 3 (it was interrupted)`,
          { hint: 'finish the upgrade (recording into the journal also does)', detail: 'journal-upgrade-interrupted', facts: { journal: where } });
      }
      const journal = new Journal(where, db, format);
      if (!format.upgradeAfter) await journal.loadState(); // half-upgraded: read once the upgrade is done
      return journal;
    } catch (err) {
      await db.close();
      throw err;
    }
  }

  get head(): Seq { return this.lastSeq; }
  get version(): number { return this.formatVersion; }
  /** The version this process upgraded the journal from when it opened it, or null. */
  get upgradedFromVersion(): number | null { return this.upgradedFrom; }
  get source(): SourceIdentity | null { return this.boundSource; }

  fileState(name: string): FileState | undefined { return this.files.get(name); }
  /** Every file the journal believes is in the source, by name. */
  fileStates(): ReadonlyMap<string, FileState> { return this.files; }

  /**
   * Ties the journal to one source directory. The first call records it; later calls refuse any
   * other directory: another path, another inode (the path re-created), another filesystem. The
   * filesystem is compared by its id where both records have one, since `dev` may change across
   * reboots; by `dev` otherwise. A record from before fs ids (no `fsid` field) is taken on path and
   * inode. An accepted source whose `dev` or fs id changed (or was missing) is recorded anew.
   */
  async bindSource(source: SourceIdentity): Promise<void> {
    const known = this.boundSource;
    if (known !== null) {
      const sameFilesystem = known.fsid === undefined || (known.fsid && source.fsid ? known.fsid === source.fsid : known.dev === source.dev);
      if (known.path !== source.path || known.ino !== source.ino || !sameFilesystem) {
        const describe = (s: SourceIdentity) => `${s.path} (device ${s.dev}${s.fsid ? `, filesystem id ${s.fsid}` : ''}, inode ${s.ino})`;
        throw new RdmJournalError('JOURNAL_SOURCE_MISMATCH', `journal ${this.location} records ${describe(known)}, not ${describe(source)}`,
          { hint: 'give this source its own journal', detail: 'journal-of-another-source' });
      }
      if (known.dev === source.dev && known.fsid === (source.fsid ?? null)) return;
    }
    const record = { path: source.path, dev: source.dev, ino: source.ino, fsid: source.fsid ?? null };
    await this.db.batch([{ type: 'put', key: prefixed(PREFIX.meta, 'source'), value: packr.pack(record) }], { sync: true });
    this.boundSource = record;
  }

  /**
   * The ops recorded earlier than the op before them (a clock stepped back, or that op was stamped
   * ahead), ascending: between two of them, `at` never decreases. None in older journals, whose
   * writers never let `at` decrease.
   */
  async timeSteps(): Promise<Seq[]> {
    const steps = await readMeta<unknown>(this.db, 'timeSteps');
    if (steps === null) return [];
    if (!Array.isArray(steps) || !steps.every((seq, i) => Number.isSafeInteger(seq) && seq > (i === 0 ? 1 : steps[i - 1]))) {
      throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${this.location} has an unreadable list of time steps (m timeSteps)`,
        { hint: 'the journal was damaged or written by another program; restore it from a copy, or start a new journal' });
    }
    return steps as Seq[];
  }

  /**
   * Appends ops in one atomic batch with the file states they imply, and returns the last seq.
   * `sync` makes the batch durable before the promise resolves (fsync of LevelDB's log).
   */
  async append(ops: readonly Op[], { sync = true } = {}): Promise<Seq> {
    if (ops.length === 0) return this.lastSeq;
    if (this.formatVersion < INDEXED_VERSION) throw new Error(`journal invariant: a format ${this.formatVersion} journal is appended to before its upgrade`);
    const files = new Map<string, FileState | null>();
    const state = (name: string) => (files.has(name) ? files.get(name) ?? undefined : this.files.get(name));
    const writes: BatchOp[] = [];
    const began = performance.now();
    let seq = this.lastSeq;
    let lastAt = this.lastAt;
    const stats = structuredClone(this.counters);
    const steps: Seq[] = [];
    const staged = this.data?.batch(); // format 3: bytes to data files, written ahead of the batch
    for (const op of ops) {
      seq += 1;
      // Real time, as the clock says: a clock stepped back (or an op stamped far ahead before it)
      // is listed, so time lookups search each run of rising times on its own (points.ts).
      if (op.at < lastAt) steps.push(seq);
      lastAt = op.at;
      const life = op.type === 'resync' ? 0 : state(op.file)?.createdSeq ?? seq; // a create starts a life at its seq
      if (op.type !== 'resync') files.set(op.file, nextFileState(op, seq, state(op.file)));
      writes.push({ type: 'put', key: opKey(seq), value: staged ? staged.add(op, life) : encodeOp(op) });
      if (op.file !== undefined) writes.push({ type: 'put', key: indexKey(op.file, seq), value: indexValue(op) });
      count(stats, op, seq);
    }
    writes.push({ type: 'put', key: seqKey(PREFIX.checkpoint, seq), value: packr.pack(stats.bytes) });
    writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'stats'), value: packr.pack(stats) });
    if (steps.length > 0) writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'timeSteps'), value: packr.pack([...(await this.timeSteps()), ...steps]) });
    for (const [name, fileState] of files) {
      const key = prefixed(PREFIX.file, name);
      writes.push(fileState ? { type: 'put', key, value: packr.pack(fileState) } : { type: 'del', key });
    }
    try {
      // Another writer would reuse our seqs and overwrite its ops: refuse rather than corrupt.
      if ((await this.db.get(opKey(this.lastSeq + 1))) !== undefined) {
        throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.location} has op ${this.lastSeq + 1} written by another process`,
          { hint: 'one writer per journal: stop the other recorder and run this one again' });
      }
      await staged?.flush(sync); // write-ahead: the bytes are durable before any op references them
      await this.db.batch(writes, { sync });
    } catch (err) {
      if (err instanceof RdmJournalError) throw err;
      if (isNoSpace(err)) {
        throw new RdmJournalError('JOURNAL_NO_SPACE', `journal ${this.location} is out of disk space: ${(err as Error).message}`,
          { hint: 'free space (or move the journal) and start again: nothing half-written is kept, the source is reconciled on restart', cause: err });
      }
      if (this.db.role === 'guest' && hasLittleSpace(this.location)) {
        throw new RdmJournalError('JOURNAL_NO_SPACE', `journal ${this.location} is out of disk space (its host could not write: ${(err as Error).message})`,
          { hint: 'free space (or move the journal) and start again: nothing half-written is kept, the source is reconciled on restart', cause: err });
      }
      if (this.db.role === 'guest') {
        // many-level reports the host's failure without its cause (e.g. "Could not get value").
        throw new RdmJournalError('JOURNAL_UNUSABLE', `journal ${this.location}: the process hosting it could not write (${(err as Error).message})`,
          { hint: 'most often its disk is full: check free space where the journal lives, then start again; the source is reconciled on restart', cause: err });
      }
      throw err;
    }
    for (const [name, fileState] of files) {
      if (fileState) this.files.set(name, fileState);
      else this.files.delete(name);
    }
    this.lastSeq = seq;
    this.lastAt = lastAt;
    this.counters = stats;
    await staged?.committed();
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    for (const observe of this.commitObservers) observe({ ops, head: seq, seconds: (performance.now() - began) / 1000 });
    return seq;
  }

  /** Calls `observe` after each batch this process commits; returns what stops it. */
  observeCommits(observe: (commit: Commit) => void): () => void {
    this.commitObservers.add(observe);
    return () => this.commitObservers.delete(observe);
  }

  /**
   * Resolves once the head is past `after` (ops appended by this process or, through the shared
   * journal's commit notifications, by any other), or when `signal` aborts. No polling.
   */
  async waitForOps(after: Seq, signal?: AbortSignal): Promise<void> {
    this.watchCommits();
    while (this.lastSeq <= after && !signal?.aborted) {
      const woken = new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        this.waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
      // Registered before reading the head: a commit between the two still wakes us.
      if ((await this.refresh()) > after) return;
      await woken; // the loop reads the head again before deciding
    }
  }

  /** One op by seq; JOURNAL_CORRUPT if it is missing. */
  async readOp(seq: Seq): Promise<JournalOp> {
    const bytes = await this.db.get(opKey(seq));
    if (bytes === undefined) {
      throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${this.location} has no op ${seq} (head is ${this.lastSeq})`,
        { hint: 'the journal was damaged; restore it from a copy, or start a new journal' });
    }
    return this.decodeStored(seq, bytes);
  }

  /** An op as stored, decoded and validated; format 3 appends get their data from the data file. */
  async decodeStored(seq: Seq, bytes: Uint8Array): Promise<JournalOp> {
    return this.data ? decodeStoredOp(seq, bytes, this.data) : decodeOp(seq, bytes);
  }

  /** The op at `seq`, or the first one after it (retention leaves gaps); null past the head. */
  async readOpAtOrAfter(seq: Seq): Promise<JournalOp | null> {
    for await (const [key, value] of this.db.iterator({ gte: opKey(seq), lt: Uint8Array.of(PREFIX.op + 1), limit: 1 })) {
      return this.decodeStored(seqOfKey(key), value);
    }
    return null;
  }

  /** The op at `seq`, or the last one before it (retention leaves gaps); null before the first. */
  async readOpAtOrBefore(seq: Seq): Promise<JournalOp | null> {
    for await (const [key, value] of this.db.iterator({ lte: opKey(seq), gte: opKey(0), reverse: true, limit: 1 })) {
      return this.decodeStored(seqOfKey(key), value);
    }
    return null;
  }

  /** Op `seq`'s kind, time and length, its bytes unread; JOURNAL_CORRUPT if it is missing. */
  async readOpStamp(seq: Seq): Promise<OpStamp> {
    const bytes = await this.db.get(opKey(seq));
    if (bytes === undefined) {
      throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${this.location} has no op ${seq} (head is ${this.lastSeq})`,
        { hint: 'the journal was damaged; restore it from a copy, or start a new journal' });
    }
    return readOpStamp(seq, bytes);
  }

  /** The stamp of the op at `seq` or the first one after it (retention leaves gaps); null past the head. */
  async readOpStampAtOrAfter(seq: Seq): Promise<OpStamp | null> {
    for await (const [key, value] of this.db.iterator({ gte: opKey(seq), lt: Uint8Array.of(PREFIX.op + 1), limit: 1 })) {
      return readOpStamp(seqOfKey(key), value);
    }
    return null;
  }

  /** Whether op `seq` exists. */
  async hasOp(seq: Seq): Promise<boolean> {
    return (await this.db.get(opKey(seq))) !== undefined;
  }

  /** Ops with after < seq <= upTo, in order; a missing seq in the range is JOURNAL_CORRUPT. */
  async *readOps(range: { after?: Seq; upTo?: Seq } = {}): AsyncGenerator<JournalOp> {
    yield* this.walkOps(range, (seq, value) => this.decodeStored(seq, value));
  }

  /**
   * As readOps, but format 3 appends come without their bytes, by reference to their data file:
   * replay copies them in the kernel (`dataFiles.copy`), checked as it copies.
   */
  async *readOpRefs(range: { after?: Seq; upTo?: Seq } = {}): AsyncGenerator<ReplayOp> {
    yield* this.walkOps(range, async (seq, value) => this.data ? decodeStoredOpRef(seq, value) : this.decodeStored(seq, value));
  }

  /** Format 3's data files (null before format 3: the bytes are in LevelDB). */
  get dataFiles(): DataFiles | null { return this.data; }

  private async *walkOps<T>({ after = 0, upTo = Number.MAX_SAFE_INTEGER }: { after?: Seq; upTo?: Seq }, decode: (seq: Seq, value: Uint8Array) => Promise<T>): AsyncGenerator<T> {
    let expected = after + 1;
    for await (const [key, value] of this.db.iterator({ gt: opKey(after), lte: opKey(upTo) })) {
      const seq = seqOfKey(key);
      // Ops up to the retention horizon may be gone (whole file lives, pruned); any other gap is
      // damage. The horizon is read again only at a gap: a prune may have run since it was read.
      if (seq !== expected && seq - 1 > this.pruning.horizon && (this.formatVersion < INDEXED_VERSION || seq - 1 > (await this.pruned()).horizon)) {
        throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${this.location} has no op ${expected} (next is ${seq})`,
          { hint: 'the journal was damaged; restore it from a copy, or start a new journal' });
      }
      expected = seq + 1;
      yield await decode(seq, value);
    }
  }

  /** What retention removed, read afresh (a prune may run in another process). */
  async pruned(): Promise<Pruned> {
    const pruned = (await readMeta<Pruned>(this.db, 'pruned')) ?? emptyPruned();
    this.pruning = pruned;
    return pruned;
  }

  /** The retention horizon as last read: the state after any op from here on can be rebuilt. */
  get horizon(): Seq { return this.pruning.horizon; }

  /**
   * The lives of files that ended (were deleted) at or before `horizon`, with all their index
   * entries, resyncs naming them within the life included: what a prune to `horizon` removes.
   * Reads the index only. Yields per file name, in name order.
   */
  async *livesEndedBy(horizon: Seq): AsyncGenerator<FileLife> {
    for await (const name of this.fileNames()) {
      let life: IndexEntry[] = [];
      for await (const entry of this.fileOps(name, { upTo: horizon })) {
        if (entry.type === 'create') life = [entry];
        else if (life.length > 0) life.push(entry);
        if (entry.type === 'delete' && life.length > 0) {
          yield { name, entries: life };
          life = [];
        }
      }
    }
  }

  /**
   * Removes whole file lives and records the new retention state, in one batch: a crash leaves
   * every life whole or gone, and the horizon written with the first removal.
   */
  async removeLives(lives: readonly FileLife[], pruned: Pruned, { sync = false } = {}): Promise<void> {
    const writes: BatchOp[] = [];
    for (const life of lives) {
      for (const entry of life.entries) {
        writes.push({ type: 'del', key: opKey(entry.seq) }, { type: 'del', key: indexKey(life.name, entry.seq) });
      }
    }
    writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'pruned'), value: packr.pack(pruned) });
    // Under the prune lock nobody else writes the record; a process that ignores the lock (an older
    // rdm-journal) may have, and its horizon must not move back: ops below it are gone.
    const stored = (await readMeta<Pruned>(this.db, 'pruned')) ?? emptyPruned();
    if (stored.horizon > pruned.horizon) {
      throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.location} was pruned to op ${stored.horizon} by another process while this prune (to op ${pruned.horizon}) ran; nothing more was written`,
        { hint: 'run the prune again: it starts from the journal\'s current horizon' });
    }
    try {
      // Format 3 unlinks the lives' data files below: only after their removal is durable.
      await this.db.batch(writes, { sync: sync || this.data !== null });
    } catch (err) {
      if (isNoSpace(err)) {
        throw new RdmJournalError('JOURNAL_NO_SPACE', `journal ${this.location} is out of disk space while pruning: ${(err as Error).message}`,
          { hint: 'free a little space and prune again: what was removed so far is consistent', cause: err });
      }
      throw err;
    }
    this.pruning = pruned;
    await this.data?.remove(lives.map((life) => life.entries[0]!.seq)); // a life starts with its create
  }

  /**
   * Takes the journal's prune lock: prunes read-modify-write the `pruned` record, so only one may
   * run at a time, whichever process. Waits up to `waitMs` for another prune to finish; null when it
   * still holds the lock then. The caller releases it with close().
   */
  async lockForPruning(waitMs: number): Promise<JournalLock | null> {
    try {
      return await takeLock(this.location, PRUNE_LOCK, waitMs);
    } catch (err) {
      throw openFailure(this.location, err);
    }
  }

  /**
   * Removes the checkpoints below the horizon but the last one at or before it (which byte counts
   * at the horizon and later still start from): retention must not leave them growing forever.
   */
  async removeCheckpointsBelow(horizon: Seq): Promise<number> {
    const writes: BatchOp[] = [];
    let kept = false;
    for await (const key of this.db.keys({ gte: seqKey(PREFIX.checkpoint, 0), lte: seqKey(PREFIX.checkpoint, horizon), reverse: true })) {
      if (kept) writes.push({ type: 'del', key });
      kept = true;
    }
    if (writes.length > 0) await this.db.batch(writes);
    return writes.length;
  }

  /** Returns the space of removed ops between two seqs to the filesystem, if this process hosts. */
  async compactOps(from: Seq, to: Seq): Promise<boolean> {
    return this.db.compactRange(opKey(from), opKey(to));
  }

  /**
   * The journal's counters, read afresh (another process may be appending): constant time.
   * Needs format 2 (see requireVersion).
   */
  async stats(): Promise<JournalStats> {
    this.requireVersion('counting ops');
    const stats = (await readMeta<JournalStats>(this.db, 'stats')) ?? emptyStats();
    if (stats.head > this.lastSeq) this.lastSeq = stats.head;
    return stats;
  }

  /** Refuses what needs the index and counters on a journal written before them. */
  requireVersion(what: string): void {
    if (this.formatVersion >= INDEXED_VERSION) return;
    throw new RdmJournalError('JOURNAL_VERSION',
      `journal ${this.location} is format version ${this.formatVersion}, without the per-file index and counters needed for ${what}`,
      { hint: 'upgrade the journal once (the next recording also does it); its ops are kept as they are',
        detail: 'journal-needs-upgrade', facts: { journal: this.location } });
  }

  /** The ops of one file, from the index (no data is read), with after < seq <= upTo, in order. */
  async *fileOps(name: string, { after = 0, upTo = Number.MAX_SAFE_INTEGER, reverse = false }: { after?: Seq; upTo?: Seq; reverse?: boolean } = {}): AsyncGenerator<IndexEntry> {
    this.requireVersion('per-file queries');
    // No journal holds such a name, and one with a NUL would read the entries of another.
    if (!isSafeFileName(name)) {
      throw new RdmJournalError('NOT_IN_JOURNAL', `journal ${this.location} holds no file named ${JSON.stringify(name)}: file names are single path components`,
        { hint: 'give a file name as the journal holds it (p00000001.pack)', detail: 'file-name-not-a-component' });
    }
    for await (const [key, value] of this.db.iterator({ gt: indexKey(name, after), lte: indexKey(name, upTo), reverse })) {
      yield readIndexEntry(name, key, value);
    }
  }

  /**
   * The op an index entry of `name` points to, checked against the entry: the same kind, on `name`,
   * with the entry's offset and length. An index that points elsewhere is JOURNAL_CORRUPT: what is
   * rebuilt from it (cat, replay --resync) would otherwise hold another file's bytes.
   */
  async readFileOp(name: string, entry: IndexEntry): Promise<JournalOp> {
    return this.checkIndexed(name, entry, await this.readOp(entry.seq));
  }

  /** As readFileOp, but a format 3 append comes by reference to its data file (readOpRefs). */
  async readFileOpRef(name: string, entry: IndexEntry): Promise<ReplayOp> {
    const bytes = await this.db.get(opKey(entry.seq));
    if (bytes === undefined || !this.data) return this.readFileOp(name, entry);
    return this.checkIndexed(name, entry, decodeStoredOpRef(entry.seq, bytes));
  }

  private checkIndexed<T extends ReplayOp>(name: string, entry: IndexEntry, op: T): T {
    const [offset, length] = op.type === 'append' && !('data' in op) ? [op.offset, op.length] : indexFields(op as JournalOp);
    const fits = op.type === entry.type && op.file === name && offset === entry.offset && length === entry.length;
    if (!fits) {
      throw new RdmJournalError('JOURNAL_CORRUPT',
        `journal index entry of ${name} at op ${entry.seq} says ${entry.type} (offset ${entry.offset}, length ${entry.length}); ` +
        `op ${entry.seq} is ${op.type}${op.file === undefined ? '' : ' of ' + op.file} (offset ${offset}, length ${length})`,
        { hint: DAMAGED_HINT });
    }
    return op;
  }

  /** Every file name the journal has ever recorded, in byte order of their UTF-8. */
  async *fileNames(): AsyncGenerator<string> {
    this.requireVersion('per-file queries');
    let from = Uint8Array.of(PREFIX.index);
    for (;;) {
      let name: string | null = null;
      for await (const key of this.db.keys({ gte: from, lt: Uint8Array.of(PREFIX.index + 1), limit: 1 })) {
        name = nameOfIndexKey(key);
        const body = key.subarray(1, key.length - 9);
        // The next name sorts after every key of this one: name + 0x01 > name + 0x00 + seq.
        from = Buffer.concat([Uint8Array.of(PREFIX.index), body, Uint8Array.of(1)]);
      }
      if (name === null) return;
      yield name;
    }
  }

  /** The files that existed after op `seq`, and their sizes then: two index reads per file ever recorded. */
  async filesAt(seq: Seq): Promise<Map<string, { size: number; createdSeq: Seq }>> {
    const files = new Map<string, { size: number; createdSeq: Seq }>();
    for await (const name of this.fileNames()) {
      let size: number | null = null;
      for await (const entry of this.fileOps(name, { upTo: seq, reverse: true })) {
        if (entry.type === 'resync') continue;
        if (size === null) {
          if (entry.type === 'delete') break;
          size = entry.type === 'append' ? entry.offset + entry.length : 0;
        }
        if (entry.type === 'create') {
          files.set(name, { size, createdSeq: entry.seq });
          break;
        }
      }
    }
    return files;
  }

  /** Data bytes appended from op 1 up to `seq`: the checkpoint at or before it, plus the ops after that. */
  async appendedAt(seq: Seq): Promise<number> {
    this.requireVersion('counting bytes');
    let from = 0;
    let bytes = 0;
    for await (const [key, value] of this.db.iterator({ lte: seqKey(PREFIX.checkpoint, seq), gte: seqKey(PREFIX.checkpoint, 0), reverse: true, limit: 1 })) {
      from = seqOfKey(key);
      bytes = packr.unpack(value) as number;
    }
    // Lengths from the stored records: no op bytes are read (status asks this for every target).
    for await (const [key, value] of this.db.iterator({ gt: opKey(from), lte: opKey(seq) })) bytes += readOpStamp(seqOfKey(key), value).length;
    return bytes;
  }

  /** Every checkpoint as stored: seq and the bytes appended in ops 1..seq (for `verify`). */
  async *checkpoints(): AsyncGenerator<[Seq, number]> {
    for await (const [key, value] of this.db.iterator({ gte: seqKey(PREFIX.checkpoint, 0), lt: Uint8Array.of(PREFIX.checkpoint + 1) })) {
      yield [seqOfKey(key), packr.unpack(value) as number];
    }
  }

  /**
   * Reads every record, each checked against its seal (format 3), for `verify`: also those no reader
   * looks up, such as a key damage turned into an unknown one. JOURNAL_CORRUPT at the first damaged
   * record that is not an op (ops are reported one by one by the op walk).
   */
  async checkAllRecords(): Promise<number> {
    let records = 0;
    for await (const _ of this.db.iterator({})) records += 1;
    return records;
  }

  /** Remembers where a target's cursor is, for `status` (best effort: the target's own cursor is the truth). */
  async noteTarget(note: TargetNote): Promise<void> {
    await this.db.batch([{ type: 'put', key: prefixed(PREFIX.target, note.path), value: packr.pack(note) }]);
  }

  /** The targets replays have told this journal about. */
  async knownTargets(): Promise<TargetNote[]> {
    const notes: TargetNote[] = [];
    for await (const [, value] of this.db.iterator({ gte: Uint8Array.of(PREFIX.target), lt: Uint8Array.of(PREFIX.target + 1) })) {
      notes.push(packr.unpack(value) as TargetNote);
    }
    return notes;
  }

  /**
   * The raw op table, for `verify`: every key and value as stored, undecoded, so one damaged op is
   * reported and the walk goes on.
   */
  async *rawOps(): AsyncGenerator<[Seq, Uint8Array]> {
    for await (const [key, value] of this.db.iterator({ gte: opKey(0), lt: Uint8Array.of(PREFIX.op + 1) })) yield [seqOfKey(key), value];
  }

  /** The stored file states, read afresh (for `verify`). */
  async storedFileStates(): Promise<Map<string, FileState>> {
    return loadFileStates(this.db);
  }

  /**
   * Brings a format 1 or 2 journal to format 3 in place, under the recorder and prune locks: 1 is
   * indexed to 2 first (indexOps), then upgrade.ts moves op bytes to data files and seals every
   * record. Killed at any point, the journal reads as its old format, or is refused with the hint
   * to run the upgrade again, which resumes it.
   */
  private async upgrade(onProgress?: (progress: UpgradeProgress) => void): Promise<void> {
    const from = this.formatVersion;
    const lock = await takeLock(this.location, RECORDER_LOCK, 0).catch((err: unknown) => { throw openFailure(this.location, err); });
    if (!lock) {
      throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.location} is format ${this.formatVersion} and another process holds its recorder lock (an older rdm-journal recording, or an upgrade running)`,
        { hint: 'let the upgrade finish, or stop that recorder, then run this command again: the journal is upgraded once, in place' });
    }
    try {
      const pruneLock = await this.lockForPruning(60_000);
      if (!pruneLock) {
        throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.location} is being pruned by another process; it is upgraded once no prune runs`,
          { hint: 'run this command again when the prune has finished' });
      }
      try {
        if (this.formatVersion < INDEXED_VERSION) await this.indexOps();
        await upgradeToSealed({ db: this.raw, location: this.location, createdAt: this.createdAt, from: this.formatVersion,
          resumeAfter: this.upgradeAfter, head: await readHead(this.raw), onProgress });
      } finally {
        await pruneLock.close();
      }
      // No compactRange here to return the old values' space at once: LevelDB 1.20 names a new table in
      // its MANIFEST before the table's directory entry is durable, and the power-cut test
      // (crash-state.test.ts) found a journal that no longer opens after a cut there.
      this.db = this.readAs(FORMAT_VERSION);
      this.upgradeAfter = null;
      this.upgradedFrom = from;
      await this.loadState();
    } catch (err) {
      if (isNoSpace(err)) {
        throw new RdmJournalError('JOURNAL_NO_SPACE', `journal ${this.location} ran out of disk space while being upgraded`,
          { hint: 'free space and run the command again: the upgrade resumes, and the journal is readable as before until it completes', cause: err });
      }
      throw err;
    } finally {
      await lock.close();
    }
  }

  /**
   * Format 1 to 2: writes the per-file index, checkpoints and counters from the ops, then the new
   * version. A crash midway leaves a format 1 journal with harmless extra keys, written again next time.
   */
  private async indexOps(): Promise<void> {
    const stats = emptyStats();
    let writes: BatchOp[] = [];
    for await (const op of this.readOps()) {
      if (op.file !== undefined) writes.push({ type: 'put', key: indexKey(op.file, op.seq), value: indexValue(op) });
      count(stats, op, op.seq);
      if (op.seq % UPGRADE_BATCH_OPS === 0) {
        writes.push({ type: 'put', key: seqKey(PREFIX.checkpoint, op.seq), value: packr.pack(stats.bytes) });
        await this.db.batch(writes);
        writes = [];
      }
    }
    writes.push({ type: 'put', key: seqKey(PREFIX.checkpoint, stats.head), value: packr.pack(stats.bytes) });
    writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'stats'), value: packr.pack(stats) });
    writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'format'), value: packr.pack({ version: INDEXED_VERSION, createdAt: this.createdAt, upgradedFrom: this.formatVersion }) });
    await this.db.batch(writes, { sync: true });
    this.formatVersion = INDEXED_VERSION;
  }

  /**
   * Ops LevelDB lost after they were committed: the notify file keeps the highest op seq any host
   * committed, and LevelDB drops a damaged log record when it opens the database (without paranoid
   * checks, which classic-level does not offer). Null when none are missing.
   */
  async lostOps(): Promise<{ from: Seq; to: Seq } | null> {
    const mark = Number(this.db.readMark());
    const head = await readHead(this.db);
    return mark > head ? { from: head + 1, to: mark } : null;
  }

  /** Which part this process plays in sharing the journal: 'host' serves the others. */
  get role(): 'host' | 'guest' | null { return this.db.role; }

  /** Reads the head again: another process (the recorder) may have appended since. */
  async refresh(): Promise<Seq> {
    if (this.formatVersion >= INDEXED_VERSION) await this.pruned();
    const head = await readHead(this.db);
    if (head > this.lastSeq) this.lastSeq = head;
    return this.lastSeq;
  }

  /**
   * Takes the journal's recorder lock: one recorder per journal, whichever process hosts it. Waits
   * up to RECORDER_LOCK_WAIT_MS for a recorder that is stopping. The recorder then hosts the
   * journal (the host hands over): its commits never wait on a reader's process, which may be
   * stopped. A stopped host that cannot hand over fails it with JOURNAL_HOST_STOPPED.
   */
  async lockForRecording(): Promise<void> {
    const lock = await takeLock(this.location, RECORDER_LOCK, RECORDER_LOCK_WAIT_MS).catch((err: unknown) => { throw openFailure(this.location, err); });
    if (!lock) {
      throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.location} is being recorded into by another recorder`,
        { hint: 'one recorder per journal: stop the other one, or give this source its own journal', detail: 'journal-recorded-by-another' });
    }
    this.recorderLock = lock;
    try {
      await this.db.claimHosting();
      // A recorder that just stopped may have appended since this journal was opened: what a
      // recorder builds on must be read under the lock.
      await this.loadState();
      await this.recoverData();
    } catch (err) {
      this.recorderLock = null;
      await lock.close();
      throw openFailure(this.location, err);
    }
  }

  /**
   * Format 3, the writer only, under the recorder lock: drops data file bytes no committed op
   * references (a crash between a data flush and its LevelDB batch), so appends resume at the
   * committed size.
   */
  private async recoverData(): Promise<void> {
    const live = new Map([...this.files.values()].map((state) => [state.createdSeq, state.size]));
    await this.data?.recover(live, (life) => this.startsLife(life));
  }

  /** Whether op `seq` is a committed create (a damaged op counts as one: data is never removed on a guess). */
  private async startsLife(seq: Seq): Promise<boolean> {
    const bytes = await this.db.get(opKey(seq));
    if (bytes === undefined) return false;
    try {
      return (packr.unpack(bytes) as { type?: unknown } | null)?.type === 'create';
    } catch {
      return true;
    }
  }

  /**
   * Whether a recorder (in any process) holds the recorder lock now: asked of the kernel, no
   * database opened. A stopped recorder still holds it; a killed one does not.
   */
  async isRecording(): Promise<boolean> {
    return this.recorderLock !== null || lockHeld(this.location, RECORDER_LOCK);
  }

  async close(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    for (const wake of this.waiters) wake();
    await this.recorderLock?.close();
    this.recorderLock = null;
    await this.data?.close();
    await this.db.close();
  }

  /** Wakes waiters after every commit, by any process (commit-notify.ts). */
  private watchCommits(): void {
    if (this.watcher) return;
    const wakeAll = () => {
      for (const wake of this.waiters) wake();
    };
    this.watcher = new CommitWatcher(this.location, wakeAll);
    this.db.on('reconnect', wakeAll); // a new host: a notification may have died with the old one
  }
}
















