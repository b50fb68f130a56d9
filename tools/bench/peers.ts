/**
 * Peers on the same workload: what a user would pick instead of rdm-journal, copying a database
 * directory the lag writer fills, rotating and deleting packs.
 *
 *   inotifywait + dd   tools/bench/inotifywait-dd.sh: the RDM example's approach, as a shell loop
 *   lsyncd + rsync     default.rsync, delay 0, on every modify (tools/bench/lsyncd.conf.template)
 *   rdm-journal        `rdm-journal backup SOURCE TARGET` (record and replay in one process)
 *
 * Two phases per peer, each on a fresh source and target:
 *   steady  the lag writer at a fixed rate: target lag (a watcher on the target parses the
 *           writer's timestamps), time to a complete copy once the writer stops, CPU of the copier
 *           and every process it ran (/usr/bin/time), and what reached the target;
 *   burst   the lag writer at full speed: throughput up to a complete copy (capped by a
 *           timeout), against cp -r + sync of the same bytes in the same run.
 * "Bytes never on target" counts, for every pack the writer wrote (deleted ones included), the
 * bytes the target watcher never saw in the target's file of that name: a pack deleted before the
 * copier read it, or a tail it missed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  MiB, cliTimed, compareDirs, describeComparison, freshDir, killStragglers, listFiles, log, nowNs, percentile, remove, sleep, spawnTimed,
  stopTimed, syncAll, timeCopy, waitForOutput, type BenchConfig, type TimedChild,
} from './common.js';
import { TargetLagWatcher, missingBytes, runWriter, startWriter } from './lag.js';
import { fmt, type Report } from './table.js';

const HERE = import.meta.dirname;

interface Peer {
  name: string;
  start(source: string, target: string, dir: string): Promise<TimedChild>;
}

const inotifywaitDd: Peer = {
  name: 'inotifywait + dd',
  async start(source, target) {
    const child = spawnTimed('bash', [path.join(HERE, 'inotifywait-dd.sh'), source, target]);
    await waitForOutput(child, /^ready$/);
    return child;
  },
};

const lsyncdRsync: Peer = {
  name: 'lsyncd + rsync',
  async start(source, target, dir) {
    const logFile = path.join(dir, 'lsyncd.log');
    const config = readFileSync(path.join(HERE, 'lsyncd.conf.template'), 'utf8')
      .replaceAll('{{SOURCE}}', source).replaceAll('{{TARGET}}', target).replaceAll('{{DELAY}}', '0')
      .replaceAll('{{LOG}}', logFile).replaceAll('{{STATUS}}', path.join(dir, 'lsyncd.status'));
    const configFile = path.join(dir, 'lsyncd.conf.lua');
    writeFileSync(configFile, config);
    mkdirSync(target, { recursive: true });
    const child = spawnTimed('lsyncd', ['-nodaemon', configFile]);
    const deadline = Date.now() + 20_000;
    for (;;) {
      let text = '';
      try {
        text = readFileSync(logFile, 'utf8');
      } catch {
        // not yet written
      }
      if (/Startup of .* finished/.test(text)) break;
      if (Date.now() > deadline) throw new Error(`lsyncd did not start: ${text.slice(-1000)}${child.stdoutText().slice(-500)}`);
      await sleep(20);
    }
    return child;
  },
};

const rdmJournal: Peer = {
  name: 'rdm-journal backup',
  async start(source, target, dir) {
    const child = cliTimed(['backup', source, target, '--journal', path.join(dir, 'backup.journal'), '--json']);
    await waitForOutput(child, /"event":"info"/);
    return child;
  },
};

export const PEERS = [inotifywaitDd, lsyncdRsync, rdmJournal];

/** Polls until the target holds the source's files at the source's sizes; the time then, or null. */
async function waitForCopy(source: string, target: string, timeoutMs: number): Promise<bigint | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const a = listFiles(source);
    const b = listFiles(target);
    if (a.size === b.size && [...a].every(([name, size]) => b.get(name) === size)) return nowNs();
    if (Date.now() > deadline) return null;
    await sleep(20);
  }
}

interface PhaseResult {
  lagP50: number;
  lagP99: number;
  /** Seconds from the writer's last write to a complete copy; NaN when it never completed. */
  tail: number;
  /** Bytes / (writer start to complete copy); NaN when it never completed. */
  throughput: number;
  cpu: number;
  identical: boolean;
  comparison: string;
  missing: number;
  missingFiles: number;
  /** Fraction of the writer's records the target watcher saw (the lag percentiles are of those). */
  reached: number;
  garbage: number;
}

async function runPhase(peer: Peer, cfg: BenchConfig, burst: boolean): Promise<PhaseResult> {
  const dir = freshDir(cfg.work, 'peer');
  const source = path.join(dir, 'DB.rdm');
  const target = path.join(dir, 'DB-COPY.rdm');
  mkdirSync(source);
  try {
    syncAll();
    const copier = await peer.start(source, target, dir);
    const watcher = new TargetLagWatcher(target, burst ? 64 * 1024 : 4096);
    watcher.start();
    const writer = startWriter({
      dir: source, rate: burst ? 0 : cfg.peerRate, recordSize: burst ? 64 * 1024 : 4096, packSize: cfg.peerPackBytes, keep: cfg.peerKeep,
      ...(burst ? { bytes: cfg.peerBurstBytes } : { seconds: cfg.peerSeconds }),
    });
    const started = await writer.started;
    const { summary } = await writer.finished;
    const complete = await waitForCopy(source, target, burst ? cfg.peerTimeoutMs * 2 : cfg.peerTimeoutMs);
    watcher.stop();
    const result = await stopTimed(copier);
    const comparison = compareDirs(source, target);
    const lags = Float64Array.from(watcher.parser.lagsMs).sort();
    const missing = missingBytes(summary.files, watcher.seen);
    return {
      lagP50: percentile(lags, 50),
      lagP99: percentile(lags, 99),
      tail: complete === null ? NaN : Number(complete - BigInt(summary.endNs)) / 1e9,
      throughput: complete === null ? NaN : summary.bytes / MiB / (Number(complete - started) / 1e9),
      cpu: result.user + result.sys,
      identical: comparison.identical,
      comparison: describeComparison(comparison),
      missing: missing.bytes,
      missingFiles: missing.files,
      reached: watcher.parser.records / summary.records,
      garbage: watcher.parser.garbage,
    };
  } finally {
    remove(dir);
  }
}

/** cp -r + sync of the burst's bytes, written by the same writer (nothing deleted): the baseline. */
async function burstBaseline(cfg: BenchConfig): Promise<number> {
  const dir = freshDir(cfg.work, 'peer-baseline');
  try {
    const data = path.join(dir, 'data');
    await runWriter({ dir: data, rate: 0, bytes: cfg.peerBurstBytes, recordSize: 64 * 1024, packSize: cfg.peerPackBytes, keep: 0 }, () => {});
    syncAll();
    const seconds = timeCopy(data, path.join(dir, 'copy'), true);
    return cfg.peerBurstBytes / MiB / seconds;
  } finally {
    remove(dir);
  }
}

export async function peers(cfg: BenchConfig, report: Report, available: ReadonlySet<string>): Promise<void> {
  const S = 'peers';
  const steadyLabel = `${fmt(cfg.peerRate / 1e6)} MB/s ${fmt(cfg.peerSeconds)} s`;
  const burstLabel = `burst ${fmt(cfg.peerBurstBytes / MiB)} MiB`;
  const baseline: number[] = [];
  for (let run = 0; run < cfg.runs; run++) baseline.push(await burstBaseline(cfg));
  const base = baseline.sort((a, b) => a - b)[Math.floor(baseline.length / 2)]!;
  report.add(S, `baseline: cp -r + sync of the ${burstLabel}`, baseline, 'MiB/s');
  for (const peer of PEERS) {
    if (!available.has(peer.name)) {
      report.note(`peers: ${peer.name} skipped (not installed)`);
      continue;
    }
    const steady: PhaseResult[] = [];
    const bursts: PhaseResult[] = [];
    try {
      for (let run = 0; run < cfg.runs; run++) {
        log(`peers: ${peer.name}, steady ${steadyLabel}, run ${run + 1}/${cfg.runs}`);
        steady.push(await runPhase(peer, cfg, false));
        log(`peers: ${peer.name}, ${burstLabel}, run ${run + 1}/${cfg.runs}`);
        bursts.push(await runPhase(peer, cfg, true));
      }
    } catch (err) {
      report.note(`peers: ${peer.name} FAILED: ${(err as Error).message}`);
      await killStragglers();
      continue;
    }
    const correct = (rs: PhaseResult[]) => `final copy identical ${rs.filter((r) => r.identical).length}/${rs.length}` +
      (rs.some((r) => !r.identical) ? ` (${rs.find((r) => !r.identical)!.comparison})` : '');
    const lost = (rs: PhaseResult[]) => `${Math.max(...rs.map((r) => r.missingFiles))} packs short at worst`;
    const never = (rs: PhaseResult[]) => rs.filter((r) => Number.isNaN(r.tail)).length;
    const reached = Math.min(...steady.map((r) => r.reached));
    report.add(S, `${peer.name}: steady ${steadyLabel}: target lag p50`, steady.map((r) => r.lagP50), 'ms',
      reached < 1 ? { ratio: `of the records that reached the target (${fmt(reached * 100)}% at worst)` } : {});
    const garbage = [...steady, ...bursts].reduce((n, r) => n + r.garbage, 0);
    if (garbage > 0) report.note(`peers: ${peer.name}: ${garbage} records on the target could not be parsed (bytes out of place)`);
    report.add(S, `${peer.name}: steady: target lag p99`, steady.map((r) => r.lagP99), 'ms');
    report.add(S, `${peer.name}: steady: copy complete after writer stops`, steady.map((r) => r.tail), 's',
      never(steady) ? { ratio: `never complete in ${never(steady)} runs (timeout ${cfg.peerTimeoutMs / 1000} s)` } : {});
    report.add(S, `${peer.name}: steady: CPU, copier + children`, steady.map((r) => r.cpu), 's');
    report.add(S, `${peer.name}: steady: bytes never on target`, steady.map((r) => r.missing), 'bytes',
      { ratio: `${correct(steady)}; ${lost(steady)}`, ...(peer === rdmJournal ? { target: 'none lost', pass: steady.every((r) => r.missing === 0 && r.identical) } : {}) });
    const throughput = bursts.map((r) => r.throughput);
    const sorted = throughput.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
    report.add(S, `${peer.name}: ${burstLabel}: throughput to complete copy`, throughput, 'MiB/s',
      sorted.length ? { ratio: `${fmt(sorted[Math.floor(sorted.length / 2)]! / base)}x cp+sync${never(bursts) ? `; never complete in ${never(bursts)} runs` : ''}` }
        : { ratio: `never complete (timeout ${(cfg.peerTimeoutMs * 2) / 1000} s)` });
    report.add(S, `${peer.name}: burst: CPU, copier + children`, bursts.map((r) => r.cpu), 's');
    report.add(S, `${peer.name}: burst: bytes never on target`, bursts.map((r) => r.missing), 'bytes',
      { ratio: `${correct(bursts)}; ${lost(bursts)}`, ...(peer === rdmJournal ? { target: 'none lost', pass: bursts.every((r) => r.missing === 0 && r.identical) } : {}) });
  }
  report.note(`peers: the workload is the lag writer (tools/bench/lag.ts), not the simulator, so the target's lag can be read from ` +
    `its timestamps: steady = ${steadyLabel} in 4 KiB writes, burst = ${fmt(cfg.peerBurstBytes / MiB)} MiB at full speed in 64 KiB writes; ` +
    `both rotate every ${fmt(cfg.peerPackBytes / MiB)} MiB and keep ${cfg.peerKeep} packs (older ones deleted). ` +
    `lsyncd: default.rsync, delay 0, inotifyMode "CloseWrite or Modify". CPU includes every process a copier ran (dd, stat, rsync).`);
}
