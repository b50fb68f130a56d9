import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  encodeSegment,
  openReplica
} from "./chunk-QAWLHCYO.js";
import {
  untilSignal
} from "./chunk-JTXJ7DH3.js";
import {
  Journal
} from "./chunk-S4MOKPQQ.js";
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

// src/ship/shipper.ts
var SEGMENT_BYTES = 8 * 1024 * 1024;
var SEGMENT_OPS = 4096;
async function ship(options) {
  const { journal, replica } = options;
  await replica.claim({ createdAt: journal.createdAt, source: journal.source?.path ?? null });
  let position = await replica.shippedEnd();
  const head = await journal.refresh();
  if (position > head) {
    throw new RdmJournalError(
      "REPLICA_DIVERGED",
      `${replica.url} holds ops up to ${position}, but journal ${journal.location} ends at op ${head}`,
      { hint: "the journal lost ops (restored from an older copy?); ship it to a new prefix" }
    );
  }
  const result = { replica: replica.url, from: position, to: position, segments: 0, ops: 0, bytes: 0 };
  await noteReplica(journal, replica, position);
  const noteShipped = /* @__PURE__ */ __name(async (seq) => {
    result.to = seq;
    await noteReplica(journal, replica, seq);
    options.onProgress?.({ seq, end: journal.head, bytes: result.bytes });
  }, "noteShipped");
  for (; ; ) {
    const stopping = options.signal?.aborted ?? false;
    const end = await journal.refresh();
    let inFlight = null;
    while (position < end) {
      const segment = await readSegment(journal, position, end, result);
      if (inFlight) await noteShipped(await inFlight);
      inFlight = replica.store.put(replica.segmentKey(segment.first, segment.last), segment.body).then(() => segment.last);
      inFlight.catch(() => {
      });
      position = segment.last;
    }
    if (inFlight) await noteShipped(await inFlight);
    if (!options.follow || stopping) break;
    await journal.waitForOps(end, options.signal);
  }
  return result;
}
__name(ship, "ship");
async function readSegment(journal, position, end, result) {
  const ops = [];
  let bytes = 0;
  let full = false;
  for await (const op of journal.readOps({ after: position, upTo: end })) {
    ops.push(op);
    if (op.type === "append") bytes += op.data.length;
    if (bytes >= SEGMENT_BYTES || ops.length >= SEGMENT_OPS) {
      full = true;
      break;
    }
  }
  const last = full ? ops[ops.length - 1].seq : end;
  const body = encodeSegment({ first: position + 1, last, horizon: journal.horizon, journalCreatedAt: journal.createdAt, shippedAt: Date.now(), ops });
  result.segments += 1;
  result.ops += ops.length;
  result.bytes += bytes;
  return { first: position + 1, last, body };
}
__name(readSegment, "readSegment");
async function noteReplica(journal, replica, seq) {
  await journal.targets.note({ path: replica.url, seq, horizon: journal.horizon, updatedAt: Date.now() }).catch(() => {
  });
}
__name(noteReplica, "noteReplica");

// src/cli/ship.ts
async function shipCommand({ to, journal: journalDir, follow, out }) {
  const replica = openReplica(to, out);
  const journal = await Journal.open(journalDir);
  const stop = new AbortController();
  try {
    if (follow) {
      void untilSignal(stop.signal).then((signal) => {
        out.info(`${signal}: shipping what the journal holds, then stopping`);
        stop.abort();
      });
      out.info(`shipping ${journal.location} to ${replica.url}; following until SIGINT/SIGTERM`);
    }
    const result = await ship({
      journal,
      replica,
      follow,
      signal: stop.signal,
      onProgress: /* @__PURE__ */ __name((p) => out.progress(`shipping to ${replica.url}`, { value: p.seq, total: p.end, unit: "ops" }), "onProgress")
    });
    out.result(
      { journal: journal.location, head: journal.head, ...result },
      result.ops === 0 && result.to === result.from ? `${replica.url}: already at op ${result.to}` : `${replica.url}: shipped ops ${result.from + 1}..${result.to} (${result.ops} ops, ${formatBytes(result.bytes)}, ${result.segments} segments)`
    );
  } finally {
    stop.abort();
    await journal.close();
  }
}
__name(shipCommand, "shipCommand");
export {
  shipCommand
};
