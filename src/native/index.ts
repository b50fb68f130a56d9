// Typed wrapper over our own N-API addon (binding.c and the C files it registers). Exists because Node's
// fs.watch silently drops IN_Q_OVERFLOW and rename cookies; see docs/rdm-and-inotify.md.
import { createRequire } from 'node:module';

/** One kernel event. `name` is '' for events about the watched path itself. */
export interface InotifyEvent {
  wd: number;
  mask: number;
  cookie: number;
  name: string;
  /**
   * With `openCreated`: for IN_CREATE / IN_MOVED_TO of a non-directory, the file opened read-only
   * by the binding's thread the moment the event was read (the callee owns and must close it), or
   * -errno when the open failed (-ENOENT: already gone). Absent otherwise.
   */
  fd?: number;
  /**
   * With `openCreated`: the binding's thread stopped reading (a poll or read failed), so no event
   * will come after this one (mask 0, wd -1). Events it read but could not queue (out of memory)
   * arrive as one IN_Q_OVERFLOW instead.
   */
  error?: NodeJS.ErrnoException;
}

export interface InotifyOptions {
  /** Open created files on the binding's own thread, at once (see InotifyEvent.fd). */
  openCreated?: boolean;
}

interface NativeInotify {
  addWatch(path: string, mask: number): number;
  removeWatch(wd: number): void;
  close(): void;
  ref(): void;
  unref(): void;
  readonly closed: boolean;
  readonly fd: number;
  readonly pending: boolean;
}

interface NativeBinding {
  Inotify: new (onEvents: (events: InotifyEvent[]) => void, options?: InotifyOptions) => NativeInotify;
  constants: Record<ConstantName, number>;
  liveInstances(): number;
  fsid(path: string): string | null;
  lockHolder(path: string): number | null;
  startWriteback(fd: number, offset: number, length: number): void;
  crc32c(data: Uint8Array, software?: boolean): number;
  copyRange(src: number, srcOffset: number, dst: number, dstOffset: number, lengths: Uint32Array, crcs: Uint32Array, readWrite: boolean): Promise<CopyResult>;
}

/** What one copyRange did. */
export interface CopyResult {
  /** The segment that is short in the source or fails its CRC-32C (nothing of it was written), -1 if none. */
  bad: number;
  /** With `bad`: the CRC-32C the segment's bytes have, and how many bytes the source held of it. */
  foundCrc: number;
  foundBytes: number;
  /** Bytes copied in the kernel (copy_file_range) and bytes written from the checked buffer (pwrite). */
  kernelBytes: number;
  writtenBytes: number;
  /** Why copy_file_range gave way to pwrite: an errno, -1 when it copied 0 bytes early, 0 if it did not. */
  fellBack: number;
}

type ConstantName =
  | 'IN_ACCESS' | 'IN_MODIFY' | 'IN_ATTRIB' | 'IN_CLOSE_WRITE' | 'IN_CLOSE_NOWRITE' | 'IN_OPEN'
  | 'IN_MOVED_FROM' | 'IN_MOVED_TO' | 'IN_CREATE' | 'IN_DELETE' | 'IN_DELETE_SELF' | 'IN_MOVE_SELF'
  | 'IN_UNMOUNT' | 'IN_Q_OVERFLOW' | 'IN_IGNORED' | 'IN_ONLYDIR' | 'IN_DONT_FOLLOW'
  | 'IN_EXCL_UNLINK' | 'IN_MASK_ADD' | 'IN_ISDIR' | 'IN_ONESHOT' | 'IN_ALL_EVENTS';

// Same relative path from src/native/ (tsx) and dist/native/ (tsc, rootDir src).
const native = createRequire(import.meta.url)('../../build/Release/rdm_native.node') as NativeBinding;

/**
 * One inotify instance, polled on the event loop. `onEvents` gets every event
 * read in one wakeup, in kernel order; an IN_Q_OVERFLOW event (wd -1) means
 * events were lost and the watched directories must be rescanned. If
 * `onEvents` throws, the error is raised as an uncaughtException and the
 * instance stays open. While open it keeps the process alive unless unref()ed.
 */
export class Inotify {
  readonly #handle: NativeInotify;

  constructor(onEvents: (events: InotifyEvent[]) => void, options: InotifyOptions = {}) {
    // The native handle holds its callback strongly while open, and this
    // closure holds `this`: an open Inotify is never collected under its user.
    this.#handle = new native.Inotify((events) => onEvents.call(this, events), options);
  }

  /** Returns the watch descriptor. Throws errors with code 'ENOENT', 'ENOSPC'... or 'ERR_INOTIFY_CLOSED'. */
  addWatch(path: string, mask: number): number {
    return this.#handle.addWatch(path, mask);
  }

  /** Removing a watch the kernel already dropped (deleted dir, IN_ONESHOT), or after close(), is a no-op. */
  removeWatch(wd: number): void {
    try {
      this.#handle.removeWatch(wd);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
    }
  }

  /** Releases the inotify fd at once; no event is delivered afterwards. Idempotent. */
  close(): void {
    this.#handle.close();
  }

  ref(): void {
    this.#handle.ref();
  }

  unref(): void {
    this.#handle.unref();
  }

  get closed(): boolean {
    return this.#handle.closed;
  }

  /** Whether events happened that onEvents has not been given yet (in the kernel queue, or read). */
  get pending(): boolean {
    return this.#handle.pending;
  }

  /** The inotify fd, -1 once closed. */
  get fd(): number {
    return this.#handle.fd;
  }
}

/**
 * The filesystem id statfs(2) gives for the filesystem holding `path` (f_fsid, 16 hex digits), or
 * null when it gives none. Node's statfs leaves it out. Throws Node-style errno errors.
 */
export function fsid(path: string): string | null {
  return native.fsid(path);
}

/**
 * CRC-32C (Castagnoli) of `data`, as @node-rs/crc32's crc32c: SSE 4.2's crc32 instruction where
 * the CPU has it, a table otherwise (`software` forces the table, for tests).
 */
export function crc32c(data: Uint8Array, software = false): number {
  return native.crc32c(data, software);
}

/**
 * Copies consecutive segments from `src` (at `srcOffset`) to `dst` (at `dstOffset`) on the libuv
 * threadpool: each segment is read, checked against its CRC-32C in `crcs`, and only then copied
 * (copy_file_range; pwrite of the checked bytes where the kernel cannot, or with `readWrite`).
 * Stops at the first segment that is short or fails its check (`bad`); rejects with a Node-style
 * errno error when a call fails. Both descriptors must stay open until it settles.
 */
export function copyRange(src: number, srcOffset: number, dst: number, dstOffset: number, lengths: Uint32Array, crcs: Uint32Array, readWrite = false): Promise<CopyResult> {
  return native.copyRange(src, srcOffset, dst, dstOffset, lengths, crcs, readWrite);
}

/**
 * Who holds a write lock (fcntl, as LevelDB locks its LOCK file) on `path`, asked without taking
 * it: null when nobody does or the file does not exist, else the holder's pid (0 when unknown).
 * Never call it on a lock this process holds: closing the probe's descriptor would drop that lock
 * (POSIX close semantics); src/journal/locks.ts knows which locks this process holds.
 */
/** Starts writing a file's dirty range to disk, without waiting (sync_file_range WRITE); durable only after fdatasync. */
export function startWriteback(fd: number, offset: number, length: number): void {
  native.startWriteback(fd, offset, length);
}

export function lockHolder(path: string): number | null {
  return native.lockHolder(path);
}

const c = native.constants;
export const IN_ACCESS = c.IN_ACCESS;
export const IN_MODIFY = c.IN_MODIFY;
export const IN_ATTRIB = c.IN_ATTRIB;
export const IN_CLOSE_WRITE = c.IN_CLOSE_WRITE;
export const IN_CLOSE_NOWRITE = c.IN_CLOSE_NOWRITE;
export const IN_OPEN = c.IN_OPEN;
export const IN_MOVED_FROM = c.IN_MOVED_FROM;
export const IN_MOVED_TO = c.IN_MOVED_TO;
export const IN_CREATE = c.IN_CREATE;
export const IN_DELETE = c.IN_DELETE;
export const IN_DELETE_SELF = c.IN_DELETE_SELF;
export const IN_MOVE_SELF = c.IN_MOVE_SELF;
export const IN_UNMOUNT = c.IN_UNMOUNT;
export const IN_Q_OVERFLOW = c.IN_Q_OVERFLOW;
export const IN_IGNORED = c.IN_IGNORED;
export const IN_ONLYDIR = c.IN_ONLYDIR;
export const IN_DONT_FOLLOW = c.IN_DONT_FOLLOW;
export const IN_EXCL_UNLINK = c.IN_EXCL_UNLINK;
export const IN_MASK_ADD = c.IN_MASK_ADD;
export const IN_ISDIR = c.IN_ISDIR;
export const IN_ONESHOT = c.IN_ONESHOT;
export const IN_ALL_EVENTS = c.IN_ALL_EVENTS;

// Single bits only, so a mask prints as the flags it is made of.
const FLAG_NAMES = (Object.keys(c) as ConstantName[]).filter((name) => name !== 'IN_ALL_EVENTS');

/** "IN_CREATE|IN_ISDIR" for logs; unknown bits as hex, 0 as "0". */
export function describeMask(mask: number): string {
  let rest = mask >>> 0;
  const parts: string[] = [];
  for (const name of FLAG_NAMES) {
    if ((rest & c[name]) !== 0) {
      parts.push(name);
      rest = (rest & ~c[name]) >>> 0;
    }
  }
  if (rest !== 0) parts.push(`0x${rest.toString(16)}`);
  return parts.length > 0 ? parts.join('|') : '0';
}
