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
import { decodeOp, encodeOp, type AppendOp, type JournalOp, type Op, type Seq } from './op.js';
import { DataFiles, decodeStoredOp, decodeStoredOpRef, type ReplayOp } from './data-files.js';
import { sealedLevel } from './sealed-level.js';
import { FileState, nextFileState } from '../file-state.js';
import { FORMAT_VERSION, JournalStats, PREFIX, Pruned, SourceIdentity, count, emptyPruned, emptyStats, indexKey, indexValue, loadFileStates, opKey, prefixed, readHead, readLastAt, readMeta, seqKey, seqOfKey } from './schema.js';
import { Db, hasLittleSpace, openDatabase, openFailure, prepareJournalDirectory, readOrWriteFormat, type JournalFormat } from './open.js';
import { RECORDER_LOCK, lockHeld, takeLock, type JournalLock } from './locks.js';
import { INDEXED_VERSION, indexOps, underUpgradeLocks, upgradeToSealed, type UpgradeProgress } from './upgrade.js';
import { FileIndex } from './file-index.js';
import { OpLookup } from './op-lookup.js';
import { TargetNotes } from './target-notes.js';
import { PruneSteps } from './prune-steps.js';
import { StoredRecords } from './stored-records.js';

export { FORMAT_VERSION, emptyPruned, indexFields, opKey } from './schema.js';
export type { UpgradeProgress } from './upgrade.js';
export type { FileLife, IndexEntry, JournalStats, OpStamp, Pruned, SourceIdentity, TargetNote } from './schema.js';
export type { FileState } from '../file-state.js';

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
  /** The per-file index: a file's ops (none read), its lives, the files at an op (file-index.ts). */
  readonly index = new FileIndex(this, () => this.db);
  /** Ops and their stamps at or around a seq, bytes appended up to one (op-lookup.ts). */
  readonly lookup = new OpLookup(this, () => this.db);
  /** Where replays' targets are, for status (target-notes.ts). */
  readonly targets = new TargetNotes(() => this.db);
  /** Every record as stored, for verify (stored-records.ts). */
  readonly stored = new StoredRecords(() => this.db);
  /** What a prune does to the journal, step by step (prune-steps.ts). */
  readonly prune = new PruneSteps(this, () => this.db, (pruned) => { this.pruning = pruned; });

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
    prepareJournalDirectory(where, options.create ?? false);
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
      if (isNoSpace(err)) throw this.outOfSpace(err);
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

  /**
   * Format 3: writes an append's bytes into its life's data file ahead of the batch that will hold
   * it (DataFiles.writeAhead: the caller vouches that `life` is the op's settled life).
   */
  async writeAhead(op: AppendOp, life: Seq): Promise<void> {
    try {
      await this.data?.writeAhead(op, life);
    } catch (err) {
      throw isNoSpace(err) ? this.outOfSpace(err) : err;
    }
  }

  private outOfSpace(err: unknown): RdmJournalError {
    return new RdmJournalError('JOURNAL_NO_SPACE', `journal ${this.location} is out of disk space: ${(err as Error).message}`,
      { hint: 'free space (or move the journal) and start again: nothing half-written is kept, the source is reconciled on restart', cause: err });
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

  /**
   * Brings a format 1 or 2 journal to format 3 in place, under the recorder and prune locks: 1 is
   * indexed to 2 first (indexOps), then upgrade.ts moves op bytes to data files and seals every
   * record. Killed at any point, the journal reads as its old format, or is refused with the hint
   * to run the upgrade again, which resumes it.
   */
  private async upgrade(onProgress?: (progress: UpgradeProgress) => void): Promise<void> {
    const from = this.formatVersion;
    await underUpgradeLocks({ location: this.location, version: from, lockForPruning: (waitMs) => this.prune.lock(waitMs),
      steps: async () => {
        if (this.formatVersion < INDEXED_VERSION) {
          await indexOps(this.db, this.readOps(), this.createdAt, this.formatVersion);
          this.formatVersion = INDEXED_VERSION;
        }
        await upgradeToSealed({ db: this.raw, location: this.location, createdAt: this.createdAt, from: this.formatVersion,
          resumeAfter: this.upgradeAfter, head: await readHead(this.raw), onProgress });
      },
      switchOver: async () => {
        // No compactRange here to return the old values' space at once: LevelDB 1.20 names a new table in
        // its MANIFEST before the table's directory entry is durable, and the power-cut test
        // (crash-state.test.ts) found a journal that no longer opens after a cut there.
        this.db = this.readAs(FORMAT_VERSION);
        this.upgradeAfter = null;
        this.upgradedFrom = from;
        await this.loadState();
      } });
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
