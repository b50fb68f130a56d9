/**
 * Power cuts, not only SIGKILL: `replay` and `record` run under strace, and from each trace every
 * file-system state a power cut could leave at the chosen cut points is built (test/crash-state.ts:
 * what was flushed survives, what was not may be lost, in a sample of subsets). Each state is then
 * resumed with the same command, and must end with nothing acknowledged lost:
 * - replay: the cursor claims only bytes that were durable, and a resumed replay ends with the
 *   target equal to the journal at its head;
 * - record: the journal holds at least every op announced as committed (the host's notify stamp,
 *   written after each synced batch; the whole run once the process exited), as a prefix of the
 *   uninterrupted run's journal, and a resumed `record --once` ends with the journal equal to the
 *   source and `verify` passing.
 *   The notify file's mark (how lostOps sees ops LevelDB lost) never falls below what it was.
 * Deleting the target's fdatasync, the cursor's sync or the journal batch's sync makes it fail.
 *
 * The first replay runs into an empty target and the first recording into an empty journal
 * directory: a new LevelDB database is not safe from a power cut until it is synced whole
 * (src/durable.ts), and a journal whose creation was cut short must be finished by `record`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../src/cli/main.js';
import { Journal } from '../src/journal/journal.js';
import type { JournalOp } from '../src/journal/op.js';
import { NOTIFY_NAME } from '../src/journal/commit-notify.js';
import {
  crashStates, cutPoints, diffStates, diskState, finalState, haveStrace, parseTraces, readTree, traceCommand, writeState, type Change, type CrashState, type Trace,
} from './crash-state.js';
import {
  cleanUp, cliScript, diffFiles, readJournal, readTargetControl, repoRoot, replayOps, runCli, runEngine, skip, sourceFiles, targetFiles, tempDir,
} from './support.js';

const test = suite('crash-state');
test.after(cleanUp);

/** A small database that rotates and vacuums: creates, appends, deletes and resyncs in two recordings. */
const ENGINE = { transactions: 60, minSize: 64, maxSize: 4096, packSize: 32 * 1024, keep: 3 };

async function recordOnce(src: string, journal: string): Promise<void> {
  const run = await runCli(['record', src, '--journal', journal, '--once', '-q']);
  assert.is(run.code, 0, run.stderr);
}

/** Runs the CLI's main in this process (no process start per state), capturing what it prints. */
async function cli(args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const writes = [process.stdout.write, process.stderr.write];
  const capture = (chunk: string | Uint8Array) => { output += chunk.toString(); return true; };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    return { code: await main(['node', 'rdm-journal', ...args, '-q']), output };
  } finally {
    [process.stdout.write, process.stderr.write] = writes as [typeof process.stdout.write, typeof process.stderr.write];
  }
}

/** Traces `node dist/cli/bin.js ...args`; fails if the command fails. */
async function traced(args: string[]): Promise<string> {
  const run = await traceCommand([process.execPath, cliScript, ...args, '-q'], { cwd: repoRoot, traceFile: path.join(tempDir('rdm-trace-'), 'trace') });
  assert.is(run.code, 0, `${args.join(' ')} under strace: ${run.output}`);
  return run.trace;
}

/** The model must describe what really happened: all changes kept gives the roots as the run left them. */
function checkModel(trace: Trace): void {
  const problems = diffStates(finalState(trace), diskState(trace.roots));
  assert.equal(problems, [], `the trace model differs from the disk:\n  ${problems.join('\n  ')}`);
}

/** Runs `check` on every state, collecting failures, and fails once with all of them. */
async function forEachState(states: CrashState[], roots: string[], check: (state: CrashState) => Promise<string | null>): Promise<void> {
  const failures: string[] = [];
  for (const state of states) {
    writeState(roots, state.entries);
    const problem = await check(state).catch((err: Error) => `threw ${err.stack ?? err.message}`);
    if (problem) failures.push(`${state.label}: ${problem}`);
  }
  assert.ok(failures.length === 0, `${failures.length} of ${states.length} power-cut states break the guarantee:\n  ${failures.slice(0, 10).join('\n  ')}`);
}

/** States must really lose something: else the test would pass with every flush removed. */
function assertSomeLoss(trace: Trace, states: CrashState[]): void {
  const final = finalState(trace);
  const lossy = states.filter((state) => diffStates(state.entries, final).length > 0);
  assert.ok(lossy.length >= 5, `only ${lossy.length} of ${states.length} crash states differ from the final state`);
}

test('replay: after a power cut at any flush, the cursor claims only durable bytes and a resumed replay ends equal to the journal', async () => {
  if (!haveStrace()) {
    skip('needs strace; .ci/run installs it');
    return;
  }
  const work = tempDir('rdm-crash-replay-');
  const src = path.join(work, 'DB.rdm');
  const journalDir = path.join(work, 'DB.journal');
  fs.mkdirSync(src);
  await runEngine({ dir: src, ...ENGINE, seed: 1 });
  await recordOnce(src, journalDir);
  const middle = (await readJournal(journalDir)).head;
  await runEngine({ dir: src, ...ENGINE, seed: 2 });
  await recordOnce(src, journalDir);
  const { ops, head, files: expected } = await readJournal(journalDir);
  assert.equal(diffFiles(expected, sourceFiles(src)), []);

  // Two traced replays into a new target, as an operator's --until and a catch-up: the control
  // database's creation, then batches of creates, appends and deletes.
  const target = path.join(work, 'DB-COPY.rdm');
  fs.mkdirSync(target);
  const roots = [target];
  const before = readTree(roots);
  const traces = [
    await traced(['replay', '--to', target, '--journal', journalDir, '--until', String(middle)]),
    await traced(['replay', '--to', target, '--journal', journalDir]),
  ];
  const trace = parseTraces(traces, roots, before, repoRoot);
  checkModel(trace);
  assert.equal(diffFiles(targetFiles(target), expected), []);
  const states = crashStates(trace);
  assertSomeLoss(trace, states);

  await forEachState(states, roots, async () => {
    const claim = await cursorClaim(target, ops);
    if (claim) return claim;
    const run = await cli(['replay', '--to', target, '--journal', journalDir]);
    if (run.code !== 0) return `resumed replay exited ${run.code}: ${run.output.trim()}`;
    const differences = diffFiles(targetFiles(target), expected);
    if (differences.length > 0) return `after the resumed replay the target differs from the journal: ${differences.join('; ')}`;
    const { cursor } = await readTargetControl(target);
    return cursor?.seq === head ? null : `after the resumed replay the cursor is at ${cursor?.seq}, not ${head}`;
  });
});

/**
 * What the crashed target's cursor claims, checked against the target: every file outside the
 * batch it was applying holds exactly the journal's bytes at the cursor. Null when it holds.
 */
async function cursorClaim(target: string, ops: readonly JournalOp[]): Promise<string | null> {
  const present = targetFiles(target);
  if (!fs.existsSync(path.join(target, '.rdm-journal', 'CURRENT'))) {
    return present.size === 0 ? null : `the target holds ${[...present.keys()].join(', ')} but no cursor survived`;
  }
  // A control database cut short in its creation may not open: it claims nothing, so the target must be empty.
  const { cursor } = await readTargetControl(target).catch(() => ({ cursor: null }));
  if (!cursor) return present.size === 0 ? null : `the target holds ${[...present.keys()].join(', ')} but no cursor survived`;
  const window = new Set(ops.filter((op) => op.seq > cursor.seq && op.seq <= (cursor.applying ?? cursor.seq) && op.type !== 'resync').map((op) => (op as { file: string }).file));
  const claimed = replayOps(ops.filter((op) => op.seq <= cursor.seq)).files;
  const outside = (files: Map<string, Buffer>) => new Map([...files].filter(([name]) => !window.has(name)));
  const differences = diffFiles(outside(present), outside(claimed));
  return differences.length === 0 ? null : `the cursor claims op ${cursor.seq} but the target holds other bytes: ${differences.join('; ')}`;
}

test('record into a new journal: after a power cut at any flush, the journal is finished, and nothing announced is lost', async () => {
  if (!haveStrace()) {
    skip('needs strace; .ci/run installs it');
    return;
  }
  const work = tempDir('rdm-crash-new-journal-');
  const src = path.join(work, 'DB.rdm');
  const journalDir = path.join(work, 'DB.journal');
  fs.mkdirSync(src);
  fs.mkdirSync(journalDir);
  await runEngine({ dir: src, ...ENGINE, transactions: 30, seed: 1 });
  await checkRecordCrashes(src, journalDir);
});

test('record: after a power cut at any flush, every op announced as committed survives and a resumed record matches the source', async () => {
  if (!haveStrace()) {
    skip('needs strace; .ci/run installs it');
    return;
  }
  const work = tempDir('rdm-crash-record-');
  const src = path.join(work, 'DB.rdm');
  const journalDir = path.join(work, 'DB.journal');
  fs.mkdirSync(src);
  await runEngine({ dir: src, ...ENGINE, seed: 1 });
  await recordOnce(src, journalDir);
  await runEngine({ dir: src, ...ENGINE, seed: 2 });
  await checkRecordCrashes(src, journalDir);
});

/** Traces `record --once` of `src` into `journalDir`, then checks every crash state of the run. */
async function checkRecordCrashes(src: string, journalDir: string): Promise<void> {
  const roots = [journalDir];
  const before = readTree(roots);
  const markBefore = notifyMark(journalDir);
  const trace = parseTraces([await traced(['record', src, '--once', '--journal', journalDir])], roots, before, repoRoot);
  checkModel(trace);
  const uninterrupted = await rawOps(journalDir);
  // Cut also right after each announcement: the moment the most is at risk for what was announced.
  const announcements = trace.changes.filter((change) => isStamp(change)).map((change) => change.at + 1);
  assert.ok(announcements.length >= 2, `the recorder announced ${announcements.length} commits; the test needs a workload of several batches`);
  const announced = (cut: number) => (cut === trace.calls ? uninterrupted.length : committedMark(trace, cut));
  const states = crashStates(trace, cutPoints(trace, announcements), (cut) => String(announced(cut)));
  assertSomeLoss(trace, states);

  await forEachState(states, roots, async (state) => {
    const mark = notifyMark(journalDir);
    if (mark < markBefore) return `the notify file's mark fell from ${markBefore} to ${mark}: lostOps could no longer see ops LevelDB lost`;
    // A journal cut short in its creation need not open for a reader, if nothing was announced.
    const held = await rawOps(journalDir).catch((err: Error) => { if (announced(state.cut) === 0) return []; throw err; });
    if (held.length < announced(state.cut)) return `the journal holds ops 1..${held.length}, but ops up to ${announced(state.cut)} were announced as committed`;
    const changed = held.findIndex((op, i) => !op.equals(uninterrupted[i]!));
    if (changed >= 0) return `op ${changed + 1} differs from the uninterrupted run's`;
    const resumed = await cli(['record', src, '--once', '--journal', journalDir]);
    if (resumed.code !== 0) return `resumed record --once exited ${resumed.code}: ${resumed.output.trim()}`;
    const differences = diffFiles((await readJournal(journalDir)).files, sourceFiles(src));
    if (differences.length > 0) return `after the resumed record the journal differs from the source: ${differences.join('; ')}`;
    const verified = await cli(['verify', '--journal', journalDir]);
    return verified.code === 0 ? null : `verify after the resumed record exited ${verified.code}: ${verified.output.trim()}`;
  });
}

/** The mark in `<journal>/notify` as on disk now (0 when there is none). */
function notifyMark(journalDir: string): number {
  const file = path.join(journalDir, NOTIFY_NAME);
  const bytes = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
  return bytes.length >= 16 ? Number(bytes.readBigUInt64BE(8)) : 0;
}

/** Every op's stored bytes, in seq order. */
async function rawOps(journalDir: string): Promise<Buffer[]> {
  const journal = await Journal.open(journalDir);
  try {
    const ops: Buffer[] = [];
    for await (const [seq, value] of journal.stored.rawOps()) {
      if (seq !== ops.length + 1) throw new Error(`the journal has op ${seq} after op ${ops.length}`);
      ops.push(Buffer.from(value));
    }
    return ops;
  } finally {
    await journal.close();
  }
}

/**
 * The highest op the journal's host announced as committed before call `cut`: the mark in the last
 * stamp it wrote to the notify file (written after each batch's commit returned, and read by
 * every `replay --follow` to apply what was committed).
 */
function committedMark(trace: Trace, cut: number): number {
  let mark = 0;
  for (const change of trace.changes) {
    if (change.at >= cut) break;
    if (isStamp(change)) mark = Math.max(mark, Number(change.data.readBigUInt64BE(8)));
  }
  return mark;
}

/** A write of the host's stamp (commits, highest op committed, then the host's pid) to `<journal>/notify`. */
function isStamp(change: Change): change is Extract<Change, { kind: 'write' }> {
  return change.kind === 'write' && path.basename(change.path) === NOTIFY_NAME && change.offset === 0 && change.data.length >= 16;
}

test('upgrade 2 -> 3: after a power cut at any flush, the journal reads as format 2 with its ops, or is refused until a resumed upgrade ends it as format 3', async () => {
  if (!haveStrace()) {
    skip('needs strace; .ci/run installs it');
    return;
  }
  const journalDir = path.join(tempDir('rdm-crash-upgrade-'), 'journal');
  fs.cpSync(path.join(repoRoot, 'journal-format', 'fixtures', 'v2', 'journal'), journalDir, { recursive: true });
  const { ops, files } = await readJournal(journalDir);
  const roots = [journalDir];
  const before = readTree(roots);
  const trace = parseTraces([await traced(['upgrade', '--journal', journalDir])], roots, before, repoRoot);
  checkModel(trace);
  const states = crashStates(trace);
  assertSomeLoss(trace, states);
  const sameOps = async () => {
    const read = await readJournal(journalDir);
    const described = (list: readonly JournalOp[]) => JSON.stringify(list.map((op) => (op.type === 'append' ? { ...op, data: Buffer.from(op.data).toString('hex') } : op)));
    return diffFiles(read.files, files).length === 0 && described(read.ops) === described(ops);
  };
  await forEachState(states, roots, async () => {
    const opened = await Journal.open(journalDir).then(async (journal) => { const version = journal.version; await journal.close(); return version; },
      (err: { code?: string; message: string }) => err);
    if (typeof opened !== 'number' && opened.code !== 'JOURNAL_VERSION') return `opened as ${opened.code}: ${opened.message}`;
    if (opened === 2 && !(await sameOps())) return 'reads as format 2 with other ops';
    const run = await cli(['upgrade', '--journal', journalDir]);
    if (run.code !== 0) return `resumed upgrade exited ${run.code}: ${run.output.trim()}`;
    if (!(await sameOps())) return 'the upgraded journal holds other ops';
    const verified = await cli(['verify', '--journal', journalDir]);
    return verified.code === 0 ? null : `verify after the resumed upgrade: ${verified.output.trim()}`;
  });
});

test.run();
