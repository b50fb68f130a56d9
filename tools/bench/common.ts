/**
 * What every benchmark section shares: the compiled CLI, child processes timed by /usr/bin/time
 * (wall, CPU of the process and of every child it reaped, peak RSS), /proc sampling, the page
 * cache, statistics, directory comparison and the packages the peers need.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO, 'dist/cli/bin.js');
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const isRoot = process.getuid?.() === 0;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const nowNs = () => process.hrtime.bigint();
export const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
export const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

// ---- statistics ------------------------------------------------------------------------------

export interface Summary { median: number; min: number; max: number; n: number }

export function summarize(values: readonly number[]): Summary {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Least-squares line y = a + b x, with R². */
export function linearFit(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number; r2: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

// ---- the machine -----------------------------------------------------------------------------

/** Writes dirty pages back, then (as root) drops the page cache: the next read comes from disk. */
export function dropCaches(): boolean {
  execFileSync('sync');
  if (!isRoot) return false;
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '3\n');
    return true;
  } catch {
    return false;
  }
}

export function syncAll(): void {
  execFileSync('sync');
}

export function which(bin: string): string | null {
  const run = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

let aptUpdated = false;

/**
 * Installs the Debian packages whose programs are missing (root only). Returns what is still
 * missing afterwards, with why.
 */
export function ensurePackages(wanted: ReadonlyArray<{ bin: string; pkg: string }>): string[] {
  const missing = wanted.filter((w) => !existsSync(w.bin) && which(path.basename(w.bin)) === null);
  if (missing.length === 0) return [];
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  if (!isRoot) return pkgs.map((p) => `${p} is not installed and this is not root (apt-get install -y ${p})`);
  log(`installing ${pkgs.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
  }
  const run = spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = wanted.filter((w) => !existsSync(w.bin) && which(path.basename(w.bin)) === null);
  return still.map((s) => `${s.pkg}: apt-get install failed (exit ${run.status})`);
}

/**
 * The compiled CLI, built when absent (the benchmark measures what users run: dist/). Returns a
 * warning when a source file is newer than the build (the figures would be of older code).
 */
export function ensureBuilt(): string | null {
  if (!existsSync(CLI)) {
    log('dist/cli/bin.js is missing: npx tsc -p tsconfig.json');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'inherit' });
    return null;
  }
  const built = statSync(CLI).mtimeMs;
  const newer = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? newer(path.join(dir, e.name)) : e.name.endsWith('.ts') && statSync(path.join(dir, e.name)).mtimeMs > built ? [path.join(dir, e.name)] : []);
  const stale = newer(path.join(REPO, 'src'));
  return stale.length ? `dist/ is older than ${stale.map((f) => path.relative(REPO, f)).join(', ')}: these figures are of the last build (npx tsc -p tsconfig.json)` : null;
}

export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `node ${process.version}, ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / GiB).toFixed(0)} GiB RAM, load ${load}`;
}

export function filesystemOf(dir: string): string {
  const run = spawnSync('df', ['--output=fstype,source', dir], { encoding: 'utf8' });
  return run.stdout.trim().split('\n').pop()?.trim().replace(/\s+/g, ' on ') ?? 'unknown';
}

// ---- child processes -------------------------------------------------------------------------

export interface TimedResult {
  code: number | null;
  /** Wall seconds, as /usr/bin/time measured them. */
  elapsed: number;
  /** CPU seconds of the process and of the children it waited for. */
  user: number;
  sys: number;
  maxRssKiB: number;
  stdout: string;
  stderr: string;
}

export interface TimedChild {
  /** The /usr/bin/time process. */
  wrapper: ChildProcess;
  /** The measured process itself (signal this one). */
  pid: Promise<number>;
  done: Promise<TimedResult>;
  stdoutText(): string;
}

let timedCount = 0;
/** Every child started, until it exits: what killStragglers() ends when a section fails. */
const running = new Set<TimedChild>();

/** SIGKILLs (by pid) the children a failed section left running. */
export async function killStragglers(): Promise<void> {
  for (const child of [...running]) {
    const pid = await child.pid.catch(() => null);
    for (const target of [pid, child.wrapper.pid]) {
      if (target) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
    await child.done.catch(() => {});
  }
}

/** Runs `command args` under /usr/bin/time, collecting stdout and stderr. */
export function spawnTimed(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; echoStderr?: boolean } = {}): TimedChild {
  const report = path.join(os.tmpdir(), `rdm-bench-time-${process.pid}-${timedCount++}.txt`);
  const wrapper = spawn('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M %x', command, ...args], {
    cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  wrapper.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  wrapper.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (options.echoStderr) process.stderr.write(chunk);
  });
  const pid = (async () => {
    for (let i = 0; i < 2000; i++) {
      try {
        const children = readFileSync(`/proc/${wrapper.pid}/task/${wrapper.pid}/children`, 'utf8').trim();
        if (children) return Number(children.split(' ')[0]);
      } catch {
        break;
      }
      await sleep(2);
    }
    throw new Error(`${command}: could not find the process /usr/bin/time started`);
  })();
  const done = new Promise<TimedResult>((resolve, reject) => {
    wrapper.once('error', reject);
    wrapper.once('close', (wrapperCode) => {
      let text = '';
      try {
        text = readFileSync(report, 'utf8').trim().split('\n').pop() ?? '';
        rmSync(report, { force: true });
      } catch {
        // no report: time itself failed
      }
      const [elapsed, user, sys, rss, code] = text.split(' ').map(Number);
      if (elapsed === undefined || Number.isNaN(elapsed)) {
        reject(new Error(`${command} ${args.join(' ')}: no /usr/bin/time report (exit ${wrapperCode}); stderr: ${stderr.slice(-2000)}`));
        return;
      }
      resolve({ code: code ?? wrapperCode, elapsed, user: user!, sys: sys!, maxRssKiB: rss!, stdout, stderr });
    });
  });
  pid.catch(() => {});
  done.catch(() => {});
  const timed = { wrapper, pid, done, stdoutText: () => stdout };
  running.add(timed);
  wrapper.once('close', () => running.delete(timed));
  return timed;
}

/** Runs the compiled CLI under /usr/bin/time. */
export function cliTimed(args: readonly string[], options: { echoStderr?: boolean } = {}): TimedChild {
  return spawnTimed(process.execPath, [CLI, ...args], options);
}

/** Runs the CLI to its end; throws on a non-zero exit. */
export async function cliRun(args: readonly string[]): Promise<TimedResult> {
  const result = await cliTimed(args).done;
  if (result.code !== 0) throw new Error(`rdm-journal ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(-2000)}${result.stdout.slice(-2000)}`);
  return result;
}

/** Resolves with the first stdout line matching `pattern`. */
export async function waitForOutput(child: TimedChild, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  let exited = false;
  child.done.then(() => { exited = true; }, () => { exited = true; });
  for (;;) {
    const line = child.stdoutText().split('\n').find((l) => pattern.test(l));
    if (line !== undefined) return line;
    if (exited) throw new Error(`process exited before printing ${pattern}: ${child.stdoutText().slice(-1000)}`);
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}`);
    await sleep(5);
  }
}

/** SIGTERM to the measured process, then its result. */
export async function stopTimed(child: TimedChild, signal: NodeJS.Signals = 'SIGTERM'): Promise<TimedResult> {
  const pid = await child.pid;
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
  return child.done;
}

/** The JSON `result` event a `--json` command printed. */
export function resultEvent(stdout: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const line = stdout.split('\n').find((l) => l.includes('"event":"result"'));
  if (!line) throw new Error(`no result event in: ${stdout.slice(-1000)}`);
  return JSON.parse(line);
}

// ---- directories -----------------------------------------------------------------------------

/** Bytes the directory's files take on disk (allocated blocks), recursively. */
export function diskUsage(dir: string): number {
  const run = spawnSync('du', ['-s', '--block-size=1', dir], { encoding: 'utf8' });
  return Number(run.stdout.split('\t')[0]);
}

/** Regular files directly in `dir` (dot files and sub-directories left out), with their sizes. */
export function listFiles(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return files;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    try {
      const stats = statSync(path.join(dir, name));
      if (stats.isFile()) files.set(name, stats.size);
    } catch {
      // deleted meanwhile
    }
  }
  return files;
}

export function totalSize(files: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const size of files.values()) n += size;
  return n;
}

export interface DirComparison {
  identical: boolean;
  /** In the source, not in the copy. */
  missing: string[];
  /** In the copy, not in the source. */
  extra: string[];
  /** In both, with other bytes: name, sizes, and how many bytes of the source the copy lacks or has wrong. */
  differing: Array<{ name: string; source: number; copy: number; badBytes: number }>;
}

/** Compares the regular files of two directories byte for byte (dot entries ignored). */
export function compareDirs(source: string, copy: string): DirComparison {
  const a = listFiles(source);
  const b = listFiles(copy);
  const result: DirComparison = { identical: true, missing: [], extra: [], differing: [] };
  for (const name of a.keys()) if (!b.has(name)) result.missing.push(name);
  for (const name of b.keys()) if (!a.has(name)) result.extra.push(name);
  for (const [name, size] of a) {
    const other = b.get(name);
    if (other === undefined) continue;
    const bad = differingBytes(path.join(source, name), path.join(copy, name));
    if (bad > 0 || size !== other) result.differing.push({ name, source: size, copy: other, badBytes: bad });
  }
  result.identical = result.missing.length === 0 && result.extra.length === 0 && result.differing.length === 0;
  return result;
}

/** Bytes of `a` that `b` does not hold at the same offset (a shorter `b` counts its missing tail). */
function differingBytes(a: string, b: string): number {
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  const ba = Buffer.allocUnsafe(MiB);
  const bb = Buffer.allocUnsafe(MiB);
  let bad = 0;
  try {
    for (let offset = 0; ; offset += MiB) {
      const na = readSync(fa, ba, 0, MiB, offset);
      const nb = readSync(fb, bb, 0, MiB, offset);
      if (na === 0) break;
      if (nb === na && ba.subarray(0, na).equals(bb.subarray(0, nb))) continue;
      for (let i = 0; i < na; i++) if (i >= nb || ba[i] !== bb[i]) bad++;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
  return bad;
}

export function describeComparison(c: DirComparison): string {
  if (c.identical) return 'identical';
  const parts = [];
  if (c.missing.length) parts.push(`${c.missing.length} files missing`);
  if (c.extra.length) parts.push(`${c.extra.length} extra`);
  if (c.differing.length) parts.push(`${c.differing.length} differ (${c.differing.reduce((n, d) => n + d.badBytes, 0)} bytes)`);
  return parts.join(', ');
}

/** A fresh directory under `parent` for one measurement. */
export function freshDir(parent: string, prefix: string): string {
  return mkdtempSync(path.join(parent, `${prefix}-`));
}

export function remove(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/**
 * `cp -r --reflink=never src dst`, then (when `sync`) `sync dst dst/*`: fsync of every copied file
 * and of the directory, as the journal and replay fsync what they write (not syncfs: that would
 * also flush whatever else is dirty on the machine). Wall seconds.
 */
export function timeCopy(src: string, dst: string, sync: boolean): number {
  const start = nowNs();
  execFileSync('cp', ['-r', '--reflink=never', src, dst]);
  if (sync) execFileSync('sync', [dst, ...readdirSync(dst).map((name) => path.join(dst, name))]);
  return secondsSince(start);
}

// ---- configuration ---------------------------------------------------------------------------

export interface BenchConfig {
  quick: boolean;
  runs: number;
  /** Where every measurement writes (one disk for the tool and its baselines). */
  work: string;
  /** Capture and replay: bytes the engine writes. */
  captureBytes: number;
  /** Growth: data sizes, and runs per size. */
  growthBytes: number[];
  growthRuns: number;
  /** Lag: writer rates (bytes/s) and seconds per rate. */
  lagRates: number[];
  lagSeconds: number;
  /** Idle: seconds sampled per process (split into `runs` windows). */
  idleSeconds: number;
  /** Memory: the big pack file, and the ops of the replayed journal. */
  memoryPackBytes: number;
  memoryOps: number;
  /** Peers: steady rate, seconds, and the full-speed burst. */
  peerRate: number;
  peerSeconds: number;
  peerBurstBytes: number;
  peerPackBytes: number;
  peerKeep: number;
  /** How long a peer may take to complete its copy after the writer stops (twice that for the burst). */
  peerTimeoutMs: number;
  dropCaches: boolean;
}
