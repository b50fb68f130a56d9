/**
 * The recorder: turns what happens in a source directory into ordered ops in the journal.
 *
 * It opens every file the moment it appears and holds the descriptor, so bytes appended just
 * before the engine deletes a file are still read (Linux keeps an unlinked file readable through an
 * open descriptor). Work happens in passes, one at a time; each looks at the files events named (or
 * at every file: at start, after an overflow, on stop) and records, in this order:
 *   1. the new bytes of recorded files, to their end: pack N is complete before pack N+1's create,
 *      because N+1 was opened before this read began and the engine never appends to N after
 *      creating N+1. A file that shrank or whose last recorded bytes changed is marked (resync),
 *      deleted and recorded again from offset 0 in step 2;
 *   2. new files, ascending: create, then their bytes (an older file of the same name is deleted
 *      first);
 *   3. deletes of files that are gone, ascending;
 *   4. resync markers for files that came and went before they could be opened.
 */
import fs from 'node:fs';
import { constants as osConstants } from 'node:os';

const { ENOENT, ELOOP, ENXIO } = osConstants.errno;
/** A gap of more packs than this is one resync naming the range, not one per pack. */
const MAX_NAMED_MISSES = 10_000;
import { RdmJournalError } from '../errors.js';
import type { Journal, SourceIdentity } from '../journal/journal.js';
import { JournalWriter } from './journal-writer.js';
import { makeAppend, type DeleteOp, type Op, type ResyncReason } from '../journal/op.js';
import { compareFileNames, packNumber } from '../packfile.js';
import { ReadBuffers, SourceFile } from './source-file.js';
import { Watcher } from './watcher.js';

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
  private readonly files: SourceFile[] = [];
  /** Files whose delete is recorded but maybe not committed yet: still open (see forget). */
  private readonly deleted = new Set<SourceFile>();
  private readonly pending = new Set<string>();
  /** Names announced as created that were gone before they could be opened. */
  private readonly missed = new Set<string>();
  /** Deletes found at restart, recorded after the first pass's reads (as the engine deletes last). */
  private deferredDeletes: DeleteOp[] = [];
  private readonly readBuffers = new ReadBuffers();
  /**
   * One writer for the whole run (group commit): a pass hands its ops over and returns while they
   * are committed, so the next pass reads while the previous one's batch is flushed.
   */
  private readonly journalWriter: JournalWriter;
  private watcher: Watcher | null = null;
  private overflowed = false;
  private goneReason: string | null = null;
  /** Why the watch broke: no event comes any more, so recording cannot go on. */
  private blind: Error | null = null;
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
    this.journalWriter = new JournalWriter(this.journal, this.sync, (ops) => { this.stats.ops += ops; }, (err) => this.fail(err));
  }

  /**
   * Binds the journal to the source, starts watching (before looking, so nothing falls between),
   * reconciles what the journal holds with what the source holds, and records the current state.
   */
  async start(): Promise<void> {
    await this.journal.lockForRecording(); // one recorder per journal, whichever process hosts it
    this.recordedBefore = this.journal.source !== null;
    await this.journal.bindSource(this.source);
    this.watcher = new Watcher(this.dir, {
      look: (name, appeared, fd) => this.look(name, appeared, fd),
      rescan: () => { this.overflowed = true; this.schedule(); },
      gone: (why) => { this.goneReason ??= why; this.schedule(); },
      broken: (err) => { this.blind ??= err; this.schedule(); },
    });
    this.busy = true; // events arriving meanwhile wait in `pending`: passes never overlap
    try {
      await this.reconcile();
      await this.pass(true);
      await this.writer().flush(); // the snapshot is in the journal when start() resolves
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
    // What already happened (an overflow among it, after the process was frozen) is taken in first.
    await this.watcher?.settle();
    this.stopping = true;
    await this.running;
    try {
      // An overflow still pending (events dropped while the process was frozen, then SIGTERM) is
      // marked in this last pass like in any other.
      if (!this.error) {
        await this.pass(true, this.overflowed ? 'overflow' : undefined);
        await this.writer().flush();
      }
    } finally {
      this.closeAll();
    }
    if (this.error) throw this.error;
  }

  /** Releases the watch and every descriptor; safe to call more than once. */
  close(): void {
    this.closeAll();
  }

  /**
   * Runs in the inotify callback: open at once, since the engine may delete the file soon. A file
   * that appeared comes already opened by the binding's thread (`fd`), the moment it appeared.
   */
  private look(name: string, appeared: boolean, fd?: number): void {
    try {
      if (appeared && this.openAppeared(name, fd) === 'absent') this.missed.add(name);
      else if (!appeared && fd !== undefined && fd >= 0) fs.closeSync(fd);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
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
      while (!this.error && !this.stopping && (this.pending.size > 0 || this.overflowed || this.goneReason || this.blind)) {
        if (this.goneReason) return await this.recordUntilGone(this.goneReason);
        if (this.blind) return await this.recordUntilBlind(this.blind);
        const overflow = this.overflowed;
        this.overflowed = false;
        await this.pass(overflow, overflow ? 'overflow' : undefined);
      }
    } catch (err) {
      this.fail(err as Error);
    }
  }

  /** The directory went away: record every byte still readable through our descriptors, then fail. */
  private async recordUntilGone(why: string): Promise<void> {
    const writer = this.writer();
    const fresh = this.files.filter((f) => !f.recorded);
    for (const file of this.sorted(this.files.filter((f) => f.recorded))) await this.read(file, writer);
    for (const file of this.sorted(fresh)) await this.recordCreate(file, writer);
    await writer.flush();
    this.fail(new RdmJournalError('SOURCE_GONE', `source ${this.dir} is no longer watchable: ${why}`,
      { hint: 'every byte written before that is in the journal; if the directory is moved back, record again; a re-created directory is a new source and needs a new journal',
        detail: 'source-gone' }));
  }

  /**
   * The watch broke: what the source holds now is recorded (if it can be), then recording fails
   * rather than go on unseeing. A restart reconciles the source with the journal.
   */
  private async recordUntilBlind(cause: Error): Promise<void> {
    try {
      await this.pass(true);
      await this.writer().flush();
    } catch (err) {
      this.warn(`recording what the source holds failed too: ${(err as Error).message}`);
    }
    this.fail(new RdmJournalError('IO_ERROR', `source ${this.dir} is no longer watched: the inotify reader stopped (${cause.message}); changes from now on would go unseen`,
      { hint: 'record again: it reconciles the source with the journal; if this recurs, check the recorder\'s limits (ulimit -n) and free memory',
        detail: 'watch-lost', cause }));
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
      const opened = this.open(name);
      const file = opened instanceof SourceFile ? opened : null;
      const found = file ? await file.compareWith(state) : 'vanished';
      if (found === null) continue;
      const foundSize = file?.currentSize();
      await writer.add(this.resync(found, name, state.size, foundSize));
      const deletion: DeleteOp = { type: 'delete', at: Date.now(), file: name, size: state.size };
      // A vanished file's delete waits for the first pass's reads; a file recorded again needs its
      // delete before its new create, which that pass records.
      if (found === 'vanished') this.deferredDeletes.push(deletion);
      else await writer.add(deletion);
      this.stats.deleted += 1;
    }
    for (const op of await this.packsMissedWhileDown()) await writer.add(op);
    await writer.flush();
  }

  /**
   * Pack numbers are checked for gaps up to here (0: not yet): lower numbers were seen, or named
   * missed. Pruned packs leave holes in the journal's names, so only numbers above it are checked.
   */
  private packsCheckedUpTo = 0;
  /** A recorder watched this source before (even when it held no pack then): gaps from p1 on count. */
  private recordedBefore = false;

  /**
   * Packs the engine created and deleted unseen (while no recorder ran, or while the kernel dropped
   * events): numbers above the last check that neither the journal nor an open descriptor holds,
   * below the highest number known (the engine numbers packs in ascending order). Each is named by
   * a missed resync; names only, contents are never parsed.
   *
   * A pack merely listed in the source is not known: the engine may delete it before the pass that
   * follows lists the source again (a restart under load takes seconds, a pack may live less), and
   * no event names a file created before the watch began. So each listed pack is opened here and
   * held: the coming pass records it (create, bytes, delete) even when it is gone by then; one gone
   * before this open is named missed.
   */
  private async packsMissedWhileDown(): Promise<Op[]> {
    if (!this.recordedBefore || this.journal.version < 2) return [];
    const known = new Map<number, string>();
    for await (const name of this.journal.index.fileNames()) {
      const number = packNumber(name);
      if (number !== null) known.set(number, name);
    }
    if (this.packsCheckedUpTo === 0 && known.size > 0) {
      // First check (after a restart): from the highest pack the journal ever recorded.
      this.packsCheckedUpTo = Math.max(...known.keys());
    } else if (this.packsCheckedUpTo === 0 && this.journal.horizon > 0) {
      return []; // every pack recorded was pruned: where numbering stood is unknown
    }
    // Otherwise a source recorded while it held no pack: the engine numbers from p1.
    for (const name of this.listSource()) {
      if (packNumber(name) !== null) this.open(name);
    }
    // Held open (listed just now, or opened by the binding the moment they appeared), or named by
    // the coming pass as missed (gone before the binding could open them).
    for (const name of [...this.files.map((f) => f.name), ...this.missed]) {
      const number = packNumber(name);
      if (number !== null) known.set(number, name);
    }
    const numbers = [...known.keys()].filter((n) => n > this.packsCheckedUpTo).sort((a, b) => a - b);
    if (numbers.length === 0) return [];
    const highest = numbers.at(-1)!;
    const sample = known.get(highest)!;
    const width = /^p(\d+)\.pack$/.exec(sample)![1]!.length;
    const nameOf = (n: number) => `p${String(n).padStart(width, '0')}.pack`;
    const missing: number[] = [];
    for (let n = this.packsCheckedUpTo + 1; n < highest && missing.length <= MAX_NAMED_MISSES; n++) if (!known.has(n)) missing.push(n);
    const from = this.packsCheckedUpTo + 1;
    this.packsCheckedUpTo = highest;
    if (missing.length > MAX_NAMED_MISSES) {
      return [this.resync('missed', undefined, undefined, undefined,
        `more than ${MAX_NAMED_MISSES} packs between ${nameOf(from)} and ${nameOf(highest - 1)} were created and deleted unseen; their content is lost`)];
    }
    return missing.map((n) => this.resync('missed', nameOf(n), undefined, undefined,
      `${nameOf(n)} was created and deleted unseen (while no recorder ran, or in a kernel queue overflow); its content is lost`));
  }

  private async pass(full: boolean, reason?: 'overflow'): Promise<void> {
    // The directory deleted while files in it are open (ours, the engine's): the kernel holds back
    // IN_DELETE_SELF until they are closed, so each pass checks that it is still there.
    const moved = this.sourceGone();
    if (moved) {
      this.goneReason ??= moved;
      if (!this.stopping) return;
    }
    this.stats.passes += 1;
    const writer = this.writer();
    if (reason === 'overflow') {
      this.overflowed = false;
      this.stats.overflows += 1;
      await writer.flush(); // the gap check below reads the journal's file names: all ops first
      await writer.add(this.resync('overflow', undefined, undefined, undefined));
      // Packs created and deleted while events were being dropped: named, not silent.
      for (const op of await this.packsMissedWhileDown()) await writer.add(op);
    }
    const names = full ? this.listSource() : new Set(this.pending);
    this.pending.clear();
    for (const name of names) this.open(name);
    const missed = [...this.missed].filter((name) => !this.files.some((f) => f.name === name)).sort(compareFileNames);
    this.missed.clear();
    // Files opened from here on (by event callbacks during the awaits below) wait for the next
    // pass: their creation may only be recorded after a read that started after they existed.
    const fresh = this.files.filter((f) => !f.recorded);
    const looked = this.files.filter((f) => f.recorded && (full || fresh.length > 0 || names.has(f.name)));
    const gone = new Set([...looked, ...fresh].filter((f) => !this.isPresent(f)));

    for (const file of this.sorted(looked)) {
      if (!(await this.readOrMark(file, writer))) continue;
      if (gone.has(file)) this.forget(file, writer); // deleted already; its name is gone or holds another file
      else fresh.push(file);
    }
    for (const file of this.sorted(fresh)) {
      // A name that vanished while we were down and is back: its old delete goes first.
      for (const op of this.deferredDeletes.filter((d) => d.file === file.name)) {
        await writer.add(op);
        this.deferredDeletes.splice(this.deferredDeletes.indexOf(op), 1);
      }
      for (const older of this.files.filter((f) => f !== file && f.name === file.name && f.recorded)) {
        await this.read(older, writer);
        await this.recordDelete(older, writer);
        gone.delete(older);
      }
      await this.recordCreate(file, writer);
    }
    for (const op of this.deferredDeletes.splice(0)) await writer.add(op);
    for (const file of this.sorted([...gone])) await this.recordDelete(file, writer);
    for (const name of missed) await writer.add(this.resync('missed', name, undefined, undefined));
    // Not waited for: events arriving while this commit is in flight make the next pass, whose
    // reads overlap this flush and whose ops form the next commit.
    await writer.submit();
  }

  /**
   * Reads a recorded file's new bytes. A file that shrank, or whose last recorded bytes changed, is
   * marked with a resync and deleted instead; returns true when it must be recorded again.
   */
  private async readOrMark(file: SourceFile, writer: JournalWriter): Promise<boolean> {
    const size = file.currentSize();
    const reason: ResyncReason | null = size < file.size ? 'shrunk' : (await file.tailIntact()) ? null : 'changed';
    if (reason === null) {
      await this.read(file, writer);
      return false;
    }
    await writer.add(this.resync(reason, file.name, file.size, size));
    await writer.add({ type: 'delete', at: Date.now(), file: file.name, size: file.size });
    this.stats.deleted += 1;
    file.restart();
    return true;
  }

  private async read(file: SourceFile, writer: JournalWriter): Promise<void> {
    await file.readToEnd(this.readBuffers, async (offset, data, release) => {
      await writer.add(makeAppend(file.name, offset, data));
      writer.afterCommit(release); // the journal writes `data` when it commits; a failed commit keeps it
      this.stats.appendedBytes += data.length;
    });
  }

  private async recordCreate(file: SourceFile, writer: JournalWriter): Promise<void> {
    await writer.add({ type: 'create', at: Date.now(), file: file.name, ino: file.ino, mode: file.mode });
    this.stats.created += 1;
    file.recorded = true;
    // Packs recorded in sequence move the gap check's watermark (see packsMissedWhileDown).
    const number = packNumber(file.name);
    if (number !== null && this.packsCheckedUpTo > 0 && number === this.packsCheckedUpTo + 1) this.packsCheckedUpTo = number;
    await this.read(file, writer);
  }

  private async recordDelete(file: SourceFile, writer: JournalWriter): Promise<void> {
    if (!this.files.includes(file)) return; // already deleted this pass, as an older file of its name
    await writer.add({ type: 'delete', at: Date.now(), file: file.name, size: file.size });
    this.stats.deleted += 1;
    this.forget(file, writer);
  }

  /**
   * Drops a deleted file from the files the recorder follows. Its descriptor is the only way left
   * to its bytes: it is closed only once the batch holding its last bytes and its delete is
   * committed; after a failed commit it stays open (until close()) for whoever handles the error.
   */
  private forget(file: SourceFile, writer: JournalWriter): void {
    this.files.splice(this.files.indexOf(file), 1);
    this.deleted.add(file);
    writer.afterCommit(() => {
      if (this.deleted.delete(file)) file.close();
    });
  }

  private resync(reason: ResyncReason, file: string | undefined, recordedSize: number | undefined, foundSize: number | undefined, detail = describeResync(reason, file, recordedSize, foundSize)): Op {
    this.stats.resyncs += 1;
    this.warn(detail);
    return { type: 'resync', at: Date.now(), reason, detail,
      ...(file === undefined ? {} : { file }),
      ...(recordedSize === undefined ? {} : { recordedSize }),
      ...(foundSize === undefined ? {} : { foundSize }) };
  }

  /** A file that appeared: the binding's descriptor, or an open now when the binding could not. */
  private openAppeared(name: string, fd: number | undefined): SourceFile | 'absent' | 'ignored' {
    if (fd === undefined) return this.open(name);
    if (fd === -ENOENT) return 'absent'; // gone before even the binding's thread could open it
    if (fd === -ELOOP || fd === -ENXIO) return 'ignored'; // a symlink, a FIFO's peer missing: not a pack file
    if (fd < 0) return this.open(name); // EACCES, EMFILE...: open() reports it with the path
    const adopted = SourceFile.adopt(this.dir, name, fd, (ino) => this.files.find((f) => f.name === name && f.ino === ino));
    if (adopted instanceof SourceFile && !this.files.includes(adopted)) this.files.push(adopted);
    return adopted;
  }

  /** Opens `name` unless a file already open holds the inode it names. */
  private open(name: string): SourceFile | 'absent' | 'ignored' {
    const opened = SourceFile.open(this.dir, name, (ino) => this.files.find((f) => f.name === name && f.ino === ino));
    if (opened instanceof SourceFile && !this.files.includes(opened)) this.files.push(opened);
    return opened;
  }

  /** Why the source directory is no longer the one recorded, or null while it is. */
  private sourceGone(): string | null {
    try {
      const stats = fs.statSync(this.dir);
      return stats.ino === this.source.ino && stats.dev === this.source.dev ? null : 'another directory now has its path (it was moved or replaced)';
    } catch {
      return 'it was deleted or moved';
    }
  }

  private isPresent(file: SourceFile): boolean {
    try {
      return fs.lstatSync(`${this.dir}/${file.name}`).ino === file.ino;
    } catch {
      return false;
    }
  }

  private listSource(): Set<string> {
    const names = new Set(this.files.map((f) => f.name));
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.dir, { withFileTypes: true });
    } catch (err) {
      throw new RdmJournalError('IO_ERROR', `cannot list source ${this.dir}: ${(err as Error).message}`,
        { hint: 'the recorder must be able to read the source directory', cause: err });
    }
    for (const entry of entries) if (entry.isFile()) names.add(entry.name);
    return names;
  }

  private sorted(files: SourceFile[]): SourceFile[] {
    return files.sort((a, b) => compareFileNames(a.name, b.name));
  }

  private writer(): JournalWriter {
    return this.journalWriter;
  }

  private closeAll(): void {
    this.watcher?.close();
    for (const file of this.files.splice(0)) file.close();
    for (const file of this.deleted) file.close();
    this.deleted.clear();
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
