import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  CONTROL_DIR,
  readTargetCursor
} from "./chunk-OI7LF42S.js";
import "./chunk-7UX3QION.js";
import "./chunk-22UGMBSA.js";
import {
  Journal,
  indexFields
} from "./chunk-S4MOKPQQ.js";
import {
  applyChange,
  changeOf
} from "./chunk-AKKEC72L.js";
import {
  compareFileNames,
  packr
} from "./chunk-R7ETIWN2.js";
import {
  formatBytes
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/upkeep/verify-journal.ts
import fs from "node:fs";
import { crc32 } from "node:zlib";
import path from "node:path";
function indexDigest(previous, seq, type, at, offset, length) {
  return crc32(`${seq},${type},${at},${offset},${length};`, previous) >>> 0;
}
__name(indexDigest, "indexDigest");
async function verify(journal, options) {
  let findings = 0;
  const report = /* @__PURE__ */ __name((seq, message, where = "journal") => {
    findings += 1;
    options.onFinding({ seq, where, message });
  }, "report");
  const cursor = options.target === void 0 ? null : await readCursorFor(journal, options.target);
  const head = await journal.refresh();
  const stored = journal.version >= 2 ? await journal.stats() : null;
  const pruned = journal.version >= 2 ? await journal.pruned() : null;
  const horizon = pruned?.horizon ?? 0;
  const files = /* @__PURE__ */ new Map();
  const deletedBy = /* @__PURE__ */ new Map();
  const counts = { create: 0, append: 0, delete: 0, resync: 0 };
  let withFile = 0;
  const digests = /* @__PURE__ */ new Map();
  const digest = /* @__PURE__ */ __name((file, seq, type, at, offset, length) => digests.set(file, indexDigest(digests.get(file) ?? 0, seq, type, at, offset, length)), "digest");
  let bytes = 0;
  let expected = 1;
  let lastAt = 0;
  let lastSeq = 0;
  let steps = [];
  try {
    steps = await journal.timeSteps();
  } catch (err) {
    report(null, err.message);
  }
  let nextStep = 0;
  let atCursor = cursor?.seq === 0 ? /* @__PURE__ */ new Map() : null;
  const checkpoints = /* @__PURE__ */ new Map();
  try {
    if (stored) {
      for await (const [seq, appended] of journal.lookup.checkpoints()) if (seq >= horizon) checkpoints.set(seq, appended);
    }
  } catch (err) {
    if (!(err instanceof RdmJournalError && err.code === "JOURNAL_CORRUPT")) throw err;
    report(null, `the checkpoints cannot be read: ${err.message}`);
  }
  try {
    for await (const [seq, value] of journal.stored.rawOps()) {
      if (cursor && atCursor === null && seq > cursor.seq) atCursor = new Map(files);
      if (seq !== expected && seq - 1 > horizon) {
        report(expected, seq === expected + 1 ? `op ${expected} is missing` : `ops ${expected}..${seq - 1} are missing`);
      }
      expected = seq + 1;
      let op;
      try {
        op = await journal.decodeStored(seq, value);
      } catch (err) {
        report(seq, err.message.replace(/^journal op \d+ is /, "it is "));
        const raw = followDamaged(files, value, seq);
        if (raw) {
          counts[raw.type] += 1;
          if (raw.file !== null) {
            withFile += 1;
            digest(raw.file, seq, raw.type, raw.at, raw.offset, raw.length);
          }
          bytes += raw.length;
        }
        continue;
      }
      const listed = nextStep < steps.length && steps[nextStep] <= seq;
      while (nextStep < steps.length && steps[nextStep] <= seq) nextStep += 1;
      if (op.at < lastAt && !listed) report(seq, `recorded at ${new Date(op.at).toISOString()}, before op ${lastSeq} (${new Date(lastAt).toISOString()}), and not listed among the journal's time steps: lookups by time may miss it`);
      lastAt = op.at;
      lastSeq = seq;
      counts[op.type] += 1;
      if (op.file !== void 0) {
        withFile += 1;
        digest(op.file, seq, op.type, op.at, ...indexFields(op));
      }
      if (op.type === "append") bytes += op.data.length;
      const checkpoint = checkpoints.get(seq);
      if (checkpoint !== void 0 && checkpoint !== bytes + pruned.bytes) {
        report(seq, `the checkpoint at this op says ${checkpoint} bytes were appended up to it; the ops say ${bytes + pruned.bytes}`);
      }
      const problem = op.type === "resync" ? null : applyOp(files, deletedBy, op, seq);
      if (problem) report(seq, problem);
      if (seq % 65536 === 0) options.onProgress?.(seq, head);
    }
  } catch (err) {
    if (err instanceof RdmJournalError && err.code !== "JOURNAL_CORRUPT") throw err;
    report(null, `the op table cannot be read on after op ${expected - 1}: ${err.message}`);
  }
  const last = expected - 1;
  const lost = await journal.lostOps();
  if (lost) report(lost.from, `ops ${lost.from}..${lost.to} were committed but LevelDB no longer holds them (a damaged log record, dropped when the journal was opened)`);
  if (cursor && atCursor === null) atCursor = new Map(files);
  if (stored && pruned) {
    if (stored.head !== last) report(null, `the counters say the last op is ${stored.head}, the op table ends at ${last}`);
    for (const kind of Object.keys(counts)) {
      const held2 = stored.ops[kind] - pruned.ops[kind];
      if (held2 !== counts[kind]) report(null, `the counters hold ${held2} ${kind} ops (${stored.ops[kind]} recorded, ${pruned.ops[kind]} pruned), the journal ${counts[kind]}`);
    }
    const held = stored.bytes - pruned.bytes;
    if (held !== bytes) report(null, `the counters hold ${held} bytes of appended data, the ops ${bytes}`);
    await checkIndex(journal, digests, withFile, report);
  }
  if (journal.version >= 3) {
    try {
      await journal.stored.checkAllRecords();
    } catch (err) {
      if (!(err instanceof RdmJournalError && err.code === "JOURNAL_CORRUPT")) throw err;
      report(null, err.message);
    }
  }
  const states = await journal.stored.fileStates();
  for (const name of /* @__PURE__ */ new Set([...states.keys(), ...files.keys()])) {
    const want = files.get(name);
    const got = states.get(name);
    if (!got) report(null, `${name}: the ops leave it ${want.size} bytes, but no file state is stored`);
    else if (!want) report(null, `${name}: a file state is stored (${got.size} bytes), but the ops leave no such file`);
    else {
      const fields = ["size", "createdSeq", "ino", "lastSeq", "tailOffset", "tailLength", "tailCrc"];
      const wrong = fields.filter((f) => want[f] !== void 0 && got[f] !== want[f]);
      if (wrong.length > 0) {
        report(null, `${name}: the stored file state disagrees with the ops in ${wrong.map((f) => `${f} (${got[f]}, ops say ${want[f]})`).join(", ")}`);
      }
    }
  }
  let target = null;
  if (cursor && options.target !== void 0) {
    const where = path.resolve(options.target);
    const reportTarget = /* @__PURE__ */ __name((seq, message) => report(seq, message, where), "reportTarget");
    if (cursor.seq > last) reportTarget(null, `its cursor is at op ${cursor.seq}, past the journal's last op ${last}`);
    else target = { path: where, seq: cursor.seq, ...await compareTarget(journal, where, cursor, atCursor ?? /* @__PURE__ */ new Map(), reportTarget) };
  }
  options.onProgress?.(last, head);
  return { ok: findings === 0, head: last, ops: counts.create + counts.append + counts.delete + counts.resync, bytes, findings, target };
}
__name(verify, "verify");
function followDamaged(files, value, seq) {
  let raw;
  try {
    raw = packr.unpack(value);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null || !["create", "append", "delete", "resync"].includes(raw.type)) return null;
  const length = raw.type !== "append" ? 0 : raw.data instanceof Uint8Array ? raw.data.length : typeof raw.length === "number" ? raw.length : 0;
  const offset = raw.type === "append" && typeof raw.offset === "number" ? raw.offset : raw.type === "delete" && typeof raw.size === "number" ? raw.size : 0;
  const found = { type: raw.type, file: typeof raw.file === "string" ? raw.file : null, at: typeof raw.at === "number" ? raw.at : NaN, offset, length };
  if (typeof raw.file !== "string") return found;
  const current = files.get(raw.file);
  if (raw.type === "append" && current && typeof raw.offset === "number") {
    files.set(raw.file, {
      ...current,
      size: raw.offset + length,
      lastSeq: seq,
      tailOffset: raw.offset,
      tailLength: length,
      tailCrc: typeof raw.crc === "number" ? raw.crc : void 0
    });
  } else if (raw.type === "delete") files.delete(raw.file);
  else if (raw.type === "create") files.set(raw.file, { size: 0, createdSeq: seq, lastSeq: seq, tailOffset: 0, tailLength: 0, tailCrc: 0 });
  return found;
}
__name(followDamaged, "followDamaged");
async function checkIndex(journal, digests, withFile, report) {
  let entries = 0;
  const seen = /* @__PURE__ */ new Set();
  try {
    for await (const name of journal.index.fileNames()) {
      seen.add(name);
      let found = 0;
      for await (const e of journal.index.fileOps(name)) {
        found = indexDigest(found, e.seq, e.type, e.at, e.offset, e.length);
        entries += 1;
      }
      if (found !== (digests.get(name) ?? 0)) report(null, `the per-file index of ${name} disagrees with its ops`);
    }
  } catch (err) {
    if (err instanceof RdmJournalError && err.code !== "JOURNAL_CORRUPT") throw err;
    report(null, `the per-file index cannot be read: ${err.message}`);
    return;
  }
  for (const name of digests.keys()) if (!seen.has(name)) report(null, `the per-file index has no entry for ${name}, which ops name`);
  if (entries !== withFile) report(null, `the per-file index has ${entries} entries for ${withFile} ops naming a file`);
}
__name(checkIndex, "checkIndex");
function applyOp(files, deletedBy, op, seq) {
  const current = files.get(op.file);
  const absent = deletedBy.has(op.file) ? `it was deleted by op ${deletedBy.get(op.file)} and not created again` : "it was never created";
  const known = current && { size: current.size, tailOffset: current.tailOffset ?? 0, tailLength: current.tailLength ?? 0, tailCrc: current.tailCrc ?? 0 };
  const { tail, problem } = applyChange(known, changeOf(op));
  if (tail === null) files.delete(op.file);
  else if (op.type === "create") files.set(op.file, { ...tail, createdSeq: seq, ino: op.ino, lastSeq: seq });
  else files.set(op.file, current ? { ...current, ...tail, lastSeq: seq } : { size: tail.size, createdSeq: seq });
  if (op.type === "create") deletedBy.delete(op.file);
  if (op.type === "delete") deletedBy.set(op.file, seq);
  switch (problem) {
    case null:
      return null;
    case "exists":
      return `creates ${op.file}, which exists since op ${current.createdSeq}`;
    case "absent":
      return `${op.type === "append" ? "appends to" : "deletes"} ${op.file}, but ${absent}`;
    case "not-contiguous":
      return `appends at offset ${op.type === "append" ? op.offset : 0} of ${op.file}, which is ${current.size} bytes: appends must be contiguous`;
    case "wrong-size":
      return `deletes ${op.file} saying it was ${op.type === "delete" ? op.size : 0} bytes; its ops make ${current.size}`;
  }
}
__name(applyOp, "applyOp");
async function readCursorFor(journal, dir) {
  const cursor = await readTargetCursor(dir);
  if (cursor.journal.createdAt !== journal.createdAt || cursor.journal.source !== (journal.source?.path ?? null)) {
    throw new RdmJournalError(
      "TARGET_OTHER_JOURNAL",
      `target ${path.resolve(dir)} was replayed from another journal (of ${cursor.journal.source ?? "no source"})`,
      { hint: "verify it with the journal it was replayed from", detail: "target-of-another-journal" }
    );
  }
  journal.requireVersion("verifying a target");
  return cursor;
}
__name(readCursorFor, "readCursorFor");
async function compareTarget(journal, dir, cursor, live, report) {
  if (cursor.applying !== null) report(null, `a replay was interrupted applying ops ${cursor.seq + 1}..${cursor.applying}: run the same replay to finish it`);
  const expected = new Map(live);
  for (const [name, file] of Object.entries(cursor.files)) {
    if (!file.kept || expected.has(name)) continue;
    const createdSeq = await lastCreate(journal, name, cursor.seq);
    if (createdSeq === null) report(null, `${name}: the cursor keeps it from a deleted life, but the journal never created it up to op ${cursor.seq}`);
    else expected.set(name, { size: file.size, createdSeq });
  }
  let entries;
  try {
    entries = fs.readdirSync(dir).filter((name) => name !== CONTROL_DIR);
  } catch (err) {
    throw new RdmJournalError("TARGET_UNUSABLE", `target ${dir} cannot be read: ${err.message}`, { hint: "check its permissions", cause: err });
  }
  for (const name of entries.sort(compareFileNames)) {
    if (!expected.has(name)) report(null, `${name} is in the target but not in the journal at op ${cursor.seq}`);
  }
  let bytes = 0;
  for (const name of [...expected.keys()].sort(compareFileNames)) {
    const want = expected.get(name);
    const file = path.join(dir, name);
    let stats;
    try {
      stats = fs.lstatSync(file);
    } catch {
      report(want.createdSeq, `${name} is missing (the journal holds ${want.size} bytes at op ${cursor.seq})`);
      continue;
    }
    if (!stats.isFile()) {
      report(want.createdSeq, `${name} is not a regular file`);
      continue;
    }
    if (stats.size !== want.size) report(null, `${name} is ${stats.size} bytes; the journal holds ${want.size} at op ${cursor.seq}`);
    bytes += await compareBytes(journal, file, name, want.createdSeq, cursor.seq, report);
  }
  return { files: expected.size, bytes };
}
__name(compareTarget, "compareTarget");
async function lastCreate(journal, name, upTo) {
  for await (const entry of journal.index.fileOps(name, { upTo, reverse: true })) if (entry.type === "create") return entry.seq;
  return null;
}
__name(lastCreate, "lastCreate");
async function compareBytes(journal, file, name, createdSeq, upTo, report) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  let compared = 0;
  try {
    for await (const entry of journal.index.fileOps(name, { after: createdSeq, upTo })) {
      if (entry.type !== "append") continue;
      let op;
      try {
        op = await journal.index.readFileOp(name, entry);
      } catch (err) {
        if (!(err instanceof RdmJournalError && err.code === "JOURNAL_CORRUPT")) throw err;
        report(entry.seq, `${name} cannot be compared on from op ${entry.seq}: ${err.message}`);
        return compared;
      }
      if (op.type !== "append") continue;
      const found = Buffer.alloc(op.data.length);
      const read = fs.readSync(fd, found, 0, found.length, op.offset);
      const want = Buffer.from(op.data.buffer, op.data.byteOffset, op.data.byteLength);
      if (read !== found.length || !found.equals(want)) {
        let at = 0;
        while (at < read && found[at] === want[at]) at += 1;
        report(op.seq, `${name} differs at byte ${op.offset + at} (op ${op.seq} wrote ${op.offset}..${op.offset + op.data.length})`);
        return compared;
      }
      compared += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return compared;
}
__name(compareBytes, "compareBytes");

// src/cli/verify.ts
async function verifyCommand({ journal: dir, target, out }) {
  const journal = await Journal.open(dir);
  try {
    const started = Date.now();
    const result = await verify(journal, {
      target,
      onFinding: /* @__PURE__ */ __name((f) => {
        if (out.json) process.stdout.write(JSON.stringify({ event: "finding", ...f }) + "\n");
        else process.stdout.write(`${f.where === "journal" ? "journal" : `target ${f.where}`}: ${f.seq === null ? "" : `op ${f.seq}: `}${f.message}
`);
      }, "onFinding"),
      onProgress: /* @__PURE__ */ __name((seq, head) => out.progress("verifying", { value: seq, total: head, unit: "ops" }), "onProgress")
    });
    const seconds = (Date.now() - started) / 1e3;
    const lines = [`journal ${journal.location}: ${result.ops} ops (1..${result.head}), ${formatBytes(result.bytes)} of data checked in ${seconds.toFixed(1)} s`];
    if (result.target) lines.push(`target ${result.target.path}: ${result.target.files} files, ${formatBytes(result.target.bytes)} compared at op ${result.target.seq}`);
    lines.push(result.ok ? "all is well" : `${result.findings} finding${result.findings === 1 ? "" : "s"}`);
    out.result({ ...result, seconds }, lines.join("\n"));
    if (!result.ok) {
      throw new RdmJournalError(
        "VERIFY_FAILED",
        `verify found ${result.findings} problem${result.findings === 1 ? "" : "s"} (listed above)`,
        { hint: target === void 0 ? "a damaged journal: restore it from a copy, or start a new journal and a new target" : "a target that differs: replay into a new directory (the journal is the reference)" }
      );
    }
  } finally {
    await journal.close();
  }
}
__name(verifyCommand, "verifyCommand");
export {
  verifyCommand
};
