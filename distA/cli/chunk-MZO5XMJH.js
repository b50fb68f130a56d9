import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  StdoutStream
} from "./chunk-4USO7O2A.js";
import {
  parsePoint,
  refusePastHead
} from "./chunk-5V3YYJD5.js";
import {
  resolveUpTo
} from "./chunk-OMYW4HFP.js";
import {
  Journal
} from "./chunk-S4MOKPQQ.js";
import "./chunk-AKKEC72L.js";
import {
  compareFileNames
} from "./chunk-R7ETIWN2.js";
import {
  describeOp,
  formatBytes,
  formatTime
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/inspect.ts
async function withJournal(dir, work) {
  const journal = await Journal.open(dir);
  try {
    await journal.refresh();
    return await work(journal);
  } finally {
    await journal.close();
  }
}
__name(withJournal, "withJournal");
async function resolveAt(journal, at) {
  if (at === void 0) return journal.head;
  const seq = await resolveUpTo(journal, parsePoint("--at", at));
  refusePastHead(journal, "--at", seq);
  return seq;
}
__name(resolveAt, "resolveAt");
async function show({ journal: dir, seq, raw, utc, out }) {
  await withJournal(dir, async (journal) => {
    if (seq < 1 || seq > journal.head) {
      throw new RdmJournalError(
        "NOT_IN_JOURNAL",
        `journal ${journal.location} has no op ${seq}: its ops are 1..${journal.head}`,
        { hint: "rdm-journal log lists them" }
      );
    }
    if (seq <= journal.horizon && !await journal.lookup.hasOp(seq)) {
      throw new RdmJournalError(
        "NOT_IN_JOURNAL",
        `op ${seq} was pruned: it belonged to a file whose life ended by op ${journal.horizon}, the retention horizon`,
        { hint: "rdm-journal log lists the ops held" }
      );
    }
    const op = await journal.readOp(seq);
    const stdout = new StdoutStream();
    out.dataOnStdout = raw;
    if (raw) {
      if (op.type !== "append") {
        throw new RdmJournalError("USAGE", `op ${seq} is a ${op.type}: it carries no bytes for --raw`, { hint: "only append ops carry bytes" });
      }
      await stdout.write(op.data);
      return;
    }
    if (out.json) {
      const data = op.type === "append" ? { data: Buffer.from(op.data).toString("base64") } : {};
      await stdout.line(JSON.stringify({ event: "result", ...describeOp(op), ...data }));
      await stdout.flush();
      return;
    }
    for (const line of describeFully(op, utc)) await stdout.line(line);
    if (op.type === "append") {
      for (let i = 0; i < op.data.length && stdout.open; i += 16) await stdout.line(hexLine(op.data, i, op.offset));
    }
    await stdout.flush();
  });
}
__name(show, "show");
function describeFully(op, utc) {
  const lines = [`op        ${op.seq}`, `recorded  ${formatTime(op.at, utc)}`, `kind      ${op.type}`];
  switch (op.type) {
    case "create":
      return [
        ...lines,
        `file      ${op.file}`,
        `inode     ${op.ino}`,
        ...op.mode === void 0 ? [] : [`mode      ${op.mode.toString(8).padStart(4, "0")}`]
      ];
    case "delete":
      return [...lines, `file      ${op.file}`, `size      ${op.size} (${formatBytes(op.size)})`];
    case "resync":
      return [
        ...lines,
        `reason    ${op.reason}`,
        ...op.file ? [`file      ${op.file}`] : [],
        ...op.recordedSize === void 0 ? [] : [`recorded  ${op.recordedSize} bytes`],
        ...op.foundSize === void 0 ? [] : [`found     ${op.foundSize} bytes`],
        `detail    ${op.detail}`
      ];
    case "append":
      return [
        ...lines,
        `file      ${op.file}`,
        `offset    ${op.offset}`,
        `length    ${op.data.length} (${formatBytes(op.data.length)})`,
        `crc32     ${op.crc.toString(16).padStart(8, "0")}`,
        ""
      ];
  }
}
__name(describeFully, "describeFully");
function hexLine(data, start, base) {
  const row = data.subarray(start, start + 16);
  let hex = "";
  let text = "";
  for (let i = 0; i < 16; i++) {
    hex += i < row.length ? row[i].toString(16).padStart(2, "0") + " " : "   ";
    if (i === 7) hex += " ";
    if (i < row.length) text += row[i] >= 32 && row[i] < 127 ? String.fromCharCode(row[i]) : ".";
  }
  return `${(base + start).toString(16).padStart(8, "0")}  ${hex} |${text}|`;
}
__name(hexLine, "hexLine");
async function files({ journal: dir, at, utc, out }) {
  await withJournal(dir, async (journal) => {
    journal.requireVersion("files");
    const seq = await resolveAt(journal, at);
    const found = await journal.index.filesAt(seq);
    const names = [...found.keys()].sort(compareFileNames);
    const atTime = seq > 0 ? (await journal.lookup.readOpAtOrBefore(seq))?.at ?? null : null;
    let total = 0;
    for (const state of found.values()) total += state.size;
    const list = names.map((name) => ({ file: name, size: found.get(name).size, createdSeq: found.get(name).createdSeq }));
    const width = Math.max(4, ...names.map((n) => n.length));
    const lines = [
      `after op ${seq}${atTime === null ? "" : ` (${formatTime(atTime, utc)})`}: ${names.length} files, ${formatBytes(total)}`,
      ...list.map((f) => `${f.file.padEnd(width)}  ${formatBytes(f.size).padStart(10)}  created op ${f.createdSeq}`)
    ];
    out.result({ seq, at: atTime === null ? null : new Date(atTime).toISOString(), files: list, bytes: total }, lines.join("\n"));
  });
}
__name(files, "files");
async function history({ journal: dir, file, utc, out }) {
  await withJournal(dir, async (journal) => {
    journal.requireVersion("history");
    const lives = [];
    const newLife = /* @__PURE__ */ __name(() => ({ createdSeq: null, createdAt: null, ino: null, appends: 0, bytes: 0, firstAppend: null, lastAppend: null, deleted: null, resyncs: [] }), "newLife");
    let life = null;
    for await (const entry of journal.index.fileOps(file)) {
      if (entry.type === "create" || life === null || life.deleted) lives.push(life = newLife());
      if (entry.type === "create") {
        const op = await journal.index.readFileOp(file, entry);
        Object.assign(life, { createdSeq: entry.seq, createdAt: entry.at, ino: op.type === "create" ? op.ino : null });
      } else if (entry.type === "append") {
        life.appends += 1;
        life.bytes += entry.length;
        life.firstAppend ??= entry;
        life.lastAppend = entry;
      } else if (entry.type === "delete") {
        life.deleted = { seq: entry.seq, at: entry.at, size: entry.offset };
      } else {
        const op = await journal.index.readFileOp(file, entry);
        if (op.type === "resync") life.resyncs.push({ seq: entry.seq, at: entry.at, reason: op.reason, detail: op.detail });
      }
    }
    if (lives.length === 0) {
      throw new RdmJournalError(
        "NOT_IN_JOURNAL",
        `journal ${journal.location} has no op on a file named ${JSON.stringify(file)}`,
        { hint: "rdm-journal files --at OP lists the names at a point; names are exact (p00000001.pack)" }
      );
    }
    const lines = [file];
    for (const [i, l] of lives.entries()) {
      const t = /* @__PURE__ */ __name((ms) => formatTime(ms, utc), "t");
      lines.push(l.createdSeq === null ? `  life ${i + 1}: no create recorded` : `  life ${i + 1}: created op ${l.createdSeq} at ${t(l.createdAt)} (inode ${l.ino})`);
      if (l.appends > 0) {
        lines.push(`    appended ${l.appends} times, ${formatBytes(l.bytes)}, ops ${l.firstAppend.seq}..${l.lastAppend.seq} (${t(l.firstAppend.at)} .. ${t(l.lastAppend.at)})`);
      } else lines.push("    never appended");
      for (const r of l.resyncs) lines.push(`    resync op ${r.seq} at ${t(r.at)}: ${r.reason}: ${r.detail}`);
      if (l.deleted) lines.push(`    deleted op ${l.deleted.seq} at ${t(l.deleted.at)}, at ${formatBytes(l.deleted.size)}`);
      else if (l.createdSeq !== null) lines.push(`    live, ${formatBytes(l.bytes)}`);
    }
    out.result({
      file,
      lives: lives.map((l) => ({
        createdSeq: l.createdSeq,
        createdAt: l.createdAt === null ? null : new Date(l.createdAt).toISOString(),
        ino: l.ino,
        appends: l.appends,
        bytes: l.bytes,
        firstAppendSeq: l.firstAppend?.seq ?? null,
        lastAppendSeq: l.lastAppend?.seq ?? null,
        live: l.createdSeq !== null && l.deleted === null,
        deleted: l.deleted ? { seq: l.deleted.seq, at: new Date(l.deleted.at).toISOString(), size: l.deleted.size } : null,
        resyncs: l.resyncs.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))
      }))
    }, lines.join("\n"));
  });
}
__name(history, "history");
async function cat({ journal: dir, file, at, out }) {
  out.dataOnStdout = true;
  if (process.stdout.isTTY) {
    throw new RdmJournalError(
      "USAGE",
      "cat writes the file's bytes to stdout, which is a terminal",
      { hint: "redirect it: rdm-journal cat FILE --at OP > FILE.copy" }
    );
  }
  await withJournal(dir, async (journal) => {
    journal.requireVersion("cat");
    const seq = await resolveAt(journal, at);
    const createdSeq = await findLife(journal, file, seq);
    const stdout = new StdoutStream();
    let size = 0;
    for await (const entry of journal.index.fileOps(file, { after: createdSeq, upTo: seq })) {
      if (entry.type !== "append") continue;
      const op = await journal.index.readFileOp(file, entry);
      if (op.type !== "append" || op.offset !== size) {
        throw new RdmJournalError(
          "JOURNAL_CORRUPT",
          `journal op ${op.seq} appends to ${file} at offset ${entry.offset}, but its appends before end at ${size}`,
          { hint: "the journal was damaged; rdm-journal verify lists what is wrong" }
        );
      }
      size += op.data.length;
      if (!await stdout.write(op.data)) break;
    }
  });
}
__name(cat, "cat");
async function findLife(journal, file, seq) {
  let live = false;
  for await (const entry of journal.index.fileOps(file, { upTo: seq, reverse: true })) {
    if (entry.type === "resync") continue;
    if (!live && entry.type === "delete") {
      throw new RdmJournalError(
        "NOT_IN_JOURNAL",
        `${file} did not exist after op ${seq}: it was deleted by op ${entry.seq}`,
        { hint: `rdm-journal history ${file} shows its life; give an --at before op ${entry.seq}` }
      );
    }
    live = true;
    if (entry.type === "create") return entry.seq;
  }
  throw new RdmJournalError(
    "NOT_IN_JOURNAL",
    `${file} did not exist after op ${seq}: the journal has no create of it up to there`,
    { hint: `rdm-journal history ${file} shows its life; rdm-journal files --at ${seq} lists what existed` }
  );
}
__name(findLife, "findLife");
export {
  cat,
  files,
  history,
  show
};
