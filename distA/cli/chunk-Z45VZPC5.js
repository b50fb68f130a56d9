import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  showUpgradeProgress
} from "./chunk-FSINELUH.js";
import {
  Recorder,
  checkSource,
  databaseNamed,
  refuseJournalInside
} from "./chunk-6SKDMR7T.js";
import {
  untilSignal
} from "./chunk-JTXJ7DH3.js";
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
  formatBytes
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/record.ts
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// src/upkeep/retention.ts
var Retention = class {
  static {
    __name(this, "Retention");
  }
  options;
  timer;
  running = null;
  stopped = false;
  /** Targets already warned about, so a lagging target is reported once, not every round. */
  warned = /* @__PURE__ */ new Set();
  totals = { prunes: 0, files: 0, ops: 0, bytes: 0, ms: 0 };
  constructor(options) {
    this.options = options;
    const every = Math.min(6e4, Math.max(1e3, options.windowMs / 10));
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }
  /** Runs one prune now unless one is running; resolves when it is done. Failures are warnings. */
  tick() {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pruneOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }
  async stop() {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
  async pruneOnce() {
    const { journal, windowMs, warn } = this.options;
    const started = Date.now();
    try {
      const horizon = await lastOpAtOrBefore(journal, Date.now() - windowMs);
      if (horizon <= journal.horizon) return;
      const result = await prune(journal, { horizon, capByTargets: true, lockWaitMs: 0 });
      for (const target of result.heldBy) {
        if (!this.warned.has(target.path)) warn(`retention is held back by target ${target.path} at op ${target.seq}: replay it to let the journal shrink`);
        this.warned.add(target.path);
      }
      this.totals.prunes += 1;
      this.totals.files += result.files;
      this.totals.ops += result.ops;
      this.totals.bytes += result.bytes;
      this.totals.ms += Date.now() - started;
      this.options.onPrune?.(result);
    } catch (err) {
      if (err instanceof RdmJournalError && err.code === "JOURNAL_LOCKED") return;
      warn(`retention: pruning failed, recording goes on: ${err.message}`);
    }
  }
};

// src/cli/record.ts
async function record({ source: sourceDir, journal: journalDir, once, retainMs, metrics, out }) {
  const listening = new AbortController();
  const signalled = untilSignal(listening.signal);
  try {
    await recordUntil(signalled, { source: sourceDir, journal: journalDir, once, retainMs, metrics, out });
  } finally {
    listening.abort();
  }
}
__name(record, "record");
async function recordUntil(signalled, { source: sourceDir, journal: journalDir, once, retainMs, metrics: metricsAt, out }) {
  const source = checkSource(databaseNamed(sourceDir, out).dir);
  refuseJournalInside(journalDir, source.path, "source");
  const journal = await Journal.open(journalDir, { create: true, upgrade: true, onUpgradeProgress: /* @__PURE__ */ __name((progress) => showUpgradeProgress(out, progress), "onUpgradeProgress") });
  const started = Date.now();
  const recorder = new Recorder({ journal, source, warn: /* @__PURE__ */ __name((message) => out.warn(message), "warn") });
  let retention = null;
  const metrics = metricsAt === void 0 ? null : await (await import("./chunk-YVUKR4JH.js")).startMetrics(metricsAt, { journal, source: source.path }, out).catch(async (err) => {
    await journal.close();
    throw err;
  });
  try {
    await startWithProgress(recorder, source.path, out);
    if (retainMs !== void 0) {
      retention = new Retention({ journal, windowMs: retainMs, warn: /* @__PURE__ */ __name((message) => out.warn(message), "warn") });
      if (once) await retention.tick();
    }
    if (!once) {
      out.info(`recording ${source.path} into ${journal.location} (up to op ${journal.head}); stop with Ctrl-C or SIGTERM`);
      const signal = await Promise.race([signalled, recorder.failed.catch(() => null)]);
      if (signal) out.info(`${signal}: recording what the source holds now, then stopping`);
    }
    await retention?.stop();
    await recorder.stop();
    report(out, source.path, journal, { ...recorder.stats, ...retention ? { pruned: retention.totals } : {} }, Date.now() - started);
  } finally {
    await retention?.stop();
    recorder.close();
    await metrics?.close();
    await journal.close();
  }
}
__name(recordUntil, "recordUntil");
async function startWithProgress(recorder, source, out) {
  const total = bytesIn(source);
  const ticker = setInterval(() => {
    out.progress(`snapshot of ${source}`, { value: recorder.stats.appendedBytes, total: Math.max(total, recorder.stats.appendedBytes), unit: "bytes" });
  }, 250);
  try {
    await recorder.start();
  } finally {
    clearInterval(ticker);
  }
}
__name(startWithProgress, "startWithProgress");
function bytesIn(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      bytes += statSync(path.join(dir, entry.name)).size;
    } catch {
    }
  }
  return bytes;
}
__name(bytesIn, "bytesIn");
function report(out, source, journal, stats, elapsedMs) {
  const summary = { source, journal: journal.location, head: journal.head, elapsedMs, ...stats };
  const pruned = stats.pruned ? `; retention pruned ${stats.pruned.files} files (${formatBytes(stats.pruned.bytes)}) in ${stats.pruned.prunes} rounds` : "";
  out.result(
    summary,
    `recorded ${source}: ${stats.ops} ops (${stats.created} created, ${stats.deleted} deleted, ${formatBytes(stats.appendedBytes)} appended, ${stats.resyncs} resyncs) in ${(elapsedMs / 1e3).toFixed(1)} s; journal ${journal.location} is at op ${journal.head}${pruned}`
  );
}
__name(report, "report");
export {
  record
};
