/**
 * The recorder: turns what happens in a source directory into ordered ops in the journal.
 *
 * It opens every file the moment it appears and holds the descriptor, so bytes appended just
 * before the engine deletes a file are still read (Linux keeps an unlinked file readable through an
 * open descriptor). Work happens in passes; each pass looks at the files events named (or at every
 * file, after an overflow) and records, in this order:
 *   1. appends of already-recorded files, to their end (so pack N is complete before N+1 exists
 *      in the journal: the engine never appends to N once N+1 exists, and N+1 was opened first);
 *   2. files that shrank (resync + delete), and files whose name now holds another inode (delete);
 *   3. new files, ascending: create, then their bytes;
 *   4. deletes of files that are gone, ascending;
 *   5. resync markers for files that came and went before they could be opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { RdmJournalError, isErrnoException } from './errors.js';
import type { Journal, FileState, SourceIdentity } from './journal.js';
import { MAX_APPEND_BYTES, checksum, makeAppend, type Op, type ResyncReason } from './op.js';
import { compareFileNames } from './packfile.js';
import { Watcher } from './watcher.js';

const read = promisify(fs.read);
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
/** Ops are committed in batches of about this many bytes: bounded memory, few fsyncs. */
const BATCH_BYTES = 4 * 1024 * 1024;

/** An open descriptor on a source file, and how much of it the journal holds (or will, once flushed). */
interface Handle {
  name: string;
  fd: number;
  ino: number;
  size: number;
  /** False until its create op is recorded. */
  recorded: boolean;
}

export interface RecorderStats {
  passes: number; ops: number; appendedBytes: number; created: number; deleted: number; resyncs: number; overflows: number;
}

export interface RecorderOptions {
  journal: Journal;
  source: SourceIdentity;
  /** Called for events a person should hear about: resyncs, overflows. */
  warn?: (message: string) => void;
  /** fsync each journal batch (default true). */
  sync?: boolean;
}

export class Recorder {
  readonly stats: RecorderStats = { passes: 0, ops: 0, appendedBytes: 0, created: 0, deleted: 0, resyncs: 0, overflows: 0 };
  /** Rejects when recording cannot go on (source gone, journal write failed). */
  readonly failed: Promise<never>;

  private readonly journal: Journal;
  private readonly source: SourceIdentity;
  private readonly dir: string;
  private readonly warn: (message: string) => void;
  private readonly sync: boolean;
  private readonly handles: Handle[] = [];
  private readonly pending = new Set<string>();
  /** Names announced as created that were gone before they could be opened. */
  private readonly missed = new Set<string>();
  private readonly readBuffer = Buffer.allocUnsafe(MAX_APPEND_BYTES);
  private watcher: Watcher | null = null;
  private overflowed = false;
  private goneReason: string | null = null;
  private stopping = false;
  private error: Error | null = null;
  private running: Promise<void> | null = null;
  private busy = false;
  private rejectFailed!: (err: Error) => void;

  constructor(options: RecorderOptions) {
    this.journal = options.journal;
    this.source = options.source;
    this.dir = options.source.path;
    this.warn = options.warn ?? (() => {});
    this.sync = options.sync ?? true;
    this.failed = new Promise<never>((_, reject) => { this.rejectFailed = reject; });
    this.failed.catch(() => {}); // observed through `failed` by whoever cares
  }

  /**
   * Binds the journal to the source, starts watching (before looking, so nothing falls between),
   * reconciles what the journal holds with what the source holds, and records the current state.
   */
  async start(): Promise<void> {
    await this.journal.bindSource(this.source);
    this.watcher = new Watcher(this.dir, {
      look: (name, appeared) => this.look(name, appeared),
      rescan: () => { this.overflowed = true; this.schedule(); },
      gone: (why) => { this.goneReason ??= why; this.schedule(); },
    });
    this.busy = true; // events arriving meanwhile wait in `pending`: passes never overlap
    try {
      await this.reconcile();
      await this.pass(true);
    } catch (err) {
      this.closeAll();
      throw err;
    } finally {
      this.busy = false;
    }
    this.schedule();
  }

  /** Records everything present in the source at this moment, then releases the directory. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    try {
      if (!this.error) await this.pass(true);
    } finally {
      this.closeAll();
    }
    if (this.error) throw this.error;
  }

  /** Waits until every event received so far has been recorded (for tests and `--once`). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
    if (this.error) throw this.error;
  }

  private look(name: string, appeared: boolean): void {
    // Open now, in the event callback: the engine may delete the file soon.
    if (appeared && this.openIfNew(name) === 'absent') this.missed.add(name);
    this.pending.add(name);
    this.schedule();
  }

  private schedule(): void {
    if (this.busy || this.stopping || this.error) return;
    this.busy = true;
    this.running = this.drainEvents().finally(() => { this.busy = false; this.running = null; });
  }

  private async drainEvents(): Promise<void> {
    try {
      while (!this.error && !this.stopping && (this.pending.size > 0 || this.overflowed || this.goneReason)) {
        if (this.goneReason) return await this.recordUntilGone(this.goneReason);
        const full = this.overflowed;
        this.overflowed = false;
        await this.pass(full, full ? 'overflow' : undefined);
      }
    } catch (err) {
      this.fail(err as Error);
    }
  }

  private async recordUntilGone(why: string): Promise<void> {
    const writer = this.writer();
    for (const handle of this.sorted(this.handles.filter((h) => h.recorded))) await this.drain(handle, writer);
    await writer.flush();
    this.fail(new RdmJournalError('SOURCE_GONE', `source ${this.dir} is no longer watchable: ${why}`,
      { hint: 'every byte written before that is in the journal; restart `rdm-journal record` once the directory is back' }));
  }

  private fail(err: Error): void {
    if (this.error) return;
    this.error = err;
    this.rejectFailed(err);
  }

  /** Compares the journal's file states with the source after a restart; marks every difference. */
  private async reconcile(): Promise<void> {
    const writer = this.writer();
    const states = [...this.journal.fileStates()].sort(([a], [b]) => compareFileNames(a, b));
    for (const [name, state] of states) {
      const opened = this.openIfNew(name);
      const handle = typeof opened === 'object' ? opened : null;
      const found = handle ? await this.compareWithState(handle, state) : 'vanished';
      if (handle && found === null) {
        handle.size = state.size;
        handle.recorded = true;
        continue;
      }
      const foundSize = handle ? fs.fstatSync(handle.fd).size : undefined;
      await writer.add(this.resync(found ?? 'changed', name, state.size, foundSize));
      await writer.add({ type: 'delete', at: Date.now(), file: name, size: state.size });
    }
    await writer.flush();
  }

  private async compareWithState(handle: Handle, state: FileState): Promise<ResyncReason | null> {
    if (handle.ino !== state.ino) return 'replaced';
    const size = fs.fstatSync(handle.fd).size;
    if (size < state.size) return 'shrunk';
    return (await tailMatches(handle.fd, state)) ? null : 'changed';
  }

  /**
   * After an event that brought no new bytes: were bytes below the recorded size rewritten? Only
   * the last recorded append is compared (the engine never writes below the end; this catches a
   * file rewritten in place by something else, as far as its last append reaches).
   */
  private async changedInPlace(handle: Handle): Promise<boolean> {
    const state = this.journal.fileState(handle.name);
    if (!state || state.ino !== handle.ino || state.size !== handle.size) return false; // newer bytes not yet committed
    return !(await tailMatches(handle.fd, state));
  }

  private async pass(full: boolean, reason?: 'overflow'): Promise<void> {
    this.stats.passes += 1;
    const writer = this.writer();
    if (reason === 'overflow') {
      this.stats.overflows += 1;
      await writer.add(this.resync('overflow', undefined, undefined, undefined));
    }
    const names = full ? this.listSource() : new Set(this.pending);
    this.pending.clear();
    for (const name of names) this.openIfNew(name);
    const missed = [...this.missed].filter((name) => !this.handles.some((h) => h.name === name)).sort(compareFileNames);
    this.missed.clear();
    // Files opened from here on (by event callbacks during the awaits below) wait for the next
    // pass: their creation may only be recorded after a drain that started after they existed.
    const fresh = this.handles.filter((h) => !h.recorded);
    const looked = this.handles.filter((h) => h.recorded && (full || fresh.length > 0 || names.has(h.name)));
    const gone = new Set([...looked, ...fresh].filter((h) => !this.isPresent(h)));

    for (const handle of this.sorted(looked)) {
      const before = handle.size;
      const shrunk = await this.drain(handle, writer);
      const changed = shrunk === null && handle.size === before && names.has(handle.name) && await this.changedInPlace(handle);
      if (shrunk !== null || changed) {
        await writer.add(shrunk !== null
          ? this.resync('shrunk', handle.name, handle.size, shrunk)
          : this.resync('changed', handle.name, handle.size, handle.size));
        await this.recordDelete(handle, writer, { close: false });
        handle.recorded = false;
        handle.size = 0;
        fresh.push(handle);
      } else if (gone.has(handle) && fresh.some((h) => h.name === handle.name)) {
        // Its name now holds a new file: the old one, read to its end, goes first. Nothing was lost.
        await this.recordDelete(handle, writer, { close: true });
        gone.delete(handle);
      }
    }
    for (const handle of this.sorted(fresh)) {
      await writer.add({ type: 'create', at: Date.now(), file: handle.name, ino: handle.ino });
      this.stats.created += 1;
      handle.recorded = true;
      await this.drain(handle, writer);
    }
    for (const handle of this.sorted([...gone])) await this.recordDelete(handle, writer, { close: true });
    for (const name of missed) await writer.add(this.resync('missed', name, undefined, undefined));
    await writer.flush();
  }

  /** Reads a file from its recorded size to its end; returns its size if it shrank below that. */
  private async drain(handle: Handle, writer: OpWriter): Promise<number | null> {
    const size = fs.fstatSync(handle.fd).size;
    if (size < handle.size) return size;
    for (;;) {
      const { bytesRead } = await read(handle.fd, this.readBuffer, 0, MAX_APPEND_BYTES, handle.size);
      if (bytesRead === 0) return null;
      await writer.add(makeAppend(handle.name, handle.size, Buffer.from(this.readBuffer.subarray(0, bytesRead))));
      handle.size += bytesRead;
      this.stats.appendedBytes += bytesRead;
    }
  }

  private async recordDelete(handle: Handle, writer: OpWriter, { close }: { close: boolean }): Promise<void> {
    await writer.add({ type: 'delete', at: Date.now(), file: handle.name, size: handle.size });
    this.stats.deleted += 1;
    if (close) {
      fs.closeSync(handle.fd);
      this.handles.splice(this.handles.indexOf(handle), 1);
    }
  }

  private resync(reason: ResyncReason, file: string | undefined, recordedSize: number | undefined, foundSize: number | undefined): Op {
    const detail = describeResync(reason, file, recordedSize, foundSize);
    this.stats.resyncs += 1;
    this.warn(detail);
    return { type: 'resync', at: Date.now(), reason, detail,
      ...(file === undefined ? {} : { file }),
      ...(recordedSize === undefined ? {} : { recordedSize }),
      ...(foundSize === undefined ? {} : { foundSize }) };
  }

  /**
   * Opens `name` unless a handle already holds the inode it names. Symlinks (O_NOFOLLOW), FIFOs
   * (O_NONBLOCK, so the open cannot hang), devices and sub-directories are left alone.
   */
  private openIfNew(name: string): Handle | 'absent' | null {
    let fd: number;
    try {
      fd = fs.openSync(path.join(this.dir, name), OPEN_FLAGS);
    } catch (err) {
      if (isErrnoException(err, 'ENOENT')) return 'absent';
      if (isErrnoException(err, 'ELOOP') || isErrnoException(err, 'ENXIO')) return null;
      throw new RdmJournalError('IO_ERROR', `cannot open ${path.join(this.dir, name)}: ${(err as Error).message}`,
        { hint: 'the recorder must be able to read every file in the source directory', cause: err });
    }
    const stats = fs.fstatSync(fd);
    const known = this.handles.find((h) => h.name === name && h.ino === stats.ino);
    if (!stats.isFile() || known) {
      fs.closeSync(fd);
      return known ?? null;
    }
    const handle: Handle = { name, fd, ino: stats.ino, size: 0, recorded: false };
    this.handles.push(handle);
    return handle;
  }

  private isPresent(handle: Handle): boolean {
    try {
      return fs.lstatSync(path.join(this.dir, handle.name)).ino === handle.ino;
    } catch (err) {
      if (isErrnoException(err, 'ENOENT')) return false;
      throw err;
    }
  }

  private listSource(): Set<string> {
    const names = new Set(this.handles.map((h) => h.name));
    for (const entry of fs.readdirSync(this.dir, { withFileTypes: true })) {
      if (entry.isFile()) names.add(entry.name);
    }
    return names;
  }

  private sorted(handles: Handle[]): Handle[] {
    return handles.sort((a, b) => compareFileNames(a.name, b.name));
  }

  private writer(): OpWriter {
    return new OpWriter(this.journal, this.sync, this.stats);
  }

  /** Releases the watch and every descriptor; safe to call more than once. */
  close(): void {
    this.closeAll();
  }

  private closeAll(): void {
    this.watcher?.close();
    for (const handle of this.handles.splice(0)) fs.closeSync(handle.fd);
  }
}

async function tailMatches(fd: number, state: FileState): Promise<boolean> {
  if (state.tailLength === 0) return true;
  const tail = Buffer.allocUnsafe(state.tailLength);
  const { bytesRead } = await read(fd, tail, 0, state.tailLength, state.tailOffset);
  return bytesRead === state.tailLength && checksum(tail) === state.tailCrc;
}

/**
 * Collects ops and commits them in bounded batches, so memory stays flat for any pack size. One
 * batch may be in flight while the next is filled: reading the source overlaps LevelDB's write.
 */
class OpWriter {
  private ops: Op[] = [];
  private bytes = 0;
  private inflight: Promise<void> = Promise.resolve();

  constructor(private readonly journal: Journal, private readonly sync: boolean, private readonly stats: RecorderStats) {}

  async add(op: Op): Promise<void> {
    this.ops.push(op);
    this.bytes += op.type === 'append' ? op.data.length : 64;
    if (this.bytes >= BATCH_BYTES) await this.commit();
  }

  /** Resolves once every op added so far is in the journal. */
  async flush(): Promise<void> {
    await this.commit();
    await this.inflight;
  }

  /** Waits for the batch in flight (the journal assigns seqs one batch at a time), then starts this one. */
  private async commit(): Promise<void> {
    await this.inflight;
    if (this.ops.length === 0) return;
    const ops = this.ops;
    this.ops = [];
    this.bytes = 0;
    this.inflight = this.journal.append(ops, { sync: this.sync }).then(() => { this.stats.ops += ops.length; });
    this.inflight.catch(() => {}); // surfaced by the next commit or flush
  }
}

function describeResync(reason: ResyncReason, file: string | undefined, recorded?: number, found?: number): string {
  switch (reason) {
    case 'vanished': return `${file} disappeared while not watched; bytes after ${recorded} may be lost`;
    case 'shrunk': return `${file} shrank from ${recorded} to ${found} bytes; recorded again from offset 0`;
    case 'replaced': return `${file} now names another file; the old one is deleted and the new one recorded`;
    case 'changed': return `${file} changed below its recorded size ${recorded}; recorded again from offset 0`;
    case 'missed': return `${file} appeared and disappeared before it could be opened; its content is lost`;
    case 'overflow': return 'the kernel dropped inotify events (queue overflow); rescanning the source';
  }
}
