import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  Target,
  makeTargetDirectory
} from "./chunk-YXZ2HCE3.js";
import {
  CONTROL_DIR
} from "./chunk-OI7LF42S.js";
import {
  appendLength,
  overlaps,
  realPathOf
} from "./chunk-AKKEC72L.js";
import {
  formatBytes
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/replay/replayer.ts
import { statSync } from "node:fs";
import path from "node:path";
var BATCH_BYTES = 8 * 1024 * 1024;
var BATCH_OPS = 4096;
async function replay(options) {
  const { journal } = options;
  await journal.refresh();
  const lost = await journal.lostOps();
  if (lost) {
    throw new RdmJournalError(
      "JOURNAL_CORRUPT",
      `journal ${journal.location} lost ops ${lost.from}..${lost.to} after they were committed (LevelDB dropped a damaged log record)`,
      { hint: "nothing was applied; restore the journal from a copy, or record a new journal and replay it into a new target" }
    );
  }
  if (options.until !== void 0 && options.until < journal.horizon) throw beforeHorizon(journal, options.until);
  if (options.resync && options.until !== void 0) {
    throw new RdmJournalError(
      "USAGE",
      "a resync rebuilds targets to the journal's current state; it cannot stop at an earlier op",
      { hint: "for the state at an earlier point, replay up to it into a new directory", detail: "resync-with-until" }
    );
  }
  const targets = await openTargets(journal, options.targets);
  try {
    const results = targets.map((t) => ({ target: t.dir, from: t.seq, to: t.seq, ops: 0, bytes: 0 }));
    const plan = options.resync ? await planRebuild(journal) : null;
    for (const [i, target] of targets.entries()) {
      if (plan) {
        results[i].rebuilt = await rebuildTarget(journal, target, plan, options.noDelete ?? false);
        results[i].from = target.seq;
        results[i].to = target.seq;
      } else {
        await checkTarget(journal, target, options.until);
      }
      await noteTarget(journal, target);
    }
    const until = options.until ?? Number.MAX_SAFE_INTEGER;
    for (; ; ) {
      const stopping = options.signal?.aborted ?? false;
      const end = Math.min(until, await journal.refresh());
      for (const [i, target] of targets.entries()) await catchUp(journal, target, end, results[i], options);
      if (!options.follow || end >= until || stopping) break;
      await journal.waitForOps(end, options.signal);
    }
    return results;
  } finally {
    await Promise.all(targets.map((t) => t.close()));
  }
}
__name(replay, "replay");
async function openTargets(journal, dirs) {
  const identity = { createdAt: journal.createdAt, source: journal.source?.path ?? null };
  const source = journal.source?.path;
  for (const dir of dirs) {
    if (source && (overlaps(dir, source) || isSameDirectory(dir, journal.source))) {
      throw new RdmJournalError(
        "USAGE",
        `target ${path.resolve(dir)} is the journal's source ${source}, or inside it, or holds it`,
        { hint: "replay into a directory outside the database directory (symlinks are resolved)" }
      );
    }
  }
  refuseSameTarget(dirs);
  const targets = [];
  try {
    for (const dir of dirs) targets.push(await Target.open(dir, identity));
  } catch (err) {
    await Promise.all(targets.map((t) => t.close()));
    throw err;
  }
  return targets;
}
__name(openTargets, "openTargets");
function refuseSameTarget(dirs) {
  const refuse = /* @__PURE__ */ __name((a, b, how) => new RdmJournalError(
    "USAGE",
    a === b ? `the same target ${a} is given twice` : `targets ${a} and ${b} are the same directory (${how})`,
    { hint: "give each target once: two replays into one directory would overwrite each other" }
  ), "refuse");
  const byPath = /* @__PURE__ */ new Map();
  for (const dir of dirs) {
    const where = path.resolve(dir);
    const real = realPathOf(where);
    const other = byPath.get(real);
    if (other !== void 0) throw refuse(other, where, `both are ${real}`);
    byPath.set(real, where);
  }
  const byIdentity = /* @__PURE__ */ new Map();
  for (const dir of dirs) {
    const where = path.resolve(dir);
    const { dev, ino } = makeTargetDirectory(where);
    const other = byIdentity.get(`${dev}:${ino}`);
    if (other !== void 0) throw refuse(other, where, `device ${dev}, inode ${ino}`);
    byIdentity.set(`${dev}:${ino}`, where);
  }
}
__name(refuseSameTarget, "refuseSameTarget");
function isSameDirectory(dir, source) {
  try {
    const stats = statSync(dir);
    return stats.dev === source.dev && stats.ino === source.ino;
  } catch {
    return false;
  }
}
__name(isSameDirectory, "isSameDirectory");
async function checkTargets(journal, dirs, until) {
  const targets = await openTargets(journal, dirs);
  try {
    for (const target of targets) await checkTarget(journal, target, until);
  } finally {
    await Promise.all(targets.map((t) => t.close()));
  }
}
__name(checkTargets, "checkTargets");
function beforeHorizon(journal, seq) {
  return new RdmJournalError(
    "PRUNED",
    `op ${seq} is before the retention horizon (op ${journal.horizon}) of journal ${journal.location}: files deleted by then were pruned, so the state at that point can no longer be rebuilt`,
    { hint: `give a point from op ${journal.horizon} on`, detail: "before-horizon", facts: { horizon: journal.horizon } }
  );
}
__name(beforeHorizon, "beforeHorizon");
function checkExpiry(journal, target) {
  const cursor = target.cursorState;
  const hint = "rebuild it from what the journal holds (a resync)";
  if (cursor.resyncing) {
    throw new RdmJournalError(
      "CURSOR_EXPIRED",
      `target ${target.dir} was being rebuilt (a resync) when it stopped`,
      { hint, detail: "cursor-expired", facts: { target: target.dir } }
    );
  }
  const fresh = cursor.seq === 0 && cursor.applying === null && Object.keys(cursor.files).length === 0;
  if (!fresh && journal.horizon > Math.max(cursor.seq, cursor.horizon ?? 0)) {
    throw new RdmJournalError(
      "CURSOR_EXPIRED",
      `target ${target.dir} is at op ${cursor.seq}, but journal ${journal.location} was pruned to op ${journal.horizon}: ops it needs are gone`,
      { hint, detail: "cursor-expired", facts: { target: target.dir } }
    );
  }
}
__name(checkExpiry, "checkExpiry");
async function planRebuild(journal) {
  journal.requireVersion("rebuilding a target");
  const head = await journal.refresh();
  const files = [];
  for (const [name, state] of await journal.index.filesAt(head)) {
    const refuse = /* @__PURE__ */ __name((why) => new RdmJournalError(
      "JOURNAL_CORRUPT",
      `journal ${journal.location} cannot rebuild ${name}: ${why}`,
      { hint: "the journal was damaged or written by another program; nothing was written to the target" }
    ), "refuse");
    if (name === CONTROL_DIR) throw refuse(`${CONTROL_DIR} is reserved for the target's cursor`);
    const file = { name, mode: 420, size: 0, appends: [] };
    for await (const entry of journal.index.fileOps(name, { after: state.createdSeq - 1, upTo: head })) {
      const op = await journal.index.readFileOp(name, entry);
      if (op.type === "create") {
        if (op.seq !== state.createdSeq) throw refuse(`it is created again at op ${op.seq}, after its last create at op ${state.createdSeq}`);
        file.mode = op.mode ?? 420;
      } else if (op.type === "append") {
        if (op.offset !== file.size) throw refuse(`op ${op.seq} appends at offset ${op.offset}, but its appends before end at ${file.size}`);
        file.size += op.data.length;
        file.appends.push(entry);
      } else if (op.type === "delete") {
        throw refuse(`op ${op.seq} deletes it, yet the index makes it live at op ${head}`);
      }
    }
    if (file.size !== state.size) throw refuse(`its appends make ${file.size} bytes, its index ${state.size}`);
    files.push(file);
  }
  return { seq: head, files };
}
__name(planRebuild, "planRebuild");
async function rebuildTarget(journal, target, plan, noDelete) {
  const files = plan.files.map((file) => ({
    name: file.name,
    mode: file.mode,
    size: file.size,
    appends: (async function* () {
      for (const entry of file.appends) {
        const op = await journal.index.readFileOpRef(file.name, entry);
        if (op.type === "append") yield op;
      }
    })()
  }));
  const rebuilt = await target.rebuild(files, plan.seq, journal.horizon, { noDelete, data: journal.dataFiles });
  return { seq: plan.seq, ...rebuilt };
}
__name(rebuildTarget, "rebuildTarget");
async function checkTarget(journal, target, until) {
  checkExpiry(journal, target);
  const reached = target.applying ?? target.seq;
  if (until !== void 0 && reached > until) {
    throw new RdmJournalError(
      "TARGET_PAST_UNTIL",
      target.applying === null ? `target ${target.dir} is already at op ${target.seq}, past op ${until} where this replay is to stop` : `target ${target.dir} was interrupted while applying ops ${target.seq + 1}..${target.applying}, past op ${until} where this replay is to stop`,
      { hint: "a target is never rewound: replay up to that op into a new directory", detail: "past-until" }
    );
  }
  if (target.seq > journal.head) {
    throw new RdmJournalError(
      "TARGET_DIVERGED",
      `target ${target.dir} is at op ${target.seq} but journal ${journal.location} ends at op ${journal.head}`,
      { hint: "the journal lost ops (restored from an older copy?); replay into a new directory" }
    );
  }
  const window = [];
  if (target.applying !== null) {
    for await (const op of journal.readOpRefs({ after: target.seq, upTo: target.applying })) window.push(op);
  }
  target.checkDivergence(window);
}
__name(checkTarget, "checkTarget");
async function* readBatches(journal, after, end) {
  let batch = [];
  let bytes = 0;
  for await (const op of journal.readOpRefs({ after, upTo: end })) {
    batch.push(op);
    if (op.type === "append") bytes += appendLength(op);
    if (bytes >= BATCH_BYTES || batch.length >= BATCH_OPS) {
      yield { ops: batch, bytes };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { ops: batch, bytes };
}
__name(readBatches, "readBatches");
async function noteTarget(journal, target) {
  await journal.targets.note({ path: target.dir, seq: target.seq, horizon: target.cursorState.horizon ?? 0, updatedAt: Date.now() }).catch(() => {
  });
}
__name(noteTarget, "noteTarget");
async function catchUp(journal, target, end, result, options) {
  if (target.seq >= end) return;
  checkExpiry(journal, target);
  const batches = readBatches(journal, target.seq, end);
  let pending = batches.next();
  pending.catch(() => {
  });
  try {
    for (; ; ) {
      const { done, value: batch } = await pending;
      if (done) break;
      pending = batches.next();
      pending.catch(() => {
      });
      const next = /* @__PURE__ */ __name(async () => {
        const following = await pending;
        return following.done ? null : following.value.ops;
      }, "next");
      await target.apply(batch.ops, { noDelete: options.noDelete ?? false, horizon: journal.horizon, data: journal.dataFiles, next });
      await noteTarget(journal, target);
      result.to = target.seq;
      result.ops += batch.ops.length;
      result.bytes += batch.bytes;
      options.onProgress?.({ target: target.dir, seq: target.seq, end, bytes: result.bytes });
    }
  } finally {
    await pending.catch(() => {
    });
    await batches.return(void 0);
  }
  if (target.seq < end && end <= journal.horizon) {
    await target.skipPruned(end, journal.horizon);
    await noteTarget(journal, target);
    result.to = target.seq;
  }
}
__name(catchUp, "catchUp");

// src/cli/replay-report.ts
function reportReplay(out, journal, results, until) {
  const lines = results.map((r) => (r.rebuilt ? `${r.target}: rebuilt at op ${r.rebuilt.seq} (${r.rebuilt.files} files, ${formatBytes(r.rebuilt.bytes)}); ` : `${r.target}: `) + (r.ops === 0 ? `${r.rebuilt ? "nothing more to apply" : `already at op ${r.to}`}` : `applied ops ${r.from + 1}..${r.to} (${r.ops} ops, ${formatBytes(r.bytes)})`));
  out.result({ journal: journal.location, head: journal.head, ...until === void 0 ? {} : { until }, targets: results }, lines.join("\n"));
}
__name(reportReplay, "reportReplay");

export {
  replay,
  checkTargets,
  reportReplay
};
