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
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import { IN_CLOSE_WRITE, IN_MODIFY, IN_Q_OVERFLOW, Inotify } from './inotify/index.js';
import { NOTIFY_NAME, SOCKET_NAME, SharedLevel } from './shared-level.js';
import { packr } from './msgpack.js';
import { RdmJournalError, isErrnoException, isLevelLocked, isNoSpace } from './errors.js';
import { decodeOp, encodeOp, type JournalOp, type Op, type Seq } from './op.js';

export const FORMAT_VERSION = 1;
/**
 * LevelDB's memtable size. Appends are up to 1 MiB each; with the default 4 MiB the memtable is
 * flushed every few ops. 16 MiB took a 250 MiB snapshot from 2.2 s to 1.4 s (tools/bench-capture.ts).
 */
const WRITE_BUFFER_BYTES = 16 * 1024 * 1024;

export interface SourceIdentity { path: string; dev: number; ino: number }

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

const PREFIX = { meta: 0x6d, op: 0x6f, file: 0x66 } as const; // 'm', 'o', 'f'
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

export function opKey(seq: Seq): Uint8Array {
  const key = Buffer.alloc(9);
  key[0] = PREFIX.op;
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
}

function prefixed(prefix: number, name: string): Uint8Array {
  const body = utf8.encode(name);
  const key = new Uint8Array(body.length + 1);
  key[0] = prefix;
  key.set(body, 1);
  return key;
}

function seqOfKey(key: Uint8Array): Seq {
  return Number(Buffer.from(key.buffer, key.byteOffset, key.byteLength).readBigUInt64BE(1));
}

type Db = SharedLevel;
/** A tiny LevelDB whose lock says "a recorder is recording into this journal" (it dies with the process). */
const RECORDER_LOCK = 'recorder.lock';
/** Entries of a journal directory that are not LevelDB's. */
const OWN_ENTRIES = new Set([SOCKET_NAME, NOTIFY_NAME, RECORDER_LOCK]);

export interface OpenOptions {
  /** Create the journal when the directory is absent or empty (the recorder does; readers do not). */
  create?: boolean;
}

export class Journal {
  readonly location: string;
  private readonly db: Db;
  private files = new Map<string, FileState>();
  private lastSeq: Seq = 0;
  private boundSource: SourceIdentity | null = null;
  private readonly waiters = new Set<() => void>();
  private watcher: Inotify | null = null;
  private recorderLock: Level | null = null;
  /** `at` of the head op: ops are stamped no earlier, so `at` never decreases (see resolveUntil). */
  private lastAt = 0;
  /** When the journal was created (ms since the epoch): with the source, tells one journal from another. */
  readonly createdAt: number;

  private constructor(location: string, db: Db, createdAt: number) {
    this.location = location;
    this.db = db;
    this.createdAt = createdAt;
  }

  /** Reads what a writer builds on: file states, head, the head's time, the bound source. */
  private async loadState(): Promise<void> {
    this.files = await loadFileStates(this.db);
    this.lastSeq = await readHead(this.db);
    this.lastAt = await readLastAt(this.db, this.lastSeq);
    this.boundSource = await readMeta<SourceIdentity>(this.db, 'source');
  }

  static async open(location: string, options: OpenOptions = {}): Promise<Journal> {
    const where = path.resolve(location);
    const isNew = checkJournalDirectory(where, options.create ?? false);
    if (isNew) mkdirSync(where, { recursive: true, mode: 0o700 });
    keepPrivate(where);
    const db = new SharedLevel(where, { createIfMissing: isNew, writeBufferSize: WRITE_BUFFER_BYTES });
    try {
      await db.open();
    } catch (err) {
      throw openFailure(where, err);
    }
    try {
      const createdAt = await readOrWriteFormat(db, where, options.create ?? false);
      const journal = new Journal(where, db, createdAt);
      await journal.loadState();
      return journal;
    } catch (err) {
      await db.close();
      throw err;
    }
  }

  get head(): Seq { return this.lastSeq; }
  get source(): SourceIdentity | null { return this.boundSource; }

  fileState(name: string): FileState | undefined { return this.files.get(name); }
  /** Every file the journal believes is in the source, by name. */
  fileStates(): ReadonlyMap<string, FileState> { return this.files; }

  /**
   * Ties the journal to one source directory. The first call records it; later calls refuse any
   * other directory, by path or by device and inode (a directory restored elsewhere is another source).
   */
  async bindSource(source: SourceIdentity): Promise<void> {
    const known = this.boundSource;
    if (known === null) {
      await this.db.batch([{ type: 'put', key: prefixed(PREFIX.meta, 'source'), value: packr.pack(source) }], { sync: true });
      this.boundSource = source;
      return;
    }
    if (known.path !== source.path || known.dev !== source.dev || known.ino !== source.ino) {
      throw new RdmJournalError('JOURNAL_SOURCE_MISMATCH',
        `journal ${this.location} records ${known.path} (device ${known.dev}, inode ${known.ino}), ` +
        `not ${source.path} (device ${source.dev}, inode ${source.ino})`,
        { hint: 'give this source its own journal with --journal DIR' });
    }
  }

  /**
   * Appends ops in one atomic batch with the file states they imply, and returns the last seq.
   * `sync` makes the batch durable before the promise resolves (fsync of LevelDB's log).
   */
  async append(ops: readonly Op[], { sync = true } = {}): Promise<Seq> {
    if (ops.length === 0) return this.lastSeq;
    const files = new Map<string, FileState | null>();
    const state = (name: string) => (files.has(name) ? files.get(name) ?? undefined : this.files.get(name));
    const writes: { type: 'put' | 'del'; key: Uint8Array; value?: Uint8Array }[] = [];
    let seq = this.lastSeq;
    let lastAt = this.lastAt;
    for (const given of ops) {
      seq += 1;
      const op = given.at >= lastAt ? given : { ...given, at: lastAt }; // the clock stepped back
      lastAt = op.at;
      if (op.type !== 'resync') files.set(op.file, nextFileState(op, seq, state(op.file)));
      writes.push({ type: 'put', key: opKey(seq), value: encodeOp(op) });
    }
    for (const [name, fileState] of files) {
      const key = prefixed(PREFIX.file, name);
      writes.push(fileState ? { type: 'put', key, value: packr.pack(fileState) } : { type: 'del', key });
    }
    // Another writer would reuse our seqs and overwrite its ops: refuse rather than corrupt.
    if ((await this.db.get(opKey(this.lastSeq + 1))) !== undefined) {
      throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.location} has op ${this.lastSeq + 1} written by another process`,
        { hint: 'one writer per journal: stop the other recorder and run this one again' });
    }
    try {
      await this.db.batch(writes as never, { sync });
    } catch (err) {
      if (isNoSpace(err)) {
        throw new RdmJournalError('JOURNAL_NO_SPACE', `journal ${this.location} is out of disk space: ${(err as Error).message}`,
          { hint: 'free space (or move the journal) and start again: nothing half-written is kept, the source is reconciled on restart', cause: err });
      }
      throw err;
    }
    for (const [name, fileState] of files) {
      if (fileState) this.files.set(name, fileState);
      else this.files.delete(name);
    }
    this.lastSeq = seq;
    this.lastAt = lastAt;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    return seq;
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
    return decodeOp(seq, bytes);
  }

  /** Ops with after < seq <= upTo, in order; a missing seq in the range is JOURNAL_CORRUPT. */
  async *readOps({ after = 0, upTo = Number.MAX_SAFE_INTEGER }: { after?: Seq; upTo?: Seq } = {}): AsyncGenerator<JournalOp> {
    let expected = after + 1;
    for await (const [key, value] of this.db.iterator({ gt: opKey(after), lte: opKey(upTo) })) {
      const seq = seqOfKey(key);
      if (seq !== expected) {
        throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${this.location} has no op ${expected} (next is ${seq})`,
          { hint: 'the journal was damaged; restore it from a copy, or start a new journal' });
      }
      expected += 1;
      yield decodeOp(seq, value);
    }
  }

  /** Which part this process plays in sharing the journal: 'host' serves the others. */
  get role(): 'host' | 'guest' | null { return this.db.role; }

  /** Reads the head again: another process (the recorder) may have appended since. */
  async refresh(): Promise<Seq> {
    const head = await readHead(this.db);
    if (head > this.lastSeq) this.lastSeq = head;
    return this.lastSeq;
  }

  /**
   * Takes the journal's recorder lock: one recorder per journal, whichever process hosts it.
   * Retries briefly, so a `status` probing the lock never makes a recorder fail.
   */
  async lockForRecording(): Promise<void> {
    const lock = new Level(path.join(this.location, RECORDER_LOCK));
    for (const started = Date.now(); ;) {
      try {
        await lock.open();
        this.recorderLock = lock;
        // A recorder that just stopped may have appended since this journal was opened: what a
        // recorder builds on must be read under the lock.
        await this.loadState();
        return;
      } catch (err) {
        if (!isLevelLocked(err)) throw openFailure(this.location, err);
        if (Date.now() - started > 1000) {
          throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.location} is being recorded into by another recorder`,
            { hint: 'one recorder per journal: stop the other one, or give this source its own --journal' });
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  /** Whether a recorder (in any process) holds the recorder lock now. */
  async isRecording(): Promise<boolean> {
    if (this.recorderLock) return true;
    const lock = new Level(path.join(this.location, RECORDER_LOCK));
    try {
      await lock.open();
      await lock.close();
      return false;
    } catch (err) {
      if (isLevelLocked(err)) return true;
      throw err;
    }
  }

  async close(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    for (const wake of this.waiters) wake();
    await this.recorderLock?.close();
    this.recorderLock = null;
    await this.db.close();
  }

  /** Watches `<journal>/notify`, which the host rewrites after every commit, to wake waiters. */
  private watchCommits(): void {
    if (this.watcher) return;
    const wakeAll = () => {
      for (const wake of this.waiters) wake();
    };
    this.watcher = new Inotify((events) => {
      if (events.some((e) => e.name === NOTIFY_NAME || (e.mask & IN_Q_OVERFLOW) !== 0)) wakeAll();
    });
    this.watcher.addWatch(this.location, IN_MODIFY | IN_CLOSE_WRITE);
    this.db.on('reconnect', wakeAll); // a new host: a notification may have died with the old one
  }
}

/** The state `op` leaves its file in; null once deleted. */
function nextFileState(op: Exclude<Op, { type: 'resync' }>, seq: Seq, current: FileState | undefined): FileState | null {
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

/** Returns whether the journal is new; refuses a path that cannot hold a journal. */
function checkJournalDirectory(where: string, create: boolean): boolean {
  let entries: string[];
  try {
    if (!statSync(where).isDirectory()) {
      throw new RdmJournalError('JOURNAL_UNUSABLE', `journal path ${where} is not a directory`,
        { hint: 'point --journal (or $RDM_JOURNAL) at a directory, or at a path that does not exist yet' });
    }
    entries = readdirSync(where);
  } catch (err) {
    if (err instanceof RdmJournalError) throw err;
    if (isErrnoException(err, 'ENOENT')) {
      if (create) return true;
      throw new RdmJournalError('JOURNAL_NOT_FOUND', `no journal at ${where}`,
        { hint: 'run `rdm-journal record SOURCE` first, or point --journal (or $RDM_JOURNAL) at an existing journal' });
    }
    throw new RdmJournalError('JOURNAL_UNUSABLE', `journal path ${where} cannot be read: ${(err as Error).message}`,
      { hint: 'check the permissions of the journal directory', cause: err });
  }
  entries = entries.filter((name) => !OWN_ENTRIES.has(name));
  if (entries.length === 0) {
    if (create) return true;
    throw new RdmJournalError('JOURNAL_NOT_FOUND', `${where} is an empty directory, not a journal`,
      { hint: 'run `rdm-journal record SOURCE` first' });
  }
  if (!existsSync(path.join(where, 'CURRENT'))) {
    throw new RdmJournalError('JOURNAL_UNUSABLE', `${where} is not empty and is not a journal (no LevelDB CURRENT file)`,
      { hint: 'choose an empty or new directory for --journal' });
  }
  return false;
}

/** The journal holds copies of the database: only its owner may read it or reach its socket. */
function keepPrivate(where: string): void {
  try {
    chmodSync(where, 0o700);
  } catch (err) {
    throw new RdmJournalError('JOURNAL_UNUSABLE', `journal ${where} cannot be made private (chmod 700): ${(err as Error).message}`,
      { hint: 'run as the journal directory\'s owner', cause: err });
  }
}

function openFailure(where: string, err: unknown): RdmJournalError {
  const cause = (err as { cause?: unknown }).cause ?? err;
  if (isNoSpace(err)) {
    return new RdmJournalError('JOURNAL_NO_SPACE', `journal ${where} cannot be opened: its disk is full (${(cause as Error).message})`,
      { hint: 'free space and run the command again', cause: err });
  }
  if (isLevelLocked(err)) {
    return new RdmJournalError('JOURNAL_LOCKED', `journal ${where} is held by a process that does not share it (LevelDB lock held, no ${SOCKET_NAME})`,
      { hint: 'an older rdm-journal is using it: stop that process, or use another --journal', cause: err });
  }
  if (isErrnoException(cause, 'LEVEL_CORRUPTION')) {
    return new RdmJournalError('JOURNAL_CORRUPT', `journal ${where} is damaged: ${(cause as Error).message}`,
      { hint: 'restore the journal from a copy, or start a new journal', cause: err });
  }
  return new RdmJournalError('JOURNAL_UNUSABLE', `journal ${where} cannot be opened: ${(cause as Error).message}`,
    { hint: 'check that the directory is writable and on a local filesystem', cause: err });
}

async function readMeta<T>(db: Db, name: string): Promise<T | null> {
  const bytes = await db.get(prefixed(PREFIX.meta, name));
  return bytes === undefined ? null : (packr.unpack(bytes) as T);
}

/** Checks (or, for a new journal, writes) the format record; returns when the journal was created. */
async function readOrWriteFormat(db: Db, where: string, create: boolean): Promise<number> {
  const format = await readMeta<{ version?: unknown; createdAt?: unknown }>(db, 'format');
  if (format === null) {
    // A database with no key at all is a journal whose creation was cut short (killed, disk full).
    const empty = await isEmpty(db);
    if (empty && !create) {
      throw new RdmJournalError('JOURNAL_NOT_FOUND', `${where} is a journal that was never initialised`,
        { hint: 'run `rdm-journal record SOURCE` with this --journal first' });
    }
    if (!empty) {
      throw new RdmJournalError('JOURNAL_CORRUPT', `${where} is a LevelDB database without a journal format record`,
        { hint: 'it is not an rdm-journal journal; choose another --journal' });
    }
    const createdAt = Date.now();
    await db.batch([{ type: 'put', key: prefixed(PREFIX.meta, 'format'), value: packr.pack({ version: FORMAT_VERSION, createdAt }) }], { sync: true });
    return createdAt;
  }
  const version = format.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${where} has an unreadable format version ${JSON.stringify(version)}`);
  }
  if (version > FORMAT_VERSION) {
    throw new RdmJournalError('JOURNAL_VERSION',
      `journal ${where} is format version ${version}; this rdm-journal reads versions 1 to ${FORMAT_VERSION}`,
      { hint: 'upgrade rdm-journal to read this journal' });
  }
  return typeof format.createdAt === 'number' ? format.createdAt : 0;
}

async function loadFileStates(db: Db): Promise<Map<string, FileState>> {
  const files = new Map<string, FileState>();
  for await (const [key, value] of db.iterator({ gte: Uint8Array.of(PREFIX.file), lt: Uint8Array.of(PREFIX.file + 1) })) {
    files.set(fromUtf8.decode(key.subarray(1)), packr.unpack(value) as FileState);
  }
  return files;
}

/** `at` of the head op, read leniently: a damaged op is reported by whoever reads it, not by open. */
async function readLastAt(db: Db, head: Seq): Promise<number> {
  if (head === 0) return 0;
  try {
    const at = (packr.unpack((await db.get(opKey(head)))!) as { at?: unknown }).at;
    return typeof at === 'number' && Number.isFinite(at) ? at : 0;
  } catch {
    return 0;
  }
}

async function isEmpty(db: Db): Promise<boolean> {
  for await (const _ of db.keys({ limit: 1 })) return false;
  return true;
}

async function readHead(db: Db): Promise<Seq> {
  for await (const key of db.keys({ gte: opKey(0), lt: Uint8Array.of(PREFIX.op + 1), reverse: true, limit: 1 })) {
    return seqOfKey(key);
  }
  return 0;
}
