/**
 * soak: the live path for a chosen time. The engine simulator writes a rotating, vacuuming database;
 * `rdm-journal record` and `rdm-journal replay --follow` run as separate processes sharing the
 * journal. Every second: each process's resident memory (VmRSS) and CPU, and the target's lag behind
 * the journal (`status --json`: ops, bytes, seconds of recording time). A table line every --every
 * seconds, a summary at the end; then everything is stopped, the target compared with the source
 * byte for byte, and `verify --to` run.
 *
 *   node --import tsx tools/soak.ts [--minutes 10] [--rate TPS] [--every SEC] [--pack-mib N] [--keep N]
 *                                   [--max-rss-growth PCT] [--max-lag-seconds S] [--keep-dirs]
 *
 * Exit 1 if a process fails, the copy differs, verify fails, a recorder's or replayer's memory grows
 * more than --max-rss-growth percent (and more than 16 MiB) over the second half of the run (the
 * first half is warm-up: caches fill while the journal grows; the growth from the second minute is
 * printed as well), or the lag exceeds --max-lag-seconds. Needs the compiled CLI
 * (`npx tsc -p tsconfig.json`).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  RECORDING, cleanUp, describeOutput, diffFiles, engineSummary, outputOf, resultEvent, runCli, sleep, sourceFiles, spawnCli, spawnEngine,
  targetFiles, waitForExit, waitForOutput,
} from '../test/support.js';

const FOLLOWING = /following until SIGINT\/SIGTERM/;
const MiB = 1024 * 1024;

interface Sample {
  t: number;
  rss: Record<Role, number | null>;
  cpu: Record<Role, number | null>;
  head: number | null;
  bytesHeld: number | null;
  lagOps: number | null;
  lagBytes: number | null;
  lagSeconds: number | null;
}

type Role = 'recorder' | 'replayer' | 'engine';
const ROLES: Role[] = ['recorder', 'replayer', 'engine'];

/** VmRSS of a live process, in bytes; null once it is gone. */
function rssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** utime + stime of a live process, in seconds. */
function cpuOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks: 100 per second on Linux
  } catch {
    return null;
  }
}

const mib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '-' : (bytes / MiB).toFixed(1));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      minutes: { type: 'string', default: '10' },
      rate: { type: 'string', default: '600' },
      every: { type: 'string' },
      'pack-mib': { type: 'string', default: '16' },
      keep: { type: 'string', default: '4' },
      'max-rss-growth': { type: 'string', default: '25' },
      'max-lag-seconds': { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      'keep-dirs': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('usage: node --import tsx tools/soak.ts [--minutes 10] [--rate TPS] [--every SEC] [--pack-mib N] [--keep N] [--max-rss-growth PCT] [--max-lag-seconds S] [--keep-dirs]\n');
    return;
  }
  const minutes = Number(values.minutes);
  const rate = Number(values.rate);
  const every = Number(values.every ?? (minutes >= 5 ? 30 : 10));
  const packSize = Number(values['pack-mib']) * MiB;
  const keep = Number(values.keep);
  const maxGrowth = Number(values['max-rss-growth']);
  const maxLagSeconds = Number(values['max-lag-seconds']);
  const failures: string[] = [];
  const print = (line: string) => process.stdout.write(`${line}\n`);

  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rdm-soak-')));
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const journal = path.join(root, 'journal');
  const target = path.join(root, 'DB-COPY.rdm');
  // Payloads of 1..16 KiB (8.5 KiB on average) plus 24 bytes of frame: rate 600 is about 5 MB/s.
  const engineOptions = { transactions: 0, rate, minSize: 1024, maxSize: 16384, writesPerTx: 2, packSize, keep, seed: Number(values.seed) };
  print(`soak: ${minutes} min; engine ${rate} tx/s (~${((rate * 8728) / 1e6).toFixed(1)} MB/s), packs of ${mib(packSize)} MiB, ${keep} kept; ` +
    `record and replay --follow in separate processes; samples every second; ${root}`);

  const procs: Partial<Record<Role, ChildProcess>> = {};
  const started = Date.now();
  try {
    procs.recorder = spawnCli(['record', src, '--journal', journal, '--json']);
    await waitForOutput(procs.recorder, RECORDING);
    procs.replayer = spawnCli(['replay', '--journal', journal, '--to', target, '--follow', '--json']);
    await waitForOutput(procs.replayer, FOLLOWING);
    procs.engine = spawnEngine(src, engineOptions);

    const samples: Sample[] = [];
    let statusRunning = false;
    let statusFailures = 0;
    let latest: Pick<Sample, 'head' | 'bytesHeld' | 'lagOps' | 'lagBytes' | 'lagSeconds'> = { head: null, bytesHeld: null, lagOps: null, lagBytes: null, lagSeconds: null };
    const pollStatus = async () => {
      statusRunning = true;
      try {
        const run = await runCli(['status', '--journal', journal, '--json'], { timeoutMs: 30_000 });
        const result = resultEvent(run.stdout) as { head: number; bytesHeld: number; targets: Array<{ path: string; lagOps: number; lagBytes: number; lagSeconds: number }> } | undefined;
        const mine = result?.targets.find((t) => t.path === target);
        if (run.code !== 0 || !result) statusFailures += 1;
        else latest = { head: result.head, bytesHeld: result.bytesHeld, lagOps: mine?.lagOps ?? null, lagBytes: mine?.lagBytes ?? null, lagSeconds: mine?.lagSeconds ?? null };
      } catch {
        statusFailures += 1;
      } finally {
        statusRunning = false;
      }
    };

    const header = `${'time'.padStart(6)} ${'head'.padStart(9)} ${'journal MiB'.padStart(11)} ${'rec RSS'.padStart(8)} ${'rep RSS'.padStart(8)} ` +
      `${'rec CPU%'.padStart(8)} ${'rep CPU%'.padStart(8)} ${'max lag ops'.padStart(11)} ${'max lag MiB'.padStart(11)} ${'max lag s'.padStart(9)}`;
    print(header);
    const cpuBefore: Record<Role, number | null> = { recorder: null, replayer: null, engine: null };
    let windowStart = 0;
    const end = started + minutes * 60_000;
    for (let tick = 1; Date.now() < end; tick++) {
      await sleep(Math.max(0, started + tick * 1000 - Date.now()));
      for (const role of ROLES) {
        const child = procs[role]!;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${role} ended during the soak (${child.exitCode ?? child.signalCode})\n${describeOutput(child)}`);
      }
      if (!statusRunning) void pollStatus();
      const cpu: Record<Role, number | null> = { recorder: null, replayer: null, engine: null };
      const rss: Record<Role, number | null> = { recorder: null, replayer: null, engine: null };
      for (const role of ROLES) {
        rss[role] = rssOf(procs[role]!.pid);
        const now = cpuOf(procs[role]!.pid);
        cpu[role] = now !== null && cpuBefore[role] !== null ? (now - cpuBefore[role]!) * 100 : null;
        cpuBefore[role] = now;
      }
      samples.push({ t: (Date.now() - started) / 1000, rss, cpu, ...latest });
      if (tick % every === 0) {
        const window = samples.slice(windowStart);
        windowStart = samples.length;
        const max = (pick: (s: Sample) => number | null) => Math.max(...window.map(pick).filter((v): v is number => v !== null), 0);
        const avg = (pick: (s: Sample) => number | null) => {
          const list = window.map(pick).filter((v): v is number => v !== null);
          return list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0;
        };
        const last = samples.at(-1)!;
        print(`${String(Math.round(last.t)).padStart(5)}s ${String(last.head ?? '-').padStart(9)} ${mib(last.bytesHeld).padStart(11)} ` +
          `${mib(last.rss.recorder).padStart(8)} ${mib(last.rss.replayer).padStart(8)} ${avg((s) => s.cpu.recorder).toFixed(0).padStart(8)} ` +
          `${avg((s) => s.cpu.replayer).toFixed(0).padStart(8)} ${String(max((s) => s.lagOps)).padStart(11)} ` +
          `${mib(max((s) => s.lagBytes)).padStart(11)} ${max((s) => s.lagSeconds).toFixed(2).padStart(9)}`);
      }
    }

    // Stop: the engine at a transaction boundary, the recorder records what is there, the replayer applies it.
    const summary = await (async () => {
      procs.engine!.kill('SIGTERM');
      return engineSummary(procs.engine!, 60_000);
    })();
    for (const role of ['recorder', 'replayer'] as const) {
      const child = procs[role]!;
      child.kill('SIGTERM');
      const { code, signal } = await waitForExit(child, 600_000);
      if (code !== 0) failures.push(`${role} stopped with ${code ?? signal}\n${describeOutput(child)}`);
      const warnings = outputOf(child).stdout.split('\n').filter((l) => l.includes('"event":"warning"'));
      if (warnings.length > 0) print(`${role}: ${warnings.length} warnings, e.g. ${warnings[0]}`);
    }
    while (statusRunning) await sleep(50);

    // Summary
    print('');
    print(`engine: ${summary.transactions} transactions, ${mib(summary.bytesWritten)} MiB in ${(summary.elapsedMs / 1000).toFixed(0)} s ` +
      `(${(summary.bytesWritten / 1e6 / (summary.elapsedMs / 1000)).toFixed(1)} MB/s); ${summary.packsCreated} packs created, ${summary.packsDeleted} deleted`);
    print(`status: ${samples.filter((s) => s.lagOps !== null).length} lag samples, ${statusFailures} failed status calls`);
    // Memory is judged on the second half of the run: caches and allocator arenas warm up to a plateau
    // while the journal grows; growth that goes on after half-time is a leak. The growth from the
    // second minute is printed too.
    const endT = samples.at(-1)!.t;
    const minuteAt = (t: number) => samples.filter((s) => s.t >= t - 30 && s.t < t + 30);
    const warm = samples.filter((s) => s.t >= 60 && s.t < 120);
    const lastMinute = samples.filter((s) => s.t >= endT - 60);
    const pct = (from: number, to: number) => ((to - from) / from) * 100;
    const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
    print('');
    print(`${'process'.padEnd(9)} ${'min RSS'.padStart(8)} ${'median'.padStart(8)} ${'max RSS'.padStart(8)} ${'2nd min'.padStart(8)} ${'half-time'.padStart(9)} ` +
      `${'last min'.padStart(8)} ${'from 2nd'.padStart(9)} ${'2nd half'.padStart(9)} ${'avg CPU%'.padStart(8)}  (MiB)`);
    for (const role of ROLES) {
      const rssIn = (list: Sample[]) => list.map((s) => s.rss[role]).filter((v): v is number => v !== null);
      const all = rssIn(samples);
      const cpus = samples.map((s) => s.cpu[role]).filter((v): v is number => v !== null);
      const early = median(rssIn(warm.length > 0 ? warm : samples.slice(0, 30)));
      const half = median(rssIn(minuteAt(endT / 2)));
      const late = median(rssIn(lastMinute));
      print(`${role.padEnd(9)} ${mib(Math.min(...all)).padStart(8)} ${mib(median(all)).padStart(8)} ${mib(Math.max(...all)).padStart(8)} ` +
        `${mib(early).padStart(8)} ${mib(half).padStart(9)} ${mib(late).padStart(8)} ${signed(pct(early, late)).padStart(9)} ${signed(pct(half, late)).padStart(9)} ` +
        `${(cpus.reduce((a, b) => a + b, 0) / Math.max(1, cpus.length)).toFixed(0).padStart(8)}`);
      if (role !== 'engine' && pct(half, late) > maxGrowth && late - half > 16 * MiB) {
        failures.push(`${role}: resident memory grew ${signed(pct(half, late))} (${mib(half)} -> ${mib(late)} MiB) over the second half of the run`);
      }
    }
    const lagSeconds = samples.map((s) => s.lagSeconds).filter((v): v is number => v !== null);
    const lagOps = samples.map((s) => s.lagOps).filter((v): v is number => v !== null);
    const lagBytes = samples.map((s) => s.lagBytes).filter((v): v is number => v !== null);
    print('');
    print(`lag: seconds median ${median(lagSeconds).toFixed(2)}, p99 ${percentile(lagSeconds, 0.99).toFixed(2)}, max ${Math.max(...lagSeconds).toFixed(2)}; ` +
      `ops median ${median(lagOps)}, max ${Math.max(...lagOps)}; bytes median ${mib(median(lagBytes))} MiB, max ${mib(Math.max(...lagBytes))} MiB`);
    if (Math.max(...lagSeconds) > maxLagSeconds) failures.push(`the target fell ${Math.max(...lagSeconds).toFixed(1)} s behind (limit ${maxLagSeconds} s)`);
    if (lagSeconds.length < samples.length / 4) failures.push(`only ${lagSeconds.length} lag samples in ${samples.length} seconds`);

    // The copy
    const source = sourceFiles(src);
    const copy = targetFiles(target);
    const differences = diffFiles(copy, source);
    let compared = 0;
    for (const data of source.values()) compared += data.length;
    print(`copy: ${copy.size} files, ${mib(compared)} MiB compared with the source byte for byte: ${differences.length === 0 ? 'identical' : `${differences.length} differ`}`);
    for (const difference of differences.slice(0, 10)) failures.push(`target vs source: ${difference}`);
    const verifyStarted = Date.now();
    const verify = await runCli(['verify', '--journal', journal, '--to', target, '--json'], { timeoutMs: 3_600_000 });
    const result = resultEvent(verify.stdout) as { ops?: number; bytes?: number; findings?: number } | undefined;
    print(`verify --to: exit ${verify.code}, ${result?.ops ?? '?'} ops, ${mib(result?.bytes ?? null)} MiB of data checked, ${result?.findings ?? '?'} findings, ` +
      `${((Date.now() - verifyStarted) / 1000).toFixed(0)} s`);
    if (verify.code !== 0) failures.push(`verify --to failed:\n${verify.stdout.slice(-3000)}\n${verify.stderr.slice(-2000)}`);
  } catch (err) {
    failures.push((err as Error).stack ?? String(err));
  } finally {
    for (const child of Object.values(procs)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (values['keep-dirs']) print(`kept ${root}`);
  }
  print('');
  if (failures.length === 0) print(`soak: passed (${((Date.now() - started) / 60000).toFixed(1)} min)`);
  else {
    print(`soak: ${failures.length} failures`);
    for (const failure of failures) print(`- ${failure}`);
    process.exitCode = 1;
  }
  await cleanUp();
  if (!values['keep-dirs']) fs.rmSync(root, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`soak: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
