/**
 * Turns inotify events on one directory into requests: "look at this file now" or "rescan
 * everything". An event never means "exactly one write happened": the kernel merges events, so
 * every request is answered by reading the file to its end.
 */
import { closeSync } from 'node:fs';
import { RdmJournalError, isErrnoException } from '../errors.js';
import {
  Inotify, type InotifyEvent,
  IN_ATTRIB, IN_CREATE, IN_DELETE, IN_DELETE_SELF, IN_DONT_FOLLOW, IN_IGNORED, IN_ISDIR, IN_MODIFY,
  IN_MOVE_SELF, IN_MOVED_FROM, IN_MOVED_TO, IN_ONLYDIR, IN_Q_OVERFLOW, IN_UNMOUNT,
} from '../native/index.js';

export interface WatchRequests {
  /**
   * Something happened to `name`; `appeared` when it was created or moved in. Called synchronously.
   * `fd`: the file as the binding opened it the moment it appeared (owned by the callee), or
   * -errno when that open failed; undefined when no open was attempted.
   */
  look(name: string, appeared: boolean, fd?: number): void;
  /** The kernel dropped events: only a full rescan can tell what happened. */
  rescan(): void;
  /** The directory itself was deleted, moved or unmounted. */
  gone(why: string): void;
  /** The watch broke (the binding's reader stopped): no event will come any more. */
  broken(err: Error): void;
}

const WATCH_MASK = IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
  IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW;

export class Watcher {
  private readonly inotify: Inotify;

  constructor(dir: string, requests: WatchRequests) {
    try {
      // Created files are opened on the binding's thread, not when JS gets to them: a pack the
      // engine creates, fills and deletes while the JS thread is busy is still held (rule 4).
      this.inotify = new Inotify((events) => dispatch(events, requests), { openCreated: true });
    } catch (err) {
      throw limitError(err, dir);
    }
    try {
      this.inotify.addWatch(dir, WATCH_MASK);
    } catch (err) {
      this.inotify.close();
      throw limitError(err, dir);
    }
  }

  close(): void {
    this.inotify.close();
  }

  /** Resolves once every event that already happened was dispatched (at most `limitMs` later). */
  async settle(limitMs = 1000): Promise<void> {
    for (const started = Date.now(); this.inotify.pending && Date.now() - started < limitMs;) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

function dispatch(events: readonly InotifyEvent[], requests: WatchRequests): void {
  for (const event of events) {
    const { mask, name } = event;
    if (event.error) requests.broken(event.error);
    else if (mask & IN_Q_OVERFLOW) requests.rescan();
    else if (mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) requests.gone(describeGone(mask));
    else if (mask & IN_IGNORED) requests.gone('its watch was removed');
    else if (name && !(mask & IN_ISDIR)) requests.look(name, (mask & (IN_CREATE | IN_MOVED_TO)) !== 0, event.fd);
    else if (event.fd !== undefined && event.fd >= 0) closeSync(event.fd);
  }
}

function describeGone(mask: number): string {
  if (mask & IN_DELETE_SELF) return 'it was deleted';
  if (mask & IN_MOVE_SELF) return 'it was moved or renamed';
  return 'its filesystem was unmounted';
}

function limitError(err: unknown, dir: string): Error {
  if (isErrnoException(err, 'EMFILE')) {
    return new RdmJournalError('INOTIFY_LIMIT', 'cannot create an inotify instance: this user has reached fs.inotify.max_user_instances',
      { hint: 'raise it, e.g. `sysctl fs.inotify.max_user_instances=512`, or stop programs holding inotify instances', cause: err });
  }
  if (isErrnoException(err, 'ENOSPC')) {
    return new RdmJournalError('INOTIFY_LIMIT', `cannot watch ${dir}: this user has reached fs.inotify.max_user_watches`,
      { hint: 'raise it, e.g. `sysctl fs.inotify.max_user_watches=524288`, or stop programs holding many watches', cause: err });
  }
  if (isErrnoException(err, 'ENFILE') || isErrnoException(err, 'ENOMEM')) {
    return new RdmJournalError('INOTIFY_LIMIT', `cannot watch ${dir}: the system is out of file descriptors or kernel memory`,
      { hint: 'raise fs.file-max, or free resources', cause: err });
  }
  if (isErrnoException(err, 'EACCES')) {
    return new RdmJournalError('IO_ERROR', `cannot watch ${dir}: permission denied`,
      { hint: 'run the recorder as a user who can read the source directory (the engine\'s user)', cause: err });
  }
  if (isErrnoException(err, 'ENOENT') || isErrnoException(err, 'ENOTDIR')) {
    return new RdmJournalError('SOURCE_GONE', `cannot watch ${dir}: it disappeared`, { cause: err });
  }
  return err as Error;
}
