import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  replay,
  reportReplay
} from "./chunk-I5ATIX6P.js";
import "./chunk-YXZ2HCE3.js";
import "./chunk-OI7LF42S.js";
import {
  parsePoint
} from "./chunk-5V3YYJD5.js";
import "./chunk-7UX3QION.js";
import "./chunk-22UGMBSA.js";
import {
  untilSignal
} from "./chunk-JTXJ7DH3.js";
import {
  resolveUpTo
} from "./chunk-OMYW4HFP.js";
import {
  Journal
} from "./chunk-S4MOKPQQ.js";
import "./chunk-AKKEC72L.js";
import "./chunk-R7ETIWN2.js";
import "./chunk-UQWRIO34.js";
import "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/replay.ts
import path from "node:path";
async function replayCommand({ targets, journal: journalDir, follow, noDelete, until, resync, metrics: metricsAt, out }) {
  const journal = await Journal.open(journalDir);
  const stop = new AbortController();
  const cursors = /* @__PURE__ */ new Map();
  let metrics = null;
  try {
    metrics = metricsAt === void 0 ? null : await (await import("./chunk-YVUKR4JH.js")).startMetrics(metricsAt, { journal, targets: { paths: targets.map((t) => path.resolve(t)), cursors } }, out);
    const untilSeq = until === void 0 ? void 0 : await resolveUpTo(journal, parsePoint("--until", until));
    if (follow) {
      void untilSignal(stop.signal).then((signal) => {
        out.info(`${signal}: applying what the journal holds, then stopping`);
        stop.abort();
      });
      out.info(`replaying ${journal.location} to ${targets.map((t) => path.resolve(t)).join(", ")}; following until SIGINT/SIGTERM`);
    }
    const results = await replay({
      journal,
      targets,
      until: untilSeq,
      follow,
      noDelete,
      resync,
      signal: stop.signal,
      onProgress: /* @__PURE__ */ __name((p) => {
        cursors.set(p.target, p.seq);
        out.progress(`replaying to ${p.target}`, { value: p.seq, total: p.end, unit: "ops" });
      }, "onProgress")
    });
    reportReplay(out, journal, results, untilSeq);
  } finally {
    stop.abort();
    await metrics?.close();
    await journal.close();
  }
}
__name(replayCommand, "replayCommand");
export {
  replayCommand
};
