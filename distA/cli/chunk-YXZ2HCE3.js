import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  CONTROL_DIR,
  CursorStore,
  writeFailure
} from "./chunk-OI7LF42S.js";
import {
  appendLength,
  applyChange,
  changeOf,
  fsyncDirectory,
  makeDirectories
} from "./chunk-AKKEC72L.js";
import {
  checksum,
  compareFileNames,
  isSafeFileName
} from "./chunk-R7ETIWN2.js";
import {
  RdmJournalError,
  isErrnoException
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/replay/target.ts
import fs2 from "node:fs";
import path from "node:path";
import { promisify as promisify2 } from "node:util";

// src/replay/append-runs.ts
import fs from "node:fs";
import { promisify } from "node:util";
var write = promisify(fs.write);
var writev = promisify(fs.writev);
var RUN_BYTES = 8 * 1024 * 1024;
function startRun(fd, op) {
  return "data" in op ? { kind: "bytes", fd, offset: op.offset, parts: [op.data], bytes: op.data.length } : { kind: "ref", fd, offset: op.offset, ops: [op], bytes: op.length };
}
__name(startRun, "startRun");
function joinRun(run, fd, op) {
  const length = appendLength(op);
  if (run.fd !== fd || run.offset + run.bytes !== op.offset || run.bytes + length > RUN_BYTES) return null;
  if (run.kind === "bytes" && "data" in op) run.parts.push(op.data);
  else if (run.kind === "ref" && !("data" in op) && run.ops[0].life === op.life) run.ops.push(op);
  else return null;
  run.bytes += length;
  return run;
}
__name(joinRun, "joinRun");
async function writevFully(fd, parts, offset) {
  if (parts.length === 1) return writeFully(fd, parts[0], offset);
  let pending = parts;
  let at = offset;
  while (pending.length > 0) {
    let { bytesWritten } = await writev(fd, pending, at);
    at += bytesWritten;
    const rest = [];
    for (const part of pending) {
      if (bytesWritten >= part.length) bytesWritten -= part.length;
      else {
        rest.push(part.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    pending = rest;
  }
}
__name(writevFully, "writevFully");
async function writeFully(fd, data, offset) {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await write(fd, data, done, data.length - done, offset + done);
    done += bytesWritten;
  }
}
__name(writeFully, "writeFully");

// src/replay/target.ts
var fdatasync = promisify2(fs2.fdatasync);
function appendRefs(ops) {
  return ops.filter((op) => op.type === "append" && !("data" in op));
}
__name(appendRefs, "appendRefs");
var Target = class _Target {
  static {
    __name(this, "Target");
  }
  dir;
  store;
  cursor;
  /** The batch whose bytes checkAhead already checked: its apply does not read them twice. */
  checkedAhead = null;
  fds = /* @__PURE__ */ new Map();
  hadCursor;
  constructor(dir, store, cursor, hadCursor) {
    this.dir = dir;
    this.store = store;
    this.cursor = cursor;
    this.hadCursor = hadCursor;
  }
  /** Opens (creating if absent) and locks a target; refuses one made from another journal. */
  static async open(dir, journal) {
    const where = path.resolve(dir);
    makeTargetDirectory(where);
    refuseForeignDirectory(where);
    const { store, cursor, hadCursor } = await CursorStore.open(where, journal);
    return new _Target(where, store, cursor, hadCursor);
  }
  get seq() {
    return this.cursor.seq;
  }
  /** The batch that was being applied when a previous replay stopped; null if none. */
  get applying() {
    return this.cursor.applying;
  }
  /**
   * Checks that the target holds what its cursor says, so nothing edited after the backup stopped
   * is overwritten. `window` is the batch that was being applied, if any: files it touched may be
   * anywhere between the cursor and the batch's end.
   */
  checkDivergence(window) {
    const rewritten = /* @__PURE__ */ new Set();
    const appended = /* @__PURE__ */ new Set();
    for (const op of window) {
      if (op.type === "create" || op.type === "delete") rewritten.add(op.file);
      else if (op.type === "append") appended.add(op.file);
    }
    const present = listTarget(this.dir);
    if (!this.hadCursor && present.size > 0) throw notEmpty(this.dir, present);
    const expected = this.cursor.files;
    const names = [.../* @__PURE__ */ new Set([...present.keys(), ...Object.keys(expected)])].sort(compareFileNames);
    for (const name of names) {
      if (rewritten.has(name)) continue;
      const problem = this.findDifference(name, present.get(name), expected[name], appended.has(name));
      if (problem) {
        throw new RdmJournalError(
          "TARGET_DIVERGED",
          `target ${this.dir} was changed after replay stopped at op ${this.cursor.seq}: ${name} ${problem}`,
          { hint: "the target was used or edited; replay into a new directory (or restore this one from a copy)" }
        );
      }
    }
  }
  findDifference(name, found, want, mayHaveGrown) {
    if (!want) return "is not in the journal at that op";
    if (!found) return `is missing (expected ${want.size} bytes)`;
    if (!found.isFile()) return "is not a regular file";
    if (found.size !== want.size && !(mayHaveGrown && found.size > want.size)) return `is ${found.size} bytes, expected ${want.size}`;
    if (want.tailLength === 0) return null;
    const tail = Buffer.alloc(want.tailLength);
    const fd = fs2.openSync(path.join(this.dir, name), fs2.constants.O_RDONLY | fs2.constants.O_NOFOLLOW);
    try {
      fs2.readSync(fd, tail, 0, want.tailLength, want.tailOffset);
    } finally {
      fs2.closeSync(fd);
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
  async apply(ops, { noDelete = false, horizon = 0, data = null, next } = {}) {
    if (ops.length === 0) return;
    const files = planBatch(this.cursor, ops, noDelete, horizon);
    const last = ops[ops.length - 1].seq;
    const refs = appendRefs(ops);
    if (refs.length > 0) {
      if (!data) throw new Error("target invariant: appends by reference without a data copier");
      if (this.checkedAhead !== ops) await data.check(refs);
    }
    this.checkedAhead = null;
    if (this.cursor.applying !== last) await this.saveCursor({ ...this.cursor, applying: last });
    let durable;
    try {
      durable = (await this.write(ops, noDelete, data)).durable.catch((err) => {
        throw writeFailure(this.dir, err);
      });
    } catch (err) {
      throw writeFailure(this.dir, err);
    }
    durable.catch(() => {
    });
    const after = { ...this.cursor, seq: last, applying: null, files, horizon };
    const [, applying] = await Promise.all([durable, this.checkAhead(after, next, noDelete, horizon, data)]);
    await this.saveCursor({ ...after, applying });
  }
  /**
   * The last seq of the next batch, when it is known and valid after `after` (else null: its own
   * apply refuses it), its bytes checked meanwhile. A batch whose check fails is checked again,
   * and reported, by its own apply.
   */
  async checkAhead(after, next, noDelete, horizon, data) {
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
      } catch {
      }
    }
    return ops[ops.length - 1].seq;
  }
  /**
   * Writes a validated batch's ops; `durable` resolves once they are on disk: fdatasync of every
   * file, fsync of the directory if names changed. Nothing else may touch the target meanwhile.
   */
  async write(ops, noDelete, data) {
    const reset = lastResets(ops, noDelete);
    const touched = /* @__PURE__ */ new Set();
    let namesChanged = false;
    let run = null;
    const flushRun = /* @__PURE__ */ __name(async () => {
      const current = run;
      run = null;
      if (current?.kind === "bytes") await writevFully(current.fd, current.parts, current.offset);
      else if (current?.kind === "ref") {
        if (!data) throw new Error("target invariant: appends by reference without a data copier");
        await data.copy(current.ops, current.fd);
      }
    }, "flushRun");
    for (const op of ops) {
      if (op.type !== "resync" && op.seq < (reset.get(op.file) ?? 0)) continue;
      if (op.type !== "append" && op.type !== "resync") await flushRun();
      if (op.type === "create") {
        this.closeFile(op.file);
        const fd = fs2.openSync(this.pathOf(op.file), fs2.constants.O_WRONLY | fs2.constants.O_CREAT | fs2.constants.O_TRUNC | fs2.constants.O_NOFOLLOW, 384);
        fs2.fchmodSync(fd, op.mode ?? 420);
        this.fds.set(op.file, fd);
        touched.add(fd);
        namesChanged = true;
      } else if (op.type === "append") {
        const fd = this.openForAppend(op.file);
        touched.add(fd);
        const joined = run === null ? null : joinRun(run, fd, op);
        if (joined) run = joined;
        else {
          await flushRun();
          run = startRun(fd, op);
        }
      } else if (op.type === "delete") {
        const fd = this.fds.get(op.file);
        if (fd !== void 0 && noDelete) await fdatasync(fd);
        this.closeFile(op.file);
        if (fd !== void 0) touched.delete(fd);
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
  async skipPruned(seq, horizon) {
    if (seq <= this.cursor.seq) return;
    await this.saveCursor({ ...this.cursor, seq, applying: null, horizon });
  }
  /** Where the cursor is and what it knows of retention: for the expiry check. */
  get cursorState() {
    return this.cursor;
  }
  /**
   * `replay --resync`: makes the target hold exactly `files` (the journal's state after op `seq`),
   * whatever it held: other entries are removed, every file rewritten from its appends. With
   * `noDelete`, files kept from deleted lives stay (checked first: they must be as the cursor says).
   * Everything is checked before the first write. The cursor says `resyncing` meanwhile, so an
   * interrupted rebuild is only ever resumed by another.
   */
  async rebuild(files, seq, horizon, { noDelete = false, data = null } = {}) {
    for (const file of files) {
      if (!isSafeFileName(file.name) || file.name === CONTROL_DIR) {
        throw new RdmJournalError(
          "JOURNAL_CORRUPT",
          `target ${this.dir} cannot be rebuilt with a file named ${JSON.stringify(file.name)}: not a file name a journal holds`,
          { hint: "the journal was damaged or written by another program; nothing was written to the target" }
        );
      }
    }
    const live = new Set(files.map((f) => f.name));
    const kept = noDelete ? this.checkKept(live) : {};
    await this.saveCursor({ ...this.cursor, applying: null, resyncing: true });
    for (const name of [...this.fds.keys()]) this.closeFile(name);
    const written = { ...kept };
    let bytes = 0;
    try {
      for (const [name] of listTarget(this.dir)) {
        if (!live.has(name) && !(name in kept)) fs2.rmSync(this.pathOf(name), { recursive: true, force: true });
      }
      for (const file of files) {
        const fd = fs2.openSync(this.pathOf(file.name), fs2.constants.O_WRONLY | fs2.constants.O_CREAT | fs2.constants.O_TRUNC | fs2.constants.O_NOFOLLOW, 384);
        try {
          fs2.fchmodSync(fd, file.mode);
          let state = { size: 0, tailOffset: 0, tailLength: 0, tailCrc: 0 };
          let run = [];
          let runBytes = 0;
          const copyRun = /* @__PURE__ */ __name(async () => {
            if (run.length === 0) return;
            if (!data) throw new Error("target invariant: appends by reference without a data copier");
            await data.copy(run, fd);
            run = [];
            runBytes = 0;
          }, "copyRun");
          for await (const append of file.appends) {
            if (append.offset !== state.size) throw new Error(`rebuild invariant: ${file.name} append at ${append.offset}, planned at ${state.size}`);
            const length = "data" in append ? append.data.length : append.length;
            if ("data" in append) {
              await copyRun();
              await writeFully(fd, append.data, append.offset);
            } else {
              if (run.length > 0 && (run[0].life !== append.life || runBytes + length > RUN_BYTES)) await copyRun();
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
          fs2.closeSync(fd);
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
  checkKept(live) {
    const kept = {};
    const present = listTarget(this.dir);
    for (const [name, record] of Object.entries(this.cursor.files)) {
      if (!record.kept || live.has(name)) continue;
      const problem = this.findDifference(name, present.get(name), record, false);
      if (problem) {
        throw new RdmJournalError(
          "TARGET_DIVERGED",
          `target ${this.dir} keeps ${name} from a deleted life, but ${name} ${problem}`,
          { hint: "put the kept file back as it was, or rebuild the target deleting what the source deleted", detail: "kept-file-changed" }
        );
      }
      kept[name] = record;
    }
    return kept;
  }
  /** Releases the target: the writing note goes unless a batch is half-applied, the lock with it. */
  /** Best effort: it runs after failures (a full disk among them) and must not hide them. */
  async close() {
    for (const name of [...this.fds.keys()]) this.closeFile(name);
    await this.store.close(this.cursor.applying === null);
  }
  async saveCursor(cursor) {
    this.cursor = await this.store.save(cursor);
  }
  openForAppend(name) {
    let fd = this.fds.get(name);
    if (fd === void 0) {
      const file = this.pathOf(name);
      const flags = fs2.constants.O_WRONLY | fs2.constants.O_NOFOLLOW;
      try {
        fd = fs2.openSync(file, flags);
      } catch (err) {
        if (!isErrnoException(err, "EACCES")) throw err;
        fd = openLifted(file, flags);
      }
      this.fds.set(name, fd);
    }
    return fd;
  }
  closeFile(name) {
    const fd = this.fds.get(name);
    if (fd === void 0) return;
    fs2.closeSync(fd);
    this.fds.delete(name);
  }
  pathOf(name) {
    return path.join(this.dir, name);
  }
};
function openLifted(file, flags) {
  const held = fs2.openSync(file, fs2.constants.O_RDONLY | fs2.constants.O_NOFOLLOW | fs2.constants.O_NONBLOCK);
  try {
    const stats = fs2.fstatSync(held);
    if (!stats.isFile()) throw new Error(`${file} is not a regular file`);
    const mode = stats.mode & 511;
    fs2.fchmodSync(held, mode | 128);
    let fd;
    try {
      fd = fs2.openSync(file, flags);
    } finally {
      fs2.fchmodSync(held, mode);
    }
    const opened = fs2.fstatSync(fd);
    if (opened.dev !== stats.dev || opened.ino !== stats.ino) {
      fs2.closeSync(fd);
      throw new Error(`${file} was replaced while it was being opened`);
    }
    return fd;
  } finally {
    fs2.closeSync(held);
  }
}
__name(openLifted, "openLifted");
function planBatch(cursor, ops, noDelete, horizon) {
  const files = { ...cursor.files };
  let expected = cursor.seq + 1;
  for (const op of ops) {
    const refuse = /* @__PURE__ */ __name((why) => new RdmJournalError(
      "JOURNAL_CORRUPT",
      `journal op ${op.seq} (${op.type}${"file" in op ? " " + op.file : ""}) cannot be applied: ${why}`,
      { hint: "the journal was damaged or written by another program; nothing of this batch was written to the target" }
    ), "refuse");
    if (op.seq < expected || op.seq !== expected && op.seq - 1 > horizon) throw refuse(`expected op ${expected} next`);
    expected = op.seq + 1;
    if (op.type === "resync") continue;
    if (op.file === CONTROL_DIR) throw refuse(`${CONTROL_DIR} is reserved for the target's cursor`);
    const current = files[op.file];
    const live = current && !current.kept ? current : void 0;
    const { tail, problem } = applyChange(live, changeOf(op));
    if (problem === "exists") throw refuse("the file already exists");
    if (problem === "absent") throw refuse("the file does not exist");
    if (problem === "not-contiguous" && op.type === "append") throw refuse(`offset ${op.offset} is not the file's size ${live.size}`);
    if (problem === "wrong-size" && op.type === "delete") throw refuse(`it gives size ${op.size}, the file has ${live.size}`);
    if (tail) files[op.file] = tail;
    else if (noDelete) files[op.file] = { ...live, kept: true };
    else delete files[op.file];
  }
  return files;
}
__name(planBatch, "planBatch");
function lastResets(ops, noDelete) {
  const reset = /* @__PURE__ */ new Map();
  for (const op of ops) {
    if (op.type === "create" || op.type === "delete" && !noDelete) reset.set(op.file, op.seq);
  }
  return reset;
}
__name(lastResets, "lastResets");
function notEmpty(where, present) {
  const first = [...present.keys()].sort(compareFileNames)[0];
  return new RdmJournalError(
    "TARGET_NOT_EMPTY",
    `target ${where} holds files (${first}, ...) but was never written by a replay`,
    { hint: "replay into an empty or new directory; this one may be a live database" }
  );
}
__name(notEmpty, "notEmpty");
function refuseForeignDirectory(where) {
  if (!fs2.existsSync(where)) return;
  let entries;
  try {
    entries = fs2.readdirSync(where);
  } catch (err) {
    throw new RdmJournalError(
      "TARGET_UNUSABLE",
      `target ${where} cannot be read: ${err.message}`,
      { hint: "run as a user who can read and write the target directory", cause: err }
    );
  }
  if (entries.length > 0 && !entries.includes(CONTROL_DIR)) throw notEmpty(where, new Map(entries.map((e) => [e, e])));
}
__name(refuseForeignDirectory, "refuseForeignDirectory");
function makeTargetDirectory(where) {
  let stats;
  try {
    makeDirectories(where);
    stats = fs2.statSync(where);
  } catch (err) {
    throw new RdmJournalError(
      "TARGET_UNUSABLE",
      `target ${where} cannot be created: ${err.message}`,
      { hint: "give a directory path you can write to", cause: err }
    );
  }
  if (!stats.isDirectory()) {
    throw new RdmJournalError("TARGET_UNUSABLE", `target ${where} is not a directory`, { hint: "give a directory path for the target", detail: "target-not-directory" });
  }
  return stats;
}
__name(makeTargetDirectory, "makeTargetDirectory");
function listTarget(dir) {
  const entries = /* @__PURE__ */ new Map();
  for (const name of fs2.readdirSync(dir)) {
    if (name !== CONTROL_DIR) entries.set(name, fs2.lstatSync(path.join(dir, name)));
  }
  return entries;
}
__name(listTarget, "listTarget");
function unlinkIfPresent(file) {
  try {
    fs2.unlinkSync(file);
  } catch (err) {
    if (!isErrnoException(err, "ENOENT")) throw err;
  }
}
__name(unlinkIfPresent, "unlinkIfPresent");

export {
  Target,
  refuseForeignDirectory,
  makeTargetDirectory
};
