/**
 * Idle: CPU time and wakeups of `record` and of `replay --follow` on a quiet source. After a
 * 2 s settle, /proc is sampled over the idle time, split into --runs windows: CPU is utime+stime of
 * the whole process (/proc/PID/stat), wakeups are the context switches, voluntary and involuntary,
 * of every thread (/proc/PID/task/TID/status). Both are reported per minute.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runEngine } from '../../test/engine/simulator.js';
import { cliTimed, freshDir, log, remove, sleep, stopTimed, waitForOutput, type BenchConfig } from './common.js';
import { processCpuMs, switchesBetween, threadSwitches } from './proc.js';
import { ENGINE } from './capture.js';
import { fmt, type Report } from './table.js';

interface Sample { cpu: number[]; wakeups: number[] }

/** Samples each pid over `windows` windows of `windowMs`; values per minute. */
async function sample(pids: number[], windows: number, windowMs: number): Promise<Sample[]> {
  const out = pids.map(() => ({ cpu: [] as number[], wakeups: [] as number[] }));
  for (let w = 0; w < windows; w++) {
    const cpu0 = pids.map(processCpuMs);
    const sw0 = pids.map(threadSwitches);
    const start = performance.now();
    await sleep(windowMs);
    const minutes = (performance.now() - start) / 60_000;
    pids.forEach((pid, i) => {
      out[i]!.cpu.push((processCpuMs(pid) - cpu0[i]!) / minutes);
      out[i]!.wakeups.push(switchesBetween(sw0[i]!, threadSwitches(pid)) / minutes);
    });
  }
  return out;
}

export async function idle(cfg: BenchConfig, report: Report): Promise<void> {
  const S = 'idle';
  const dir = freshDir(cfg.work, 'idle');
  const windows = Math.max(1, cfg.runs);
  const windowMs = (cfg.idleSeconds * 1000) / windows;
  try {
    const source = path.join(dir, 'DB.rdm');
    const journal = path.join(dir, 'DB.journal');
    mkdirSync(source);
    await runEngine({ dir: source, transactions: 200, ...ENGINE });
    const recorder = cliTimed(['record', source, '--journal', journal, '--json']);
    await waitForOutput(recorder, /"event":"info"/);
    const recorderPid = await recorder.pid;
    await sleep(2000);
    log(`idle: record alone, ${cfg.idleSeconds} s`);
    const [alone] = await sample([recorderPid], windows, windowMs);
    const replay = cliTimed(['replay', '--journal', journal, '--to', path.join(dir, 'DB-COPY.rdm'), '--follow', '--json']);
    await waitForOutput(replay, /"event":"info"/);
    const replayPid = await replay.pid;
    await sleep(2000);
    log(`idle: replay --follow (a guest of record's journal) and record, ${cfg.idleSeconds} s`);
    const [follower, host] = await sample([replayPid, recorderPid], windows, windowMs);
    await stopTimed(replay);
    await stopTimed(recorder);
    const zero = (xs: number[]) => ({ target: 'zero', pass: xs.every((x) => x === 0) });
    report.add(S, 'record, quiet source: CPU', alone!.cpu, 'ms/min', zero(alone!.cpu));
    report.add(S, 'record, quiet source: wakeups (ctx switches, all threads)', alone!.wakeups, '/min', zero(alone!.wakeups));
    report.add(S, 'replay --follow, guest of record: CPU', follower!.cpu, 'ms/min', zero(follower!.cpu));
    report.add(S, 'replay --follow, guest of record: wakeups', follower!.wakeups, '/min', zero(follower!.wakeups));
    report.add(S, 'record while hosting that replay: CPU', host!.cpu, 'ms/min', zero(host!.cpu));
    report.add(S, 'record while hosting that replay: wakeups', host!.wakeups, '/min', zero(host!.wakeups));
    report.note(`idle: ${fmt(cfg.idleSeconds)} s per process after a 2 s settle, as ${windows} windows of ${fmt(windowMs / 1000)} s ` +
      '(median/min/max over windows, scaled per minute); CPU from /proc/PID/stat (10 ms ticks), wakeups = voluntary + involuntary context switches of every thread.');
  } finally {
    remove(dir);
  }
}
