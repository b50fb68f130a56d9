import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  openReplica
} from "./chunk-QAWLHCYO.js";
import {
  StdoutStream
} from "./chunk-4USO7O2A.js";
import {
  parsePoint
} from "./chunk-5V3YYJD5.js";
import {
  describeOp,
  formatBytes,
  formatOp,
  formatTime
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/replica-inspect.ts
async function resolveReplicaUpTo(replica, value) {
  const point = parsePoint("--until", value);
  if ("seq" in point) return point.seq;
  const identity = await replica.requireIdentity();
  let found = 0;
  for await (const op of replica.readOps(identity)) if (op.at <= point.time) found = op.seq;
  return found;
}
__name(resolveReplicaUpTo, "resolveReplicaUpTo");
async function replicaStatus({ from, utc, out }) {
  const replica = openReplica(from, out);
  const identity = await replica.requireIdentity();
  let segments = 0;
  let bytes = 0;
  let end = 0;
  let gapAt = null;
  let lastEntry = null;
  for await (const entry of replica.segments()) {
    if (entry.first > end + 1 && gapAt === null) gapAt = end + 1;
    segments += 1;
    bytes += entry.size;
    end = Math.max(end, entry.last);
    lastEntry = entry;
  }
  const last = lastEntry ? (await replica.readSegment(lastEntry, identity)).ops.at(-1) ?? null : null;
  const summary = {
    replica: replica.url,
    journalCreatedAt: new Date(identity.createdAt).toISOString(),
    source: identity.source,
    head: end,
    segments,
    bytes,
    lastAt: last ? new Date(last.at).toISOString() : null,
    gapAt
  };
  out.result(summary, [
    `replica   ${replica.url}`,
    `journal   created ${formatTime(identity.createdAt, utc)}, source ${identity.source ?? "(none recorded)"}`,
    `ops       ${end === 0 ? "none shipped yet" : `1..${end}`} in ${segments} segments, ${formatBytes(bytes)}`,
    ...last ? [`last op   ${formatTime(last.at, utc)}`] : [],
    ...gapAt === null ? [] : [`gap       no segment holds op ${gapAt} (rdm-journal ship fills it; verify --from says more)`]
  ].join("\n"));
}
__name(replicaStatus, "replicaStatus");
async function replicaVerify({ from, out }) {
  const replica = openReplica(from, out);
  const identity = await replica.requireIdentity();
  let end = 0;
  let ops = 0;
  let bytes = 0;
  let findings = 0;
  const finding = /* @__PURE__ */ __name((key, message) => {
    findings += 1;
    if (out.json) process.stdout.write(JSON.stringify({ event: "finding", where: "replica", key, message }) + "\n");
    else process.stdout.write(`replica ${key}: ${message}
`);
  }, "finding");
  for await (const entry of replica.segments()) {
    if (entry.first > end + 1) finding(entry.key, `no segment holds ops ${end + 1}..${entry.first - 1}`);
    try {
      const segment = await replica.readSegment(entry, identity);
      ops += segment.ops.filter((op) => op.seq > end).length;
      for (const op of segment.ops) if (op.type === "append" && op.seq > end) bytes += op.data.length;
    } catch (err) {
      if (!(err instanceof RdmJournalError) || err.code !== "REPLICA_CORRUPT") throw err;
      finding(entry.key, err.message);
    }
    end = Math.max(end, entry.last);
    out.progress(`verified op ${end}`);
  }
  out.result(
    { replica: replica.url, head: end, ops, bytes, findings, ok: findings === 0 },
    `replica ${replica.url}: ${ops} ops (1..${end}), ${formatBytes(bytes)} of data checked
${findings === 0 ? "all is well" : `${findings} finding${findings === 1 ? "" : "s"}`}`
  );
  if (findings > 0) {
    throw new RdmJournalError(
      "VERIFY_FAILED",
      `verify found ${findings} problem${findings === 1 ? "" : "s"} in ${replica.url} (listed above)`,
      { hint: "ship the journal to a new prefix (rdm-journal ship --to URL) and replay from there" }
    );
  }
}
__name(replicaVerify, "replicaVerify");
async function replicaLog({ from, until, limit, utc, out }) {
  const replica = openReplica(from, out);
  const identity = await replica.requireIdentity();
  const upTo = until === void 0 ? void 0 : await resolveReplicaUpTo(replica, until);
  const stdout = new StdoutStream();
  let printed = 0;
  for await (const op of replica.readOps(identity, { upTo })) {
    if (!stdout.open || limit !== void 0 && printed >= limit) break;
    await stdout.line(out.json ? JSON.stringify(describeOp(op)) : formatOp(op, utc));
    printed += 1;
  }
  await stdout.flush();
}
__name(replicaLog, "replicaLog");

export {
  resolveReplicaUpTo,
  replicaStatus,
  replicaVerify,
  replicaLog
};
