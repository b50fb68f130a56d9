/**
 * Format 3's data files: the bytes of append ops live beside LevelDB, not inside it (key-value
 * separation as in WiscKey and BlobDB). One append-only file per file life, named by the life's
 * create seq, holds the bytes at the pack's own offsets: a life's data file is an image of the pack
 * as recorded. LevelDB stays the authority: a byte is in the journal only when a committed append op
 * references it. Layout: journal-format/README.md section 13.
 *
 * Invariants:
 * - write-ahead: a batch's bytes are written and fdatasync'ed, and `data/` fsync'ed when a file was
 *   created, before the LevelDB batch that references them is written (DataBatch.flush, then the
 *   caller's batch). A crash between leaves bytes no op references: a tail past a life's committed
 *   size, or a whole file whose create op never committed. The writer removes both when it takes the
 *   recorder lock (`recover`), before it writes anything;
 * - readers read only ranges named by committed ops, so never past a committed length, and check
 *   every range against its CRC-32C before use;
 * - a life's file is unlinked only after the LevelDB batch removing the life is durable (retention),
 *   so no committed op ever references a missing file; a crash between leaves an orphan for `recover`.
 */
import { constants } from 'node:fs';
import { mkdir, open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { RdmJournalError, isErrnoException } from '../errors.js';
import { packr } from './msgpack.js';
import { MAX_APPEND_BYTES, decodeOp, type AppendOp, type JournalOp, type Op, type Seq } from './op.js';
import { isSafeFileName } from '../packfile.js';
import { isDamaged } from './sealed-level.js';
import { copyRange, crc32c, startWriteback } from '../native/index.js';

/** The journal's subdirectory of data files. */
export const DATA_DIR = 'data';
/** Data file names are the life's create seq in this many decimal digits: fixed width sorts by seq. */
const NAME_DIGITS = 20;
const DATA_NAME = /^\d{20}$/;
/** Data files the writer keeps open: the packs being appended to are few; the rest are reopened. */
const MAX_WRITE_HANDLES = 32;
/** Data files a reader keeps open (replay reads one or two lives at a time, `cat` one). */
const MAX_READ_HANDLES = 16;

export function dataFileName(life: Seq): string {
  return String(life).padStart(NAME_DIGITS, '0');
}

/**
 * CRC-32C (Castagnoli) of a data range, as an unsigned 32-bit integer. Chosen over zlib's CRC-32
 * because CPUs compute it in hardware (SSE 4.2 `crc32`: the binding's crc32c checks GB/s),
 * so every read can verify every byte it returns.
 */
export function dataChecksum(data: Uint8Array): number {
  return crc32c(data) >>> 0;
}

/**
 * A format 3 append as replay reads it: where its bytes are in its life's data file (at the pack's
 * own offset) instead of the bytes, which are copied to the target in the kernel (DataFiles.copy).
 */
export interface AppendRefOp { type: 'append'; seq: Seq; at: number; file: string; offset: number; length: number; crc: number; life: Seq; crc32c: number }
/** An op as replay applies it: format 3 appends by reference, older formats' with their bytes. */
export type ReplayOp = JournalOp | AppendRefOp;

/** Bytes an append adds, whichever way it carries them. */
export function appendLength(op: AppendOp | AppendRefOp): number {
  return 'data' in op ? op.data.length : op.length;
}

/**
 * Set to 1 to copy with pread and pwrite instead of copy_file_range: for tests of the fallback the
 * kernel takes on filesystems that cannot copy (EXDEV, EOPNOTSUPP...), and for measurements.
 */
export const NO_COPY_FILE_RANGE_ENV = 'RDM_JOURNAL_NO_COPY_FILE_RANGE';

/** An append op as format 3 stores it: the data's place instead of the data. */
interface StoredAppend { type: 'append'; at: number; file: string; offset: number; length: number; life: Seq; crc: number; crc32c: number }

const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function corrupt(message: string): RdmJournalError {
  return new RdmJournalError('JOURNAL_CORRUPT', message,
    { hint: 'the journal was damaged or written by another program; restore it from a copy, or start a new journal' });
}

export class DataFiles {
  readonly dir: string;
  /** The writer's open files, by life, least recently used first. */
  private readonly writing = new Map<Seq, FileHandle>();
  /** Read handles by life, shared by concurrent reads (one open per life) and closed only when no read uses them. */
  private readonly reading = new Map<Seq, ReadEntry>();
  /** Reused by check(): a batch's largest run (bounded by the replayer's batch size). */
  private checkBuffer = Buffer.alloc(0);
  private dirExists = false;
  /**
   * Appends whose bytes were written ahead of their batch (writeAhead), with the life they went to:
   * their batch fdatasyncs that file instead of writing them again.
   */
  private readonly writtenAhead = new WeakMap<AppendOp, Seq>();
  /** A data file was created by writeAhead since `data/` was last fsynced. */
  private createdAhead = false;

  constructor(journalDir: string) {
    this.dir = path.join(journalDir, DATA_DIR);
  }

  pathOf(life: Seq): string {
    return path.join(this.dir, dataFileName(life));
  }

  /** A batch of appends to write ahead of one LevelDB batch. */
  batch(): DataBatch {
    return new DataBatch(this);
  }

  /** Opens (creating when absent) a life's file for writing; says whether it was created. */
  async openForWriting(life: Seq): Promise<[FileHandle, boolean]> {
    const known = this.writing.get(life);
    if (known) {
      this.writing.delete(life);
      this.writing.set(life, known);
      return [known, false];
    }
    await this.ensureDir();
    let handle: FileHandle;
    let created = true;
    try {
      handle = await open(this.pathOf(life), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (err) {
      if (!isErrnoException(err, 'EEXIST')) throw err;
      handle = await open(this.pathOf(life), constants.O_WRONLY);
      created = false;
    }
    this.writing.set(life, handle);
    return [handle, created];
  }

  /**
   * Writes an append's bytes into its life's file now, before its batch is built: the recorder
   * calls this while it reads, so the bytes are in the page cache (and on their way to disk) when
   * the batch's commit flushes them, instead of being written inside the commit. Only for a life
   * already committed and not ended or restarted by an op still to commit (the caller's rule):
   * the batch then puts the op in this same life. Bytes written ahead of a batch that never commits
   * lie past the life's committed size, where readers never look and `recover` cuts them.
   */
  async writeAhead(op: AppendOp, life: Seq): Promise<void> {
    const [handle, created] = await this.openForWriting(life);
    await writeAllAt(handle, [op.data], op.offset);
    startWriteback(handle.fd, op.offset, op.data.length);
    this.createdAhead ||= created;
    this.writtenAhead.set(op, life);
  }

  /** The life `op`'s bytes were written ahead to (undefined if they were not). */
  lifeWrittenAhead(op: AppendOp): Seq | undefined {
    return this.writtenAhead.get(op);
  }

  /** Whether a data file was created ahead since `data/` was last fsynced; clears it. */
  takeCreatedAhead(): boolean {
    const created = this.createdAhead;
    this.createdAhead = false;
    return created;
  }

  /** Creates `data/` and makes its entry in the journal directory durable (once per process). */
  private async ensureDir(): Promise<void> {
    if (this.dirExists) return;
    try {
      await mkdir(this.dir, { mode: 0o700 });
      await fsyncDirectory(path.dirname(this.dir));
    } catch (err) {
      if (!isErrnoException(err, 'EEXIST')) throw err;
    }
    this.dirExists = true;
  }

  async syncDir(): Promise<void> {
    await fsyncDirectory(this.dir);
  }

  /** Closes the writer's files of lives that ended (deleted): their bytes are complete and synced. */
  async endLives(lives: Iterable<Seq>): Promise<void> {
    for (const life of lives) {
      const handle = this.writing.get(life);
      this.writing.delete(life);
      await handle?.close();
    }
    while (this.writing.size > MAX_WRITE_HANDLES) {
      const [life, handle] = this.writing.entries().next().value as [Seq, FileHandle];
      this.writing.delete(life);
      await handle.close();
    }
  }

  /**
   * Open-time recovery, by the writer under the recorder lock, before it writes: truncates each
   * live life's file to its committed size (bytes of a batch that never committed) and removes
   * files of lives whose create op is not committed (a batch that never committed, or a life
   * pruned just before a crash).
   */
  async recover(liveSizes: ReadonlyMap<Seq, number>, isCommittedLife: (life: Seq) => Promise<boolean>): Promise<{ truncated: Seq[]; removed: Seq[] }> {
    const result = { truncated: [] as Seq[], removed: [] as Seq[] };
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isErrnoException(err, 'ENOENT')) return result;
      throw err;
    }
    for (const name of names) {
      if (!DATA_NAME.test(name)) continue; // not ours: left alone
      const life = Number(name);
      const size = liveSizes.get(life);
      if (size !== undefined) {
        if ((await stat(this.pathOf(life))).size <= size) continue;
        const handle = await open(this.pathOf(life), constants.O_WRONLY);
        try {
          await handle.truncate(size);
          await handle.datasync();
        } finally {
          await handle.close();
        }
        result.truncated.push(life);
      } else if (!(await isCommittedLife(life))) {
        await unlink(this.pathOf(life));
        result.removed.push(life);
      }
    }
    if (result.removed.length > 0) await this.syncDir();
    return result;
  }

  /** Unlinks the files of pruned lives: only once the batch removing their ops is durable. */
  async remove(lives: readonly Seq[]): Promise<void> {
    let removed = 0;
    for (const life of lives) {
      await this.dropReader(life);
      try {
        await unlink(this.pathOf(life));
        removed += 1;
      } catch (err) {
        if (!isErrnoException(err, 'ENOENT')) throw err; // a life with no append has no file
      }
    }
    if (removed > 0) await this.syncDir();
  }

  /** The bytes of one committed append, checked against their CRC-32C. */
  async read(seq: Seq, life: Seq, offset: number, length: number, crc: number): Promise<Uint8Array> {
    const data = Buffer.allocUnsafe(length);
    const got = await this.withReader(seq, life, async (handle) => {
      let got = 0;
      while (got < length) {
        const { bytesRead } = await handle.read(data, got, length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got;
    });
    const where = this.pathOf(life);
    if (got < length) throw corrupt(`journal data file ${where} ends at byte ${offset + got}, but op ${seq} has bytes ${offset}..${offset + length} there`);
    if (dataChecksum(data) !== crc) throw corrupt(`journal data file ${where} has other bytes at ${offset}..${offset + length} than op ${seq} wrote (CRC-32C mismatch)`);
    return data;
  }

  /**
   * Copies the bytes of `ops` (appends of one life, each starting where the one before ended) to
   * `fd` at the same offsets, on the threadpool: each op's range is read and checked against its
   * CRC-32C before any of it is written, then copied in the kernel. A range that is short or
   * fails its check is JOURNAL_CORRUPT naming the data file, the op and the range; the ops before
   * it were copied, none after.
   */
  /**
   * Checks every op's bytes against its CRC-32C, before a batch writes anything to a target: a
   * damaged range stops the replay before the batch, with the target as its cursor says (the copy
   * checks again what it copies). One read per run of contiguous ops of a life, from page cache.
   */
  async check(ops: readonly AppendRefOp[]): Promise<void> {
    for (let i = 0; i < ops.length;) {
      let end = i + 1;
      while (end < ops.length && ops[end]!.life === ops[i]!.life && ops[end]!.offset === ops[end - 1]!.offset + ops[end - 1]!.length) end += 1;
      await this.checkRun(ops.slice(i, end));
      i = end;
    }
  }

  private async checkRun(run: readonly AppendRefOp[]): Promise<void> {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const length = last.offset + last.length - first.offset;
    if (this.checkBuffer.length < length) this.checkBuffer = Buffer.allocUnsafe(length);
    const buffer = this.checkBuffer;
    const held = await this.withReader(first.seq, first.life, async (handle) => {
      let held = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, held, length - held, first.offset + held);
        held += bytesRead;
        if (bytesRead === 0 || held === length) return held;
      }
    });
    const where = this.pathOf(first.life);
    for (const op of run) {
      const at = op.offset - first.offset;
      const range = `${op.offset}..${op.offset + op.length}`;
      if (at + op.length > held) throw corrupt(`journal data file ${where} ends at byte ${first.offset + held}, but op ${op.seq} has bytes ${range} there`);
      if (crc32c(buffer.subarray(at, at + op.length)) !== op.crc32c) {
        throw corrupt(`journal data file ${where} has other bytes at ${range} than op ${op.seq} wrote (CRC-32C mismatch); nothing of this batch was written to the target`);
      }
    }
  }

  async copy(ops: readonly AppendRefOp[], fd: number): Promise<{ kernelBytes: number; writtenBytes: number }> {
    const first = ops[0];
    if (!first) return { kernelBytes: 0, writtenBytes: 0 };
    const lengths = Uint32Array.from(ops, (op) => op.length);
    const crcs = Uint32Array.from(ops, (op) => op.crc32c);
    const where = this.pathOf(first.life);
    let result;
    try {
      result = await this.withReader(first.seq, first.life, (handle) => copyRange(handle.fd, first.offset, fd, first.offset, lengths, crcs, process.env[NO_COPY_FILE_RANGE_ENV] === '1'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).syscall !== 'pread') throw err; // the target's write: the caller names the target
      throw new RdmJournalError('IO_ERROR', `reading journal data file ${where} failed: ${(err as Error).message}`,
        { hint: 'check the journal\'s disk, then run the same replay again: it resumes from its cursor', cause: err });
    }
    const bad = ops[result.bad];
    if (bad) {
      const range = `${bad.offset}..${bad.offset + bad.length}`;
      throw corrupt(result.foundBytes < bad.length
        ? `journal data file ${where} ends at byte ${bad.offset + result.foundBytes}, but op ${bad.seq} has bytes ${range} there`
        : `journal data file ${where} has other bytes at ${range} than op ${bad.seq} wrote (CRC-32C mismatch); nothing of them was written to the target`);
    }
    return { kernelBytes: result.kernelBytes, writtenBytes: result.writtenBytes };
  }

  /** Runs `use` with a read handle on a life's data file: opened once per life, closed when evicted and unused. */
  private async withReader<T>(seq: Seq, life: Seq, use: (handle: FileHandle) => Promise<T>): Promise<T> {
    let entry = this.reading.get(life);
    if (!entry) {
      const path = this.pathOf(life);
      const handle = open(path, constants.O_RDONLY).catch((err: unknown) => {
        this.reading.delete(life);
        if (isErrnoException(err, 'ENOENT')) throw corrupt(`journal data file ${path} is missing (op ${seq} has bytes in it)`);
        throw err;
      });
      entry = { handle, users: 0, dropped: false };
      this.reading.set(life, entry);
    }
    entry.users += 1;
    try {
      return await use(await entry.handle);
    } finally {
      entry.users -= 1;
      if (entry.dropped && entry.users === 0) await closeQuietly(entry);
      for (const [oldLife, old] of this.reading) { // the least recently opened idle ones go first
        if (this.reading.size <= MAX_READ_HANDLES) break;
        if (old.users === 0) await this.dropReader(oldLife);
      }
    }
  }

  /** Forgets a life's read handle; closes it now, or when its last read ends. */
  private async dropReader(life: Seq): Promise<void> {
    const entry = this.reading.get(life);
    if (!entry) return;
    this.reading.delete(life);
    entry.dropped = true;
    if (entry.users === 0) await closeQuietly(entry);
  }

  async close(): Promise<void> {
    const handles = [...this.writing.values()];
    this.writing.clear();
    await Promise.all([...this.reading.keys()].map((life) => this.dropReader(life)));
    await Promise.all(handles.map((handle) => handle.close()));
  }
}

interface ReadEntry { handle: Promise<FileHandle>; users: number; dropped: boolean }

/** Closes a dropped read handle; one that never opened has nothing to close. */
async function closeQuietly(entry: ReadEntry): Promise<void> {
  const handle = await entry.handle.catch(() => undefined);
  await handle?.close();
}

/** An append's format 3 value: where its bytes are in its life's data file, and their CRC-32C (the upgrade writes it too). */
export function storedAppend(op: AppendOp, life: Seq): Uint8Array {
  const stored: StoredAppend = { type: 'append', at: op.at, file: op.file, offset: op.offset, length: op.data.length, life, crc: op.crc, crc32c: dataChecksum(op.data) };
  return packr.pack(stored);
}

/** The appends of one LevelDB batch: staged while the batch is built, flushed before it is written. */
export class DataBatch {
  /** Contiguous runs of bytes per life (a life's appends in one batch are contiguous). */
  private runs: { life: Seq; offset: number; length: number; parts: Uint8Array[] }[] = [];
  private readonly ended: Seq[] = [];
  /** Lives whose bytes were written ahead: flushed (fdatasync), not written. */
  private readonly synced = new Set<Seq>();

  constructor(private readonly files: DataFiles) {}

  /** Stages an op of life `life` and returns its format 3 encoding. */
  add(op: Op, life: Seq): Uint8Array {
    if (op.type === 'delete') this.ended.push(life);
    if (op.type !== 'append') return packr.pack(op);
    const ahead = this.files.lifeWrittenAhead(op);
    if (ahead !== undefined) {
      if (ahead !== life) throw new Error(`journal invariant: op bytes written ahead to life ${ahead} belong to life ${life}`);
      this.synced.add(life);
      return storedAppend(op, life);
    }
    const last = this.runs[this.runs.length - 1];
    if (last && last.life === life && last.offset + last.length === op.offset) {
      last.parts.push(op.data);
      last.length += op.data.length;
    } else {
      this.runs.push({ life, offset: op.offset, length: op.data.length, parts: [op.data] });
    }
    return storedAppend(op, life);
  }

  /**
   * Writes the staged bytes at their offsets; with `sync`, fdatasyncs every file written and fsyncs
   * `data/` if a file was created. Must complete before the LevelDB batch is written.
   */
  async flush(sync: boolean): Promise<void> {
    const touched = new Set<FileHandle>();
    let created = false;
    for (const run of this.runs) {
      const [handle, isNew] = await this.files.openForWriting(run.life);
      created ||= isNew;
      await writeAllAt(handle, run.parts, run.offset);
      touched.add(handle);
    }
    this.runs = [];
    for (const life of this.synced) touched.add((await this.files.openForWriting(life))[0]);
    if (!sync) return;
    const createdAhead = this.files.takeCreatedAhead(); // taken before the fsync below, which covers it
    await Promise.all([...touched].map((handle) => handle.datasync()));
    if (created || createdAhead) await this.files.syncDir();
  }

  /** After the LevelDB batch committed: closes the files of lives it ended. */
  async committed(): Promise<void> {
    await this.files.endLives(this.ended);
  }
}

async function writeAllAt(handle: FileHandle, parts: Uint8Array[], position: number): Promise<void> {
  let left = parts;
  while (left.length > 0) {
    const { bytesWritten } = await handle.writev(left, position);
    position += bytesWritten;
    let skip = bytesWritten;
    let i = 0;
    while (i < left.length && skip >= left[i]!.length) skip -= left[i++]!.length;
    left = left.slice(i);
    if (skip > 0) left[0] = left[0]!.subarray(skip);
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Decodes a stored op of a format 3 journal: an append gets its `data` from its life's data file,
 * checked against the op's CRC-32C; other ops are as in format 2. Anything malformed is
 * JOURNAL_CORRUPT.
 */
export async function decodeStoredOp(seq: Seq, bytes: Uint8Array, files: DataFiles): Promise<JournalOp> {
  const stored = decodeStored(seq, bytes);
  if (!('life' in stored)) return stored;
  const data = await files.read(seq, stored.life, stored.offset, stored.length, stored.crc32c);
  const op: AppendOp = { type: 'append', at: stored.at, file: stored.file, offset: stored.offset, data, crc: stored.crc };
  return { ...op, seq };
}

/** A stored format 3 op: an append as stored (by reference), any other op decoded as in format 2. */
function decodeStored(seq: Seq, bytes: Uint8Array): JournalOp | StoredAppend {
  if (isDamaged(bytes)) throw corrupt(`journal op ${seq} is unreadable: it ${bytes.damaged}`);
  let value: unknown;
  try {
    value = packr.unpack(bytes);
  } catch {
    return decodeOp(seq, bytes); // reports the msgpack error
  }
  if ((value as { type?: unknown } | null)?.type !== 'append') return decodeOp(seq, bytes);
  const problem = findStoredAppendProblem(value as Record<string, unknown>);
  if (problem) throw corrupt(`journal op ${seq} is unreadable: ${problem}`);
  return value as StoredAppend;
}

/**
 * Decodes a stored op for replay: as decodeStoredOp, except that a format 3 append is not read
 * from its data file but returned by reference (checked when it is copied: DataFiles.copy).
 */
export function decodeStoredOpRef(seq: Seq, bytes: Uint8Array): ReplayOp {
  const stored = decodeStored(seq, bytes);
  if (!('life' in stored)) return stored;
  const { at, file, offset, length, crc, life, crc32c } = stored;
  return { type: 'append', seq, at, file, offset, length, crc, life, crc32c };
}

/** What is wrong with a stored format 3 append, or null. */
export function findStoredAppendProblem(op: Record<string, unknown>): string | null {
  if (typeof op.at !== 'number' || !Number.isFinite(op.at)) return 'field "at" is not a number';
  if (!isSafeFileName(op.file)) return `file name ${JSON.stringify(op.file)} is not a single path component`;
  if (op.data !== undefined) return 'a format 3 append carries "data" (its bytes belong in a data file)';
  if (!isUint(op.offset)) return 'field "offset" is not an unsigned integer';
  if (!isUint(op.length) || op.length === 0 || op.length > MAX_APPEND_BYTES) return `field "length" is not 1 to ${MAX_APPEND_BYTES}`;
  if (!isUint(op.life) || op.life === 0) return 'field "life" is not a seq';
  if (!isUint(op.crc) || op.crc > 0xffffffff) return 'field "crc" is not a CRC-32';
  if (!isUint(op.crc32c) || op.crc32c > 0xffffffff) return 'field "crc32c" is not a CRC-32C';
  return null;
}
