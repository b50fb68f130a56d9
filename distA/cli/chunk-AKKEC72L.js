import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  MAX_APPEND_BYTES,
  copyRange,
  crc32c,
  decodeOp,
  isSafeFileName,
  packr,
  startWriteback
} from "./chunk-R7ETIWN2.js";
import {
  RdmJournalError,
  isErrnoException
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/paths.ts
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import path from "node:path";
function isWithin(child, parent) {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}
__name(isWithin, "isWithin");
function realPathOf(p) {
  const absolute = path.resolve(p);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPathOf(parent), path.basename(absolute));
  }
}
__name(realPathOf, "realPathOf");
function overlaps(a, b) {
  const realA = realPathOf(a);
  const realB = realPathOf(b);
  return isWithin(realA, realB) || isWithin(realB, realA);
}
__name(overlaps, "overlaps");
function makeDirectories(where, mode) {
  const missing = [];
  for (let dir = path.resolve(where); !existsSync(dir); dir = path.dirname(dir)) {
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir, { mode });
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
  }
}
__name(makeDirectories, "makeDirectories");

// src/journal/sealed-level.ts
var SEAL_BYTES = 4;
var OP_PREFIX = 111;
var FORMAT_KEY = Buffer.from("mformat", "latin1");
function isDamaged(value) {
  return typeof value.damaged === "string";
}
__name(isDamaged, "isDamaged");
function sealOf(key, value) {
  const both = Buffer.allocUnsafe(key.length + value.length);
  both.set(key, 0);
  both.set(value, key.length);
  return crc32c(both) >>> 0;
}
__name(sealOf, "sealOf");
function seal(key, value) {
  const sealed = Buffer.allocUnsafe(value.length + SEAL_BYTES);
  sealed.set(value, 0);
  sealed.writeUInt32BE(sealOf(key, value), value.length);
  return sealed;
}
__name(seal, "seal");
function formatRecord(fields) {
  const value = Buffer.from(packr.pack({ ...fields, seal: 4294967295 }));
  value.writeUInt32BE(sealOf(FORMAT_KEY, value.subarray(0, value.length - SEAL_BYTES)), value.length - SEAL_BYTES);
  return value;
}
__name(formatRecord, "formatRecord");
function readFormatRecord(value) {
  let fields;
  try {
    fields = packr.unpack(value);
  } catch (err) {
    return { problem: `it is not one msgpack map (${err.message})` };
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return { problem: "it is not a msgpack map" };
  const { seal: stored, ...rest } = fields;
  if (stored === void 0) return { fields: { ...rest, sealed: false } };
  const body = value.subarray(0, value.length - SEAL_BYTES);
  if (value.length < SEAL_BYTES + 1 || value[value.length - SEAL_BYTES - 1] !== 206 || stored !== sealOf(FORMAT_KEY, body)) {
    return { problem: 'it does not match its checksum (CRC-32C over key and value, the last field "seal")' };
  }
  return { fields: { ...rest, sealed: true } };
}
__name(readFormatRecord, "readFormatRecord");
var isExempt = /* @__PURE__ */ __name((key) => Buffer.compare(key, FORMAT_KEY) === 0, "isExempt");
var describeKey = /* @__PURE__ */ __name((key) => key.length === 9 && key[0] === OP_PREFIX ? `op ${Buffer.from(key).readBigUInt64BE(1)}` : `record ${Buffer.from(key).toString("hex")}`, "describeKey");
function unseal(key, sealed, where) {
  const problem = sealed.length < SEAL_BYTES ? `is ${sealed.length} bytes, shorter than its checksum` : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).readUInt32BE(sealed.length - SEAL_BYTES) !== sealOf(key, sealed.subarray(0, sealed.length - SEAL_BYTES)) ? "does not match its checksum (CRC-32C over key and value)" : null;
  const value = sealed.subarray(0, Math.max(0, sealed.length - SEAL_BYTES));
  if (problem === null) return value;
  const message = `journal ${where}: ${describeKey(key)} ${problem}`;
  if (key.length === 9 && key[0] === OP_PREFIX) return Object.assign(Buffer.from(value), { damaged: problem });
  throw new RdmJournalError(
    "JOURNAL_CORRUPT",
    message,
    { hint: "the journal is damaged; restore it from a copy, or start a new journal" }
  );
}
__name(unseal, "unseal");
function corruption(err, where) {
  if (!isErrnoException(err, "LEVEL_CORRUPTION") && !isErrnoException(err?.cause, "LEVEL_CORRUPTION")) return err;
  return new RdmJournalError(
    "JOURNAL_CORRUPT",
    `journal ${where} is damaged: ${err.message}`,
    { hint: "restore the journal from a copy, or start a new journal", cause: err }
  );
}
__name(corruption, "corruption");
function sealedLevel(db, where, sealed) {
  const open2 = /* @__PURE__ */ __name((key, value) => sealed && !isExempt(key) ? unseal(key, value, where) : value, "open");
  async function* entries(from) {
    try {
      for await (const [key, value] of from) yield [key, open2(key, value)];
    } catch (err) {
      throw corruption(err, where);
    }
  }
  __name(entries, "entries");
  async function* keys(from) {
    try {
      yield* from;
    } catch (err) {
      throw corruption(err, where);
    }
  }
  __name(keys, "keys");
  const layer = {
    batch: /* @__PURE__ */ __name((ops, options) => db.batch(sealed ? ops.map((op) => op.type === "put" && !isExempt(op.key) ? { ...op, value: seal(op.key, op.value) } : op) : ops, options), "batch"),
    get: /* @__PURE__ */ __name(async (key) => {
      const value = await db.get(key).catch((err) => {
        throw corruption(err, where);
      });
      return value === void 0 ? void 0 : open2(key, value);
    }, "get"),
    iterator: /* @__PURE__ */ __name((options) => entries(db.iterator(options)), "iterator"),
    keys: /* @__PURE__ */ __name((options) => keys(db.keys(options)), "keys")
  };
  return new Proxy(db, {
    get(target, name) {
      if (Object.hasOwn(layer, name)) return layer[name];
      const member = Reflect.get(target, name, target);
      return typeof member === "function" ? member.bind(target) : member;
    }
  });
}
__name(sealedLevel, "sealedLevel");

// src/journal/data-files.ts
import { constants } from "node:fs";
import { mkdir, open, readdir, stat, unlink } from "node:fs/promises";
import path2 from "node:path";
var DATA_DIR = "data";
var NAME_DIGITS = 20;
var DATA_NAME = /^\d{20}$/;
var MAX_WRITE_HANDLES = 32;
var MAX_READ_HANDLES = 16;
function dataFileName(life) {
  return String(life).padStart(NAME_DIGITS, "0");
}
__name(dataFileName, "dataFileName");
function dataChecksum(data) {
  return crc32c(data) >>> 0;
}
__name(dataChecksum, "dataChecksum");
function appendLength(op) {
  return "data" in op ? op.data.length : op.length;
}
__name(appendLength, "appendLength");
var NO_COPY_FILE_RANGE_ENV = "RDM_JOURNAL_NO_COPY_FILE_RANGE";
var isUint = /* @__PURE__ */ __name((v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0, "isUint");
function corrupt(message) {
  return new RdmJournalError(
    "JOURNAL_CORRUPT",
    message,
    { hint: "the journal was damaged or written by another program; restore it from a copy, or start a new journal" }
  );
}
__name(corrupt, "corrupt");
var DataFiles = class {
  static {
    __name(this, "DataFiles");
  }
  dir;
  /** The writer's open files, by life, least recently used first. */
  writing = /* @__PURE__ */ new Map();
  /** Read handles by life, shared by concurrent reads (one open per life) and closed only when no read uses them. */
  reading = /* @__PURE__ */ new Map();
  /** Reused by check(): a batch's largest run (bounded by the replayer's batch size). */
  checkBuffer = Buffer.alloc(0);
  dirExists = false;
  /**
   * Appends whose bytes were written ahead of their batch (writeAhead), with the life they went to:
   * their batch fdatasyncs that file instead of writing them again.
   */
  writtenAhead = /* @__PURE__ */ new WeakMap();
  /** A data file was created by writeAhead since `data/` was last fsynced. */
  createdAhead = false;
  constructor(journalDir) {
    this.dir = path2.join(journalDir, DATA_DIR);
  }
  pathOf(life) {
    return path2.join(this.dir, dataFileName(life));
  }
  /** A batch of appends to write ahead of one LevelDB batch. */
  batch() {
    return new DataBatch(this);
  }
  /** Opens (creating when absent) a life's file for writing; says whether it was created. */
  async openForWriting(life) {
    const known = this.writing.get(life);
    if (known) {
      this.writing.delete(life);
      this.writing.set(life, known);
      return [known, false];
    }
    await this.ensureDir();
    let handle;
    let created = true;
    try {
      handle = await open(this.pathOf(life), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 384);
    } catch (err) {
      if (!isErrnoException(err, "EEXIST")) throw err;
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
  async writeAhead(op, life) {
    const [handle, created] = await this.openForWriting(life);
    await writeAllAt(handle, [op.data], op.offset);
    startWriteback(handle.fd, op.offset, op.data.length);
    this.createdAhead ||= created;
    this.writtenAhead.set(op, life);
  }
  /** The life `op`'s bytes were written ahead to (undefined if they were not). */
  lifeWrittenAhead(op) {
    return this.writtenAhead.get(op);
  }
  /** Whether a data file was created ahead since `data/` was last fsynced; clears it. */
  takeCreatedAhead() {
    const created = this.createdAhead;
    this.createdAhead = false;
    return created;
  }
  /** Creates `data/` and makes its entry in the journal directory durable (once per process). */
  async ensureDir() {
    if (this.dirExists) return;
    try {
      await mkdir(this.dir, { mode: 448 });
      await fsyncDirectory(path2.dirname(this.dir));
    } catch (err) {
      if (!isErrnoException(err, "EEXIST")) throw err;
    }
    this.dirExists = true;
  }
  async syncDir() {
    await fsyncDirectory(this.dir);
  }
  /** Closes the writer's files of lives that ended (deleted): their bytes are complete and synced. */
  async endLives(lives) {
    for (const life of lives) {
      const handle = this.writing.get(life);
      this.writing.delete(life);
      await handle?.close();
    }
    while (this.writing.size > MAX_WRITE_HANDLES) {
      const [life, handle] = this.writing.entries().next().value;
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
  async recover(liveSizes, isCommittedLife) {
    const result = { truncated: [], removed: [] };
    let names;
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isErrnoException(err, "ENOENT")) return result;
      throw err;
    }
    for (const name of names) {
      if (!DATA_NAME.test(name)) continue;
      const life = Number(name);
      const size = liveSizes.get(life);
      if (size !== void 0) {
        if ((await stat(this.pathOf(life))).size <= size) continue;
        const handle = await open(this.pathOf(life), constants.O_WRONLY);
        try {
          await handle.truncate(size);
          await handle.datasync();
        } finally {
          await handle.close();
        }
        result.truncated.push(life);
      } else if (!await isCommittedLife(life)) {
        await unlink(this.pathOf(life));
        result.removed.push(life);
      }
    }
    if (result.removed.length > 0) await this.syncDir();
    return result;
  }
  /** Unlinks the files of pruned lives: only once the batch removing their ops is durable. */
  async remove(lives) {
    let removed = 0;
    for (const life of lives) {
      await this.dropReader(life);
      try {
        await unlink(this.pathOf(life));
        removed += 1;
      } catch (err) {
        if (!isErrnoException(err, "ENOENT")) throw err;
      }
    }
    if (removed > 0) await this.syncDir();
  }
  /** The bytes of one committed append, checked against their CRC-32C. */
  async read(seq, life, offset, length, crc) {
    const data = Buffer.allocUnsafe(length);
    const got = await this.withReader(seq, life, async (handle) => {
      let got2 = 0;
      while (got2 < length) {
        const { bytesRead } = await handle.read(data, got2, length - got2, offset + got2);
        if (bytesRead === 0) break;
        got2 += bytesRead;
      }
      return got2;
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
  async check(ops) {
    for (let i = 0; i < ops.length; ) {
      let end = i + 1;
      while (end < ops.length && ops[end].life === ops[i].life && ops[end].offset === ops[end - 1].offset + ops[end - 1].length) end += 1;
      await this.checkRun(ops.slice(i, end));
      i = end;
    }
  }
  async checkRun(run) {
    const first = run[0];
    const last = run[run.length - 1];
    const length = last.offset + last.length - first.offset;
    if (this.checkBuffer.length < length) this.checkBuffer = Buffer.allocUnsafe(length);
    const buffer = this.checkBuffer;
    const held = await this.withReader(first.seq, first.life, async (handle) => {
      let held2 = 0;
      for (; ; ) {
        const { bytesRead } = await handle.read(buffer, held2, length - held2, first.offset + held2);
        held2 += bytesRead;
        if (bytesRead === 0 || held2 === length) return held2;
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
  async copy(ops, fd) {
    const first = ops[0];
    if (!first) return { kernelBytes: 0, writtenBytes: 0 };
    const lengths = Uint32Array.from(ops, (op) => op.length);
    const crcs = Uint32Array.from(ops, (op) => op.crc32c);
    const where = this.pathOf(first.life);
    let result;
    try {
      result = await this.withReader(first.seq, first.life, (handle) => copyRange(handle.fd, first.offset, fd, first.offset, lengths, crcs, process.env[NO_COPY_FILE_RANGE_ENV] === "1"));
    } catch (err) {
      if (err.syscall !== "pread") throw err;
      throw new RdmJournalError(
        "IO_ERROR",
        `reading journal data file ${where} failed: ${err.message}`,
        { hint: "check the journal's disk, then run the same replay again: it resumes from its cursor", cause: err }
      );
    }
    const bad = ops[result.bad];
    if (bad) {
      const range = `${bad.offset}..${bad.offset + bad.length}`;
      throw corrupt(result.foundBytes < bad.length ? `journal data file ${where} ends at byte ${bad.offset + result.foundBytes}, but op ${bad.seq} has bytes ${range} there` : `journal data file ${where} has other bytes at ${range} than op ${bad.seq} wrote (CRC-32C mismatch); nothing of them was written to the target`);
    }
    return { kernelBytes: result.kernelBytes, writtenBytes: result.writtenBytes };
  }
  /** Runs `use` with a read handle on a life's data file: opened once per life, closed when evicted and unused. */
  async withReader(seq, life, use) {
    let entry = this.reading.get(life);
    if (!entry) {
      const path4 = this.pathOf(life);
      const handle = open(path4, constants.O_RDONLY).catch((err) => {
        this.reading.delete(life);
        if (isErrnoException(err, "ENOENT")) throw corrupt(`journal data file ${path4} is missing (op ${seq} has bytes in it)`);
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
      for (const [oldLife, old] of this.reading) {
        if (this.reading.size <= MAX_READ_HANDLES) break;
        if (old.users === 0) await this.dropReader(oldLife);
      }
    }
  }
  /** Forgets a life's read handle; closes it now, or when its last read ends. */
  async dropReader(life) {
    const entry = this.reading.get(life);
    if (!entry) return;
    this.reading.delete(life);
    entry.dropped = true;
    if (entry.users === 0) await closeQuietly(entry);
  }
  async close() {
    const handles = [...this.writing.values()];
    this.writing.clear();
    await Promise.all([...this.reading.keys()].map((life) => this.dropReader(life)));
    await Promise.all(handles.map((handle) => handle.close()));
  }
};
async function closeQuietly(entry) {
  const handle = await entry.handle.catch(() => void 0);
  await handle?.close();
}
__name(closeQuietly, "closeQuietly");
function storedAppend(op, life) {
  const stored = { type: "append", at: op.at, file: op.file, offset: op.offset, length: op.data.length, life, crc: op.crc, crc32c: dataChecksum(op.data) };
  return packr.pack(stored);
}
__name(storedAppend, "storedAppend");
var DataBatch = class {
  constructor(files) {
    this.files = files;
  }
  files;
  static {
    __name(this, "DataBatch");
  }
  /** Contiguous runs of bytes per life (a life's appends in one batch are contiguous). */
  runs = [];
  ended = [];
  /** Lives whose bytes were written ahead: flushed (fdatasync), not written. */
  synced = /* @__PURE__ */ new Set();
  /** Stages an op of life `life` and returns its format 3 encoding. */
  add(op, life) {
    if (op.type === "delete") this.ended.push(life);
    if (op.type !== "append") return packr.pack(op);
    const ahead = this.files.lifeWrittenAhead(op);
    if (ahead !== void 0) {
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
  async flush(sync) {
    const touched = /* @__PURE__ */ new Set();
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
    const createdAhead = this.files.takeCreatedAhead();
    await Promise.all([...touched].map((handle) => handle.datasync()));
    if (created || createdAhead) await this.files.syncDir();
  }
  /** After the LevelDB batch committed: closes the files of lives it ended. */
  async committed() {
    await this.files.endLives(this.ended);
  }
};
async function writeAllAt(handle, parts, position) {
  let left = parts;
  while (left.length > 0) {
    const { bytesWritten } = await handle.writev(left, position);
    position += bytesWritten;
    let skip = bytesWritten;
    let i = 0;
    while (i < left.length && skip >= left[i].length) skip -= left[i++].length;
    left = left.slice(i);
    if (skip > 0) left[0] = left[0].subarray(skip);
  }
}
__name(writeAllAt, "writeAllAt");
async function fsyncDirectory(dir) {
  const handle = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
__name(fsyncDirectory, "fsyncDirectory");
async function decodeStoredOp(seq, bytes, files) {
  const stored = decodeStored(seq, bytes);
  if (!("life" in stored)) return stored;
  const data = await files.read(seq, stored.life, stored.offset, stored.length, stored.crc32c);
  const op = { type: "append", at: stored.at, file: stored.file, offset: stored.offset, data, crc: stored.crc };
  return { ...op, seq };
}
__name(decodeStoredOp, "decodeStoredOp");
function decodeStored(seq, bytes) {
  if (isDamaged(bytes)) throw corrupt(`journal op ${seq} is unreadable: it ${bytes.damaged}`);
  let value;
  try {
    value = packr.unpack(bytes);
  } catch {
    return decodeOp(seq, bytes);
  }
  if (value?.type !== "append") return decodeOp(seq, bytes);
  const problem = findStoredAppendProblem(value);
  if (problem) throw corrupt(`journal op ${seq} is unreadable: ${problem}`);
  return value;
}
__name(decodeStored, "decodeStored");
function decodeStoredOpRef(seq, bytes) {
  const stored = decodeStored(seq, bytes);
  if (!("life" in stored)) return stored;
  const { at, file, offset, length, crc, life, crc32c: crc32c2 } = stored;
  return { type: "append", seq, at, file, offset, length, crc, life, crc32c: crc32c2 };
}
__name(decodeStoredOpRef, "decodeStoredOpRef");
function findStoredAppendProblem(op) {
  if (typeof op.at !== "number" || !Number.isFinite(op.at)) return 'field "at" is not a number';
  if (!isSafeFileName(op.file)) return `file name ${JSON.stringify(op.file)} is not a single path component`;
  if (op.data !== void 0) return 'a format 3 append carries "data" (its bytes belong in a data file)';
  if (!isUint(op.offset)) return 'field "offset" is not an unsigned integer';
  if (!isUint(op.length) || op.length === 0 || op.length > MAX_APPEND_BYTES) return `field "length" is not 1 to ${MAX_APPEND_BYTES}`;
  if (!isUint(op.life) || op.life === 0) return 'field "life" is not a seq';
  if (!isUint(op.crc) || op.crc > 4294967295) return 'field "crc" is not a CRC-32';
  if (!isUint(op.crc32c) || op.crc32c > 4294967295) return 'field "crc32c" is not a CRC-32C';
  return null;
}
__name(findStoredAppendProblem, "findStoredAppendProblem");

// src/file-state.ts
var isUint2 = /* @__PURE__ */ __name((v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0, "isUint");
function changeOf(op) {
  if (op.type !== "append") return op.type === "create" ? { type: "create" } : { type: "delete", size: op.size };
  return { type: "append", offset: op.offset, length: "data" in op ? op.data.length : op.length, crc: op.crc };
}
__name(changeOf, "changeOf");
function applyChange(current, change) {
  switch (change.type) {
    case "create":
      return { tail: { size: 0, tailOffset: 0, tailLength: 0, tailCrc: 0 }, problem: current ? "exists" : null };
    case "append":
      return {
        tail: { size: change.offset + change.length, tailOffset: change.offset, tailLength: change.length, tailCrc: change.crc },
        problem: !current ? "absent" : change.offset !== current.size ? "not-contiguous" : null
      };
    case "delete":
      return { tail: null, problem: !current ? "absent" : change.size !== current.size ? "wrong-size" : null };
  }
}
__name(applyChange, "applyChange");
function nextFileState(op, seq, current) {
  const { tail, problem } = applyChange(current, changeOf(op));
  if (problem) {
    const what = {
      exists: "creates a file that is already recorded",
      absent: `${op.type}s a file that is not recorded`,
      "not-contiguous": `appends at ${op.type === "append" ? op.offset : 0}, but the file is ${current?.size} bytes`,
      "wrong-size": `says the file was ${op.type === "delete" ? op.size : 0} bytes, but ${current?.size} are recorded`
    }[problem];
    throw new Error(`journal invariant: op ${seq} (${op.type} ${op.file}) ${what}`);
  }
  if (tail === null) return null;
  return op.type === "create" ? { ...tail, ino: op.ino, createdSeq: seq, lastSeq: seq } : { ...current, ...tail, lastSeq: seq };
}
__name(nextFileState, "nextFileState");
function isFileState(value) {
  if (typeof value !== "object" || value === null) return false;
  const s = value;
  return [s.ino, s.size, s.createdSeq, s.lastSeq, s.tailOffset, s.tailLength, s.tailCrc].every(isUint2) && s.tailOffset + s.tailLength <= s.size && s.tailCrc <= 4294967295;
}
__name(isFileState, "isFileState");

// src/durable.ts
import fs from "node:fs";
import path3 from "node:path";
function fsyncDirectory2(dir) {
  const fd = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
__name(fsyncDirectory2, "fsyncDirectory");
function syncTree(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    let fd;
    try {
      fd = fs.openSync(path3.join(dir, entry.name), fs.constants.O_RDONLY);
    } catch (err) {
      if (err.code === "ENOENT") continue;
      throw err;
    }
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  fsyncDirectory2(dir);
  fsyncDirectory2(path3.dirname(dir));
}
__name(syncTree, "syncTree");
var LEVELDB_FILE = /^(?:CURRENT|LOCK|LOG|LOG\.old|MANIFEST-\d+|\d+\.(?:log|ldb|sst|dbtmp))$/;
function holdsNoData(dir, entries = fs.readdirSync(dir)) {
  return entries.every((name) => LEVELDB_FILE.test(name) && !/\.(?:ldb|sst)$/.test(name) && (!name.endsWith(".log") || fs.statSync(path3.join(dir, name)).size === 0));
}
__name(holdsNoData, "holdsNoData");
function isDamagedDatabase(err) {
  for (let cause = err, depth = 0; cause && depth < 4; cause = cause.cause, depth++) {
    if (cause.code === "LEVEL_CORRUPTION" || cause.code === "LEVEL_IO_ERROR" && /No such file/.test(String(cause.message))) return true;
  }
  return false;
}
__name(isDamagedDatabase, "isDamagedDatabase");
function forgetDamagedDatabase(dir) {
  fs.rmSync(path3.join(dir, "CURRENT"), { force: true });
}
__name(forgetDamagedDatabase, "forgetDamagedDatabase");
async function openLevelDurably(dir, make, { create, ignore = /* @__PURE__ */ new Set() }) {
  const open2 = /* @__PURE__ */ __name(async (isNew2) => {
    const db = make(isNew2);
    await db.open();
    try {
      if (isNew2) syncTree(dir);
    } catch (err) {
      await db.close();
      throw err;
    }
    return db;
  }, "open");
  const isNew = create && !fs.existsSync(path3.join(dir, "CURRENT"));
  try {
    return await open2(isNew);
  } catch (err) {
    if (!create || isNew || !isDamagedDatabase(err) || !holdsNoData(dir, fs.readdirSync(dir).filter((name) => !ignore.has(name)))) throw err;
  }
  forgetDamagedDatabase(dir);
  return open2(true);
}
__name(openLevelDurably, "openLevelDurably");

export {
  seal,
  formatRecord,
  readFormatRecord,
  unseal,
  sealedLevel,
  DATA_DIR,
  dataFileName,
  appendLength,
  DataFiles,
  storedAppend,
  decodeStoredOp,
  decodeStoredOpRef,
  changeOf,
  applyChange,
  nextFileState,
  isFileState,
  fsyncDirectory2 as fsyncDirectory,
  holdsNoData,
  isDamagedDatabase,
  openLevelDurably,
  isWithin,
  realPathOf,
  overlaps,
  makeDirectories
};
