/**
 * A replay target: a directory the journal's ops are applied to, with its own durable cursor.
 *
 * The cursor lives in the target's control database (cursor.ts), locked for one writer.
 *
 * Crash safety: before a batch is applied the cursor records `applying: <last seq of the batch>`;
 * after its bytes are fsynced the cursor moves to that seq. The write that moves it also records
 * the next batch's `applying` when the replayer already read that batch: one synced cursor write
 * per batch. Applying is idempotent from the cursor:
 * creates truncate, appends write at their offset, deletes ignore a missing file. So after a crash
 * the batch is applied again, and only files the batch touched may differ from the cursor's record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { RdmJournalError, isErrnoException } from '../errors.js';
import { checksum, type Seq } from '../journal/op.js';
import { fsyncDirectory } from '../durable.js';
import { makeDirectories } from '../paths.js';
import { compareFileNames, isSafeFileName } from '../packfile.js';
import type { AppendRefOp, ReplayOp } from '../journal/data-files.js';
import { applyChange, changeOf } from '../file-state.js';
import { RUN_BYTES, joinRun, startRun, writeFully, writevFully, type AppendRun } from './append-runs.js';
import { CONTROL_DIR, CursorStore, writeFailure, type Cursor, type JournalIdentity, type TargetFile } from './cursor.js';

const fdatasync = promisify(fs.fdatasync);

/** One file of a rebuilt target: its mode, size, and its appends in order (format 3's by reference). */
export interface RebuildFile {
  name: string;
  mode: number;
  size: number;
  appends: AsyncIterable<{ offset: number; data: Uint8Array; crc: number } | AppendRefOp>;
}

export interface ApplyOptions {
  /** Keep deleted files, whole, on the target. */
  noDelete?: boolean;
  /** The journal's retention horizon: seqs up to it may be missing (pruned lives), others not. */
  horizon?: Seq;
  /** Copies appends given by reference (format 3's data files); needed when `ops` hold any. */
  data?: DataCopier | null;
  /**
   * The batch that follows this one, if the replayer has it (null if none): its `applying` is
   * recorded with this batch's cursor, so that the next apply needs no write of its own first.
   */
  next?: () => Promise<readonly ReplayOp[] | null>;
}

/** Copies appends of one life, held in a data file, to a target file at their offsets (DataFiles.copy). */
export interface DataCopier {
  check(ops: readonly AppendRefOp[]): Promise<void>;
  copy(ops: readonly AppendRefOp[], fd: number): Promise<unknown>;
}

/** The appends of a batch given by reference (format 3): their bytes are checked before any is written. */
function appendRefs(ops: readonly ReplayOp[]): AppendRefOp[] {
  return ops.filter((op): op is AppendRefOp => op.type === 'append' && !('data' in op));
}

export class Target {
  readonly dir: string;
  private readonly store: CursorStore;
  private cursor: Cursor;
  /** The batch whose bytes checkAhead already checked: its apply does not read them twice. */
  private checkedAhead: readonly ReplayOp[] | null = null;
  private readonly fds = new Map<string, number>();
  private readonly hadCursor: boolean;

  private constructor(dir: string, store: CursorStore, cursor: Cursor, hadCursor: boolean) {
    this.dir = dir;
    this.store = store;
    this.cursor = cursor;
    this.hadCursor = hadCursor;
  }

  /** Opens (creating if absent) and locks a target; refuses one made from another journal. */
  static async open(dir: string, journal: JournalIdentity): Promise<Target> {
    const where = path.resolve(dir);
    makeTargetDirectory(where);
    refuseForeignDirectory(where); // before the control directory exists: a refused target is left as found
    const { store, cursor, hadCursor } = await CursorStore.open(where, journal);
    return new Target(where, store, cursor, hadCursor);
  }

  get seq(): Seq { return this.cursor.seq; }
  /** The batch that was being applied when a previous replay stopped; null if none. */
  get applying(): Seq | null { return this.cursor.applying; }

  /**
   * Checks that the target holds what its cursor says, so nothing edited after the backup stopped
   * is overwritten. `window` is the batch that was being applied, if any: files it touched may be
   * anywhere between the cursor and the batch's end.
   */
  checkDivergence(window: readonly ReplayOp[]): void {
    const rewritten = new Set<string>();
    const appended = new Set<string>();
    for (const op of window) {
      if (op.type === 'create' || op.type === 'delete') rewritten.add(op.file);
      else if (op.type === 'append') appended.add(op.file);
    }
    const present = listTarget(this.dir);
    if (!this.hadCursor && present.size > 0) throw notEmpty(this.dir, present);
    const expected = this.cursor.files;
    const names = [...new Set([...present.keys(), ...Object.keys(expected)])].sort(compareFileNames);
    for (const name of names) {
      if (rewritten.has(name)) continue;
      const problem = this.findDifference(name, present.get(name), expected[name], appended.has(name));
      if (problem) {
        throw new RdmJournalError('TARGET_DIVERGED',
          `target ${this.dir} was changed after replay stopped at op ${this.cursor.seq}: ${name} ${problem}`,
          { hint: 'the target was used or edited; replay into a new directory (or restore this one from a copy)' });
      }
    }
  }

  private findDifference(name: string, found: fs.Stats | undefined, want: TargetFile | undefined, mayHaveGrown: boolean): string | null {
    if (!want) return 'is not in the journal at that op';
    if (!found) return `is missing (expected ${want.size} bytes)`;
    if (!found.isFile()) return 'is not a regular file';
    if (found.size !== want.size && !(mayHaveGrown && found.size > want.size)) return `is ${found.size} bytes, expected ${want.size}`;
    if (want.tailLength === 0) return null;
    const tail = Buffer.alloc(want.tailLength);
    const fd = fs.openSync(path.join(this.dir, name), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      fs.readSync(fd, tail, 0, want.tailLength, want.tailOffset);
    } finally {
      fs.closeSync(fd);
    }
    return checksum(tail) === want.tailCrc ? null : `has other bytes at ${want.tailOffset}..${want.tailOffset + want.tailLength}`;
  }

  /**
   * Applies a batch of consecutive ops: validates all of them against what the target holds
   * (nothing is written if one is wrong), records the intent (unless the previous batch's cursor
   * already did), writes, fsyncs, then moves the cursor. While its bytes go to disk, the next
   * batch's are read from the journal and checked (reads only: nothing of it is written before the
   * cursor that announces it is durable), so reading and writing overlap as in a plain copy.
   */
  async apply(ops: readonly ReplayOp[], { noDelete = false, horizon = 0, data = null, next }: ApplyOptions = {}): Promise<void> {
    if (ops.length === 0) return;
    const files = planBatch(this.cursor, ops, noDelete, horizon);
    const last = ops[ops.length - 1]!.seq;
    // Every byte the batch copies is checked before anything of it is written or announced.
    const refs = appendRefs(ops);
    if (refs.length > 0) {
      if (!data) throw new Error('target invariant: appends by reference without a data copier');
      if (this.checkedAhead !== ops) await data.check(refs);
    }
    this.checkedAhead = null;
    if (this.cursor.applying !== last) await this.saveCursor({ ...this.cursor, applying: last });
    let durable: Promise<void>;
    try {
      durable = (await this.write(ops, noDelete, data)).durable.catch((err: unknown) => { throw writeFailure(this.dir, err); });
    } catch (err) {
      throw writeFailure(this.dir, err);
    }
    durable.catch(() => {}); // awaited below; a failure is this batch's error, not an unhandled rejection
    const after: Cursor = { ...this.cursor, seq: last, applying: null, files, horizon };
    const [, applying] = await Promise.all([durable, this.checkAhead(after, next, noDelete, horizon, data)]);
    // Crash window: this write is the only one between two batches. It may announce the next batch
    // only because nothing of that batch is written before it is durable.
    await this.saveCursor({ ...after, applying });
  }

  /**
   * The last seq of the next batch, when it is known and valid after `after` (else null: its own
   * apply refuses it), its bytes checked meanwhile. A batch whose check fails is checked again,
   * and reported, by its own apply.
   */
  private async checkAhead(after: Cursor, next: ApplyOptions['next'], noDelete: boolean, horizon: Seq, data: DataCopier | null): Promise<Seq | null> {
    const ops = await next?.().catch(() => null);
    if (!ops || ops.length === 0) return null;
    try {
      planBatch(after, ops, noDelete, horizon);
    } catch {
      return null;
    }
    const refs = appendRefs(ops);
    if (refs.length > 0 && data) {
      try {
        await data.check(refs);
        this.checkedAhead = ops;
      } catch { /* its own apply checks again and reports it */ }
    }
    return ops[ops.length - 1]!.seq;
  }

  /**
   * Writes a validated batch's ops; `durable` resolves once they are on disk: fdatasync of every
   * file, fsync of the directory if names changed. Nothing else may touch the target meanwhile.
   */
  private async write(ops: readonly ReplayOp[], noDelete: boolean, data: DataCopier | null): Promise<{ durable: Promise<void> }> {
    const reset = lastResets(ops, noDelete);
    const touched = new Set<number>();
    let namesChanged = false;
    // Appends that continue each other on one file are gathered into one run: one pwritev of their
    // bytes (a write per op capped replay at ~15k ops/s on small ops, tools/bench.ts), or one copy
    // from their life's data file in the kernel.
    let run: AppendRun | null = null;
    const flushRun = async () => {
      const current = run;
      run = null;
      if (current?.kind === 'bytes') await writevFully(current.fd, current.parts, current.offset);
      else if (current?.kind === 'ref') {
        if (!data) throw new Error('target invariant: appends by reference without a data copier');
        await data.copy(current.ops, current.fd);
      }
    };
    for (const op of ops) {
      // What a file held before the batch's last create or delete of it is never needed; skipping
      // it also keeps a batch re-applied after a crash from writing to a file its first run
      // already unlinked.
      if (op.type !== 'resync' && op.seq < (reset.get(op.file) ?? 0)) continue;
      if (op.type !== 'append' && op.type !== 'resync') await flushRun();
      if (op.type === 'create') {
        this.closeFile(op.file);
        const fd = fs.openSync(this.pathOf(op.file), fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_NOFOLLOW, 0o600);
        // The source file's mode, whatever the umask (ops recorded before 0.2.0 carry none: 0644).
        fs.fchmodSync(fd, op.mode ?? 0o644);
        this.fds.set(op.file, fd);
        touched.add(fd);
        namesChanged = true;
      } else if (op.type === 'append') {
        const fd = this.openForAppend(op.file);
        touched.add(fd);
        const joined: AppendRun | null = run === null ? null : joinRun(run, fd, op);
        if (joined) run = joined;
        else {
          await flushRun();
          run = startRun(fd, op);
        }
      } else if (op.type === 'delete') {
        const fd = this.fds.get(op.file);
        if (fd !== undefined && noDelete) await fdatasync(fd); // a kept file must be whole on disk before we forget it
        this.closeFile(op.file);
        if (fd !== undefined) touched.delete(fd);
        if (!noDelete) unlinkIfPresent(this.pathOf(op.file));
        namesChanged = true;
      }
    }
    await flushRun();
    const durable = Promise.all([...touched].map((fd) => fdatasync(fd))).then(() => {
      if (namesChanged) fsyncDirectory(this.dir);
    });
    return { durable };
  }

  /** Moves the cursor over ops that retention removed (all of `seq`'s predecessors since the cursor). */
  async skipPruned(seq: Seq, horizon: Seq): Promise<void> {
    if (seq <= this.cursor.seq) return;
    await this.saveCursor({ ...this.cursor, seq, applying: null, horizon });
  }

  /** Where the cursor is and what it knows of retention: for the expiry check. */
  get cursorState(): Readonly<Cursor> { return this.cursor; }

  /**
   * `replay --resync`: makes the target hold exactly `files` (the journal's state after op `seq`),
   * whatever it held: other entries are removed, every file rewritten from its appends. With
   * `noDelete`, files kept from deleted lives stay (checked first: they must be as the cursor says).
   * Everything is checked before the first write. The cursor says `resyncing` meanwhile, so an
   * interrupted rebuild is only ever resumed by another.
   */
  async rebuild(files: readonly RebuildFile[], seq: Seq, horizon: Seq, { noDelete = false, data = null as DataCopier | null } = {}): Promise<{ files: number; bytes: number }> {
    for (const file of files) {
      if (!isSafeFileName(file.name) || file.name === CONTROL_DIR) {
        throw new RdmJournalError('JOURNAL_CORRUPT', `target ${this.dir} cannot be rebuilt with a file named ${JSON.stringify(file.name)}: not a file name a journal holds`,
          { hint: 'the journal was damaged or written by another program; nothing was written to the target' });
      }
    }
    const live = new Set(files.map((f) => f.name));
    const kept = noDelete ? this.checkKept(live) : {};
    await this.saveCursor({ ...this.cursor, applying: null, resyncing: true });
    for (const name of [...this.fds.keys()]) this.closeFile(name);
    const written: Record<string, TargetFile> = { ...kept };
    let bytes = 0;
    try {
      for (const [name] of listTarget(this.dir)) {
        if (!live.has(name) && !(name in kept)) fs.rmSync(this.pathOf(name), { recursive: true, force: true });
      }
      for (const file of files) {
        const fd = fs.openSync(this.pathOf(file.name), fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_NOFOLLOW, 0o600);
        try {
          fs.fchmodSync(fd, file.mode);
          let state: TargetFile = { size: 0, tailOffset: 0, tailLength: 0, tailCrc: 0 };
          // Appends by reference are copied in runs, as apply copies them.
          let run: AppendRefOp[] = [];
          let runBytes = 0;
          const copyRun = async () => {
            if (run.length === 0) return;
            if (!data) throw new Error('target invariant: appends by reference without a data copier');
            await data.copy(run, fd);
            run = [];
            runBytes = 0;
          };
          for await (const append of file.appends) {
            if (append.offset !== state.size) throw new Error(`rebuild invariant: ${file.name} append at ${append.offset}, planned at ${state.size}`);
            const length = 'data' in append ? append.data.length : append.length;
            if ('data' in append) {
              await copyRun();
              await writeFully(fd, append.data, append.offset);
            } else {
              if (run.length > 0 && (run[0]!.life !== append.life || runBytes + length > RUN_BYTES)) await copyRun();
              run.push(append);
              runBytes += length;
            }
            bytes += length;
            state = { size: append.offset + length, tailOffset: append.offset, tailLength: length, tailCrc: append.crc };
          }
          await copyRun();
          if (state.size !== file.size) throw new Error(`rebuild invariant: ${file.name} rebuilt to ${state.size} bytes, its state says ${file.size}`);
          await fdatasync(fd);
          written[file.name] = state;
        } finally {
          fs.closeSync(fd);
        }
      }
      fsyncDirectory(this.dir);
    } catch (err) {
      throw writeFailure(this.dir, err);
    }
    await this.saveCursor({ ...this.cursor, seq, applying: null, files: written, horizon, resyncing: false });
    return { files: files.length, bytes };
  }

  /**
   * The files this target keeps from deleted lives (`--no-delete`) that `live` does not replace,
   * each still as the cursor recorded it: a rebuild keeps them as they are, never rewrites them.
   */
  private checkKept(live: ReadonlySet<string>): Record<string, TargetFile> {
    const kept: Record<string, TargetFile> = {};
    const present = listTarget(this.dir);
    for (const [name, record] of Object.entries(this.cursor.files)) {
      if (!record.kept || live.has(name)) continue;
      const problem = this.findDifference(name, present.get(name), record, false);
      if (problem) {
        throw new RdmJournalError('TARGET_DIVERGED', `target ${this.dir} keeps ${name} from a deleted life, but ${name} ${problem}`,
          { hint: 'put the kept file back as it was, or rebuild the target deleting what the source deleted', detail: 'kept-file-changed' });
      }
      kept[name] = record;
    }
    return kept;
  }

  /** Releases the target: the writing note goes unless a batch is half-applied, the lock with it. */
  /** Best effort: it runs after failures (a full disk among them) and must not hide them. */
  async close(): Promise<void> {
    for (const name of [...this.fds.keys()]) this.closeFile(name);
    await this.store.close(this.cursor.applying === null);
  }

  private async saveCursor(cursor: Cursor): Promise<void> {
    this.cursor = await this.store.save(cursor);
  }

  private openForAppend(name: string): number {
    let fd = this.fds.get(name);
    if (fd === undefined) {
      const file = this.pathOf(name);
      const flags = fs.constants.O_WRONLY | fs.constants.O_NOFOLLOW;
      try {
        fd = fs.openSync(file, flags);
      } catch (err) {
        if (!isErrnoException(err, 'EACCES')) throw err;
        fd = openLifted(file, flags);
      }
      this.fds.set(name, fd);
    }
    return fd;
  }

  private closeFile(name: string): void {
    const fd = this.fds.get(name);
    if (fd === undefined) return;
    fs.closeSync(fd);
    this.fds.delete(name);
  }

  private pathOf(name: string): string {
    return path.join(this.dir, name);
  }
}

/**
 * Opens a file without owner write (a 0444 source file is copied with that mode): lifts the mode
 * to open it, then restores it. Through descriptors only: a chmod by path follows a symlink swapped
 * in after the failed open, and would change a file outside the target.
 */
function openLifted(file: string, flags: number): number {
  const held = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  try {
    const stats = fs.fstatSync(held);
    if (!stats.isFile()) throw new Error(`${file} is not a regular file`);
    const mode = stats.mode & 0o777;
    fs.fchmodSync(held, mode | 0o200);
    let fd: number;
    try {
      fd = fs.openSync(file, flags);
    } finally {
      fs.fchmodSync(held, mode);
    }
    const opened = fs.fstatSync(fd);
    if (opened.dev !== stats.dev || opened.ino !== stats.ino) {
      fs.closeSync(fd);
      throw new Error(`${file} was replaced while it was being opened`);
    }
    return fd;
  } finally {
    fs.closeSync(held);
  }
}

/**
 * What the target will hold after `ops`, or JOURNAL_CORRUPT naming the first op that cannot apply.
 * Names were already checked by decodeOp; here the sequence itself is checked.
 */
function planBatch(cursor: Cursor, ops: readonly ReplayOp[], noDelete: boolean, horizon: Seq): Record<string, TargetFile> {
  const files: Record<string, TargetFile> = { ...cursor.files };
  let expected = cursor.seq + 1;
  for (const op of ops) {
    const refuse = (why: string) => new RdmJournalError('JOURNAL_CORRUPT', `journal op ${op.seq} (${op.type}${'file' in op ? ' ' + op.file : ''}) cannot be applied: ${why}`,
      { hint: 'the journal was damaged or written by another program; nothing of this batch was written to the target' });
    // Seqs up to the retention horizon may be missing: lives pruned whole.
    if (op.seq < expected || (op.seq !== expected && op.seq - 1 > horizon)) throw refuse(`expected op ${expected} next`);
    expected = op.seq + 1;
    if (op.type === 'resync') continue;
    if (op.file === CONTROL_DIR) throw refuse(`${CONTROL_DIR} is reserved for the target's cursor`);
    const current = files[op.file];
    const live = current && !current.kept ? current : undefined; // a kept file is gone from the source: created again, it starts over
    const { tail, problem } = applyChange(live, changeOf(op));
    if (problem === 'exists') throw refuse('the file already exists');
    if (problem === 'absent') throw refuse('the file does not exist');
    if (problem === 'not-contiguous' && op.type === 'append') throw refuse(`offset ${op.offset} is not the file's size ${live!.size}`);
    if (problem === 'wrong-size' && op.type === 'delete') throw refuse(`it gives size ${op.size}, the file has ${live!.size}`);
    if (tail) files[op.file] = tail;
    else if (noDelete) files[op.file] = { ...live!, kept: true };
    else delete files[op.file];
  }
  return files;
}

/**
 * For each file: the seq of its last create in the batch, or of its last delete (unless deleted
 * files are kept): the ops on it before that point cannot matter to what the batch leaves.
 */
function lastResets(ops: readonly ReplayOp[], noDelete: boolean): Map<string, Seq> {
  const reset = new Map<string, Seq>();
  for (const op of ops) {
    if (op.type === 'create' || (op.type === 'delete' && !noDelete)) reset.set(op.file, op.seq);
  }
  return reset;
}

function notEmpty(where: string, present: ReadonlyMap<string, unknown>): RdmJournalError {
  const first = [...present.keys()].sort(compareFileNames)[0]!;
  return new RdmJournalError('TARGET_NOT_EMPTY', `target ${where} holds files (${first}, ...) but was never written by a replay`,
    { hint: 'replay into an empty or new directory; this one may be a live database' });
}

/** A directory with entries and no control directory was not made by replay: touch nothing in it. */
export function refuseForeignDirectory(where: string): void {
  if (!fs.existsSync(where)) return;
  let entries: string[];
  try {
    entries = fs.readdirSync(where);
  } catch (err) {
    throw new RdmJournalError('TARGET_UNUSABLE', `target ${where} cannot be read: ${(err as Error).message}`,
      { hint: 'run as a user who can read and write the target directory', cause: err });
  }
  if (entries.length > 0 && !entries.includes(CONTROL_DIR)) throw notEmpty(where, new Map(entries.map((e) => [e, e])));
}

/** Creates the target directory if absent; returns what it is (its device and inode tell targets apart). */
export function makeTargetDirectory(where: string): fs.Stats {
  let stats: fs.Stats;
  try {
    makeDirectories(where);
    stats = fs.statSync(where);
  } catch (err) {
    throw new RdmJournalError('TARGET_UNUSABLE', `target ${where} cannot be created: ${(err as Error).message}`,
      { hint: 'give a directory path you can write to', cause: err });
  }
  if (!stats.isDirectory()) {
    throw new RdmJournalError('TARGET_UNUSABLE', `target ${where} is not a directory`, { hint: 'give a directory path for the target', detail: 'target-not-directory' });
  }
  return stats;
}

/** The target's entries other than its control directory, by name (lstat: links are not followed). */
function listTarget(dir: string): Map<string, fs.Stats> {
  const entries = new Map<string, fs.Stats>();
  for (const name of fs.readdirSync(dir)) {
    if (name !== CONTROL_DIR) entries.set(name, fs.lstatSync(path.join(dir, name)));
  }
  return entries;
}

function unlinkIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (err) {
    if (!isErrnoException(err, 'ENOENT')) throw err;
  }
}
