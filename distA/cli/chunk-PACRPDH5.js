import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  resolveReplicaUpTo
} from "./chunk-S5TDUIHX.js";
import {
  openReplica
} from "./chunk-QAWLHCYO.js";
import {
  Target
} from "./chunk-YXZ2HCE3.js";
import "./chunk-OI7LF42S.js";
import "./chunk-4USO7O2A.js";
import "./chunk-5V3YYJD5.js";
import "./chunk-7UX3QION.js";
import "./chunk-22UGMBSA.js";
import "./chunk-AKKEC72L.js";
import "./chunk-R7ETIWN2.js";
import {
  formatBytes
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import "./chunk-R5Q4Z36N.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/ship/replica-replay.ts
var BATCH_BYTES = 8 * 1024 * 1024;
var BATCH_OPS = 4096;
async function replayReplica(options) {
  const { replica } = options;
  const identity = await replica.requireIdentity();
  const target = await Target.open(options.target, identity);
  try {
    await checkTarget(replica, identity, target, options.until);
    const result = { target: target.dir, from: target.seq, to: target.seq, ops: 0, bytes: 0 };
    let batch = [];
    let bytes = 0;
    const flush = /* @__PURE__ */ __name(async () => {
      await target.apply(batch, { noDelete: options.noDelete ?? false, horizon: replica.horizon });
      result.to = target.seq;
      result.ops += batch.length;
      result.bytes += bytes;
      options.onProgress?.({ seq: target.seq, bytes: result.bytes });
      batch = [];
      bytes = 0;
    }, "flush");
    let first = true;
    for await (const op of replica.readOps(identity, { after: target.seq, upTo: options.until })) {
      if (first) checkExpiry(replica, target, op.seq);
      first = false;
      batch.push(op);
      if (op.type === "append") bytes += op.data.length;
      if (bytes >= BATCH_BYTES || batch.length >= BATCH_OPS) await flush();
    }
    if (batch.length > 0) await flush();
    return result;
  } finally {
    await target.close();
  }
}
__name(replayReplica, "replayReplica");
async function checkTarget(replica, identity, target, until) {
  const reached = target.applying ?? target.seq;
  if (until !== void 0 && reached > until) {
    throw new RdmJournalError(
      "TARGET_PAST_UNTIL",
      `target ${target.dir} is already at op ${reached}, past the last op to apply, op ${until}`,
      { hint: "a target is never rewound: replay to that point into a new directory", detail: "past-until" }
    );
  }
  const end = await replica.shippedEnd();
  if (target.seq > end) {
    throw new RdmJournalError(
      "TARGET_DIVERGED",
      `target ${target.dir} is at op ${target.seq} but replica ${replica.url} ends at op ${end}`,
      { hint: "the replica is behind the journal this target was replayed from: ship it first, or replay into a new directory" }
    );
  }
  const window = [];
  if (target.applying !== null) {
    for await (const op of replica.readOps(identity, { after: target.seq, upTo: target.applying })) window.push(op);
  }
  target.checkDivergence(window);
}
__name(checkTarget, "checkTarget");
function checkExpiry(replica, target, next) {
  const cursor = target.cursorState;
  const fresh = cursor.seq === 0 && cursor.applying === null && Object.keys(cursor.files).length === 0;
  if (!fresh && next > cursor.seq + 1 && replica.horizon > Math.max(cursor.seq, cursor.horizon ?? 0)) {
    throw new RdmJournalError(
      "CURSOR_EXPIRED",
      `target ${target.dir} is at op ${cursor.seq}, but replica ${replica.url} was shipped after a prune to op ${replica.horizon}: ops it needs are gone`,
      { hint: "replay from the start into a new directory" }
    );
  }
}
__name(checkExpiry, "checkExpiry");

// src/cli/replay-from.ts
async function replayFromCommand({ from, targets, noDelete, until, follow, resync, out }) {
  if (targets.length !== 1 || follow || resync) {
    throw new RdmJournalError(
      "USAGE",
      `replay --from takes one --to and neither --follow nor --resync${targets.length !== 1 ? ` (${targets.length} --to given)` : ""}`,
      { hint: "replay --from s3://BUCKET/PREFIX --to DIR [--until SEQ|TIME] [--no-delete]; run it again to apply what was shipped since" }
    );
  }
  const replica = openReplica(from, out);
  const untilSeq = until === void 0 ? void 0 : await resolveReplicaUpTo(replica, until);
  const r = await replayReplica({
    replica,
    target: targets[0],
    until: untilSeq,
    noDelete,
    onProgress: /* @__PURE__ */ __name((p) => out.progress(`${targets[0]}: op ${p.seq}, ${formatBytes(p.bytes)} written`), "onProgress")
  });
  out.result(
    { replica: replica.url, ...untilSeq === void 0 ? {} : { until: untilSeq }, targets: [r] },
    `${r.target}: ${r.ops === 0 ? `already at op ${r.to}` : `applied ops ${r.from + 1}..${r.to} (${r.ops} ops, ${formatBytes(r.bytes)})`} from ${replica.url}`
  );
}
__name(replayFromCommand, "replayFromCommand");
export {
  replayFromCommand
};
