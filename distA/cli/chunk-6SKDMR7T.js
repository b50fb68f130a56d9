import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  isWithin,
  realPathOf
} from "./chunk-AKKEC72L.js";
import {
  IN_ATTRIB,
  IN_CREATE,
  IN_DELETE,
  IN_DELETE_SELF,
  IN_DONT_FOLLOW,
  IN_IGNORED,
  IN_ISDIR,
  IN_MODIFY,
  IN_MOVED_FROM,
  IN_MOVED_TO,
  IN_MOVE_SELF,
  IN_ONLYDIR,
  IN_Q_OVERFLOW,
  IN_UNMOUNT,
  Inotify,
  MAX_APPEND_BYTES,
  checksum,
  compareFileNames,
  fsid,
  makeAppend,
  packNumber
} from "./chunk-R7ETIWN2.js";
import {
  RdmJournalError,
  isErrnoException
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/capture/recorder.ts
import fs2 from "node:fs";
import { constants as osConstants } from "node:os";

// src/capture/journal-writer.ts
var BATCH_BYTES = 4 * 1024 * 1024;
var BATCH_MS = 10;
var JournalWriter = class {
  /**
   * `committed` is told how many ops each commit held; `failed` hears of a commit that failed at
   * once, even when no later add, submit or flush would surface it (a recorder that is idle).
   */
  constructor(journal, sync, committed, failed = () => {
  }) {
    this.journal = journal;
    this.sync = sync;
    this.committed = committed;
    this.failed = failed;
  }
  journal;
  sync;
  committed;
  failed;
  static {
    __name(this, "JournalWriter");
  }
  ops = [];
  bytes = 0;
  /** When the batch being filled got its first op (Date.now()). */
  startedAt = 0;
  /** Run once the batch being filled is committed (never when its commit fails). */
  actions = [];
  inflight = Promise.resolve();
  /** File names with a create, delete or resync added but not yet committed, and how many. */
  unsettled = /* @__PURE__ */ new Map();
  async add(op) {
    if (op.type === "append") {} 
    else if (op.file !== void 0) this.unsettled.set(op.file, (this.unsettled.get(op.file) ?? 0) + 1);
    if (this.ops.length === 0) this.startedAt = Date.now();
    this.ops.push(op);
    this.bytes += op.type === "append" ? op.data.length : 64;
    if (this.bytes >= BATCH_BYTES || Date.now() - this.startedAt >= BATCH_MS) await this.submit();
  }
  /**
   * Runs `action` once every op added so far is committed (batches commit in order, so the batch
   * holding the last op added is the one to wait for); never if that commit fails.
   */
  afterCommit(action) {
    if (this.ops.length > 0) this.actions.push(action);
    else this.inflight.then(action, () => {
    });
  }
  /**
   * Starts committing every op added so far, once the commit in flight is done, and returns without
   * waiting for this one: the caller reads the next batch while this one is flushed. Rejects when
   * the previous commit failed.
   */
  async submit() {
    await this.inflight;
    if (this.ops.length === 0) return;
    const ops = this.ops;
    const actions = this.actions;
    this.ops = [];
    this.actions = [];
    this.bytes = 0;
    this.inflight = this.journal.append(ops, { sync: this.sync }).then(() => {
      this.settle(ops);
      this.committed(ops.length);
      for (const action of actions) action();
    });
    this.inflight.catch((err) => this.failed(err));
  }
  async writeAhead(op) {
    if (!this.journal.dataFiles || this.unsettled.has(op.file)) return;
    const life = this.journal.fileState(op.file)?.createdSeq;
    if (life !== void 0) await this.journal.writeAhead(op, life);
  }
  /** A committed batch's creates, deletes and resyncs no longer keep their files' lives unsettled. */
  settle(ops) {
    for (const op of ops) {
      if (op.type === "append" || op.file === void 0) continue;
      const left = (this.unsettled.get(op.file) ?? 1) - 1;
      if (left > 0) this.unsettled.set(op.file, left);
      else this.unsettled.delete(op.file);
    }
  }
  /** Resolves once every op added so far is in the journal. */
  async flush() {
    await this.submit();
    await this.inflight;
  }
};

// src/capture/source-file.ts
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
var read = promisify(fs.read);
var OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
var TAIL_BYTES = 4096;
var SourceFile = class _SourceFile {
  static {
    __name(this, "SourceFile");
  }
  name;
  fd;
  ino;
  /** Permission bits when opened (st_mode & 0o777; never setuid/setgid/sticky): targets get the same. */
  mode;
  /** Bytes recorded (or queued for the journal). */
  size = 0;
  /** False until its create op is recorded. */
  recorded = false;
  tail = Buffer.alloc(0);
  constructor(name, fd, ino, mode) {
    this.name = name;
    this.fd = fd;
    this.ino = ino;
    this.mode = mode & 511;
  }
  /**
   * Opens `name` in `dir`, unless `known` returns an already open file for its inode. Only regular
   * files are opened; 'absent' means there is no such name (any more).
   */
  static open(dir, name, known) {
    const file = path.join(dir, name);
    let stats;
    try {
      stats = fs.lstatSync(file);
    } catch (err) {
      if (isErrnoException(err, "ENOENT")) return "absent";
      throw unreadable(file, err);
    }
    if (!stats.isFile()) return "ignored";
    const already = known(stats.ino);
    if (already) return already;
    let fd;
    try {
      fd = fs.openSync(file, OPEN_FLAGS);
    } catch (err) {
      if (isErrnoException(err, "ENOENT")) return "absent";
      if (isErrnoException(err, "ELOOP") || isErrnoException(err, "ENXIO")) return "ignored";
      throw unreadable(file, err);
    }
    const opened = fs.fstatSync(fd);
    const raced = known(opened.ino);
    if (!opened.isFile() || raced) {
      fs.closeSync(fd);
      return raced ?? "ignored";
    }
    return new _SourceFile(name, fd, opened.ino, opened.mode);
  }
  /**
   * Takes a descriptor the inotify binding opened the moment `name` appeared (it owns it from here:
   * closed unless it becomes a SourceFile). Like open(), a file already held by inode is returned.
   */
  static adopt(dir, name, fd, known) {
    let opened;
    try {
      opened = fs.fstatSync(fd);
    } catch (err) {
      fs.closeSync(fd);
      throw unreadable(path.join(dir, name), err);
    }
    const raced = known(opened.ino);
    if (!opened.isFile() || raced) {
      fs.closeSync(fd);
      return raced ?? "ignored";
    }
    return new _SourceFile(name, fd, opened.ino, opened.mode);
  }
  /** Bytes in the file now, as its descriptor sees them. */
  currentSize() {
    return fs.fstatSync(this.fd).size;
  }
  /**
   * Reads from the recorded size to the end of file, in chunks of at most MAX_APPEND_BYTES, into
   * buffers from `buffers`. `release` gives a chunk's buffer back: call it once nothing uses `data`
   * any more (its commit is done).
   */
  async readToEnd(buffers, onChunk) {
    for (; ; ) {
      const buffer = buffers.take();
      const { bytesRead } = await read(this.fd, buffer, 0, MAX_APPEND_BYTES, this.size).catch((err) => {
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
  async tailIntact() {
    if (this.tail.length === 0) return true;
    const now = Buffer.allocUnsafe(this.tail.length);
    const { bytesRead } = await read(this.fd, now, 0, now.length, this.size - this.tail.length);
    return bytesRead === now.length && now.equals(this.tail);
  }
  /** After a restart: does the file still hold what the journal recorded of it? */
  async compareWith(state) {
    if (this.ino !== state.ino) return "replaced";
    if (this.currentSize() < state.size) return "shrunk";
    if (state.tailLength > 0) {
      const tail = Buffer.allocUnsafe(state.tailLength);
      const { bytesRead } = await read(this.fd, tail, 0, state.tailLength, state.tailOffset);
      if (bytesRead !== state.tailLength || checksum(tail) !== state.tailCrc) return "changed";
    }
    await this.adopt(state.size);
    return null;
  }
  /** Forgets what was recorded: the file will be recorded again from offset 0. */
  restart() {
    this.size = 0;
    this.recorded = false;
    this.tail = Buffer.alloc(0);
  }
  close() {
    fs.closeSync(this.fd);
  }
  async adopt(size) {
    this.size = size;
    this.recorded = true;
    const length = Math.min(size, TAIL_BYTES);
    this.tail = Buffer.alloc(length);
    await read(this.fd, this.tail, 0, length, size - length);
  }
  keepTail(data) {
    this.tail = data.length >= TAIL_BYTES ? Buffer.from(data.subarray(data.length - TAIL_BYTES)) : Buffer.concat([this.tail, data]).subarray(-TAIL_BYTES);
  }
};
var COPY_BELOW = 64 * 1024;
var MAX_FREE_BUFFERS = 12;
var ReadBuffers = class {
  static {
    __name(this, "ReadBuffers");
  }
  free = [];
  take() {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(MAX_APPEND_BYTES);
  }
  give(buffer) {
    if (this.free.length < MAX_FREE_BUFFERS) this.free.push(buffer);
  }
  /** The read's bytes: a copy of a small read (its buffer reused at once), else the buffer itself. */
  keep(buffer, length) {
    if (length < COPY_BELOW) {
      const data = Buffer.from(buffer.subarray(0, length));
      this.give(buffer);
      return { data, release: /* @__PURE__ */ __name(() => {
      }, "release") };
    }
    return { data: buffer.subarray(0, length), release: /* @__PURE__ */ __name(() => this.give(buffer), "release") };
  }
};
function unreadable(file, err) {
  return new RdmJournalError(
    "IO_ERROR",
    `cannot read ${file}: ${err.message}`,
    { hint: "the recorder must be able to read every file in the source directory (run it as the engine's user)", cause: err }
  );
}
__name(unreadable, "unreadable");

// src/capture/watcher.ts
import { closeSync } from "node:fs";
var WATCH_MASK = IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW;
var Watcher = class {
  static {
    __name(this, "Watcher");
  }
  inotify;
  constructor(dir, requests) {
    try {
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
  close() {
    this.inotify.close();
  }
  /** Resolves once every event that already happened was dispatched (at most `limitMs` later). */
  async settle(limitMs = 1e3) {
    for (const started = Date.now(); this.inotify.pending && Date.now() - started < limitMs; ) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
};
function dispatch(events, requests) {
  for (const event of events) {
    const { mask, name } = event;
    if (event.error) requests.broken(event.error);
    else if (mask & IN_Q_OVERFLOW) requests.rescan();
    else if (mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) requests.gone(describeGone(mask));
    else if (mask & IN_IGNORED) requests.gone("its watch was removed");
    else if (name && !(mask & IN_ISDIR)) requests.look(name, (mask & (IN_CREATE | IN_MOVED_TO)) !== 0, event.fd);
    else if (event.fd !== void 0 && event.fd >= 0) closeSync(event.fd);
  }
}
__name(dispatch, "dispatch");
function describeGone(mask) {
  if (mask & IN_DELETE_SELF) return "it was deleted";
  if (mask & IN_MOVE_SELF) return "it was moved or renamed";
  return "its filesystem was unmounted";
}
__name(describeGone, "describeGone");
function limitError(err, dir) {
  if (isErrnoException(err, "EMFILE")) {
    return new RdmJournalError(
      "INOTIFY_LIMIT",
      "cannot create an inotify instance: this user has reached fs.inotify.max_user_instances",
      { hint: "raise it, e.g. `sysctl fs.inotify.max_user_instances=512`, or stop programs holding inotify instances", cause: err }
    );
  }
  if (isErrnoException(err, "ENOSPC")) {
    return new RdmJournalError(
      "INOTIFY_LIMIT",
      `cannot watch ${dir}: this user has reached fs.inotify.max_user_watches`,
      { hint: "raise it, e.g. `sysctl fs.inotify.max_user_watches=524288`, or stop programs holding many watches", cause: err }
    );
  }
  if (isErrnoException(err, "ENFILE") || isErrnoException(err, "ENOMEM")) {
    return new RdmJournalError(
      "INOTIFY_LIMIT",
      `cannot watch ${dir}: the system is out of file descriptors or kernel memory`,
      { hint: "raise fs.file-max, or free resources", cause: err }
    );
  }
  if (isErrnoException(err, "EACCES")) {
    return new RdmJournalError(
      "IO_ERROR",
      `cannot watch ${dir}: permission denied`,
      { hint: "run the recorder as a user who can read the source directory (the engine's user)", cause: err }
    );
  }
  if (isErrnoException(err, "ENOENT") || isErrnoException(err, "ENOTDIR")) {
    return new RdmJournalError("SOURCE_GONE", `cannot watch ${dir}: it disappeared`, { cause: err });
  }
  return err;
}
__name(limitError, "limitError");

// src/capture/recorder.ts
var { ENOENT, ELOOP, ENXIO } = osConstants.errno;
var MAX_NAMED_MISSES = 1e4;
var Recorder = class {
  static {
    __name(this, "Recorder");
  }
  stats = { passes: 0, ops: 0, appendedBytes: 0, created: 0, deleted: 0, resyncs: 0, overflows: 0 };
  /** Rejects when recording cannot go on (source gone, journal write failed). */
  failed;
  journal;
  source;
  dir;
  warn;
  sync;
  files = [];
  /** Files whose delete is recorded but maybe not committed yet: still open (see forget). */
  deleted = /* @__PURE__ */ new Set();
  pending = /* @__PURE__ */ new Set();
  /** Names announced as created that were gone before they could be opened. */
  missed = /* @__PURE__ */ new Set();
  /** Deletes found at restart, recorded after the first pass's reads (as the engine deletes last). */
  deferredDeletes = [];
  readBuffers = new ReadBuffers();
  /**
   * One writer for the whole run (group commit): a pass hands its ops over and returns while they
   * are committed, so the next pass reads while the previous one's batch is flushed.
   */
  journalWriter;
  watcher = null;
  overflowed = false;
  goneReason = null;
  /** Why the watch broke: no event comes any more, so recording cannot go on. */
  blind = null;
  stopping = false;
  error = null;
  running = null;
  busy = false;
  rejectFailed;
  constructor(options) {
    this.journal = options.journal;
    this.source = options.source;
    this.dir = options.source.path;
    this.warn = options.warn ?? (() => {
    });
    this.sync = options.sync ?? true;
    this.failed = new Promise((_, reject) => {
      this.rejectFailed = reject;
    });
    this.failed.catch(() => {
    });
    this.journalWriter = new JournalWriter(this.journal, this.sync, (ops) => {
      this.stats.ops += ops;
    }, (err) => this.fail(err));
  }
  /**
   * Binds the journal to the source, starts watching (before looking, so nothing falls between),
   * reconciles what the journal holds with what the source holds, and records the current state.
   */
  async start() {
    await this.journal.lockForRecording();
    this.recordedBefore = this.journal.source !== null;
    await this.journal.bindSource(this.source);
    this.watcher = new Watcher(this.dir, {
      look: /* @__PURE__ */ __name((name, appeared, fd) => this.look(name, appeared, fd), "look"),
      rescan: /* @__PURE__ */ __name(() => {
        this.overflowed = true;
        this.schedule();
      }, "rescan"),
      gone: /* @__PURE__ */ __name((why) => {
        this.goneReason ??= why;
        this.schedule();
      }, "gone"),
      broken: /* @__PURE__ */ __name((err) => {
        this.blind ??= err;
        this.schedule();
      }, "broken")
    });
    this.busy = true;
    try {
      await this.reconcile();
      await this.pass(true);
      await this.writer().flush();
    } catch (err) {
      this.closeAll();
      throw err;
    } finally {
      this.busy = false;
    }
    this.schedule();
  }
  /** Records everything present in the source at this moment, then releases the directory. */
  async stop() {
    await this.watcher?.settle();
    this.stopping = true;
    await this.running;
    try {
      if (!this.error) {
        await this.pass(true, this.overflowed ? "overflow" : void 0);
        await this.writer().flush();
      }
    } finally {
      this.closeAll();
    }
    if (this.error) throw this.error;
  }
  /** Releases the watch and every descriptor; safe to call more than once. */
  close() {
    this.closeAll();
  }
  /**
   * Runs in the inotify callback: open at once, since the engine may delete the file soon. A file
   * that appeared comes already opened by the binding's thread (`fd`), the moment it appeared.
   */
  look(name, appeared, fd) {
    try {
      if (appeared && this.openAppeared(name, fd) === "absent") this.missed.add(name);
      else if (!appeared && fd !== void 0 && fd >= 0) fs2.closeSync(fd);
    } catch (err) {
      this.fail(err);
      return;
    }
    this.pending.add(name);
    this.schedule();
  }
  schedule() {
    if (this.busy || this.stopping || this.error) return;
    this.busy = true;
    this.running = this.drainEvents().finally(() => {
      this.busy = false;
      this.running = null;
    });
  }
  async drainEvents() {
    try {
      while (!this.error && !this.stopping && (this.pending.size > 0 || this.overflowed || this.goneReason || this.blind)) {
        if (this.goneReason) return await this.recordUntilGone(this.goneReason);
        if (this.blind) return await this.recordUntilBlind(this.blind);
        const overflow = this.overflowed;
        this.overflowed = false;
        await this.pass(overflow, overflow ? "overflow" : void 0);
      }
    } catch (err) {
      this.fail(err);
    }
  }
  /** The directory went away: record every byte still readable through our descriptors, then fail. */
  async recordUntilGone(why) {
    const writer = this.writer();
    const fresh = this.files.filter((f) => !f.recorded);
    for (const file of this.sorted(this.files.filter((f) => f.recorded))) await this.read(file, writer);
    for (const file of this.sorted(fresh)) await this.recordCreate(file, writer);
    await writer.flush();
    this.fail(new RdmJournalError(
      "SOURCE_GONE",
      `source ${this.dir} is no longer watchable: ${why}`,
      {
        hint: "every byte written before that is in the journal; if the directory is moved back, record again; a re-created directory is a new source and needs a new journal",
        detail: "source-gone"
      }
    ));
  }
  /**
   * The watch broke: what the source holds now is recorded (if it can be), then recording fails
   * rather than go on unseeing. A restart reconciles the source with the journal.
   */
  async recordUntilBlind(cause) {
    try {
      await this.pass(true);
      await this.writer().flush();
    } catch (err) {
      this.warn(`recording what the source holds failed too: ${err.message}`);
    }
    this.fail(new RdmJournalError(
      "IO_ERROR",
      `source ${this.dir} is no longer watched: the inotify reader stopped (${cause.message}); changes from now on would go unseen`,
      {
        hint: "record again: it reconciles the source with the journal; if this recurs, check the recorder's limits (ulimit -n) and free memory",
        detail: "watch-lost",
        cause
      }
    ));
  }
  fail(err) {
    if (this.error) return;
    this.error = err;
    this.rejectFailed(err);
  }
  /** Compares the journal's file states with the source after a restart; marks every difference. */
  async reconcile() {
    const writer = this.writer();
    const states = [...this.journal.fileStates()].sort(([a], [b]) => compareFileNames(a, b));
    for (const [name, state] of states) {
      const opened = this.open(name);
      const file = opened instanceof SourceFile ? opened : null;
      const found = file ? await file.compareWith(state) : "vanished";
      if (found === null) continue;
      const foundSize = file?.currentSize();
      await writer.add(this.resync(found, name, state.size, foundSize));
      const deletion = { type: "delete", at: Date.now(), file: name, size: state.size };
      if (found === "vanished") this.deferredDeletes.push(deletion);
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
  packsCheckedUpTo = 0;
  /** A recorder watched this source before (even when it held no pack then): gaps from p1 on count. */
  recordedBefore = false;
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
  async packsMissedWhileDown() {
    if (!this.recordedBefore || this.journal.version < 2) return [];
    const known = /* @__PURE__ */ new Map();
    for await (const name of this.journal.index.fileNames()) {
      const number = packNumber(name);
      if (number !== null) known.set(number, name);
    }
    if (this.packsCheckedUpTo === 0 && known.size > 0) {
      this.packsCheckedUpTo = Math.max(...known.keys());
    } else if (this.packsCheckedUpTo === 0 && this.journal.horizon > 0) {
      return [];
    }
    for (const name of this.listSource()) {
      if (packNumber(name) !== null) this.open(name);
    }
    for (const name of [...this.files.map((f) => f.name), ...this.missed]) {
      const number = packNumber(name);
      if (number !== null) known.set(number, name);
    }
    const numbers = [...known.keys()].filter((n) => n > this.packsCheckedUpTo).sort((a, b) => a - b);
    if (numbers.length === 0) return [];
    const highest = numbers.at(-1);
    const sample = known.get(highest);
    const width = /^p(\d+)\.pack$/.exec(sample)[1].length;
    const nameOf = /* @__PURE__ */ __name((n) => `p${String(n).padStart(width, "0")}.pack`, "nameOf");
    const missing = [];
    for (let n = this.packsCheckedUpTo + 1; n < highest && missing.length <= MAX_NAMED_MISSES; n++) if (!known.has(n)) missing.push(n);
    const from = this.packsCheckedUpTo + 1;
    this.packsCheckedUpTo = highest;
    if (missing.length > MAX_NAMED_MISSES) {
      return [this.resync(
        "missed",
        void 0,
        void 0,
        void 0,
        `more than ${MAX_NAMED_MISSES} packs between ${nameOf(from)} and ${nameOf(highest - 1)} were created and deleted unseen; their content is lost`
      )];
    }
    return missing.map((n) => this.resync(
      "missed",
      nameOf(n),
      void 0,
      void 0,
      `${nameOf(n)} was created and deleted unseen (while no recorder ran, or in a kernel queue overflow); its content is lost`
    ));
  }
  async pass(full, reason) {
    const moved = this.sourceGone();
    if (moved) {
      this.goneReason ??= moved;
      if (!this.stopping) return;
    }
    this.stats.passes += 1;
    const writer = this.writer();
    if (reason === "overflow") {
      this.overflowed = false;
      this.stats.overflows += 1;
      await writer.flush();
      await writer.add(this.resync("overflow", void 0, void 0, void 0));
      for (const op of await this.packsMissedWhileDown()) await writer.add(op);
    }
    const names = full ? this.listSource() : new Set(this.pending);
    this.pending.clear();
    for (const name of names) this.open(name);
    const missed = [...this.missed].filter((name) => !this.files.some((f) => f.name === name)).sort(compareFileNames);
    this.missed.clear();
    const fresh = this.files.filter((f) => !f.recorded);
    const looked = this.files.filter((f) => f.recorded && (full || fresh.length > 0 || names.has(f.name)));
    const gone = new Set([...looked, ...fresh].filter((f) => !this.isPresent(f)));
    for (const file of this.sorted(looked)) {
      if (!await this.readOrMark(file, writer)) continue;
      if (gone.has(file)) this.forget(file, writer);
      else fresh.push(file);
    }
    for (const file of this.sorted(fresh)) {
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
    for (const name of missed) await writer.add(this.resync("missed", name, void 0, void 0));
    await writer.submit();
  }
  /**
   * Reads a recorded file's new bytes. A file that shrank, or whose last recorded bytes changed, is
   * marked with a resync and deleted instead; returns true when it must be recorded again.
   */
  async readOrMark(file, writer) {
    const size = file.currentSize();
    const reason = size < file.size ? "shrunk" : await file.tailIntact() ? null : "changed";
    if (reason === null) {
      await this.read(file, writer);
      return false;
    }
    await writer.add(this.resync(reason, file.name, file.size, size));
    await writer.add({ type: "delete", at: Date.now(), file: file.name, size: file.size });
    this.stats.deleted += 1;
    file.restart();
    return true;
  }
  async read(file, writer) {
    await file.readToEnd(this.readBuffers, async (offset, data, release) => {
      await writer.add(makeAppend(file.name, offset, data));
      writer.afterCommit(release);
      this.stats.appendedBytes += data.length;
    });
  }
  async recordCreate(file, writer) {
    await writer.add({ type: "create", at: Date.now(), file: file.name, ino: file.ino, mode: file.mode });
    this.stats.created += 1;
    file.recorded = true;
    const number = packNumber(file.name);
    if (number !== null && this.packsCheckedUpTo > 0 && number === this.packsCheckedUpTo + 1) this.packsCheckedUpTo = number;
    await this.read(file, writer);
  }
  async recordDelete(file, writer) {
    if (!this.files.includes(file)) return;
    await writer.add({ type: "delete", at: Date.now(), file: file.name, size: file.size });
    this.stats.deleted += 1;
    this.forget(file, writer);
  }
  /**
   * Drops a deleted file from the files the recorder follows. Its descriptor is the only way left
   * to its bytes: it is closed only once the batch holding its last bytes and its delete is
   * committed; after a failed commit it stays open (until close()) for whoever handles the error.
   */
  forget(file, writer) {
    this.files.splice(this.files.indexOf(file), 1);
    this.deleted.add(file);
    writer.afterCommit(() => {
      if (this.deleted.delete(file)) file.close();
    });
  }
  resync(reason, file, recordedSize, foundSize, detail = describeResync(reason, file, recordedSize, foundSize)) {
    this.stats.resyncs += 1;
    this.warn(detail);
    return {
      type: "resync",
      at: Date.now(),
      reason,
      detail,
      ...file === void 0 ? {} : { file },
      ...recordedSize === void 0 ? {} : { recordedSize },
      ...foundSize === void 0 ? {} : { foundSize }
    };
  }
  /** A file that appeared: the binding's descriptor, or an open now when the binding could not. */
  openAppeared(name, fd) {
    if (fd === void 0) return this.open(name);
    if (fd === -ENOENT) return "absent";
    if (fd === -ELOOP || fd === -ENXIO) return "ignored";
    if (fd < 0) return this.open(name);
    const adopted = SourceFile.adopt(this.dir, name, fd, (ino) => this.files.find((f) => f.name === name && f.ino === ino));
    if (adopted instanceof SourceFile && !this.files.includes(adopted)) this.files.push(adopted);
    return adopted;
  }
  /** Opens `name` unless a file already open holds the inode it names. */
  open(name) {
    const opened = SourceFile.open(this.dir, name, (ino) => this.files.find((f) => f.name === name && f.ino === ino));
    if (opened instanceof SourceFile && !this.files.includes(opened)) this.files.push(opened);
    return opened;
  }
  /** Why the source directory is no longer the one recorded, or null while it is. */
  sourceGone() {
    try {
      const stats = fs2.statSync(this.dir);
      return stats.ino === this.source.ino && stats.dev === this.source.dev ? null : "another directory now has its path (it was moved or replaced)";
    } catch {
      return "it was deleted or moved";
    }
  }
  isPresent(file) {
    try {
      return fs2.lstatSync(`${this.dir}/${file.name}`).ino === file.ino;
    } catch {
      return false;
    }
  }
  listSource() {
    const names = new Set(this.files.map((f) => f.name));
    let entries;
    try {
      entries = fs2.readdirSync(this.dir, { withFileTypes: true });
    } catch (err) {
      throw new RdmJournalError(
        "IO_ERROR",
        `cannot list source ${this.dir}: ${err.message}`,
        { hint: "the recorder must be able to read the source directory", cause: err }
      );
    }
    for (const entry of entries) if (entry.isFile()) names.add(entry.name);
    return names;
  }
  sorted(files) {
    return files.sort((a, b) => compareFileNames(a.name, b.name));
  }
  writer() {
    return this.journalWriter;
  }
  closeAll() {
    this.watcher?.close();
    for (const file of this.files.splice(0)) file.close();
    for (const file of this.deleted) file.close();
    this.deleted.clear();
  }
};
function describeResync(reason, file, recorded, found) {
  switch (reason) {
    case "vanished":
      return `${file} disappeared while not watched; bytes after ${recorded} may be lost`;
    case "shrunk":
      return `${file} shrank from ${recorded} to ${found} bytes; recorded again from offset 0`;
    case "replaced":
      return `${file} now names another file; the old one is deleted and the new one recorded`;
    case "changed":
      return `${file} changed below its recorded size ${recorded}; recorded again from offset 0`;
    case "missed":
      return `${file} appeared and disappeared before it could be opened; its content is lost`;
    case "overflow":
      return "the kernel dropped inotify events (queue overflow); rescanning the source";
  }
}
__name(describeResync, "describeResync");

// src/capture/source.ts
import { accessSync, constants, readFileSync, realpathSync, statSync } from "node:fs";
import path2 from "node:path";
var REMOTE_FILESYSTEMS = /* @__PURE__ */ new Set([
  "nfs",
  "nfs4",
  "cifs",
  "smb3",
  "smbfs",
  "9p",
  "ceph",
  "afs",
  "glusterfs",
  "lustre",
  "gpfs",
  "beegfs",
  "gfs2",
  "ocfs2",
  "davfs",
  "fuse.sshfs",
  "fuse.glusterfs",
  "fuse.rclone",
  "fuse.s3fs",
  "fuse.gcsfuse",
  "fuse.juicefs",
  "fuse.cephfs",
  "fuse.davfs2"
]);
function checkSource(dir, mountinfo = "/proc/self/mountinfo") {
  const given = path2.resolve(dir);
  let real;
  try {
    real = realpathSync(given);
  } catch (err) {
    if (isErrnoException(err, "ENOENT") || isErrnoException(err, "ENOTDIR")) {
      throw new RdmJournalError(
        "SOURCE_NOT_FOUND",
        `source ${given} does not exist`,
        { hint: "give the path of the database directory (DB.rdm)" }
      );
    }
    throw new RdmJournalError(
      "IO_ERROR",
      `source ${given} cannot be reached: ${err.message}`,
      { hint: "run the recorder as a user who can read the database directory and its parents", cause: err }
    );
  }
  const stats = statSync(real);
  if (!stats.isDirectory()) {
    throw new RdmJournalError(
      "SOURCE_NOT_DIRECTORY",
      `source ${given} is not a directory`,
      { hint: "give the database directory (DB.rdm), not a pack file inside it" }
    );
  }
  try {
    accessSync(real, constants.R_OK | constants.X_OK);
  } catch (err) {
    throw new RdmJournalError(
      "IO_ERROR",
      `source ${real} cannot be read: ${err.message}`,
      { hint: "run the recorder as a user who can read the database directory (the engine's user)", cause: err }
    );
  }
  const mount = findMount(real, readMountInfo(mountinfo));
  if (mount && REMOTE_FILESYSTEMS.has(mount.fsType)) {
    throw new RdmJournalError(
      "SOURCE_NETWORK_FS",
      `source ${real} is on a ${mount.fsType} filesystem (mounted at ${mount.mountPoint}); inotify cannot see writes made by other hosts`,
      { hint: "record on the machine that owns the disk; the target may be remote, the source may not", detail: "source-network-fs" }
    );
  }
  return { path: real, dev: stats.dev, ino: stats.ino, fsid: filesystemId(real) };
}
__name(checkSource, "checkSource");
function readMountInfo(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const mounts = [];
  for (const line of text.split("\n")) {
    const fields = line.split(" ");
    const dash = fields.indexOf("-");
    const mountPoint = fields[4];
    const fsType = fields[dash + 1];
    if (dash < 0 || mountPoint === void 0 || fsType === void 0) continue;
    mounts.push({ mountPoint: unescapeMountField(mountPoint), fsType });
  }
  return mounts;
}
__name(readMountInfo, "readMountInfo");
function findMount(real, mounts) {
  let best;
  for (const mount of mounts) {
    const inside = real === mount.mountPoint || mount.mountPoint === "/" || real.startsWith(mount.mountPoint.endsWith("/") ? mount.mountPoint : mount.mountPoint + "/");
    if (inside && (!best || mount.mountPoint.length >= best.mountPoint.length)) best = mount;
  }
  return best;
}
__name(findMount, "findMount");
function unescapeMountField(field) {
  return field.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(parseInt(octal, 8)));
}
__name(unescapeMountField, "unescapeMountField");
var DATABASE_SUFFIX = ".rdm";
function resolveDatabaseName(dir) {
  const exists = /* @__PURE__ */ __name((where) => {
    try {
      statSync(where);
      return true;
    } catch {
      return false;
    }
  }, "exists");
  if (dir.endsWith(DATABASE_SUFFIX) || exists(dir)) return { dir, suffixed: false };
  const withSuffix = dir.replace(/\/+$/, "") + DATABASE_SUFFIX;
  return exists(withSuffix) ? { dir: withSuffix, suffixed: true } : { dir, suffixed: false };
}
__name(resolveDatabaseName, "resolveDatabaseName");
function filesystemId(real) {
  try {
    return fsid(real);
  } catch {
    return null;
  }
}
__name(filesystemId, "filesystemId");

// src/cli/locations.ts
function databaseNamed(sourceDir, out) {
  const named = resolveDatabaseName(sourceDir);
  if (named.suffixed) out.info(`${sourceDir} does not exist: using the database directory ${named.dir}`);
  return named;
}
__name(databaseNamed, "databaseNamed");
function refuseJournalInside(journalDir, dir, what) {
  const journal = realPathOf(journalDir);
  if (isWithin(journal, realPathOf(dir))) {
    throw new RdmJournalError(
      "JOURNAL_UNUSABLE",
      `journal ${journal} is inside the ${what} ${dir}`,
      { hint: `put the journal outside the ${what} directory (--journal DIR)` }
    );
  }
}
__name(refuseJournalInside, "refuseJournalInside");

export {
  Recorder,
  checkSource,
  DATABASE_SUFFIX,
  databaseNamed,
  refuseJournalInside
};
