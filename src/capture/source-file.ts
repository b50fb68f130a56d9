/**
 * One open file of the source directory: the descriptor the recorder holds from the moment the
 * file appears, how much of it the journal holds, and its last recorded bytes (to notice a file
 * rewritten below its recorded size).
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { RdmJournalError, isErrnoException } from '../errors.js';
import type { FileState } from '../journal/journal.js';
import { MAX_APPEND_BYTES, checksum, type ResyncReason } from '../journal/op.js';

const read = promisify(fs.read);
/** Symlinks are not followed (O_NOFOLLOW); a FIFO cannot hang the open (O_NONBLOCK). */
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
/** How many of the last recorded bytes are kept to compare before each read. */
const TAIL_BYTES = 4096;

export type Opened = SourceFile | 'absent' | 'ignored';

export class SourceFile {
  readonly name: string;
  readonly fd: number;
  readonly ino: number;
  /** Permission bits when opened (st_mode & 0o777; never setuid/setgid/sticky): targets get the same. */
  readonly mode: number;
  /** Bytes recorded (or queued for the journal). */
  size = 0;
  /** False until its create op is recorded. */
  recorded = false;
  private tail: Buffer = Buffer.alloc(0);

  private constructor(name: string, fd: number, ino: number, mode: number) {
    this.name = name;
    this.fd = fd;
    this.ino = ino;
    this.mode = mode & 0o777;
  }

  /**
   * Opens `name` in `dir`, unless `known` returns an already open file for its inode. Only regular
   * files are opened; 'absent' means there is no such name (any more).
   */
  static open(dir: string, name: string, known: (ino: number) => SourceFile | undefined): Opened {
    const file = path.join(dir, name);
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(file);
    } catch (err) {
      if (isErrnoException(err, 'ENOENT')) return 'absent';
      throw unreadable(file, err);
    }
    if (!stats.isFile()) return 'ignored';
    const already = known(stats.ino);
    if (already) return already; // no open: a held file made unreadable (chmod) is still ours
    let fd: number;
    try {
      fd = fs.openSync(file, OPEN_FLAGS);
    } catch (err) {
      if (isErrnoException(err, 'ENOENT')) return 'absent';
      if (isErrnoException(err, 'ELOOP') || isErrnoException(err, 'ENXIO')) return 'ignored'; // replaced meanwhile
      throw unreadable(file, err);
    }
    const opened = fs.fstatSync(fd);
    const raced = known(opened.ino);
    if (!opened.isFile() || raced) {
      fs.closeSync(fd);
      return raced ?? 'ignored';
    }
    return new SourceFile(name, fd, opened.ino, opened.mode);
  }

  /**
   * Takes a descriptor the inotify binding opened the moment `name` appeared (it owns it from here:
   * closed unless it becomes a SourceFile). Like open(), a file already held by inode is returned.
   */
  static adopt(dir: string, name: string, fd: number, known: (ino: number) => SourceFile | undefined): Opened {
    let opened: fs.Stats;
    try {
      opened = fs.fstatSync(fd);
    } catch (err) {
      fs.closeSync(fd);
      throw unreadable(path.join(dir, name), err);
    }
    const raced = known(opened.ino);
    if (!opened.isFile() || raced) {
      fs.closeSync(fd);
      return raced ?? 'ignored';
    }
    return new SourceFile(name, fd, opened.ino, opened.mode);
  }

  /** Bytes in the file now, as its descriptor sees them. */
  currentSize(): number {
    return fs.fstatSync(this.fd).size;
  }

  /**
   * Reads from the recorded size to the end of file, in chunks of at most MAX_APPEND_BYTES, into
   * buffers from `buffers`. `release` gives a chunk's buffer back: call it once nothing uses `data`
   * any more (its commit is done).
   */
  async readToEnd(buffers: ReadBuffers, onChunk: (offset: number, data: Buffer, release: () => void) => Promise<void>): Promise<void> {
    for (;;) {
      const buffer = buffers.take();
      const { bytesRead } = await read(this.fd, buffer, 0, MAX_APPEND_BYTES, this.size).catch((err: unknown) => {
        buffers.give(buffer);
        throw err;
      });
      if (bytesRead === 0) return buffers.give(buffer);
      const { data, release } = buffers.keep(buffer, bytesRead);
      await onChunk(this.size, data, release);
      this.size += bytesRead;
      this.keepTail(data);
    }
  }

  /** Whether the last recorded bytes still read the same: false means the file was rewritten. */
  async tailIntact(): Promise<boolean> {
    if (this.tail.length === 0) return true;
    const now = Buffer.allocUnsafe(this.tail.length);
    const { bytesRead } = await read(this.fd, now, 0, now.length, this.size - this.tail.length);
    return bytesRead === now.length && now.equals(this.tail);
  }

  /** After a restart: does the file still hold what the journal recorded of it? */
  async compareWith(state: FileState): Promise<ResyncReason | null> {
    if (this.ino !== state.ino) return 'replaced';
    if (this.currentSize() < state.size) return 'shrunk';
    if (state.tailLength > 0) {
      const tail = Buffer.allocUnsafe(state.tailLength);
      const { bytesRead } = await read(this.fd, tail, 0, state.tailLength, state.tailOffset);
      if (bytesRead !== state.tailLength || checksum(tail) !== state.tailCrc) return 'changed';
    }
    await this.adopt(state.size);
    return null;
  }

  /** Forgets what was recorded: the file will be recorded again from offset 0. */
  restart(): void {
    this.size = 0;
    this.recorded = false;
    this.tail = Buffer.alloc(0);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private async adopt(size: number): Promise<void> {
    this.size = size;
    this.recorded = true;
    const length = Math.min(size, TAIL_BYTES);
    this.tail = Buffer.alloc(length);
    await read(this.fd, this.tail, 0, length, size - length);
  }

  private keepTail(data: Buffer): void {
    this.tail = data.length >= TAIL_BYTES
      ? Buffer.from(data.subarray(data.length - TAIL_BYTES))
      : Buffer.concat([this.tail, data]).subarray(-TAIL_BYTES);
  }
}

/** A read smaller than this is copied out and its buffer reused at once. */
const COPY_BELOW = 64 * 1024;
/** Free buffers kept for reuse: enough for a batch being committed and one being read. */
const MAX_FREE_BUFFERS = 12;

/**
 * Read buffers of MAX_APPEND_BYTES, reused once the commit holding their bytes is done. A fresh
 * 1 MiB buffer per read costs more than the read (the kernel maps and zeroes new pages at each
 * first touch); reused ones are already mapped. Memory stays bounded: a batch in flight and one
 * being filled hold at most about twice the writer's batch bytes.
 */
export class ReadBuffers {
  private readonly free: Buffer[] = [];

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(MAX_APPEND_BYTES);
  }

  give(buffer: Buffer): void {
    if (this.free.length < MAX_FREE_BUFFERS) this.free.push(buffer);
  }

  /** The read's bytes: a copy of a small read (its buffer reused at once), else the buffer itself. */
  keep(buffer: Buffer, length: number): { data: Buffer; release: () => void } {
    if (length < COPY_BELOW) {
      const data = Buffer.from(buffer.subarray(0, length));
      this.give(buffer);
      return { data, release: () => {} };
    }
    return { data: buffer.subarray(0, length), release: () => this.give(buffer) };
  }
}

function unreadable(file: string, err: unknown): RdmJournalError {
  return new RdmJournalError('IO_ERROR', `cannot read ${file}: ${(err as Error).message}`,
    { hint: 'the recorder must be able to read every file in the source directory (run it as the engine\'s user)', cause: err });
}
