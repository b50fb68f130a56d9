/**
 * The benchmark suite: rdm-journal against the physical limit (cp of the same bytes on the same
 * disk, in the same run) and against what a user would pick instead (an inotifywait + dd loop,
 * lsyncd + rsync), printed as one table.
 *
 *   npm run bench -- [--quick] [--runs 3] [--gib 1] [--only capture,replay,lag,idle,memory,peers,growth,profile,startup,ship]
 *                    [--json-out FILE] [--md-out FILE] [--work DIR] [--cache-dir DIR] [--memory-ops N]
 *
 * Sections (tools/bench/):
 *   capture  capture.ts     the simulator at full speed (rotating, deleting) with `record` following,
 *                           vs cp -r + sync; record --once; a faster writer than the simulator
 *   replay   capture.ts     replay of that journal to a fresh target vs cp -r + sync (cold cache)
 *   lag      lag-section.ts engine write -> op committed in the journal, and -> bytes on the target
 *                           under replay --follow, at 10, 50, 100 MB/s (writer: lag.ts)
 *   idle     idle.ts        CPU and wakeups of record and replay --follow with no writes
 *   memory   memory.ts      peak RSS of record --once on one big pack, of replay of many ops
 *   peers    peers.ts       inotifywait-dd.sh, lsyncd + rsync, rdm-journal backup on one workload
 *   growth   capture.ts     capture cost and journal size vs data size; journal cost vs op count
 *   profile  profile.ts     where record --once and replay spend their time (closing notes)
 *   startup  startup.ts     status, status --json, first line of log on a 10-million-op journal vs node -e 0
 *   ship     ship.ts        ship of a journal vs PutObject of the same bytes, replay --from vs GetObject,
 *                           same SDK, same real server (Swift with s3api on 127.0.0.1)
 *
 * --quick: small sizes, one run (3 to 4 minutes on 2 cores). The default full run takes 35 to 40
 * minutes, about half of it the 10-million-op journal of the memory section (built with
 * Journal.append, then replayed once); --cache-dir DIR keeps that journal (and startup's) for the next run, and
 * --memory-ops N changes its size. It needs ~10 GiB free in the work directory (--work, default:
 * the system temp directory); --json-out and --md-out write the table as JSON and Markdown.
 * As root it installs what it needs (time, inotify-tools, lsyncd, rsync) with apt-get and drops
 * the page cache before the replay measurements; without root the peers it cannot run are skipped.
 * The CLI is measured from dist/ (built with `npx tsc -p tsconfig.json` when missing).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GiB, MiB, ensureBuilt, ensurePackages, filesystemOf, isRoot, killStragglers, log, machineDescription, remove, type BenchConfig } from './bench/common.js';
import { captureAndReplay, growth } from './bench/capture.js';
import { idle } from './bench/idle.js';
import { lag } from './bench/lag-section.js';
import { memory } from './bench/memory.js';
import { PEERS, peers } from './bench/peers.js';
import { profile } from './bench/profile.js';
import { shipBench } from './bench/ship.js';
import { startup } from './bench/startup.js';
import { Report } from './bench/table.js';

const SECTIONS = ['capture', 'replay', 'lag', 'idle', 'memory', 'peers', 'growth', 'profile', 'startup', 'ship'] as const;
type Section = typeof SECTIONS[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    gib: { type: 'string' },
    only: { type: 'string' },
    'json-out': { type: 'string' },
    'md-out': { type: 'string' },
    work: { type: 'string' },
    'cache-dir': { type: 'string' },
    'memory-ops': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write('usage: npm run bench -- [--quick] [--runs N] [--gib G] [--only ' + SECTIONS.join(',') + ']\n' +
    '                        [--json-out FILE] [--md-out FILE] [--work DIR] [--cache-dir DIR] [--memory-ops N]\n');
  process.exit(0);
}

const quick = values.quick;
const only = new Set<Section>((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()) as Section[]);
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (known: ${SECTIONS.join(', ')})`);
const runs = Number(values.runs ?? (quick ? 1 : 3));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: give a whole number >= 1`);
const captureBytes = values.gib !== undefined ? Math.round(Number(values.gib) * GiB) : quick ? 64 * MiB : GiB;
if (!(captureBytes >= MiB)) throw new Error(`--gib ${values.gib}: give a size of at least 1 MiB`);
const workParent = path.resolve(values.work ?? os.tmpdir());
mkdirSync(workParent, { recursive: true });
const work = mkdtempSync(path.join(workParent, 'rdm-bench-'));

const cfg: BenchConfig = {
  quick,
  runs,
  work,
  captureBytes,
  growthBytes: quick ? [64, 128, 256, 512].map((m) => m * MiB) : [1, 2, 4, 8].map((g) => g * GiB),
  growthRuns: 1,
  lagRates: [10e6, 50e6, 100e6],
  lagSeconds: quick ? 3 : 10,
  idleSeconds: quick ? 5 : 60,
  memoryPackBytes: quick ? 256 * MiB : 2 * GiB,
  memoryOps: values['memory-ops'] !== undefined ? Number(values['memory-ops']) : quick ? 1_000_000 : 10_000_000,
  peerRate: 20e6,
  peerSeconds: quick ? 5 : 20,
  peerBurstBytes: quick ? 64 * MiB : 256 * MiB,
  peerPackBytes: 16 * MiB,
  peerKeep: 2,
  peerTimeoutMs: quick ? 10_000 : 20_000,
  dropCaches: isRoot,
};

const report = new Report();
const started = Date.now();
const command = `npm run bench --${process.argv.slice(2).map((a) => ` ${a}`).join('')}`;

async function main(): Promise<void> {
  const stale = ensureBuilt();
  if (stale) {
    report.note(stale);
    log(stale);
  }
  const missing = ensurePackages([{ bin: '/usr/bin/time', pkg: 'time' }]);
  if (missing.length) throw new Error(`/usr/bin/time is needed for every measurement: ${missing.join('; ')}`);
  const available = new Set<string>(['rdm-journal backup']);
  if (only.has('peers')) {
    const inotify = ensurePackages([{ bin: '/usr/bin/inotifywait', pkg: 'inotify-tools' }]);
    const lsyncd = ensurePackages([{ bin: '/usr/bin/lsyncd', pkg: 'lsyncd' }, { bin: '/usr/bin/rsync', pkg: 'rsync' }]);
    if (inotify.length === 0) available.add(PEERS[0]!.name);
    else report.note(`peers: ${inotify.join('; ')}`);
    if (lsyncd.length === 0) available.add(PEERS[1]!.name);
    else report.note(`peers: ${lsyncd.join('; ')}`);
  }
  log(`work directory ${work} (${filesystemOf(work)}); ${machineDescription()}`);

  const cacheDir = values['cache-dir'] ? path.resolve(values['cache-dir']) : null;
  const steps: Array<[Section[], () => Promise<void>]> = [
    [['capture', 'replay'], () => captureAndReplay(cfg, report, { capture: only.has('capture'), replay: only.has('replay') })],
    [['lag'], () => lag(cfg, report)],
    [['idle'], () => idle(cfg, report)],
    [['memory'], () => memory(cfg, report, only.has('growth'), cacheDir)],
    [['peers'], () => peers(cfg, report, available)],
    [['growth'], () => growth(cfg, report)],
    [['profile'], () => profile(cfg, report)],
    [['startup'], () => startup(cfg, report, cacheDir)],
    [['ship'], () => shipBench(cfg, report)],
  ];
  for (const [names, run] of steps) {
    if (!names.some((n) => only.has(n))) continue;
    try {
      await run();
    } catch (err) {
      failed = true;
      report.note(`${names.join('/')} FAILED: ${(err as Error).stack ?? String(err)}`);
      log(`${names.join('/')} failed: ${(err as Error).message}`);
      await killStragglers();
    }
  }
}

function header(): string[] {
  return [
    `rdm-journal benchmark: ${command}`,
    `${new Date(started).toISOString()}, ${((Date.now() - started) / 60000).toFixed(1)} min; ${machineDescription()}`,
    `work directory ${workParent} (${filesystemOf(workParent)}); ${quick ? 'QUICK: small sizes, ' : ''}${runs} run(s) per figure (median, min, max); ` +
      `capture ${(captureBytes / MiB).toFixed(0)} MiB; page cache ${cfg.dropCaches ? 'dropped (sync; echo 3 > /proc/sys/vm/drop_caches) before each replay measurement and its cp baselines' : 'NOT dropped (not root)'}`,
    'Baselines are measured in the same run on the same disk: "cp+sync" = cp -r --reflink=never, then fsync of every copied file and the directory ' +
      '(the journal and replay fsync what they write); plain cp (no sync) is shown for reference. Capture baselines read a warm source (the recorder ' +
      'reads what the engine just wrote); replay baselines read a cold one. MB = 10^6 bytes, MiB = 2^20.',
  ];
}

let failure: unknown = null;
let failed = false;
try {
  await main();
} catch (err) {
  failure = err;
  report.note(`ABORTED: ${(err as Error).stack ?? String(err)}`);
} finally {
  await killStragglers();
  remove(work);
}
const missed = report.rows.filter((r) => r.pass === false);
report.note(missed.length === 0 ? 'every target met' : `targets missed (${missed.length}): ${missed.map((r) => `${r.section}: ${r.what}`).join('; ')}`);
const text = [...header(), '', report.render(), '', ...report.notes.map((n) => `- ${n}`)].join('\n');
process.stdout.write(`${text}\n`);
if (values['json-out']) {
  writeFileSync(path.resolve(values['json-out']), JSON.stringify({ command, startedAt: new Date(started).toISOString(), minutes: (Date.now() - started) / 60000,
    machine: machineDescription(), quick, runs, captureBytes, rows: report.rows, notes: report.notes, header: header() }, null, 2) + '\n');
}
if (values['md-out']) {
  writeFileSync(path.resolve(values['md-out']), [...header().map((h) => `${h}  `), '', report.markdown(), '', ...report.notes.map((n) => `- ${n}`)].join('\n') + '\n');
}
if (failure || failed) process.exitCode = 1;
