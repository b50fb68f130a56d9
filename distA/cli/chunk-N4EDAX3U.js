import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  parseDuration,
  parsePoint
} from "./chunk-5V3YYJD5.js";
import {
  lastOpAtOrBefore
} from "./chunk-OMYW4HFP.js";
import {
  prune
} from "./chunk-34DPEGVI.js";
import {
  Journal
} from "./chunk-S4MOKPQQ.js";
import "./chunk-AKKEC72L.js";
import "./chunk-R7ETIWN2.js";
import {
  formatBytes,
  formatTime
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/prune.ts
async function pruneCommand({ journal: dir, before, keep, dryRun, force, utc, out }) {
  if (before === void 0 === (keep === void 0)) {
    throw new RdmJournalError(
      "USAGE",
      "prune needs exactly one of --before SEQ|TIME and --keep DURATION",
      { hint: "e.g. rdm-journal prune --keep 7d, or rdm-journal prune --before 2026-11-01" }
    );
  }
  const keepMs = keep === void 0 ? void 0 : parseDuration("--keep", keep);
  const point = before === void 0 ? void 0 : parsePoint("--before", before);
  const journal = await Journal.open(dir);
  try {
    await journal.refresh();
    const horizon = point && "seq" in point ? Math.max(0, point.seq - 1) : await lastOpAtOrBefore(journal, (point && "time" in point ? point.time : Date.now() - keepMs) - 1);
    const result = await prune(journal, {
      horizon,
      dryRun,
      force,
      onProgress: /* @__PURE__ */ __name((p) => out.progress(`${dryRun ? "looking at" : "pruning"} lives ended by op ${horizon}: ${p.files} files, ${p.ops} ops, ${formatBytes(p.bytes)}`), "onProgress")
    });
    const at = result.horizon > 0 ? (await journal.lookup.readOpAtOrAfter(result.horizon))?.at : void 0;
    const where = result.horizon === 0 ? "the first op" : `op ${result.horizon}${at === void 0 ? "" : ` (${formatTime(at, utc)})`}`;
    const lines = [dryRun ? `would prune ${result.files} files whose life ended by op ${result.horizon}: ${result.ops} ops, ${formatBytes(result.bytes)}` : `pruned ${result.files} files whose life ended by op ${result.horizon}: ${result.ops} ops, ${formatBytes(result.bytes)}` + (result.ops === 0 ? "" : result.compacted ? "; space returned (compacted)" : "; space is returned as the journal's host compacts")];
    lines.push(`restorable from ${where} on`);
    for (const t of result.expired) {
      lines.push(dryRun ? `blocked by target ${t.path} at op ${t.seq} (replay it first, or --force to expire it)` : `expired target ${t.path} (was at op ${t.seq}): rebuild it with rdm-journal replay --resync --to ${t.path}`);
    }
    out.result({ ...result, restorableFrom: { seq: result.horizon, at: at === void 0 ? null : new Date(at).toISOString() } }, lines.join("\n"));
  } finally {
    await journal.close();
  }
}
__name(pruneCommand, "pruneCommand");
export {
  pruneCommand
};
