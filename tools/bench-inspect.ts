/**
 * Inspection benchmark: builds a journal of --ops ops in-process, then times the commands that
 * read it (`log`, `status`, `verify`, `files`, `history`) as child processes of the compiled CLI,
 * each with its peak RSS, against `cat` of the journal's LevelDB files in the same run.
 *
 *   node --import tsx tools/bench-inspect.ts [--ops 10000000] [--dir DIR] [--keep]
 *
 * The journal has the shape a recorder leaves: pack files p00000001.pack, p00000002.pack... each
 * created, appended to with small writes (64..512 bytes, pseudo-random from a fixed seed) until it
 * holds PACK_BYTES, then the next one is created and the oldest deleted so that KEEP_LIVE stay, and
 * now and then a resync (inotify overflow). Ops are stamped STEP_MS apart, ending now. It is built
 * with Journal.append in batches of BATCH_OPS ops (one LevelDB batch each; only the last synced).
 *
 * --dir DIR   build the journal in DIR/journal and keep it; run again with the same --dir and
 *             --ops and the journal is reused (a marker, DIR/bench-inspect.json, says how it was
 *             built). Without --dir a temporary directory is used and removed, unless --keep.
 * Needs `npx tsc -p tsconfig.json` first (the CLI is run from dist/).
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Journal } from '../src/journal/journal.js';
import { makeAppend, type Op } from '../src/journal/op.js';

const CLI = path.resolve('dist/cli/bin.js');
const { values } = parseArgs({ options: {
  ops: { type: 'string', default: '10000000' },
  dir: { type: 'string' },
  keep: { type: 'boolean', default: false },
} });
const totalOps = Number(values.ops);
if (!Number.isSafeInteger(totalOps) || totalOps < 10_000) throw new Error(`--ops ${values.ops}: give a whole number of at least 10000`);
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -p tsconfig.json\` first`);

/** Bump when the generated journal changes, so an old one in --dir is not reused. */
const SHAPE_VERSION = 1;
const SEED = 42;
const BATCH_OPS = 20_000;
const PACK_BYTES = 1024 * 1024;
const KEEP_LIVE = 4;
const RESYNC_EVERY = 100_003;
const STEP_MS = 5;
const MIN_DATA = 64;
const MAX_DATA = 512;
const POOL_BYTES = 64 * 1024 * 1024;
/** A small journal of the same shape, for scale: what stays constant must take the same time on both. */
const SMALL_OPS = 1000;

interface Built {
  shape: number;
  ops: number;
  seed: number;
  packs: number;
  dataBytes: number;
  /** The pack being written at op ops/2, and that op's time. */
  midPack: string;
  midAt: number;
  buildSeconds: number;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const mib = (bytes: number) => bytes / 1048576;
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---- the journal ------------------------------------------------------------------------------

/** xorshift32: the same bytes for the same seed on every run. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

const packName = (n: number) => `p${String(n).padStart(8, '0')}.pack`;

/** The ops of the synthetic journal, in order; `shape` is filled in as they are produced. */
function* synthesize(total: number, firstAt: number, shape: { packs: number; dataBytes: number; midPack: string; midAt: number }): Generator<Op> {
  const random = prng(SEED);
  const pool = new Uint8Array(POOL_BYTES);
  const words = new Uint32Array(pool.buffer);
  for (let i = 0; i < words.length; i++) words[i] = random();
  const sizes = new Map<string, number>();
  const live: string[] = [];
  const pending: Op[] = [];
  let pack = 0;
  let current = '';
  const rotate = (at: number) => {
    pack += 1;
    current = packName(pack);
    sizes.set(current, 0);
    live.push(current);
    pending.push({ type: 'create', at, file: current, ino: 1_000_000 + pack });
    if (live.length > KEEP_LIVE) {
      const oldest = live.shift()!;
      pending.push({ type: 'delete', at, file: oldest, size: sizes.get(oldest)! });
      sizes.delete(oldest);
    }
  };
  for (let i = 0; i < total; i++) {
    const at = firstAt + i * STEP_MS; // op i is seq i + 1
    if (i === Math.floor(total / 2)) { shape.midPack = current; shape.midAt = at - STEP_MS; } // after op total/2
    if (pending.length === 0) {
      if (i > 0 && i % RESYNC_EVERY === 0) {
        yield { type: 'resync', at, reason: 'overflow', detail: 'bench-inspect: a synthetic inotify overflow' };
        continue;
      }
      if (pack === 0 || sizes.get(current)! >= PACK_BYTES) rotate(at);
    }
    if (pending.length > 0) {
      yield { ...pending.shift()!, at };
      continue;
    }
    const length = MIN_DATA + (random() % (MAX_DATA - MIN_DATA + 1));
    const from = random() % (POOL_BYTES - length);
    const offset = sizes.get(current)!;
    sizes.set(current, offset + length);
    shape.dataBytes += length;
    yield makeAppend(current, offset, pool.subarray(from, from + length), at);
  }
  shape.packs = pack;
}

async function build(dir: string, total: number, progress: boolean): Promise<Built> {
  const shape = { packs: 0, dataBytes: 0, midPack: '', midAt: 0 };
  const started = process.hrtime.bigint();
  const journal = await Journal.open(dir, { create: true });
  try {
    await journal.bindSource({ path: '/bench-inspect/DB.rdm', dev: 0, ino: 0 });
    let batch: Op[] = [];
    let done = 0;
    let nextReport = total / 10;
    for (const op of synthesize(total, Date.now() - total * STEP_MS, shape)) {
      batch.push(op);
      done += 1;
      if (batch.length === BATCH_OPS || done === total) {
        await journal.append(batch, { sync: done === total });
        batch = [];
        if (progress && done >= nextReport) {
          const secs = seconds(started);
          console.error(`  built ${fmtInt(done)} of ${fmtInt(total)} ops in ${secs.toFixed(1)} s (${fmtInt(done / secs)} ops/s)`);
          nextReport += total / 10;
        }
      }
    }
    if (journal.head !== total) throw new Error(`built journal ends at op ${journal.head}, expected ${total}`);
  } finally {
    await journal.close();
  }
  return { shape: SHAPE_VERSION, ops: total, seed: SEED, ...shape, buildSeconds: seconds(started) };
}

/** The journal in `work`, built now or reused from an earlier run with the same --ops. */
async function journalIn(work: string, total: number): Promise<{ journal: string; built: Built; reused: boolean }> {
  const journal = path.join(work, 'journal');
  const markerPath = path.join(work, 'bench-inspect.json');
  if (existsSync(journal)) {
    const marker = existsSync(markerPath) ? (JSON.parse(readFileSync(markerPath, 'utf8')) as Built) : null;
    if (marker && marker.shape === SHAPE_VERSION && marker.ops === total && marker.seed === SEED) return { journal, built: marker, reused: true };
    throw new Error(`${journal} exists but was not built by this benchmark with --ops ${total} ` +
      `(${marker ? `it has ${marker.ops} ops, shape ${marker.shape}` : `no complete build: ${markerPath} is missing`}); remove it or give another --dir`);
  }
  const needed = total * (((MIN_DATA + MAX_DATA) / 2) * 1.3 + 200); // data (held twice during compactions, roughly) + keys, index, LevelDB
  const { bavail, bsize } = statfsSync(work);
  if (bavail * bsize < needed) throw new Error(`${work} has ${mib(bavail * bsize).toFixed(0)} MiB free; a journal of ${fmtInt(total)} ops needs about ${mib(needed).toFixed(0)} MiB`);
  const built = await build(journal, total, total >= 1_000_000);
  writeFileSync(markerPath, JSON.stringify(built, null, 2) + '\n');
  return { journal, built, reused: false };
}

/** The journal's LevelDB files (not the socket or the notify file). */
function levelFiles(journal: string): string[] {
  return readdirSync(journal).filter((name) => name !== 'notify').map((name) => path.join(journal, name)).filter((file) => statSync(file).isFile());
}

// ---- child processes --------------------------------------------------------------------------

const TIME = '/usr/bin/time';
const PEAK_TAG = 'bench-inspect-peak-rss-kib';
const haveTime = existsSync(TIME);
/** Without /usr/bin/time: the CLI's own process reports its peak RSS (getrusage) as it exits. */
const PRELOAD = 'data:text/javascript,' + encodeURIComponent(
  `process.on('exit', () => process.stderr.write('\\n${PEAK_TAG} ' + process.resourceUsage().maxRSS + '\\n'));`);

function command(args: string[]): [string, string[]] {
  return haveTime
    ? [TIME, ['-f', `${PEAK_TAG} %M`, process.execPath, CLI, ...args]]
    : [process.execPath, ['--import', PRELOAD, CLI, ...args]];
}

/** RSS split as /proc/PID/status does: anonymous memory, and pages of mapped files (LevelDB mmaps its tables). */
interface Rss { anon: number; file: number }
interface Run { seconds: number; peakMiB: number; code: number | null; stdout: string; stderr: string; rss: Rss[] }

function peakOf(stderr: string): number {
  const match = [...stderr.matchAll(new RegExp(`${PEAK_TAG} (\\d+)`, 'g'))].pop();
  if (!match) throw new Error(`no peak RSS reported; stderr:\n${stderr}`);
  return Number(match[1]) / 1024;
}

/** The CLI's process: /usr/bin/time's child, or the spawned process itself. */
function cliPid(pid: number): number | null {
  if (!haveTime) return pid;
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]) || null;
  } catch {
    return null;
  }
}

function rssOf(pid: number): Rss | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    const rss = { anon: kib('RssAnon') / 1024, file: kib('RssFile') / 1024 };
    return Number.isNaN(rss.anon + rss.file) ? null : rss;
  } catch {
    return null;
  }
}

/** Runs the CLI to the end; stdout captured, or sent to /dev/null. With `sample`, its RSS every 250 ms. */
async function runCli(args: string[], { toDevNull = false, sample = false } = {}): Promise<Run> {
  const [file, argv] = command(args);
  const devNull = toDevNull ? openSync('/dev/null', 'w') : null;
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { stdio: ['ignore', devNull ?? 'pipe', 'pipe'] });
  if (devNull !== null) closeSync(devNull);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk; });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk; });
  const samples: Rss[] = [];
  const timer = sample ? setInterval(() => {
    const pid = cliPid(child.pid!);
    const rss = pid === null ? null : rssOf(pid);
    if (rss !== null) samples.push(rss);
  }, 250) : null;
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const secs = seconds(started);
  if (timer) clearInterval(timer);
  return { seconds: secs, peakMiB: peakOf(stderr), code, stdout, stderr, rss: samples };
}

/** Must succeed; returns its run. */
async function cli(args: string[], options: { toDevNull?: boolean; sample?: boolean } = {}): Promise<Run> {
  const run = await runCli(args, options);
  if (run.code !== 0) throw new Error(`rdm-journal ${args.join(' ')} exited with ${run.code}:\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** The last `"event":"result"` JSON line of a --json run. */
function result<T>(run: Run): T {
  const line = run.stdout.split('\n').filter((l) => l.includes('"event":"result"')).pop();
  if (!line) throw new Error(`no result in:\n${run.stdout}`);
  return JSON.parse(line) as T;
}

interface FirstLine { first: number; exit: number; peakMiB: number; line: string; code: number | null }

/** Time from spawn to the first whole line on stdout; then the pipe is closed and the CLI must stop quietly. */
async function firstLine(args: string[]): Promise<FirstLine> {
  const [file, argv] = command(args);
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const { first, line } = await new Promise<{ first: number; line: string }>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        const first = seconds(started);
        child.stdout!.destroy(); // the reader goes away, as with `| head -1`
        resolve({ first, line: text.slice(0, end) });
      }
    });
    child.once('close', (code) => reject(new Error(`rdm-journal ${args.join(' ')} exited with ${code} before printing a line:\n${stderr}`)));
  });
  const watchdog = setTimeout(() => {
    const pid = cliPid(child.pid!);
    if (pid !== null) process.kill(pid, 'SIGKILL');
  }, 60_000);
  const code = await exited;
  clearTimeout(watchdog);
  return { first, exit: seconds(started), peakMiB: peakOf(stderr), line, code };
}

/** Median of `n` runs of firstLine (by time to the first line); peak RSS is the largest seen. */
async function firstLineOf(args: string[], n = 3): Promise<FirstLine> {
  const runs: FirstLine[] = [];
  for (let i = 0; i < n; i++) runs.push(await firstLine(args));
  const mid = runs.sort((a, b) => a.first - b.first)[Math.floor(n / 2)]!;
  return { ...mid, peakMiB: Math.max(...runs.map((r) => r.peakMiB)) };
}

/** Median wall time of `n` runs; peak RSS is the largest seen. */
async function medianOf(args: string[], n: number): Promise<{ seconds: number; peakMiB: number; runs: Run[] }> {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) runs.push(await cli(args));
  return { seconds: median(runs.map((r) => r.seconds)), peakMiB: Math.max(...runs.map((r) => r.peakMiB)), runs };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}

/**
 * RSS sampled at 10%, 25%, 50%, 75%, 90% of the run, anonymous and file-mapped apart: flat memory
 * means about the same anonymous RSS throughout. File-mapped pages are LevelDB's mmapped tables
 * (page cache, shared and reclaimable), counted in RSS all the same.
 */
function rssOverRun(samples: Rss[]): string {
  if (samples.length < 5) return `${samples.length} samples (run too short)`;
  const at = (f: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * f))]!;
  const series = (pick: (r: Rss) => number) => [0.1, 0.25, 0.5, 0.75, 0.9].map((f) => pick(at(f)).toFixed(0)).join(' / ');
  const peak = (pick: (r: Rss) => number) => Math.max(...samples.map(pick)).toFixed(0);
  return `anonymous ${series((r) => r.anon)} MiB (peak ${peak((r) => r.anon)}), file-mapped ${series((r) => r.file)} MiB (peak ${peak((r) => r.file)}) ` +
    `at 10/25/50/75/90% of the run (${samples.length} samples)`;
}

// ---- the run ----------------------------------------------------------------------------------

const work = values.dir ? path.resolve(values.dir) : mkdtempSync(path.join(os.tmpdir(), 'rdm-bench-inspect-'));
mkdirSync(work, { recursive: true });
const removeAtEnd = !values.dir && !values.keep;
try {
  console.log(`inspect benchmark, ${fmtInt(totalOps)} ops, node ${process.version}, ${os.cpus().length} cores, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, in ${work}; peak RSS from ${haveTime ? TIME : 'getrusage in the CLI process'}`);
  const { journal, built, reused } = await journalIn(work, totalOps);
  mkdirSync(path.join(work, 'small'), { recursive: true });
  const { journal: small } = await journalIn(path.join(work, 'small'), SMALL_OPS);
  const duKiB = Number(execFileSync('du', ['-sk', journal]).toString().split('\t')[0]);
  const midSeq = Math.floor(totalOps / 2);
  if (reused) {
    console.log(`reusing the journal in ${journal} (built by an earlier run with --ops ${totalOps} in ${built.buildSeconds.toFixed(1)} s)`);
  } else {
    console.log(`built ${fmtInt(totalOps)} ops in ${built.buildSeconds.toFixed(1)} s: ${fmtInt(totalOps / built.buildSeconds)} ops/s, ` +
      `${mib(built.dataBytes / built.buildSeconds).toFixed(1)} MiB/s of data (Journal.append, ${fmtInt(BATCH_OPS)} ops per batch, last one synced)`);
  }
  console.log(`journal: ${fmtInt(built.packs)} pack files (${KEEP_LIVE} live at a time, ${mib(PACK_BYTES)} MiB each), ${mib(built.dataBytes).toFixed(0)} MiB of appended data; ` +
    `on disk ${mib(duKiB * 1024).toFixed(0)} MiB (du), ${levelFiles(journal).filter((f) => f.endsWith('.ldb')).length} .ldb files`);

  type Row = [what: string, secs: number, rate: string, peakMiB: number | null];
  const rows: Row[] = [];
  const notes: string[] = [];

  // The first command to open the journal since its writer closed it: LevelDB recovers its log.
  const firstStatus = await cli(['status', '--json', '--journal', journal]);
  rows.push([`status, first open${reused ? '' : ' after the build'}`, firstStatus.seconds, '', firstStatus.peakMiB]);

  const startup = await medianOf(['--version'], 5);
  rows.push(['CLI start-up: --version (median of 5)', startup.seconds, '', startup.peakMiB]);

  const status = await medianOf(['status', '--json', '--journal', journal], 5);
  for (const run of status.runs) {
    const s = result<{ head: number; ops: Record<string, number>; liveFiles: number }>(run);
    check(s.head === totalOps, `status --json says head ${s.head}, expected ${totalOps}`);
    check(s.liveFiles === KEEP_LIVE, `status --json says ${s.liveFiles} live files, expected ${KEEP_LIVE}`);
  }
  rows.push(['status (median of 5; head checked)', status.seconds, '', status.peakMiB]);
  const smallStatus = await medianOf(['status', '--json', '--journal', small], 5);
  check(result<{ head: number }>(smallStatus.runs[0]!).head === SMALL_OPS, 'status of the small journal');
  rows.push([`status, ${fmtInt(SMALL_OPS)}-op journal (median of 5)`, smallStatus.seconds, '', smallStatus.peakMiB]);
  notes.push(`status: ${(status.seconds / smallStatus.seconds).toFixed(2)}x the time on ${fmtInt(totalOps)} ops as on ${fmtInt(SMALL_OPS)} (constant time: about 1x)`);

  const seqOf = (line: string) => Number(line.trim().split(/\s+/)[0]);
  const ttfl: [string, string[], (line: string) => boolean][] = [
    ['log', [], (l) => seqOf(l) === 1],
    [`log --from ${midSeq}`, ['--from', String(midSeq)], (l) => seqOf(l) === midSeq],
    [`log --from <time of op ${midSeq}>`, ['--from', new Date(built.midAt).toISOString()], (l) => seqOf(l) === midSeq],
    [`log --file ${built.midPack}`, ['--file', built.midPack], (l) => l.includes(built.midPack) && l.includes('create')],
  ];
  for (const [what, args, ok] of ttfl) {
    const run = await firstLineOf(['log', ...args, '--utc', '--journal', journal]);
    check(ok(run.line), `${what}: unexpected first line ${JSON.stringify(run.line)}`);
    check(run.code === 0, `${what}: exited with ${run.code} after its reader went away (expected 0, quietly)`);
    rows.push([`${what}: first line (median of 3)`, run.first, '', run.peakMiB]);
    notes.push(`${what}: exited ${((run.exit - run.first) * 1000).toFixed(0)} ms after its reader closed the pipe (status ${run.code})`);
  }

  let t = process.hrtime.bigint();
  const filesAt = await cli(['files', '--at', String(midSeq), '--json', '--journal', journal]);
  const listed = result<{ seq: number; files: { file: string }[]; bytes: number }>(filesAt);
  check(listed.seq === midSeq && listed.files.some((f) => f.file === built.midPack) && listed.files.length <= KEEP_LIVE + 1,
    `files --at ${midSeq}: ${JSON.stringify(listed.files)}`);
  rows.push([`files --at ${midSeq} (${built.packs} names ever)`, seconds(t), '', filesAt.peakMiB]);

  t = process.hrtime.bigint();
  const history = await cli(['history', built.midPack, '--json', '--journal', journal]);
  const lives = result<{ lives: { appends: number; bytes: number; deleted: unknown }[] }>(history).lives;
  check(lives.length === 1 && lives[0]!.appends > 0, `history ${built.midPack}: ${JSON.stringify(lives)}`);
  rows.push([`history ${built.midPack} (${fmtInt(lives[0]!.appends)} appends)`, seconds(t), '', history.peakMiB]);

  // Baseline: reading the journal's bytes. The first cat brings them into the page cache, like the runs above did.
  // Listed now: every open of the journal writes a new MANIFEST (and turns the log into a table).
  const files = levelFiles(journal);
  const levelBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const catOnce = () => {
    const start = process.hrtime.bigint();
    execFileSync('sh', ['-c', 'cat "$@" > /dev/null', 'cat', ...files]);
    return seconds(start);
  };
  const catCold = catOnce();
  const catWarm = catOnce();
  rows.push([`cat of the LevelDB files, first`, catCold, `${mib(levelBytes / catCold).toFixed(0)} MiB/s`, null]);
  rows.push([`cat of the LevelDB files, again (baseline)`, catWarm, `${mib(levelBytes / catWarm).toFixed(0)} MiB/s`, null]);

  const verify = await cli(['verify', '--json', '--journal', journal], { sample: true });
  const verified = result<{ ok: boolean; ops: number; bytes: number; findings: number }>(verify);
  check(verified.ok && verified.ops === totalOps && verified.bytes === built.dataBytes, `verify: ${JSON.stringify(verified)}`);
  rows.push(['verify (whole journal)', verify.seconds,
    `${fmtInt(totalOps / verify.seconds)} ops/s, ${mib(built.dataBytes / verify.seconds).toFixed(1)} MiB/s`, verify.peakMiB]);
  notes.push(`verify: ${(verify.seconds / catWarm).toFixed(1)}x the time of cat reading the journal's ${mib(levelBytes).toFixed(0)} MiB ` +
    `(${mib(built.dataBytes).toFixed(0)} MiB of data checked)`);
  notes.push(`verify RSS: ${rssOverRun(verify.rss)}`);

  const logAll = await cli(['log', '--utc', '--journal', journal], { toDevNull: true, sample: true });
  rows.push(['log > /dev/null (whole journal)', logAll.seconds, `${fmtInt(totalOps / logAll.seconds)} ops/s`, logAll.peakMiB]);
  notes.push(`log > /dev/null RSS: ${rssOverRun(logAll.rss)}`);
  const smallLog = await cli(['log', '--utc', '--journal', small], { toDevNull: true });
  rows.push([`log > /dev/null, ${fmtInt(SMALL_OPS)}-op journal`, smallLog.seconds, `${fmtInt(SMALL_OPS / smallLog.seconds)} ops/s`, smallLog.peakMiB]);

  const width = Math.max(...rows.map((r) => r[0].length));
  const rateWidth = Math.max(4, ...rows.map((r) => r[2].length));
  console.log(`${'what'.padEnd(width)}  ${'seconds'.padStart(9)}  ${'rate'.padEnd(rateWidth)}  peak RSS MiB`);
  for (const [what, secs, rate, peak] of rows) {
    console.log(`${what.padEnd(width)}  ${secs.toFixed(3).padStart(9)}  ${rate.padEnd(rateWidth)}  ${(peak === null ? '-' : peak.toFixed(0)).padStart(12)}`);
  }
  for (const note of notes) console.log(note);
  if (!removeAtEnd) console.log(`kept ${work}`);
} finally {
  if (removeAtEnd) rmSync(work, { recursive: true, force: true });
}
