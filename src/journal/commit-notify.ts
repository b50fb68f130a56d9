/**
 * The commit notification: how every process sharing a journal learns that it changed, without
 * polling. Both halves of the protocol are here: the host writes the file, readers watch it.
 *
 * - The file is `<journal>/notify`, one 24-byte stamp, all u64 big-endian: commits (by this host),
 *   mark (the highest op seq any host committed), the host's pid.
 * - The journal's host (shared-level.ts) rewrites the stamp after every batch it commits, its own
 *   or a guest's. Rewritten in place, never truncated: the 24 bytes lie within one sector, so a
 *   power cut leaves the old stamp or the new, both holding a mark.
 * - Readers (Journal.waitForOps, in any process) watch the journal directory with inotify: an
 *   IN_MODIFY or IN_CLOSE_WRITE on `notify` wakes them, and so does a queue overflow (the event
 *   may be among those dropped). A new host may have missed one: SharedLevel's 'reconnect' wakes
 *   them too.
 * - The mark only grows, across hosts (a new host starts from the file's): Journal.lostOps compares
 *   it with the head to see ops LevelDB dropped after they were committed. The stamp is synced when
 *   a host starts and when it stops, not per commit: a stamp lost with the commit it followed hides
 *   nothing, as LevelDB synced that commit's ops before the stamp was written.
 * - The pid tells a guest whose calls hang which process to look at (stopped, or silent).
 */
import { closeSync, constants, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { IN_CLOSE_WRITE, IN_MODIFY, IN_Q_OVERFLOW, Inotify } from '../native/index.js';

export const NOTIFY_NAME = 'notify';
const STAMP_BYTES = 24;

/** The stamp as the file holds it now: mark 0 and pid null when there is none (or a host before pids). */
export function readCommitStamp(journalDir: string): { mark: bigint; pid: number | null } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(journalDir, NOTIFY_NAME));
  } catch {
    return { mark: 0n, pid: null };
  }
  return {
    mark: bytes.length >= 16 ? bytes.readBigUInt64BE(8) : 0n,
    pid: bytes.length >= STAMP_BYTES ? Number(bytes.readBigUInt64BE(16)) || null : null,
  };
}

/** The host's half: the stamp it rewrites after every commit, from its start as host to its stop. */
export class CommitStamp {
  private commits = 0n;
  private readonly stamp = Buffer.alloc(STAMP_BYTES);
  /** No commit since the file was last synced: a host that wrote nothing has nothing to sync on close. */
  private synced = false;

  private constructor(private fd: number | null, private highest: bigint) {}

  /** Starts stamping, from the mark the last host left; the file is durable before anything is committed. */
  static open(journalDir: string): CommitStamp {
    const previous = readCommitStamp(journalDir).mark;
    const fd = openSync(path.join(journalDir, NOTIFY_NAME), constants.O_RDWR | constants.O_CREAT, 0o600);
    const stamp = new CommitStamp(fd, previous);
    stamp.write();
    fsyncSync(fd);
    stamp.synced = true;
    return stamp;
  }

  /** The highest mark committed, this host's included. */
  get mark(): bigint { return this.highest; }

  /** After a commit whose highest op seq is `mark` (0 when it holds no op): an event for every reader. */
  committed(mark: bigint): void {
    if (this.fd === null) return;
    this.commits += 1n;
    this.synced = false;
    if (mark > this.highest) this.highest = mark;
    this.write();
  }

  /** Stops stamping: the last mark is synced, so it outlives a power cut after this host is gone. */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      if (!this.synced) fsyncSync(fd);
    } catch {
      // A mark that did not reach the disk only lags (lostOps sees less); it never claims too much.
    }
    closeSync(fd);
  }

  private write(): void {
    this.stamp.writeBigUInt64BE(this.commits, 0);
    this.stamp.writeBigUInt64BE(this.highest, 8);
    this.stamp.writeBigUInt64BE(BigInt(process.pid), 16);
    writeSync(this.fd!, this.stamp, 0, STAMP_BYTES, 0);
  }
}

/** The readers' half: calls `onCommit` after a commit by any host (and when one may have been missed). */
export class CommitWatcher {
  private readonly inotify: Inotify;

  constructor(journalDir: string, onCommit: () => void) {
    this.inotify = new Inotify((events) => {
      if (events.some((e) => e.name === NOTIFY_NAME || (e.mask & IN_Q_OVERFLOW) !== 0)) onCommit();
    });
    this.inotify.addWatch(journalDir, IN_MODIFY | IN_CLOSE_WRITE);
  }

  close(): void {
    this.inotify.close();
  }
}
