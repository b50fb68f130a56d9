import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  checkTargets,
  replay,
  reportReplay
} from "./chunk-I5ATIX6P.js";
import {
  refuseForeignDirectory
} from "./chunk-YXZ2HCE3.js";
import "./chunk-OI7LF42S.js";
import "./chunk-7UX3QION.js";
import "./chunk-22UGMBSA.js";
import {
  DATABASE_SUFFIX,
  Recorder,
  checkSource,
  databaseNamed,
  refuseJournalInside
} from "./chunk-6SKDMR7T.js";
import {
  untilSignal
} from "./chunk-JTXJ7DH3.js";
import {
  Journal
} from "./chunk-S4MOKPQQ.js";
import {
  overlaps
} from "./chunk-AKKEC72L.js";
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

// src/cli/backup.ts
import { existsSync } from "node:fs";
import path from "node:path";
function defaultBackupJournal(target) {
  return `${path.resolve(target)}.journal`;
}
__name(defaultBackupJournal, "defaultBackupJournal");
function targetNamedLikeSource(target, out) {
  if (target.endsWith(DATABASE_SUFFIX) || existsSync(target)) return target;
  const suffixed = target.replace(/\/+$/, "") + DATABASE_SUFFIX;
  out.info(`the source was named without ${DATABASE_SUFFIX}: backing up to ${suffixed}`);
  return suffixed;
}
__name(targetNamedLikeSource, "targetNamedLikeSource");
async function backup(options) {
  const listening = new AbortController();
  const signalled = untilSignal(listening.signal);
  try {
    await backupUntil(signalled, options);
  } finally {
    listening.abort();
  }
}
__name(backup, "backup");
async function backupUntil(signalled, { source: sourceDir, target, journal: journalDir, noDelete, metrics: metricsAt, out }) {
  const named = databaseNamed(sourceDir, out);
  const source = checkSource(named.dir);
  const targetDir = path.resolve(named.suffixed ? targetNamedLikeSource(target, out) : target);
  if (overlaps(targetDir, source.path)) {
    throw new RdmJournalError(
      "USAGE",
      `target ${targetDir} is the source ${source.path}, inside it, or holds it`,
      { hint: "put the backup outside the database directory (symlinks are resolved)" }
    );
  }
  refuseForeignDirectory(targetDir);
  const journalPath = journalDir ?? defaultBackupJournal(targetDir);
  refuseJournalInside(journalPath, source.path, "source");
  refuseJournalInside(journalPath, targetDir, "target");
  const journal = await Journal.open(journalPath, { create: true, upgrade: true });
  const stopReplay = new AbortController();
  const recorder = new Recorder({ journal, source, warn: /* @__PURE__ */ __name((message) => out.warn(message), "warn") });
  let recording = false;
  let replaying = Promise.resolve();
  const cursors = /* @__PURE__ */ new Map();
  let metrics = null;
  try {
    metrics = metricsAt === void 0 ? null : await (await import("./chunk-YVUKR4JH.js")).startMetrics(metricsAt, { journal, source: source.path, targets: { paths: [targetDir], cursors } }, out);
    await checkTargets(journal, [targetDir]);
    await recorder.start();
    recording = true;
    const applied = replay({
      journal,
      targets: [targetDir],
      follow: true,
      noDelete,
      signal: stopReplay.signal,
      onProgress: /* @__PURE__ */ __name((p) => {
        cursors.set(p.target, p.seq);
        out.progress(`${p.target}: op ${p.seq} of ${journal.head}, ${formatBytes(p.bytes)} written`);
      }, "onProgress")
    });
    replaying = applied.catch(() => {
    });
    out.info(`backing up ${source.path} to ${targetDir} (journal ${journal.location}); stop with Ctrl-C or SIGTERM`);
    const signal = await Promise.race([signalled, recorder.failed, applied.then(() => "done")]);
    out.info(`${signal}: recording and applying what the source holds now, then stopping`);
    recording = false;
    await recorder.stop();
    stopReplay.abort();
    reportReplay(out, journal, await applied);
  } finally {
    stopReplay.abort();
    if (recording) await recorder.stop().catch(() => {
    });
    await replaying;
    await metrics?.close();
    await journal.close();
  }
}
__name(backupUntil, "backupUntil");
export {
  backup,
  defaultBackupJournal
};
