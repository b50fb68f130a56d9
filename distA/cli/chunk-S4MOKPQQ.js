import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  DATA_DIR,
  DataFiles,
  dataFileName,
  decodeStoredOp,
  decodeStoredOpRef,
  formatRecord,
  fsyncDirectory,
  holdsNoData,
  isDamagedDatabase,
  isFileState,
  makeDirectories,
  nextFileState,
  openLevelDurably,
  readFormatRecord,
  seal,
  sealedLevel,
  storedAppend,
  unseal
} from "./chunk-AKKEC72L.js";
import {
  IN_CLOSE_WRITE,
  IN_MODIFY,
  IN_Q_OVERFLOW,
  Inotify,
  MAX_APPEND_BYTES,
  decodeOp,
  encodeOp,
  isSafeFileName,
  lockHolder,
  packr
} from "./chunk-R7ETIWN2.js";
import {
  RdmJournalError,
  isErrnoException,
  isLevelLocked,
  isNoSpace
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/journal/journal.ts
import path6 from "node:path";

// src/journal/commit-notify.ts
import { closeSync, constants, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
var NOTIFY_NAME = "notify";
var STAMP_BYTES = 24;
function readCommitStamp(journalDir) {
  let bytes;
  try {
    bytes = readFileSync(path.join(journalDir, NOTIFY_NAME));
  } catch {
    return { mark: 0n, pid: null };
  }
  return {
    mark: bytes.length >= 16 ? bytes.readBigUInt64BE(8) : 0n,
    pid: bytes.length >= STAMP_BYTES ? Number(bytes.readBigUInt64BE(16)) || null : null
  };
}
__name(readCommitStamp, "readCommitStamp");
var CommitStamp = class _CommitStamp {
  constructor(fd, highest) {
    this.fd = fd;
    this.highest = highest;
  }
  fd;
  highest;
  static {
    __name(this, "CommitStamp");
  }
  commits = 0n;
  stamp = Buffer.alloc(STAMP_BYTES);
  /** No commit since the file was last synced: a host that wrote nothing has nothing to sync on close. */
  synced = false;
  /** Starts stamping, from the mark the last host left; the file is durable before anything is committed. */
  static open(journalDir) {
    const previous = readCommitStamp(journalDir).mark;
    const fd = openSync(path.join(journalDir, NOTIFY_NAME), constants.O_RDWR | constants.O_CREAT, 384);
    const stamp = new _CommitStamp(fd, previous);
    stamp.write();
    fsyncSync(fd);
    stamp.synced = true;
    return stamp;
  }
  /** The highest mark committed, this host's included. */
  get mark() {
    return this.highest;
  }
  /** After a commit whose highest op seq is `mark` (0 when it holds no op): an event for every reader. */
  committed(mark) {
    if (this.fd === null) return;
    this.commits += 1n;
    this.synced = false;
    if (mark > this.highest) this.highest = mark;
    this.write();
  }
  /** Stops stamping: the last mark is synced, so it outlives a power cut after this host is gone. */
  close() {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      if (!this.synced) fsyncSync(fd);
    } catch {
    }
    closeSync(fd);
  }
  write() {
    this.stamp.writeBigUInt64BE(this.commits, 0);
    this.stamp.writeBigUInt64BE(this.highest, 8);
    this.stamp.writeBigUInt64BE(BigInt(process.pid), 16);
    writeSync(this.fd, this.stamp, 0, STAMP_BYTES, 0);
  }
};
var CommitWatcher = class {
  static {
    __name(this, "CommitWatcher");
  }
  inotify;
  constructor(journalDir, onCommit) {
    this.inotify = new Inotify((events) => {
      if (events.some((e) => e.name === NOTIFY_NAME || (e.mask & IN_Q_OVERFLOW) !== 0)) onCommit();
    });
    this.inotify.addWatch(journalDir, IN_MODIFY | IN_CLOSE_WRITE);
  }
  close() {
    this.inotify.close();
  }
};

// src/journal/schema.ts
var FORMAT_VERSION = 3;
var PREFIX = { meta: 109, op: 111, file: 102, index: 105, checkpoint: 99, target: 116 };
var INDEX_TYPES = { create: 99, append: 97, delete: 100, resync: 114 };
var TYPE_OF_CODE = new Map(Object.entries(INDEX_TYPES).map(([type, code]) => [code, type]));
var utf8 = new TextEncoder();
var fromUtf8 = new TextDecoder("utf-8", { fatal: true });
function opKey(seq) {
  const key = Buffer.alloc(9);
  key[0] = PREFIX.op;
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
}
__name(opKey, "opKey");
function indexKey(name, seq) {
  const body = utf8.encode(name);
  const key = Buffer.alloc(body.length + 10);
  key[0] = PREFIX.index;
  key.set(body, 1);
  key[body.length + 1] = 0;
  key.writeBigUInt64BE(BigInt(seq), body.length + 2);
  return key;
}
__name(indexKey, "indexKey");
function seqKey(prefix, seq) {
  const key = Buffer.alloc(9);
  key[0] = prefix;
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
}
__name(seqKey, "seqKey");
function indexFields(op) {
  return op.type === "append" ? [op.offset, op.data.length] : op.type === "delete" ? [op.size, 0] : [0, 0];
}
__name(indexFields, "indexFields");
function indexValue(op) {
  return packr.pack([INDEX_TYPES[op.type], op.at, ...indexFields(op)]);
}
__name(indexValue, "indexValue");
var DAMAGED_HINT = "the journal was damaged or written by another program; restore it from a copy, or start a new journal";
var isUint = /* @__PURE__ */ __name((v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0, "isUint");
function nameFromKey(body, what) {
  let name;
  try {
    name = fromUtf8.decode(body);
  } catch {
    throw new RdmJournalError("JOURNAL_CORRUPT", `journal ${what} key has a file name that is not UTF-8 (${Buffer.from(body).toString("hex")})`, { hint: DAMAGED_HINT });
  }
  if (!isSafeFileName(name)) {
    throw new RdmJournalError("JOURNAL_CORRUPT", `journal ${what} key names ${JSON.stringify(name)}, which is not a single path component`, { hint: DAMAGED_HINT });
  }
  return name;
}
__name(nameFromKey, "nameFromKey");
function nameOfIndexKey(key) {
  if (key.length < 11 || key[key.length - 9] !== 0) {
    throw new RdmJournalError("JOURNAL_CORRUPT", `journal index has a malformed key ${Buffer.from(key).toString("hex")} (expected i + name + 00 + 8-byte seq)`, { hint: DAMAGED_HINT });
  }
  return nameFromKey(key.subarray(1, key.length - 9), "index");
}
__name(nameOfIndexKey, "nameOfIndexKey");
function readIndexEntry(name, key, value) {
  if (key.length !== Buffer.byteLength(name) + 10) {
    throw new RdmJournalError("JOURNAL_CORRUPT", `journal index of ${name} has a malformed key ${Buffer.from(key).toString("hex")} (expected i + name + 00 + 8-byte seq)`, { hint: DAMAGED_HINT });
  }
  const seq = Buffer.from(key.buffer, key.byteOffset, key.byteLength).readBigUInt64BE(key.length - 8);
  let fields;
  try {
    fields = packr.unpack(value);
  } catch {
    fields = null;
  }
  const [code, at, offset, length] = Array.isArray(fields) ? fields : [];
  const type = TYPE_OF_CODE.get(code);
  const problem = !Array.isArray(fields) || fields.length !== 4 ? "is not an array [type, at, offset, length]" : type === void 0 ? `has unknown op type ${JSON.stringify(code)}` : seq < 1n || seq > BigInt(Number.MAX_SAFE_INTEGER) ? `is numbered ${seq}, outside 1..2^53-1` : typeof at !== "number" || !Number.isFinite(at) ? 'has an "at" that is not a number' : !isUint(offset) || !isUint(length) ? "has an offset or length that is not an unsigned integer" : type === "append" ? length === 0 || length > MAX_APPEND_BYTES ? `is an append of ${length} bytes, expected 1 to ${MAX_APPEND_BYTES}` : null : length !== 0 || type !== "delete" && offset !== 0 ? `is a ${type} with offset ${offset} and length ${length}` : null;
  if (problem) throw new RdmJournalError("JOURNAL_CORRUPT", `journal index entry of ${name} at op ${seq} ${problem}`, { hint: DAMAGED_HINT });
  return { seq: Number(seq), type, at, offset, length };
}
__name(readIndexEntry, "readIndexEntry");
function emptyStats() {
  return { head: 0, ops: { create: 0, append: 0, delete: 0, resync: 0 }, bytes: 0 };
}
__name(emptyStats, "emptyStats");
function emptyPruned() {
  return { horizon: 0, ops: { create: 0, append: 0, delete: 0, resync: 0 }, bytes: 0, at: 0 };
}
__name(emptyPruned, "emptyPruned");
function count(stats, op, seq) {
  stats.head = seq;
  stats.ops[op.type] += 1;
  if (op.type === "append") stats.bytes += op.data.length;
}
__name(count, "count");
function prefixed(prefix, name) {
  const body = utf8.encode(name);
  const key = new Uint8Array(body.length + 1);
  key[0] = prefix;
  key.set(body, 1);
  return key;
}
__name(prefixed, "prefixed");
function seqOfKey(key) {
  if (key.length !== 9) {
    throw new RdmJournalError(
      "JOURNAL_CORRUPT",
      `journal has a key of ${key.length} bytes among its ops (${Buffer.from(key).toString("hex")}); op keys are 9 bytes`,
      { hint: "the journal was damaged or written by another program; restore it from a copy, or start a new journal" }
    );
  }
  const seq = Buffer.from(key.buffer, key.byteOffset, key.byteLength).readBigUInt64BE(1);
  if (seq > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RdmJournalError(
      "JOURNAL_CORRUPT",
      `journal has an op numbered ${seq}, past the largest seq a journal can hold (2^53-1)`,
      { hint: "the journal was damaged or written by another program; restore it from a copy, or start a new journal" }
    );
  }
  return Number(seq);
}
__name(seqOfKey, "seqOfKey");
async function readMeta(db, name) {
  const bytes = await db.get(prefixed(PREFIX.meta, name));
  return bytes === void 0 ? null : packr.unpack(bytes);
}
__name(readMeta, "readMeta");
async function loadFileStates(db) {
  const files = /* @__PURE__ */ new Map();
  for await (const [key, value] of db.iterator({ gte: Uint8Array.of(PREFIX.file), lt: Uint8Array.of(PREFIX.file + 1) })) {
    const name = nameFromKey(key.subarray(1), "file state");
    let state;
    try {
      state = packr.unpack(value);
    } catch {
      state = null;
    }
    if (!isFileState(state)) {
      throw new RdmJournalError("JOURNAL_CORRUPT", `journal file state of ${name} is not a file state (unsigned ino, size, createdSeq, lastSeq and a tail within the size)`, { hint: DAMAGED_HINT });
    }
    files.set(name, state);
  }
  return files;
}
__name(loadFileStates, "loadFileStates");
async function readLastAt(db, head) {
  if (head === 0) return 0;
  try {
    const at = packr.unpack(await db.get(opKey(head))).at;
    return typeof at === "number" && Number.isFinite(at) ? at : 0;
  } catch {
    return 0;
  }
}
__name(readLastAt, "readLastAt");
function readOpStamp(seq, bytes) {
  const damaged2 = bytes.damaged;
  let value = null;
  try {
    if (damaged2 === void 0) value = packr.unpack(bytes);
  } catch {
  }
  const op = typeof value === "object" && value !== null ? value : {};
  const type = op.type;
  const length = type !== "append" ? 0 : op.data instanceof Uint8Array ? op.data.length : op.length;
  const problem = typeof damaged2 === "string" ? damaged2 : value === null ? "it is not a msgpack map" : !TYPE_OF_CODE_NAMES.has(type) ? `unknown op type ${JSON.stringify(op.type)}` : typeof op.at !== "number" || !Number.isFinite(op.at) ? 'field "at" is not a number' : !isUint(length) ? "an append without a length" : null;
  if (problem) throw new RdmJournalError("JOURNAL_CORRUPT", `journal op ${seq} is unreadable: ${problem}`, { hint: DAMAGED_HINT });
  return { seq, type, at: op.at, length };
}
__name(readOpStamp, "readOpStamp");
var TYPE_OF_CODE_NAMES = new Set(Object.keys(INDEX_TYPES));
async function isEmpty(db) {
  for await (const _ of db.keys({ limit: 1 })) return false;
  return true;
}
__name(isEmpty, "isEmpty");
async function readHead(db) {
  for await (const key of db.keys({ gte: opKey(0), lt: Uint8Array.of(PREFIX.op + 1), reverse: true, limit: 1 })) {
    return seqOfKey(key);
  }
  return 0;
}
__name(readHead, "readHead");

// src/journal/open.ts
import { chmodSync as chmodSync2, existsSync, readdirSync as readdirSync2, statSync, statfsSync } from "node:fs";
import path4 from "node:path";

// src/journal/shared-level.ts
import { EventEmitter } from "node:events";
import { chmodSync, readFileSync as readFileSync2, unlinkSync } from "node:fs";
import net from "node:net";
import path2 from "node:path";
import { pipeline } from "node:stream";
var SOCKET_NAME = "journal.sock";
var HANDOVER_NAME = "handover.sock";
var ITERATOR_BATCH = 256;
var LOST = /* @__PURE__ */ new Set(["LEVEL_CONNECTION_LOST", "LEVEL_DATABASE_NOT_OPEN", "LEVEL_ITERATOR_NOT_OPEN"]);
var LOCKED_GIVE_UP_MS = 5e3;
var YIELD_GIVE_UP_MS = 2e3;
var HOST_CHECK_MS = 2e3;
var HOST_POLL_MS = 250;
var HOST_SILENT_GIVE_UP_MS = 6e4;
var sleep = /* @__PURE__ */ __name((ms) => new Promise((resolve) => setTimeout(resolve, ms)), "sleep");
var SharedLevel = class extends EventEmitter {
  static {
    __name(this, "SharedLevel");
  }
  role = null;
  location;
  socketPath;
  hostOptions;
  backend = null;
  electing = null;
  closed = false;
  server = null;
  sockets = /* @__PURE__ */ new Set();
  /** Set while this process hosts: the stamp it rewrites after every commit. */
  stamp = null;
  markOf;
  sharing;
  /** Set by `claimHosting`: this process is the writer and hosts, never a guest for long. */
  wantsToHost = false;
  handoverServer = null;
  /**
   * `hostOptions` are level@10's, used when this process hosts (createIfMissing, writeBufferSize).
   * `markOf` gives a batch's mark (the journal: its highest op seq): the host keeps the highest
   * mark committed in the notify file, so a reader can tell that LevelDB lost committed batches.
   */
  constructor(location, hostOptions = {}, markOf, sharing = {}) {
    super();
    this.sharing = sharing;
    this.location = path2.resolve(location);
    this.socketPath = path2.join(this.location, SOCKET_NAME);
    this.hostOptions = hostOptions;
    this.markOf = markOf;
  }
  /** The highest mark any host committed, from the notify file (0 when none was written). */
  readMark() {
    return this.stamp?.mark ?? readCommitStamp(this.location).mark;
  }
  async open() {
    await this.ready();
  }
  /**
   * Makes this process the host, asking the current host to hand over; for the journal's writer,
   * which must not wait on a reader that is stopped. Fails with JOURNAL_HOST_STOPPED when the
   * host does not answer because it is stopped.
   */
  async claimHosting() {
    this.wantsToHost = true;
    const backend = await this.ready();
    if (backend.kind === "host") return;
    backend.lost = true;
    if (this.backend === backend) this.backend = null;
    const hosting = this.ready();
    backend.sock?.destroy();
    await hosting;
  }
  async get(key) {
    return this.run(async (b) => {
      if (b.kind === "host") return b.db.get(key);
      return this.watched(b.db.get(key)).catch((err) => {
        if (err.code === "LEVEL_NOT_FOUND") return void 0;
        throw err;
      });
    });
  }
  async batch(ops, options = {}) {
    await this.run(async (b) => {
      if (b.kind === "guest") return this.watched(b.db.batch(ops, options));
      await b.db.batch(ops, options);
      this.notify(ops);
    });
  }
  /** Entries in range, in key order; after a lost host, resumes after the last key yielded. */
  iterator(options = {}) {
    return this.iterate(options, "iterator");
  }
  keys(options = {}) {
    return this.iterate(options, "keys");
  }
  /**
   * Compacts a key range so LevelDB drops what was deleted there and returns the space. Only the
   * host can (many-level has no such call): a guest returns false and the host's own background
   * compaction gets to it in time.
   */
  async compactRange(start, end) {
    return this.run(async (b) => {
      if (b.kind !== "host") return false;
      await b.db.compactRange(start, end);
      return true;
    });
  }
  async close() {
    this.closed = true;
    const backend = this.backend;
    this.backend = null;
    await this.stopServing();
    if (backend) await backend.db.close();
    backend?.sock?.destroy();
  }
  /** Stops serving guests (they elect again) and writing the notify file. */
  async stopServing() {
    this.handoverServer?.close();
    this.handoverServer = null;
    if (this.server) {
      const server = this.server;
      this.server = null;
      for (const socket of this.sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
    this.stamp?.close();
    this.stamp = null;
  }
  ready() {
    if (this.backend) return Promise.resolve(this.backend);
    this.electing ??= this.elect().catch((err) => {
      throw this.sharing.electionFailure?.(err) ?? err;
    }).finally(() => {
      this.electing = null;
    });
    return this.electing;
  }
  /**
   * The writer asked for hosting: stop serving, close LevelDB, and join the writer as a guest.
   * Our own calls wait for that (the election is set before anything else happens); those in
   * flight on the closed database fail as lost and run again on the writer's host.
   */
  handOver(backend, answer) {
    backend.lost = true;
    this.backend = null;
    this.role = null;
    this.electing = (async () => {
      try {
        unlinkSync(this.socketPath);
      } catch {
      }
      await this.stopServing();
      await backend.db.close();
      answer.end("ok\n");
      return this.elect();
    })().catch((err) => {
      throw this.sharing.electionFailure?.(err) ?? err;
    }).finally(() => {
      this.electing = null;
    });
    this.electing.then(() => this.emit("reconnect"), () => this.emit("reconnect"));
  }
  /** Joins the host if one serves the socket; otherwise becomes the host. */
  async elect() {
    const started = Date.now();
    let yields = null;
    for (; ; ) {
      if (this.closed) throw Object.assign(new Error("the journal is closed"), { code: "LEVEL_DATABASE_NOT_OPEN" });
      const socket = await connect(this.socketPath);
      if (socket && this.wantsToHost) {
        socket.destroy();
        if (await this.askHandover()) continue;
        const again = await connect(this.socketPath);
        if (again) return this.becomeGuest(again);
        continue;
      }
      if (socket) return this.becomeGuest(socket);
      if (!this.wantsToHost && Date.now() - started < YIELD_GIVE_UP_MS) {
        yields ??= await this.sharing.yieldsHosting?.() ?? false;
        if (yields) {
          await sleep(5 + Math.random() * 10);
          continue;
        }
      }
      const { Level } = await import("./chunk-MNW6XYU5.js");
      const db = new Level(this.location, { keyEncoding: "view", valueEncoding: "view", ...this.hostOptions });
      try {
        await db.open();
      } catch (err) {
        if (!isLevelLocked(err)) throw err;
        if (Date.now() - started > LOCKED_GIVE_UP_MS) throw err;
        await sleep(5 + Math.random() * 10);
        continue;
      }
      return this.becomeHost(db);
    }
  }
  async becomeHost(db) {
    try {
      unlinkSync(this.socketPath);
    } catch (err) {
      if (!isErrnoException(err, "ENOENT")) throw err;
    }
    this.stamp = CommitStamp.open(this.location);
    const backend = { kind: "host", db };
    await this.serveHandover(backend);
    let host = null;
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on("error", () => {
      });
      host ??= import("./chunk-VVPKAON5.js").then(({ ManyLevelHost }) => new ManyLevelHost(callbackAdapter(db, (ops) => this.notify(ops))));
      host.then(
        (serving) => pipeline(socket, serving.createRpcStream(), socket, () => this.sockets.delete(socket)),
        () => {
          socket.destroy();
          this.sockets.delete(socket);
        }
      );
    });
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.socketPath, () => resolve());
    });
    chmodSync(this.socketPath, 384);
    server.unref();
    this.server = server;
    this.backend = backend;
    this.role = "host";
    this.emit("role", "host");
    return this.backend;
  }
  async becomeGuest(socket) {
    socket.on("error", () => {
    });
    const { ManyLevelGuest } = await import("./chunk-VVPKAON5.js");
    const guest = new ManyLevelGuest({ keyEncoding: "view", valueEncoding: "view", retry: false });
    const backend = { kind: "guest", db: guest, sock: socket };
    pipeline(socket, guest.createRpcStream({ ref: socket }), socket, () => {
      backend.lost = true;
      if (this.backend === backend) this.backend = null;
      guest.close().catch(() => {
      });
      if (!this.closed) this.ready().then(() => this.emit("reconnect"), () => this.emit("reconnect"));
    });
    await guest.open();
    this.backend = backend;
    this.role = "guest";
    this.emit("role", "guest");
    return backend;
  }
  async run(call) {
    for (; ; ) {
      const backend = await this.ready();
      try {
        return await call(backend);
      } catch (err) {
        if (this.closed || !(backend.lost || LOST.has(err.code ?? ""))) throw err;
        if (this.backend === backend) this.backend = null;
      }
    }
  }
  async *iterate(options, mode) {
    let last = null;
    let yielded = 0;
    for (; ; ) {
      const backend = await this.ready();
      const range = { ...options };
      if (last) {
        if (range.reverse) {
          delete range.lte;
          range.lt = last;
        } else {
          delete range.gte;
          range.gt = last;
        }
        if (range.limit !== void 0 && range.limit >= 0) range.limit -= yielded;
      }
      try {
        const iterator = backend.db[mode](range);
        const watch = /* @__PURE__ */ __name((call) => backend.kind === "guest" ? this.watched(call) : call, "watch");
        let failed = false;
        try {
          for (; ; ) {
            const items = await watch(iterator.nextv(ITERATOR_BATCH)).catch((err) => {
              failed = true;
              throw err;
            });
            if (items.length === 0) return;
            for (const item of items) {
              last = mode === "keys" ? item : item[0];
              yielded += 1;
              yield item;
            }
          }
        } finally {
          if (failed) iterator.close().catch(() => {
          });
          else await watch(iterator.close());
        }
      } catch (err) {
        if (this.closed || !(backend.lost || LOST.has(err.code ?? ""))) throw err;
        if (this.backend === backend) this.backend = null;
      }
    }
  }
  /** After a commit: the stamp's rewrite wakes every reader watching the journal (commit-notify.ts). */
  notify(ops) {
    this.stamp?.committed(this.markOf?.(ops) ?? 0n);
  }
  /**
   * A guest's call, failed with JOURNAL_HOST_STOPPED when the host is stopped (or silent too
   * long) instead of waiting for ever. A running host is waited for: a slow disk is no failure.
   */
  watched(call) {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const waited = Date.now() - started;
        if (waited < HOST_CHECK_MS) return;
        const stalled = this.hostStalled(waited);
        if (stalled) {
          clearInterval(timer);
          reject(stalled);
        }
      }, HOST_POLL_MS);
      call.then((value) => {
        clearInterval(timer);
        resolve(value);
      }, (err) => {
        clearInterval(timer);
        reject(err);
      });
    });
  }
  hostStalled(waited) {
    const pid = readCommitStamp(this.location).pid;
    const state = pid === null ? null : processState(pid);
    const stopped = state === "T" || state === "t";
    if (!stopped && waited < HOST_SILENT_GIVE_UP_MS) return null;
    const who = pid === null ? "the process hosting it" : `process ${pid}, which hosts it,`;
    return new RdmJournalError(
      "JOURNAL_HOST_STOPPED",
      `journal ${this.location}: ${who} ${stopped ? "is stopped" : "does not answer"} (a call waited ${Math.round(waited / 1e3)} s)`,
      { hint: pid === null ? "find the rdm-journal process using this journal and resume it (kill -CONT) or stop it" : `resume it with \`kill -CONT ${pid}\`, or stop it (\`kill ${pid}\`): another process then takes over` }
    );
  }
  /** Serves `handover.sock`: a writer's request makes this host hand hosting over. */
  async serveHandover(backend) {
    const file = path2.join(this.location, HANDOVER_NAME);
    try {
      unlinkSync(file);
    } catch (err) {
      if (!isErrnoException(err, "ENOENT")) throw err;
    }
    const server = net.createServer((conn) => {
      conn.on("error", () => {
      });
      conn.setEncoding("utf8");
      conn.once("data", (line) => {
        if (line.trim() !== "handover" || this.backend !== backend || this.closed) conn.end("no\n");
        else this.handOver(backend, conn);
      });
    });
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(file, () => resolve());
    });
    chmodSync(file, 384);
    server.unref();
    this.handoverServer = server;
  }
  /**
   * Asks the host to hand hosting over; true once it let go of LevelDB, false when it cannot (no
   * handover socket: an older host). Fails with JOURNAL_HOST_STOPPED when the host is stopped.
   */
  async askHandover() {
    const conn = await connect(path2.join(this.location, HANDOVER_NAME));
    if (!conn) return false;
    const answer = new Promise((resolve) => {
      let text = "";
      conn.setEncoding("utf8");
      conn.on("data", (chunk) => {
        text += chunk;
      });
      conn.on("error", () => resolve(false));
      conn.on("close", () => resolve(text.trim() === "ok"));
    });
    conn.end("handover\n");
    try {
      return await this.watched(answer);
    } finally {
      conn.destroy();
    }
  }
};
function processState(pid) {
  try {
    const stat = readFileSync2(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) || null;
  } catch {
    return null;
  }
}
__name(processState, "processState");
function connect(socketPath) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    socket.once("connect", () => {
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", (err) => ["ENOENT", "ECONNREFUSED", "ECONNRESET", "EPIPE"].includes(err.code ?? "") ? resolve(null) : reject(err));
  });
}
__name(connect, "connect");
function callbackAdapter(db, onCommit) {
  const settle = /* @__PURE__ */ __name((promise, callback) => {
    promise.then((v) => callback(null, v), (e) => callback(e));
  }, "settle");
  const notFound = /* @__PURE__ */ __name(() => Object.assign(new Error("NotFound"), { code: "LEVEL_NOT_FOUND" }), "notFound");
  const synced = /* @__PURE__ */ __name((options) => ({ ...options, sync: true }), "synced");
  const wrap = /* @__PURE__ */ __name((it) => ({
    nextv: /* @__PURE__ */ __name((size, callback) => settle(it.nextv(size), callback), "nextv"),
    seek: /* @__PURE__ */ __name((target, options) => it.seek(target, options), "seek"),
    close: /* @__PURE__ */ __name((callback) => settle(it.close(), callback), "close")
  }), "wrap");
  return {
    supports: { events: {} },
    open: /* @__PURE__ */ __name((options, callback) => settle(db.open(options), callback), "open"),
    get: /* @__PURE__ */ __name((key, options, callback) => db.get(key, options).then((value) => value === void 0 ? callback(notFound()) : callback(null, value), callback), "get"),
    getMany: /* @__PURE__ */ __name((keys, options, callback) => settle(db.getMany(keys, options), callback), "getMany"),
    put: /* @__PURE__ */ __name((key, value, options, callback) => settle(db.put(key, value, synced(options)), callback), "put"),
    del: /* @__PURE__ */ __name((key, options, callback) => settle(db.del(key, synced(options)), callback), "del"),
    batch: /* @__PURE__ */ __name((ops, options, callback) => settle(db.batch(ops, synced(options)).then(() => onCommit(ops)), callback), "batch"),
    clear: /* @__PURE__ */ __name((options, callback) => settle(db.clear(options), callback), "clear"),
    iterator: /* @__PURE__ */ __name((options) => wrap(db.iterator(options)), "iterator"),
    keys: /* @__PURE__ */ __name((options) => wrap(db.keys(options)), "keys"),
    values: /* @__PURE__ */ __name((options) => wrap(db.values(options)), "values")
  };
}
__name(callbackAdapter, "callbackAdapter");

// src/journal/locks.ts
import { readdirSync, rmSync } from "node:fs";
import path3 from "node:path";
var RECORDER_LOCK = "recorder.lock";
var PRUNE_LOCK = "prune.lock";
var RETRY_MS = 20;
var heldHere = /* @__PURE__ */ new Set();
async function takeLock(journalDir, name, waitMs) {
  const location = path3.join(journalDir, name);
  for (const started = Date.now(); ; ) {
    const lock = await tryLock(location);
    if (lock) return lock;
    if (Date.now() - started >= waitMs) return null;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
__name(takeLock, "takeLock");
async function tryLock(location) {
  if (heldHere.has(location)) return null;
  heldHere.add(location);
  try {
    const db = await openLockDatabase(location);
    return { close: /* @__PURE__ */ __name(async () => {
      try {
        await db.close();
      } finally {
        heldHere.delete(location);
      }
    }, "close") };
  } catch (err) {
    heldHere.delete(location);
    if (isLevelLocked(err)) return null;
    throw err;
  }
}
__name(tryLock, "tryLock");
function lockHeld(journalDir, name) {
  const location = path3.join(journalDir, name);
  if (heldHere.has(location)) return true;
  return lockHolder(path3.join(location, "LOCK")) !== null;
}
__name(lockHeld, "lockHeld");
async function openLockDatabase(location) {
  const { Level } = await import("./chunk-MNW6XYU5.js");
  try {
    const lock2 = new Level(location);
    await lock2.open();
    return lock2;
  } catch (err) {
    if (!isDamagedDatabase(err)) throw err;
  }
  for (const name of readdirSync(location)) {
    if (name !== "LOCK") rmSync(path3.join(location, name), { force: true });
  }
  const lock = new Level(location);
  await lock.open();
  return lock;
}
__name(openLockDatabase, "openLockDatabase");

// src/journal/open.ts
var WRITE_BUFFER_BYTES = 16 * 1024 * 1024;
var MAX_OPEN_FILES = 100;
function highestOpSeq(ops) {
  let highest = 0n;
  for (const op of ops) {
    if (op.type !== "put" || op.key.length !== 9 || op.key[0] !== PREFIX.op) continue;
    const seq = Buffer.from(op.key.buffer, op.key.byteOffset, op.key.byteLength).readBigUInt64BE(1);
    if (seq > highest) highest = seq;
  }
  return highest;
}
__name(highestOpSeq, "highestOpSeq");
var OWN_ENTRIES = /* @__PURE__ */ new Set([SOCKET_NAME, HANDOVER_NAME, NOTIFY_NAME, RECORDER_LOCK, PRUNE_LOCK]);
function hasLittleSpace(where) {
  try {
    const { bavail, bsize } = statfsSync(where);
    return bavail * bsize < WRITE_BUFFER_BYTES;
  } catch {
    return false;
  }
}
__name(hasLittleSpace, "hasLittleSpace");
function prepareJournalDirectory(where, create) {
  const isNew = checkJournalDirectory(where, create);
  try {
    if (isNew) makeDirectories(where, 448);
  } catch (err) {
    throw new RdmJournalError(
      "JOURNAL_UNUSABLE",
      `journal ${where} cannot be created: ${err.message}`,
      { hint: "give a journal path you can write to", detail: "journal-not-creatable", cause: err }
    );
  }
  keepPrivate(where);
}
__name(prepareJournalDirectory, "prepareJournalDirectory");
function checkJournalDirectory(where, create) {
  let entries;
  try {
    if (!statSync(where).isDirectory()) {
      throw new RdmJournalError(
        "JOURNAL_UNUSABLE",
        `journal path ${where} is not a directory`,
        { hint: "give a directory for the journal, or a path that does not exist yet", detail: "journal-not-directory" }
      );
    }
    entries = readdirSync2(where);
  } catch (err) {
    if (err instanceof RdmJournalError) throw err;
    if (isErrnoException(err, "ENOENT")) {
      if (create) return true;
      throw new RdmJournalError(
        "JOURNAL_NOT_FOUND",
        `no journal at ${where}`,
        { hint: "record a source into it first, or give an existing journal", detail: "journal-missing" }
      );
    }
    throw new RdmJournalError(
      "JOURNAL_UNUSABLE",
      `journal path ${where} cannot be read: ${err.message}`,
      { hint: "check the permissions of the journal directory", cause: err }
    );
  }
  entries = entries.filter((name) => !OWN_ENTRIES.has(name));
  if (entries.length === 0) {
    if (create) return true;
    throw new RdmJournalError(
      "JOURNAL_NOT_FOUND",
      `${where} is an empty directory, not a journal`,
      { hint: "record a source into it first", detail: "journal-missing" }
    );
  }
  if (!existsSync(path4.join(where, "CURRENT"))) {
    if (create && holdsNoData(where, entries)) return true;
    throw new RdmJournalError(
      "JOURNAL_UNUSABLE",
      `${where} is not empty and is not a journal (no LevelDB CURRENT file)`,
      { hint: "choose an empty or new directory for the journal", detail: "journal-not-empty" }
    );
  }
  return false;
}
__name(checkJournalDirectory, "checkJournalDirectory");
async function openDatabase(where, create) {
  const make = /* @__PURE__ */ __name((createIfMissing) => new SharedLevel(
    where,
    { createIfMissing, writeBufferSize: WRITE_BUFFER_BYTES, maxOpenFiles: MAX_OPEN_FILES },
    highestOpSeq,
    { yieldsHosting: /* @__PURE__ */ __name(async () => lockHeld(where, RECORDER_LOCK), "yieldsHosting"), electionFailure: /* @__PURE__ */ __name((err) => openFailure(where, err), "electionFailure") }
  ), "make");
  try {
    return await openLevelDurably(where, make, { create, ignore: OWN_ENTRIES });
  } catch (err) {
    throw openFailure(where, err);
  }
}
__name(openDatabase, "openDatabase");
function keepPrivate(where) {
  try {
    chmodSync2(where, 448);
  } catch (err) {
    throw new RdmJournalError(
      "JOURNAL_UNUSABLE",
      `journal ${where} cannot be made private (chmod 700): ${err.message}`,
      { hint: "run as the journal directory's owner", cause: err }
    );
  }
}
__name(keepPrivate, "keepPrivate");
function openFailure(where, err) {
  if (err instanceof RdmJournalError) return err;
  const cause = err.cause ?? err;
  if (isNoSpace(err)) {
    return new RdmJournalError(
      "JOURNAL_NO_SPACE",
      `journal ${where} cannot be opened: its disk is full (${cause.message})`,
      { hint: "free space and run the command again", cause: err }
    );
  }
  if (isLevelLocked(err)) {
    return new RdmJournalError(
      "JOURNAL_LOCKED",
      `journal ${where} is held by a process that does not share it (LevelDB lock held, no ${SOCKET_NAME})`,
      { hint: "an older rdm-journal is using it: stop that process, or use another journal", detail: "journal-held-by-older", cause: err }
    );
  }
  if (isErrnoException(cause, "LEVEL_CORRUPTION")) {
    return new RdmJournalError(
      "JOURNAL_CORRUPT",
      `journal ${where} is damaged: ${cause.message}`,
      { hint: "restore the journal from a copy, or start a new journal", cause: err }
    );
  }
  return new RdmJournalError(
    "JOURNAL_UNUSABLE",
    `journal ${where} cannot be opened: ${cause.message}`,
    { hint: "check that the directory is writable and on a local filesystem", cause: err }
  );
}
__name(openFailure, "openFailure");
async function readOrWriteFormat(db, where, create) {
  const formatKey = prefixed(PREFIX.meta, "format");
  const stored = await db.get(formatKey).catch((err) => {
    throw unreadableFormat(where, err);
  });
  if (stored === void 0) {
    const empty = await isEmpty(db);
    if (empty && !create) {
      throw new RdmJournalError(
        "JOURNAL_NOT_FOUND",
        `${where} is a journal that was never initialised`,
        { hint: "record a source into it first", detail: "journal-missing" }
      );
    }
    if (!empty) {
      throw new RdmJournalError(
        "JOURNAL_CORRUPT",
        `${where} is a LevelDB database without a journal format record`,
        { hint: "it is not an rdm-journal journal; choose another journal", detail: "journal-not-a-journal" }
      );
    }
    const createdAt2 = Date.now();
    await db.batch([{ type: "put", key: formatKey, value: formatRecord({ version: FORMAT_VERSION, createdAt: createdAt2 }) }], { sync: true });
    return { createdAt: createdAt2, version: FORMAT_VERSION };
  }
  const read = readFormatRecord(stored);
  const damaged2 = /* @__PURE__ */ __name((problem) => new RdmJournalError(
    "JOURNAL_CORRUPT",
    `journal ${where} has a damaged format record (m format): ${problem}`,
    { hint: "restore the journal from a copy, or start a new journal" }
  ), "damaged");
  if ("problem" in read) throw damaged2(read.problem);
  const { version, createdAt, upgradeAfter, upgradedFrom, sealed } = read.fields;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new RdmJournalError("JOURNAL_CORRUPT", `journal ${where} has an unreadable format version ${JSON.stringify(version)}`);
  }
  if (version > FORMAT_VERSION) {
    throw new RdmJournalError(
      "JOURNAL_VERSION",
      `journal ${where} is format version ${version}; this rdm-journal reads versions 1 to ${FORMAT_VERSION}`,
      { hint: "upgrade rdm-journal to read this journal" }
    );
  }
  if (version >= 3 && !sealed) throw damaged2(`a format ${version} record has no seal`);
  if (upgradeAfter !== void 0 && !(upgradeAfter instanceof Uint8Array && upgradedFrom === 2 && version === 3)) {
    throw damaged2("an upgrade under way without a key to resume after, or not from format 2 to 3");
  }
  return {
    createdAt: typeof createdAt === "number" ? createdAt : 0,
    version,
    ...upgradeAfter instanceof Uint8Array ? { upgradeAfter } : {},
    ...typeof upgradedFrom === "number" ? { upgradedFrom } : {}
  };
}
__name(readOrWriteFormat, "readOrWriteFormat");
function unreadableFormat(where, err) {
  const code = err.code;
  if (err instanceof RdmJournalError || code !== void 0 && code !== "LEVEL_CORRUPTION") return err;
  return new RdmJournalError(
    "JOURNAL_CORRUPT",
    `journal ${where} is damaged: its format record cannot be read (${err.message})`,
    { hint: "restore the journal from a copy, or start a new journal", cause: err }
  );
}
__name(unreadableFormat, "unreadableFormat");

// src/journal/upgrade.ts
import { constants as constants2 } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import path5 from "node:path";
var SEALED_VERSION = 3;
var INDEXED_VERSION = 2;
var UPGRADE_BATCH_OPS = 4096;
var RESEAL_BATCH_RECORDS = 2048;
var DATA_BATCH_BYTES = 1024 * 1024;
var MAX_OPEN_DATA_FILES = 32;
var FORMAT_KEY = Buffer.from("mformat", "latin1");
var KILL_AFTER_ENV = "RDM_JOURNAL_TEST_UPGRADE_KILL_AFTER";
async function underUpgradeLocks(upgrade) {
  const { location } = upgrade;
  const lock = await takeLock(location, RECORDER_LOCK, 0).catch((err) => {
    throw openFailure(location, err);
  });
  if (!lock) {
    throw new RdmJournalError(
      "JOURNAL_LOCKED",
      `journal ${location} is format ${upgrade.version} and another process holds its recorder lock (an older rdm-journal recording, or an upgrade running)`,
      { hint: "let the upgrade finish, or stop that recorder, then run this command again: the journal is upgraded once, in place" }
    );
  }
  try {
    const pruneLock = await upgrade.lockForPruning(6e4);
    if (!pruneLock) {
      throw new RdmJournalError(
        "JOURNAL_LOCKED",
        `journal ${location} is being pruned by another process; it is upgraded once no prune runs`,
        { hint: "run this command again when the prune has finished" }
      );
    }
    try {
      await upgrade.steps();
    } finally {
      await pruneLock.close();
    }
    await upgrade.switchOver();
  } catch (err) {
    if (isNoSpace(err)) {
      throw new RdmJournalError(
        "JOURNAL_NO_SPACE",
        `journal ${location} ran out of disk space while being upgraded`,
        { hint: "free space and run the command again: the upgrade resumes, and the journal is readable as before until it completes", cause: err }
      );
    }
    throw err;
  } finally {
    await lock.close();
  }
}
__name(underUpgradeLocks, "underUpgradeLocks");
async function indexOps(db, ops, createdAt, from) {
  const stats = emptyStats();
  let writes = [];
  for await (const op of ops) {
    if (op.file !== void 0) writes.push({ type: "put", key: indexKey(op.file, op.seq), value: indexValue(op) });
    count(stats, op, op.seq);
    if (op.seq % UPGRADE_BATCH_OPS === 0) {
      writes.push({ type: "put", key: seqKey(PREFIX.checkpoint, op.seq), value: packr.pack(stats.bytes) });
      await db.batch(writes);
      writes = [];
    }
  }
  writes.push({ type: "put", key: seqKey(PREFIX.checkpoint, stats.head), value: packr.pack(stats.bytes) });
  writes.push({ type: "put", key: prefixed(PREFIX.meta, "stats"), value: packr.pack(stats) });
  writes.push({ type: "put", key: prefixed(PREFIX.meta, "format"), value: packr.pack({ version: INDEXED_VERSION, createdAt, upgradedFrom: from }) });
  await db.batch(writes, { sync: true });
}
__name(indexOps, "indexOps");
async function upgradeToSealed(upgrade) {
  const killer = batchKiller();
  let after = upgrade.resumeAfter;
  if (after === null) {
    await writeDataFiles(upgrade, killer);
    after = new Uint8Array(0);
    await upgrade.db.batch([formatPut(upgrade, after)], { sync: true });
  }
  await resealRecords(upgrade, after, killer);
  await upgrade.db.batch([formatPut(upgrade, null)], { sync: true });
}
__name(upgradeToSealed, "upgradeToSealed");
function formatPut({ createdAt, from }, upgradeAfter) {
  const fields = { version: SEALED_VERSION, createdAt, upgradedFrom: from, ...upgradeAfter ? { upgradeAfter } : {} };
  return { type: "put", key: FORMAT_KEY, value: formatRecord(fields) };
}
__name(formatPut, "formatPut");
function batchKiller() {
  const limit = Number(process.env[KILL_AFTER_ENV] ?? 0);
  let batches = 0;
  return () => {
    batches += 1;
    if (limit > 0 && batches >= limit) process.kill(process.pid, "SIGKILL");
  };
}
__name(batchKiller, "batchKiller");
async function writeDataFiles({ db, location, head, onProgress }, batchDone) {
  const dir = path5.join(location, DATA_DIR);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { mode: 448 });
  fsyncDirectory(location);
  const lives = /* @__PURE__ */ new Map();
  const files = new DataFileWriter(dir);
  let bytes = 0;
  for await (const [key, value] of db.iterator({ gte: Uint8Array.of(PREFIX.op), lt: Uint8Array.of(PREFIX.op + 1) })) {
    const op = decodeOp(seqOfKey(key), value);
    if (op.type === "create") lives.set(op.file, op.seq);
    if (op.type === "delete") await files.end(lives.get(op.file));
    if (op.type === "delete") lives.delete(op.file);
    if (op.type !== "append") continue;
    const life = lives.get(op.file);
    if (life === void 0) throw damaged(location, `op ${op.seq} appends to ${op.file}, which no earlier op created`);
    await files.write(life, op.offset, op.data);
    bytes += op.data.length;
    if (bytes >= DATA_BATCH_BYTES) {
      bytes = 0;
      onProgress?.({ step: "data", seq: op.seq, head });
      batchDone();
    }
  }
  await files.close();
  fsyncDirectory(dir);
}
__name(writeDataFiles, "writeDataFiles");
var DataFileWriter = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  static {
    __name(this, "DataFileWriter");
  }
  open = /* @__PURE__ */ new Map();
  async write(life, offset, data) {
    let handle = this.open.get(life);
    if (!handle) {
      handle = await open(path5.join(this.dir, dataFileName(life)), constants2.O_WRONLY | constants2.O_CREAT, 384);
      this.open.set(life, handle);
      if (this.open.size > MAX_OPEN_DATA_FILES) await this.end(this.open.keys().next().value);
    }
    for (let done = 0; done < data.length; ) done += (await handle.write(data, done, data.length - done, offset + done)).bytesWritten;
  }
  async end(life) {
    const handle = life === void 0 ? void 0 : this.open.get(life);
    if (!handle) return;
    this.open.delete(life);
    await handle.datasync();
    await handle.close();
  }
  async close() {
    for (const life of [...this.open.keys()]) await this.end(life);
  }
};
async function resealRecords(upgrade, after, batchDone) {
  const lives = new LifeFinder(upgrade);
  let records = 0;
  for (; ; ) {
    const writes = [];
    let last = null;
    for await (const [key, value] of upgrade.db.iterator({ ...after.length > 0 ? { gt: after } : {}, limit: RESEAL_BATCH_RECORDS })) {
      last = key;
      if (Buffer.compare(key, FORMAT_KEY) === 0) continue;
      writes.push({ type: "put", key, value: seal(key, await lives.stored(key, value)) });
    }
    if (last === null) return;
    writes.push(formatPut(upgrade, last));
    await upgrade.db.batch(writes, { sync: true });
    after = last;
    records += writes.length - 1;
    upgrade.onProgress?.({ step: "seal", records });
    batchDone();
  }
}
__name(resealRecords, "resealRecords");
var LifeFinder = class {
  constructor(upgrade) {
    this.upgrade = upgrade;
  }
  upgrade;
  static {
    __name(this, "LifeFinder");
  }
  lives = /* @__PURE__ */ new Map();
  async stored(key, value) {
    if (key[0] !== PREFIX.op) return value;
    const op = decodeOp(seqOfKey(key), value);
    if (op.type === "create") this.lives.set(op.file, op.seq);
    if (op.type === "delete") this.lives.delete(op.file);
    if (op.type !== "append") return value;
    const life = this.lives.get(op.file) ?? await this.lifeFromIndex(op.file, op.seq);
    this.lives.set(op.file, life);
    return storedAppend(op, life);
  }
  async lifeFromIndex(file, seq) {
    const { db, location } = this.upgrade;
    for await (const [key, value] of db.iterator({ gte: indexKey(file, 0), lt: indexKey(file, seq), reverse: true })) {
      const entry = readIndexEntry(file, key, unseal(key, value, location));
      if (entry.type === "create") return entry.seq;
      if (entry.type === "delete") break;
    }
    throw damaged(location, `op ${seq} appends to ${file}, whose create the per-file index does not hold`);
  }
};
function damaged(location, problem) {
  return new RdmJournalError(
    "JOURNAL_CORRUPT",
    `journal ${location} cannot be upgraded: ${problem}`,
    { hint: "the journal was damaged; restore it from a copy, or start a new journal" }
  );
}
__name(damaged, "damaged");

// src/journal/file-index.ts
var FileIndex = class {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(journal, database) {
    this.journal = journal;
    this.database = database;
  }
  journal;
  database;
  static {
    __name(this, "FileIndex");
  }
  get db() {
    return this.database();
  }
  /** The ops of one file, from the index (no data is read), with after < seq <= upTo, in order. */
  async *fileOps(name, { after = 0, upTo = Number.MAX_SAFE_INTEGER, reverse = false } = {}) {
    this.journal.requireVersion("per-file queries");
    if (!isSafeFileName(name)) {
      throw new RdmJournalError(
        "NOT_IN_JOURNAL",
        `journal ${this.journal.location} holds no file named ${JSON.stringify(name)}: file names are single path components`,
        { hint: "give a file name as the journal holds it (p00000001.pack)", detail: "file-name-not-a-component" }
      );
    }
    for await (const [key, value] of this.db.iterator({ gt: indexKey(name, after), lte: indexKey(name, upTo), reverse })) {
      yield readIndexEntry(name, key, value);
    }
  }
  /**
   * The op an index entry of `name` points to, checked against the entry: the same kind, on `name`,
   * with the entry's offset and length. An index that points elsewhere is JOURNAL_CORRUPT: what is
   * rebuilt from it (cat, replay --resync) would otherwise hold another file's bytes.
   */
  async readFileOp(name, entry) {
    return this.checkIndexed(name, entry, await this.journal.readOp(entry.seq));
  }
  /** As readFileOp, but a format 3 append comes by reference to its data file (readOpRefs). */
  async readFileOpRef(name, entry) {
    const bytes = await this.db.get(opKey(entry.seq));
    if (bytes === void 0 || !this.journal.dataFiles) return this.readFileOp(name, entry);
    return this.checkIndexed(name, entry, decodeStoredOpRef(entry.seq, bytes));
  }
  checkIndexed(name, entry, op) {
    const [offset, length] = op.type === "append" && !("data" in op) ? [op.offset, op.length] : indexFields(op);
    const fits = op.type === entry.type && op.file === name && offset === entry.offset && length === entry.length;
    if (!fits) {
      throw new RdmJournalError(
        "JOURNAL_CORRUPT",
        `journal index entry of ${name} at op ${entry.seq} says ${entry.type} (offset ${entry.offset}, length ${entry.length}); op ${entry.seq} is ${op.type}${op.file === void 0 ? "" : " of " + op.file} (offset ${offset}, length ${length})`,
        { hint: DAMAGED_HINT }
      );
    }
    return op;
  }
  /** Every file name the journal has ever recorded, in byte order of their UTF-8. */
  async *fileNames() {
    this.journal.requireVersion("per-file queries");
    let from = Uint8Array.of(PREFIX.index);
    for (; ; ) {
      let name = null;
      for await (const key of this.db.keys({ gte: from, lt: Uint8Array.of(PREFIX.index + 1), limit: 1 })) {
        name = nameOfIndexKey(key);
        const body = key.subarray(1, key.length - 9);
        from = Buffer.concat([Uint8Array.of(PREFIX.index), body, Uint8Array.of(1)]);
      }
      if (name === null) return;
      yield name;
    }
  }
  /** The files that existed after op `seq`, and their sizes then: two index reads per file ever recorded. */
  async filesAt(seq) {
    const files = /* @__PURE__ */ new Map();
    for await (const name of this.fileNames()) {
      let size = null;
      for await (const entry of this.fileOps(name, { upTo: seq, reverse: true })) {
        if (entry.type === "resync") continue;
        if (size === null) {
          if (entry.type === "delete") break;
          size = entry.type === "append" ? entry.offset + entry.length : 0;
        }
        if (entry.type === "create") {
          files.set(name, { size, createdSeq: entry.seq });
          break;
        }
      }
    }
    return files;
  }
  /**
   * The lives of files that ended (were deleted) at or before `horizon`, with all their index
   * entries, resyncs naming them within the life included: what a prune to `horizon` removes.
   * Reads the index only. Yields per file name, in name order.
   */
  async *livesEndedBy(horizon) {
    for await (const name of this.fileNames()) {
      let life = [];
      for await (const entry of this.fileOps(name, { upTo: horizon })) {
        if (entry.type === "create") life = [entry];
        else if (life.length > 0) life.push(entry);
        if (entry.type === "delete" && life.length > 0) {
          yield { name, entries: life };
          life = [];
        }
      }
    }
  }
};

// src/journal/op-lookup.ts
var OpLookup = class {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(journal, database) {
    this.journal = journal;
    this.database = database;
  }
  journal;
  database;
  static {
    __name(this, "OpLookup");
  }
  get db() {
    return this.database();
  }
  /** The op at `seq`, or the first one after it (retention leaves gaps); null past the head. */
  async readOpAtOrAfter(seq) {
    for await (const [key, value] of this.db.iterator({ gte: opKey(seq), lt: Uint8Array.of(PREFIX.op + 1), limit: 1 })) {
      return this.journal.decodeStored(seqOfKey(key), value);
    }
    return null;
  }
  /** The op at `seq`, or the last one before it (retention leaves gaps); null before the first. */
  async readOpAtOrBefore(seq) {
    for await (const [key, value] of this.db.iterator({ lte: opKey(seq), gte: opKey(0), reverse: true, limit: 1 })) {
      return this.journal.decodeStored(seqOfKey(key), value);
    }
    return null;
  }
  /** Whether op `seq` exists. */
  async hasOp(seq) {
    return await this.db.get(opKey(seq)) !== void 0;
  }
  /** Op `seq`'s kind, time and length, its bytes unread; JOURNAL_CORRUPT if it is missing. */
  async readOpStamp(seq) {
    const bytes = await this.db.get(opKey(seq));
    if (bytes === void 0) {
      throw new RdmJournalError(
        "JOURNAL_CORRUPT",
        `journal ${this.journal.location} has no op ${seq} (head is ${this.journal.head})`,
        { hint: "the journal was damaged; restore it from a copy, or start a new journal" }
      );
    }
    return readOpStamp(seq, bytes);
  }
  /** The stamp of the op at `seq` or the first one after it (retention leaves gaps); null past the head. */
  async readOpStampAtOrAfter(seq) {
    for await (const [key, value] of this.db.iterator({ gte: opKey(seq), lt: Uint8Array.of(PREFIX.op + 1), limit: 1 })) {
      return readOpStamp(seqOfKey(key), value);
    }
    return null;
  }
  /** Data bytes appended from op 1 up to `seq`: the checkpoint at or before it, plus the ops after that. */
  async appendedAt(seq) {
    this.journal.requireVersion("counting bytes");
    let from = 0;
    let bytes = 0;
    for await (const [key, value] of this.db.iterator({ lte: seqKey(PREFIX.checkpoint, seq), gte: seqKey(PREFIX.checkpoint, 0), reverse: true, limit: 1 })) {
      from = seqOfKey(key);
      bytes = packr.unpack(value);
    }
    for await (const [key, value] of this.db.iterator({ gt: opKey(from), lte: opKey(seq) })) bytes += readOpStamp(seqOfKey(key), value).length;
    return bytes;
  }
  /** Every checkpoint as stored: seq and the bytes appended in ops 1..seq (for `verify`). */
  async *checkpoints() {
    for await (const [key, value] of this.db.iterator({ gte: seqKey(PREFIX.checkpoint, 0), lt: Uint8Array.of(PREFIX.checkpoint + 1) })) {
      yield [seqOfKey(key), packr.unpack(value)];
    }
  }
};

// src/journal/target-notes.ts
var TargetNotes = class {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(database) {
    this.database = database;
  }
  database;
  static {
    __name(this, "TargetNotes");
  }
  /** Remembers where a target's cursor is, for `status` (best effort: the target's own cursor is the truth). */
  async note(note) {
    await this.database().batch([{ type: "put", key: prefixed(PREFIX.target, note.path), value: packr.pack(note) }]);
  }
  /** The targets replays have told this journal about. */
  async known() {
    const notes = [];
    for await (const [, value] of this.database().iterator({ gte: Uint8Array.of(PREFIX.target), lt: Uint8Array.of(PREFIX.target + 1) })) {
      notes.push(packr.unpack(value));
    }
    return notes;
  }
};

// src/journal/prune-steps.ts
var PruneSteps = class {
  /**
   * `database` gives the journal's database as it is read now (an upgrade replaces it); `onPruned`
   * tells the journal its new retention record once a removal is committed.
   */
  constructor(journal, database, onPruned) {
    this.journal = journal;
    this.database = database;
    this.onPruned = onPruned;
  }
  journal;
  database;
  onPruned;
  static {
    __name(this, "PruneSteps");
  }
  get db() {
    return this.database();
  }
  /**
   * Removes whole file lives and records the new retention state, in one batch: a crash leaves
   * every life whole or gone, and the horizon written with the first removal.
   */
  async removeLives(lives, pruned, { sync = false } = {}) {
    const writes = [];
    for (const life of lives) {
      for (const entry of life.entries) {
        writes.push({ type: "del", key: opKey(entry.seq) }, { type: "del", key: indexKey(life.name, entry.seq) });
      }
    }
    writes.push({ type: "put", key: prefixed(PREFIX.meta, "pruned"), value: packr.pack(pruned) });
    const stored = await readMeta(this.db, "pruned") ?? emptyPruned();
    if (stored.horizon > pruned.horizon) {
      throw new RdmJournalError(
        "JOURNAL_LOCKED",
        `journal ${this.journal.location} was pruned to op ${stored.horizon} by another process while this prune (to op ${pruned.horizon}) ran; nothing more was written`,
        { hint: "run the prune again: it starts from the journal's current horizon" }
      );
    }
    try {
      await this.db.batch(writes, { sync: sync || this.journal.dataFiles !== null });
    } catch (err) {
      if (isNoSpace(err)) {
        throw new RdmJournalError(
          "JOURNAL_NO_SPACE",
          `journal ${this.journal.location} is out of disk space while pruning: ${err.message}`,
          { hint: "free a little space and prune again: what was removed so far is consistent", cause: err }
        );
      }
      throw err;
    }
    this.onPruned(pruned);
    await this.journal.dataFiles?.remove(lives.map((life) => life.entries[0].seq));
  }
  /**
   * Takes the journal's prune lock: prunes read-modify-write the `pruned` record, so only one may
   * run at a time, whichever process. Waits up to `waitMs` for another prune to finish; null when it
   * still holds the lock then. The caller releases it with close().
   */
  async lock(waitMs) {
    try {
      return await takeLock(this.journal.location, PRUNE_LOCK, waitMs);
    } catch (err) {
      throw openFailure(this.journal.location, err);
    }
  }
  /**
   * Removes the checkpoints below the horizon but the last one at or before it (which byte counts
   * at the horizon and later still start from): retention must not leave them growing forever.
   */
  async removeCheckpointsBelow(horizon) {
    const writes = [];
    let kept = false;
    for await (const key of this.db.keys({ gte: seqKey(PREFIX.checkpoint, 0), lte: seqKey(PREFIX.checkpoint, horizon), reverse: true })) {
      if (kept) writes.push({ type: "del", key });
      kept = true;
    }
    if (writes.length > 0) await this.db.batch(writes);
    return writes.length;
  }
  /** Returns the space of removed ops between two seqs to the filesystem, if this process hosts. */
  async compactOps(from, to) {
    return this.db.compactRange(opKey(from), opKey(to));
  }
};

// src/journal/stored-records.ts
var StoredRecords = class {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(database) {
    this.database = database;
  }
  database;
  static {
    __name(this, "StoredRecords");
  }
  get db() {
    return this.database();
  }
  /**
   * Reads every record, each checked against its seal (format 3), for `verify`: also those no reader
   * looks up, such as a key damage turned into an unknown one. JOURNAL_CORRUPT at the first damaged
   * record that is not an op (ops are reported one by one by the op walk).
   */
  async checkAllRecords() {
    let records = 0;
    for await (const _ of this.db.iterator({})) records += 1;
    return records;
  }
  /**
   * The raw op table, for `verify`: every key and value as stored, undecoded, so one damaged op is
   * reported and the walk goes on.
   */
  async *rawOps() {
    for await (const [key, value] of this.db.iterator({ gte: opKey(0), lt: Uint8Array.of(PREFIX.op + 1) })) yield [seqOfKey(key), value];
  }
  /** The stored file states, read afresh (for `verify`). */
  async fileStates() {
    return loadFileStates(this.db);
  }
};

// src/journal/journal.ts
var RECORDER_LOCK_WAIT_MS = 1e3;
var Journal = class _Journal {
  static {
    __name(this, "Journal");
  }
  location;
  db;
  /** The database without the sealing layer: only an upgrade writes through it. */
  raw;
  files = /* @__PURE__ */ new Map();
  lastSeq = 0;
  boundSource = null;
  waiters = /* @__PURE__ */ new Set();
  /** Told of each batch this process commits (metrics): its ops and how long the commit took. */
  commitObservers = /* @__PURE__ */ new Set();
  watcher = null;
  recorderLock = null;
  /** `at` of the head op: an op recorded earlier than this is a time step (see timeSteps). */
  lastAt = 0;
  /** When the journal was created (ms since the epoch): with the source, tells one journal from another. */
  createdAt;
  /** The journal's format version: 1 journals lack the index and counters until upgraded. */
  formatVersion;
  counters = emptyStats();
  pruning = emptyPruned();
  /** Format 3: where append bytes live (null for formats 1 and 2, whose ops hold their data). */
  data = null;
  /** Where an interrupted upgrade to format 3 resumes (format record's `upgradeAfter`); null when none is under way. */
  upgradeAfter;
  /** The version this process upgraded the journal from, if it did. */
  upgradedFrom = null;
  /** The per-file index: a file's ops (none read), its lives, the files at an op (file-index.ts). */
  index = new FileIndex(this, () => this.db);
  /** Ops and their stamps at or around a seq, bytes appended up to one (op-lookup.ts). */
  lookup = new OpLookup(this, () => this.db);
  /** Where replays' targets are, for status (target-notes.ts). */
  targets = new TargetNotes(() => this.db);
  /** Every record as stored, for verify (stored-records.ts). */
  stored = new StoredRecords(() => this.db);
  /** What a prune does to the journal, step by step (prune-steps.ts). */
  prune = new PruneSteps(this, () => this.db, (pruned) => {
    this.pruning = pruned;
  });
  constructor(location, db, format) {
    this.location = location;
    this.raw = db;
    this.createdAt = format.createdAt;
    this.upgradeAfter = format.upgradeAfter ?? null;
    this.formatVersion = this.upgradeAfter ? format.upgradedFrom : format.version;
    this.db = this.readAs(this.formatVersion);
  }
  /** The database as format `version` stores it: format 3 checksums every record and keeps bytes in data files. */
  readAs(version) {
    this.formatVersion = version;
    this.data = version >= 3 ? new DataFiles(this.location) : null;
    return sealedLevel(this.raw, this.location, version >= 3);
  }
  /** Reads what a writer builds on: file states, head, the head's time, the bound source. */
  async loadState() {
    this.files = await loadFileStates(this.db);
    this.lastSeq = await readHead(this.db);
    this.lastAt = await readLastAt(this.db, this.lastSeq);
    this.boundSource = await readMeta(this.db, "source");
    this.counters = await readMeta(this.db, "stats") ?? emptyStats();
    this.pruning = await readMeta(this.db, "pruned") ?? emptyPruned();
  }
  static async open(location, options = {}) {
    const journal = await _Journal.openAny(location, options);
    if (journal.formatVersion < FORMAT_VERSION && options.upgrade) {
      try {
        await journal.upgrade(options.onUpgradeProgress);
      } catch (err) {
        await journal.close();
        throw err;
      }
    }
    return journal;
  }
  static async openAny(location, options) {
    const where = path6.resolve(location);
    prepareJournalDirectory(where, options.create ?? false);
    const db = await openDatabase(where, options.create ?? false);
    try {
      const format = await readOrWriteFormat(db, where, options.create ?? false);
      if (format.upgradeAfter && !options.upgrade) {
        throw new RdmJournalError(
          "JOURNAL_VERSION",
          `journal ${where} is half-way through an upgrade from format ${format.upgradedFrom} to 3 (it was interrupted)`,
          { hint: "finish the upgrade (recording into the journal also does)", detail: "journal-upgrade-interrupted", facts: { journal: where } }
        );
      }
      const journal = new _Journal(where, db, format);
      if (!format.upgradeAfter) await journal.loadState();
      return journal;
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  get head() {
    return this.lastSeq;
  }
  get version() {
    return this.formatVersion;
  }
  /** The version this process upgraded the journal from when it opened it, or null. */
  get upgradedFromVersion() {
    return this.upgradedFrom;
  }
  get source() {
    return this.boundSource;
  }
  fileState(name) {
    return this.files.get(name);
  }
  /** Every file the journal believes is in the source, by name. */
  fileStates() {
    return this.files;
  }
  /**
   * Ties the journal to one source directory. The first call records it; later calls refuse any
   * other directory: another path, another inode (the path re-created), another filesystem. The
   * filesystem is compared by its id where both records have one, since `dev` may change across
   * reboots; by `dev` otherwise. A record from before fs ids (no `fsid` field) is taken on path and
   * inode. An accepted source whose `dev` or fs id changed (or was missing) is recorded anew.
   */
  async bindSource(source) {
    const known = this.boundSource;
    if (known !== null) {
      const sameFilesystem = known.fsid === void 0 || (known.fsid && source.fsid ? known.fsid === source.fsid : known.dev === source.dev);
      if (known.path !== source.path || known.ino !== source.ino || !sameFilesystem) {
        const describe = /* @__PURE__ */ __name((s) => `${s.path} (device ${s.dev}${s.fsid ? `, filesystem id ${s.fsid}` : ""}, inode ${s.ino})`, "describe");
        throw new RdmJournalError(
          "JOURNAL_SOURCE_MISMATCH",
          `journal ${this.location} records ${describe(known)}, not ${describe(source)}`,
          { hint: "give this source its own journal", detail: "journal-of-another-source" }
        );
      }
      if (known.dev === source.dev && known.fsid === (source.fsid ?? null)) return;
    }
    const record = { path: source.path, dev: source.dev, ino: source.ino, fsid: source.fsid ?? null };
    await this.db.batch([{ type: "put", key: prefixed(PREFIX.meta, "source"), value: packr.pack(record) }], { sync: true });
    this.boundSource = record;
  }
  /**
   * The ops recorded earlier than the op before them (a clock stepped back, or that op was stamped
   * ahead), ascending: between two of them, `at` never decreases. None in older journals, whose
   * writers never let `at` decrease.
   */
  async timeSteps() {
    const steps = await readMeta(this.db, "timeSteps");
    if (steps === null) return [];
    if (!Array.isArray(steps) || !steps.every((seq, i) => Number.isSafeInteger(seq) && seq > (i === 0 ? 1 : steps[i - 1]))) {
      throw new RdmJournalError(
        "JOURNAL_CORRUPT",
        `journal ${this.location} has an unreadable list of time steps (m timeSteps)`,
        { hint: "the journal was damaged or written by another program; restore it from a copy, or start a new journal" }
      );
    }
    return steps;
  }
  /**
   * Appends ops in one atomic batch with the file states they imply, and returns the last seq.
   * `sync` makes the batch durable before the promise resolves (fsync of LevelDB's log).
   */
  async append(ops, { sync = true } = {}) {
    if (ops.length === 0) return this.lastSeq;
    if (this.formatVersion < INDEXED_VERSION) throw new Error(`journal invariant: a format ${this.formatVersion} journal is appended to before its upgrade`);
    const files = /* @__PURE__ */ new Map();
    const state = /* @__PURE__ */ __name((name) => files.has(name) ? files.get(name) ?? void 0 : this.files.get(name), "state");
    const writes = [];
    const began = performance.now();
    let seq = this.lastSeq;
    let lastAt = this.lastAt;
    const stats = structuredClone(this.counters);
    const steps = [];
    const staged = this.data?.batch();
    for (const op of ops) {
      seq += 1;
      if (op.at < lastAt) steps.push(seq);
      lastAt = op.at;
      const life = op.type === "resync" ? 0 : state(op.file)?.createdSeq ?? seq;
      if (op.type !== "resync") files.set(op.file, nextFileState(op, seq, state(op.file)));
      writes.push({ type: "put", key: opKey(seq), value: staged ? staged.add(op, life) : encodeOp(op) });
      if (op.file !== void 0) writes.push({ type: "put", key: indexKey(op.file, seq), value: indexValue(op) });
      count(stats, op, seq);
    }
    writes.push({ type: "put", key: seqKey(PREFIX.checkpoint, seq), value: packr.pack(stats.bytes) });
    writes.push({ type: "put", key: prefixed(PREFIX.meta, "stats"), value: packr.pack(stats) });
    if (steps.length > 0) writes.push({ type: "put", key: prefixed(PREFIX.meta, "timeSteps"), value: packr.pack([...await this.timeSteps(), ...steps]) });
    for (const [name, fileState] of files) {
      const key = prefixed(PREFIX.file, name);
      writes.push(fileState ? { type: "put", key, value: packr.pack(fileState) } : { type: "del", key });
    }
    try {
      if (await this.db.get(opKey(this.lastSeq + 1)) !== void 0) {
        throw new RdmJournalError(
          "JOURNAL_LOCKED",
          `journal ${this.location} has op ${this.lastSeq + 1} written by another process`,
          { hint: "one writer per journal: stop the other recorder and run this one again" }
        );
      }
      await staged?.flush(sync);
      await this.db.batch(writes, { sync });
    } catch (err) {
      if (err instanceof RdmJournalError) throw err;
      if (isNoSpace(err)) throw this.outOfSpace(err);
      if (this.db.role === "guest" && hasLittleSpace(this.location)) {
        throw new RdmJournalError(
          "JOURNAL_NO_SPACE",
          `journal ${this.location} is out of disk space (its host could not write: ${err.message})`,
          { hint: "free space (or move the journal) and start again: nothing half-written is kept, the source is reconciled on restart", cause: err }
        );
      }
      if (this.db.role === "guest") {
        throw new RdmJournalError(
          "JOURNAL_UNUSABLE",
          `journal ${this.location}: the process hosting it could not write (${err.message})`,
          { hint: "most often its disk is full: check free space where the journal lives, then start again; the source is reconciled on restart", cause: err }
        );
      }
      throw err;
    }
    for (const [name, fileState] of files) {
      if (fileState) this.files.set(name, fileState);
      else this.files.delete(name);
    }
    this.lastSeq = seq;
    this.lastAt = lastAt;
    this.counters = stats;
    await staged?.committed();
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    for (const observe of this.commitObservers) observe({ ops, head: seq, seconds: (performance.now() - began) / 1e3 });
    return seq;
  }
  /** Calls `observe` after each batch this process commits; returns what stops it. */
  observeCommits(observe) {
    this.commitObservers.add(observe);
    return () => this.commitObservers.delete(observe);
  }
  /**
   * Resolves once the head is past `after` (ops appended by this process or, through the shared
   * journal's commit notifications, by any other), or when `signal` aborts. No polling.
   */
  async waitForOps(after, signal) {
    this.watchCommits();
    while (this.lastSeq <= after && !signal?.aborted) {
      const woken = new Promise((resolve) => {
        const wake = /* @__PURE__ */ __name(() => {
          this.waiters.delete(wake);
          signal?.removeEventListener("abort", wake);
          resolve();
        }, "wake");
        this.waiters.add(wake);
        signal?.addEventListener("abort", wake, { once: true });
      });
      if (await this.refresh() > after) return;
      await woken;
    }
  }
  /** One op by seq; JOURNAL_CORRUPT if it is missing. */
  async readOp(seq) {
    const bytes = await this.db.get(opKey(seq));
    if (bytes === void 0) {
      throw new RdmJournalError(
        "JOURNAL_CORRUPT",
        `journal ${this.location} has no op ${seq} (head is ${this.lastSeq})`,
        { hint: "the journal was damaged; restore it from a copy, or start a new journal" }
      );
    }
    return this.decodeStored(seq, bytes);
  }
  /** An op as stored, decoded and validated; format 3 appends get their data from the data file. */
  async decodeStored(seq, bytes) {
    return this.data ? decodeStoredOp(seq, bytes, this.data) : decodeOp(seq, bytes);
  }
  /** Ops with after < seq <= upTo, in order; a missing seq in the range is JOURNAL_CORRUPT. */
  async *readOps(range = {}) {
    yield* this.walkOps(range, (seq, value) => this.decodeStored(seq, value));
  }
  /**
   * As readOps, but format 3 appends come without their bytes, by reference to their data file:
   * replay copies them in the kernel (`dataFiles.copy`), checked as it copies.
   */
  async *readOpRefs(range = {}) {
    yield* this.walkOps(range, async (seq, value) => this.data ? decodeStoredOpRef(seq, value) : this.decodeStored(seq, value));
  }
  /** Format 3's data files (null before format 3: the bytes are in LevelDB). */
  get dataFiles() {
    return this.data;
  }
  async *walkOps({ after = 0, upTo = Number.MAX_SAFE_INTEGER }, decode) {
    let expected = after + 1;
    for await (const [key, value] of this.db.iterator({ gt: opKey(after), lte: opKey(upTo) })) {
      const seq = seqOfKey(key);
      if (seq !== expected && seq - 1 > this.pruning.horizon && (this.formatVersion < INDEXED_VERSION || seq - 1 > (await this.pruned()).horizon)) {
        throw new RdmJournalError(
          "JOURNAL_CORRUPT",
          `journal ${this.location} has no op ${expected} (next is ${seq})`,
          { hint: "the journal was damaged; restore it from a copy, or start a new journal" }
        );
      }
      expected = seq + 1;
      yield await decode(seq, value);
    }
  }
  /**
   * Format 3: writes an append's bytes into its life's data file ahead of the batch that will hold
   * it (DataFiles.writeAhead: the caller vouches that `life` is the op's settled life).
   */
  async writeAhead(op, life) {
    try {
      await this.data?.writeAhead(op, life);
    } catch (err) {
      throw isNoSpace(err) ? this.outOfSpace(err) : err;
    }
  }
  outOfSpace(err) {
    return new RdmJournalError(
      "JOURNAL_NO_SPACE",
      `journal ${this.location} is out of disk space: ${err.message}`,
      { hint: "free space (or move the journal) and start again: nothing half-written is kept, the source is reconciled on restart", cause: err }
    );
  }
  /** What retention removed, read afresh (a prune may run in another process). */
  async pruned() {
    const pruned = await readMeta(this.db, "pruned") ?? emptyPruned();
    this.pruning = pruned;
    return pruned;
  }
  /** The retention horizon as last read: the state after any op from here on can be rebuilt. */
  get horizon() {
    return this.pruning.horizon;
  }
  /**
   * The journal's counters, read afresh (another process may be appending): constant time.
   * Needs format 2 (see requireVersion).
   */
  async stats() {
    this.requireVersion("counting ops");
    const stats = await readMeta(this.db, "stats") ?? emptyStats();
    if (stats.head > this.lastSeq) this.lastSeq = stats.head;
    return stats;
  }
  /** Refuses what needs the index and counters on a journal written before them. */
  requireVersion(what) {
    if (this.formatVersion >= INDEXED_VERSION) return;
    throw new RdmJournalError(
      "JOURNAL_VERSION",
      `journal ${this.location} is format version ${this.formatVersion}, without the per-file index and counters needed for ${what}`,
      {
        hint: "upgrade the journal once (the next recording also does it); its ops are kept as they are",
        detail: "journal-needs-upgrade",
        facts: { journal: this.location }
      }
    );
  }
  /**
   * Brings a format 1 or 2 journal to format 3 in place, under the recorder and prune locks: 1 is
   * indexed to 2 first (indexOps), then upgrade.ts moves op bytes to data files and seals every
   * record. Killed at any point, the journal reads as its old format, or is refused with the hint
   * to run the upgrade again, which resumes it.
   */
  async upgrade(onProgress) {
    const from = this.formatVersion;
    await underUpgradeLocks({
      location: this.location,
      version: from,
      lockForPruning: /* @__PURE__ */ __name((waitMs) => this.prune.lock(waitMs), "lockForPruning"),
      steps: /* @__PURE__ */ __name(async () => {
        if (this.formatVersion < INDEXED_VERSION) {
          await indexOps(this.db, this.readOps(), this.createdAt, this.formatVersion);
          this.formatVersion = INDEXED_VERSION;
        }
        await upgradeToSealed({
          db: this.raw,
          location: this.location,
          createdAt: this.createdAt,
          from: this.formatVersion,
          resumeAfter: this.upgradeAfter,
          head: await readHead(this.raw),
          onProgress
        });
      }, "steps"),
      switchOver: /* @__PURE__ */ __name(async () => {
        this.db = this.readAs(FORMAT_VERSION);
        this.upgradeAfter = null;
        this.upgradedFrom = from;
        await this.loadState();
      }, "switchOver")
    });
  }
  /**
   * Ops LevelDB lost after they were committed: the notify file keeps the highest op seq any host
   * committed, and LevelDB drops a damaged log record when it opens the database (without paranoid
   * checks, which classic-level does not offer). Null when none are missing.
   */
  async lostOps() {
    const mark = Number(this.db.readMark());
    const head = await readHead(this.db);
    return mark > head ? { from: head + 1, to: mark } : null;
  }
  /** Which part this process plays in sharing the journal: 'host' serves the others. */
  get role() {
    return this.db.role;
  }
  /** Reads the head again: another process (the recorder) may have appended since. */
  async refresh() {
    if (this.formatVersion >= INDEXED_VERSION) await this.pruned();
    const head = await readHead(this.db);
    if (head > this.lastSeq) this.lastSeq = head;
    return this.lastSeq;
  }
  /**
   * Takes the journal's recorder lock: one recorder per journal, whichever process hosts it. Waits
   * up to RECORDER_LOCK_WAIT_MS for a recorder that is stopping. The recorder then hosts the
   * journal (the host hands over): its commits never wait on a reader's process, which may be
   * stopped. A stopped host that cannot hand over fails it with JOURNAL_HOST_STOPPED.
   */
  async lockForRecording() {
    const lock = await takeLock(this.location, RECORDER_LOCK, RECORDER_LOCK_WAIT_MS).catch((err) => {
      throw openFailure(this.location, err);
    });
    if (!lock) {
      throw new RdmJournalError(
        "JOURNAL_LOCKED",
        `journal ${this.location} is being recorded into by another recorder`,
        { hint: "one recorder per journal: stop the other one, or give this source its own journal", detail: "journal-recorded-by-another" }
      );
    }
    this.recorderLock = lock;
    try {
      await this.db.claimHosting();
      await this.loadState();
      await this.recoverData();
    } catch (err) {
      this.recorderLock = null;
      await lock.close();
      throw openFailure(this.location, err);
    }
  }
  /**
   * Format 3, the writer only, under the recorder lock: drops data file bytes no committed op
   * references (a crash between a data flush and its LevelDB batch), so appends resume at the
   * committed size.
   */
  async recoverData() {
    const live = new Map([...this.files.values()].map((state) => [state.createdSeq, state.size]));
    await this.data?.recover(live, (life) => this.startsLife(life));
  }
  /** Whether op `seq` is a committed create (a damaged op counts as one: data is never removed on a guess). */
  async startsLife(seq) {
    const bytes = await this.db.get(opKey(seq));
    if (bytes === void 0) return false;
    try {
      return packr.unpack(bytes)?.type === "create";
    } catch {
      return true;
    }
  }
  /**
   * Whether a recorder (in any process) holds the recorder lock now: asked of the kernel, no
   * database opened. A stopped recorder still holds it; a killed one does not.
   */
  async isRecording() {
    return this.recorderLock !== null || lockHeld(this.location, RECORDER_LOCK);
  }
  async close() {
    this.watcher?.close();
    this.watcher = null;
    for (const wake of this.waiters) wake();
    await this.recorderLock?.close();
    this.recorderLock = null;
    await this.data?.close();
    await this.db.close();
  }
  /** Wakes waiters after every commit, by any process (commit-notify.ts). */
  watchCommits() {
    if (this.watcher) return;
    const wakeAll = /* @__PURE__ */ __name(() => {
      for (const wake of this.waiters) wake();
    }, "wakeAll");
    this.watcher = new CommitWatcher(this.location, wakeAll);
    this.db.on("reconnect", wakeAll);
  }
};

export {
  indexFields,
  Journal
};
