/**
 * Lag: the lag writer (tools/bench/lag.ts) appends 4 KiB records at 10, 50 and 100 MB/s, rotating
 * every 64 MiB and keeping 4 packs, while `rdm-journal record` follows it. Two measurements, each
 * on a fresh source and journal (so the readers do not load each other):
 *   journal  a guest of the recorder's journal in this process reads every op as it is committed
 *            (waitForOps + readOps) and parses the records' write times out of the append data;
 *   target   `replay --follow` in its own process applies the journal to a target that this
 *            process watches with inotify, parsing the records as they appear in the target files.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MiB, cliTimed, freshDir, log, percentile, remove, resultEvent, stopTimed, waitForOutput, type BenchConfig } from './common.js';
import { JournalLagReader, TargetLagWatcher, startWriter, type RecordParser } from './lag.js';
import { fmt, type Report } from './table.js';

const RECORD = 4096;
const PACK = 64 * MiB;
const KEEP = 4;
const JOURNAL_P99_TARGET_MS = 5;
const JOURNAL_TARGET_RATE = 50e6;

interface LagResult { p50: number; p99: number; max: number; readP50: number; readP99: number; complete: boolean; resyncs: number; garbage: number }

function lagsOf(parser: RecordParser, complete: boolean, resyncs: number): LagResult {
  const sorted = Float64Array.from(parser.lagsMs).sort();
  const stamped = Float64Array.from(parser.stampLagsMs).sort();
  return {
    p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    readP50: percentile(stamped, 50), readP99: percentile(stamped, 99), complete, resyncs, garbage: parser.garbage,
  };
}

async function journalLag(cfg: BenchConfig, rate: number): Promise<LagResult> {
  const dir = freshDir(cfg.work, 'lag-journal');
  try {
    const source = path.join(dir, 'DB.rdm');
    const journal = path.join(dir, 'DB.journal');
    mkdirSync(source);
    const recorder = cliTimed(['record', source, '--journal', journal, '--json']);
    await waitForOutput(recorder, /"event":"info"/);
    const reader = new JournalLagReader(journal, RECORD);
    await reader.start();
    const writer = startWriter({ dir: source, rate, seconds: cfg.lagSeconds, recordSize: RECORD, packSize: PACK, keep: KEEP });
    const { summary } = await writer.finished;
    const complete = await reader.waitForRecords(summary.records, 30_000);
    await reader.stop(); // before the recorder: a guest left alone would host the journal
    if (reader.error) throw reader.error;
    const recorded = resultEvent((await stopTimed(recorder)).stdout);
    return lagsOf(reader.parser, complete, recorded.resyncs as number);
  } finally {
    remove(dir);
  }
}

async function targetLag(cfg: BenchConfig, rate: number): Promise<LagResult> {
  const dir = freshDir(cfg.work, 'lag-target');
  try {
    const source = path.join(dir, 'DB.rdm');
    const journal = path.join(dir, 'DB.journal');
    const target = path.join(dir, 'DB-COPY.rdm');
    mkdirSync(source);
    const recorder = cliTimed(['record', source, '--journal', journal, '--json']);
    await waitForOutput(recorder, /"event":"info"/);
    const replay = cliTimed(['replay', '--journal', journal, '--to', target, '--follow', '--json']);
    await waitForOutput(replay, /"event":"info"/);
    const watcher = new TargetLagWatcher(target, RECORD);
    watcher.start();
    const writer = startWriter({ dir: source, rate, seconds: cfg.lagSeconds, recordSize: RECORD, packSize: PACK, keep: KEEP });
    const { summary } = await writer.finished;
    const complete = await watcher.waitForRecords(summary.records, 30_000);
    watcher.stop();
    await stopTimed(replay);
    const recorded = resultEvent((await stopTimed(recorder)).stdout);
    return lagsOf(watcher.parser, complete, recorded.resyncs as number);
  } finally {
    remove(dir);
  }
}

export async function lag(cfg: BenchConfig, report: Report): Promise<void> {
  const S = 'lag';
  const problems: string[] = [];
  for (const rate of cfg.lagRates) {
    const label = `${fmt(rate / 1e6)} MB/s`;
    const journal: LagResult[] = [];
    const target: LagResult[] = [];
    for (let run = 0; run < cfg.runs; run++) {
      log(`lag: ${label}, ${cfg.lagSeconds} s, run ${run + 1}/${cfg.runs}: journal, then target`);
      journal.push(await journalLag(cfg, rate));
      target.push(await targetLag(cfg, rate));
    }
    report.add(S, `recorder read @ ${label}: p50 (op stamped)`, journal.map((r) => r.readP50), 'ms');
    report.add(S, `recorder read @ ${label}: p99 (op stamped)`, journal.map((r) => r.readP99), 'ms');
    for (const [kind, results] of [['journal', journal], ['target', target]] as const) {
      const incomplete = results.filter((r) => !r.complete).length;
      const resyncs = results.reduce((n, r) => n + r.resyncs, 0);
      const garbage = results.reduce((n, r) => n + r.garbage, 0);
      if (incomplete || resyncs || garbage) problems.push(`${kind} at ${label}: ${incomplete} runs incomplete, ${resyncs} resyncs, ${garbage} unparsable records`);
      const isTarget = kind === 'journal' && rate === JOURNAL_TARGET_RATE;
      const p99 = results.map((r) => r.p99);
      report.add(S, `${kind} @ ${label}: p50`, results.map((r) => r.p50), 'ms');
      report.add(S, `${kind} @ ${label}: p99`, p99, 'ms', isTarget
        ? { target: `<= ${JOURNAL_P99_TARGET_MS} ms`, pass: p99.sort((a, b) => a - b)[Math.floor(p99.length / 2)]! <= JOURNAL_P99_TARGET_MS }
        : {});
      report.add(S, `${kind} @ ${label}: max`, results.map((r) => r.max), 'ms');
    }

  }
  report.note('lag: "journal" = engine write to the op committed and read by another process (a guest of the recorder: ' +
    'commit, fsync, notification, one socket round trip); "target" = engine write to the bytes readable in the target file under ' +
    `replay --follow (before replay's fdatasync returns); "recorder read" = engine write to the recorder making the op that carries it ` +
    '(its `at` stamp, Date.now() in ms, taken after the read and before the commit): the rest of "journal" is batching, commit and delivery. ' +
    `Writer: ${RECORD} B records, ${PACK / MiB} MiB packs, ${KEEP} kept, ${cfg.lagSeconds} s per rate; ` +
    'write times from process.hrtime.bigint() (CLOCK_MONOTONIC) in each record, so the clocks are the same.' +
    (problems.length ? ` PROBLEMS: ${problems.join('; ')}` : ''));
}
