import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/upkeep/prune.ts
var BATCH_ENTRIES = 2e4;
var PRUNE_LOCK_WAIT_MS = 6e4;
async function prune(journal, options) {
  journal.requireVersion("prune");
  if (options.dryRun) return runPrune(journal, options);
  const waitMs = options.lockWaitMs ?? PRUNE_LOCK_WAIT_MS;
  const lock = await journal.prune.lock(waitMs);
  if (!lock) {
    throw new RdmJournalError(
      "JOURNAL_LOCKED",
      `another prune of journal ${journal.location} is running (waited ${Math.round(waitMs / 1e3)} s for it)`,
      { hint: "one prune at a time: run this one again once the other (a prune, or a recorder's retention) is done", detail: "prune-running" }
    );
  }
  try {
    return await runPrune(journal, options);
  } finally {
    await lock.close();
  }
}
__name(prune, "prune");
async function runPrune(journal, options) {
  const head = await journal.refresh();
  const before = await journal.pruned();
  let horizon = Math.max(before.horizon, Math.min(options.horizon, head - 1));
  const known = (await journal.targets.known()).filter((t) => !isExpired(t, before.horizon));
  const lagging = known.filter((t) => t.seq < horizon);
  let expired = [];
  if (lagging.length > 0 && options.capByTargets) {
    horizon = Math.max(before.horizon, Math.min(...lagging.map((t) => t.seq)));
  } else if (lagging.length > 0 && options.force) {
    expired = lagging;
  } else if (lagging.length > 0 && !options.dryRun) {
    const names = lagging.map((t) => `${t.path} (at op ${t.seq})`).join(", ");
    throw new RdmJournalError(
      "PRUNE_BLOCKED",
      `pruning to op ${horizon} would remove ops that ${lagging.length === 1 ? "target" : "targets"} ${names} still ${lagging.length === 1 ? "needs" : "need"}`,
      { hint: "replay those targets first, or force the prune: they expire and must then be rebuilt (a resync)", detail: "prune-blocked" }
    );
  }
  const result = {
    horizon: before.horizon,
    previousHorizon: before.horizon,
    requested: options.horizon,
    files: 0,
    ops: 0,
    bytes: 0,
    dryRun: options.dryRun ?? false,
    heldBy: options.capByTargets ? lagging : [],
    expired: options.dryRun ? lagging : expired,
    compacted: false
  };
  const state = structuredClone(before);
  state.horizon = horizon;
  let batch = [];
  let entries = 0;
  let lowest = Number.MAX_SAFE_INTEGER;
  let highest = 0;
  const flush = /* @__PURE__ */ __name(async (last) => {
    state.at = Date.now();
    if (!result.dryRun) await journal.prune.removeLives(batch, state, { sync: last });
    batch = [];
    entries = 0;
  }, "flush");
  for await (const life of journal.index.livesEndedBy(horizon)) {
    result.files += 1;
    for (const entry of life.entries) {
      count(state, entry.type, entry.length);
      result.ops += 1;
      result.bytes += entry.length;
      lowest = Math.min(lowest, entry.seq);
      highest = Math.max(highest, entry.seq);
    }
    batch.push(life);
    entries += life.entries.length;
    if (entries >= BATCH_ENTRIES) await flush(false);
    if (result.files % 64 === 0) options.onProgress?.({ files: result.files, ops: result.ops, bytes: result.bytes });
  }
  if (result.dryRun) {
    result.horizon = horizon;
    return result;
  }
  if (batch.length > 0 || horizon !== before.horizon) await flush(true);
  result.horizon = horizon;
  await journal.prune.removeCheckpointsBelow(horizon);
  if (result.ops > 0) result.compacted = await journal.prune.compactOps(lowest, highest + 1);
  return result;
}
__name(runPrune, "runPrune");
function isExpired(note, horizon) {
  return horizon > Math.max(note.seq, note.horizon ?? 0);
}
__name(isExpired, "isExpired");
function count(state, type, length) {
  state.ops[type] += 1;
  state.bytes += length;
}
__name(count, "count");

export {
  prune,
  isExpired
};
