/** `rdm-journal record <source-dir>`: snapshot the source, then follow it until SIGINT/SIGTERM. */
import { RdmJournalError } from '../errors.js';
import { Journal } from '../journal/journal.js';
import { describeUpgrade } from './upgrade.js';
import { isWithin, realPathOf } from '../paths.js';
import { Recorder, type RecorderStats } from '../capture/recorder.js';
import { Retention } from '../upkeep/retention.js';
import { checkSource, resolveDatabaseName } from '../capture/source.js';
import type { Output } from './output.js';
import { formatBytes } from './format.js';
import { untilSignal } from './signals.js';

export interface RecordOptions {
  source: string;
  journal: string;
  once: boolean;
  /** `--retain`: keep this many milliseconds of history; prune the rest while recording. */
  retainMs?: number;
  out: Output;
}

export async function record({ source: sourceDir, journal: journalDir, once, retainMs, out }: RecordOptions): Promise<void> {
  // Listen from the start: a signal during a long snapshot ends recording after it, exit 0.
  const listening = new AbortController();
  const signalled = untilSignal(listening.signal);
  try {
    await recordUntil(signalled, { source: sourceDir, journal: journalDir, once, retainMs, out });
  } finally {
    listening.abort();
  }
}

async function recordUntil(signalled: Promise<NodeJS.Signals>, { source: sourceDir, journal: journalDir, once, retainMs, out }: RecordOptions): Promise<void> {
  const source = checkSource(databaseNamed(sourceDir, out).dir);
  refuseJournalInside(journalDir, source.path, 'source');
  const journal = await Journal.open(journalDir, { create: true, upgrade: true, onUpgradeProgress: (progress) => out.progress(describeUpgrade(progress)) });
  const started = Date.now();
  const recorder = new Recorder({ journal, source, warn: (message) => out.warn(message) });
  let retention: Retention | null = null;
  try {
    await startWithProgress(recorder, source.path, out);
    if (retainMs !== undefined) {
      retention = new Retention({ journal, windowMs: retainMs, warn: (message) => out.warn(message) });
      if (once) await retention.tick();
    }
    if (!once) {
      out.info(`recording ${source.path} into ${journal.location} (up to op ${journal.head}); stop with Ctrl-C or SIGTERM`);
      const signal = await Promise.race([signalled, recorder.failed.catch(() => null)]);
      if (signal) out.info(`${signal}: recording what the source holds now, then stopping`);
    }
    await retention?.stop();
    await recorder.stop(); // rethrows what made recording fail, if anything did
    report(out, source.path, journal, { ...recorder.stats, ...(retention ? { pruned: retention.totals } : {}) }, Date.now() - started);
  } finally {
    await retention?.stop();
    recorder.close();
    await journal.close();
  }
}

async function startWithProgress(recorder: Recorder, source: string, out: Output): Promise<void> {
  const ticker = setInterval(() => {
    out.progress(`snapshot of ${source}: ${formatBytes(recorder.stats.appendedBytes)} recorded`);
  }, 250);
  try {
    await recorder.start();
  } finally {
    clearInterval(ticker);
  }
}

function report(out: Output, source: string, journal: Journal, stats: RecorderStats & { pruned?: Retention['totals'] }, elapsedMs: number): void {
  const summary = { source, journal: journal.location, head: journal.head, elapsedMs, ...stats };
  const pruned = stats.pruned ? `; retention pruned ${stats.pruned.files} files (${formatBytes(stats.pruned.bytes)}) in ${stats.pruned.prunes} rounds` : '';
  out.result(summary,
    `recorded ${source}: ${stats.ops} ops (${stats.created} created, ${stats.deleted} deleted, ` +
    `${formatBytes(stats.appendedBytes)} appended, ${stats.resyncs} resyncs) in ${(elapsedMs / 1000).toFixed(1)} s; journal ${journal.location} is at op ${journal.head}${pruned}`);
}

/** The source named as given, or as the engine's tools name it (`DB` for `DB.rdm`), said in a note. */
export function databaseNamed(sourceDir: string, out: Output): { dir: string; suffixed: boolean } {
  const named = resolveDatabaseName(sourceDir);
  if (named.suffixed) out.info(`${sourceDir} does not exist: using the database directory ${named.dir}`);
  return named;
}

/** A journal inside the directory it records (or replays to) would record its own writes forever. */
export function refuseJournalInside(journalDir: string, dir: string, what: 'source' | 'target'): void {
  const journal = realPathOf(journalDir);
  if (isWithin(journal, realPathOf(dir))) {
    throw new RdmJournalError('JOURNAL_UNUSABLE', `journal ${journal} is inside the ${what} ${dir}`,
      { hint: `put the journal outside the ${what} directory (--journal DIR)` });
  }
}
