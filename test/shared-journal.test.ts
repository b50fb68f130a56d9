/**
 * One journal, several processes: `record` and `replay --follow` run as separate children while
 * the simulator writes; each is killed with SIGKILL at random moments and started again; `status`
 * answers throughout. The first to open the journal hosts it, the others are its guests, and a
 * guest takes over when the host dies.
 */
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync, type ChildProcess } from 'node:child_process';
import {
  RECORDING, assertSameFiles, cleanUp, cliScript, describeOutput, engineSummary, resultEvent, runCli, sleep, sourceFiles, spawnCli, spawnEngine,
  targetFiles, tempDir, waitForExit, waitForOutput,
} from './support.js';

const test = suite('shared-journal');
test.after(cleanUp);

const FOLLOWING = /following until SIGINT\/SIGTERM/;

function setup() {
  const root = tempDir('rdm-shared-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  return { src, journal: path.join(root, 'journal'), target: path.join(root, 'DB-COPY.rdm') };
}

type Setup = ReturnType<typeof setup>;

async function startRecorder(s: Setup): Promise<ChildProcess> {
  const child = spawnCli(['record', s.src, '--journal', s.journal]);
  await waitForOutput(child, RECORDING);
  return child;
}

async function startReplayer(s: Setup): Promise<ChildProcess> {
  const child = spawnCli(['replay', '--journal', s.journal, '--to', s.target, '--follow']);
  await waitForOutput(child, FOLLOWING);
  return child;
}

async function stop(child: ChildProcess, what: string): Promise<void> {
  child.kill('SIGTERM');
  const { code, signal } = await waitForExit(child);
  assert.is(code, 0, `${what} ended with ${code ?? signal}\n${describeOutput(child)}`);
}

async function statusHead(s: Setup): Promise<number> {
  const run = await runCli(['status', '--journal', s.journal, '--json'], { timeoutMs: 30_000 });
  assert.is(run.code, 0, `status failed:\n${run.stdout}\n${run.stderr}`);
  return resultEvent(run.stdout)!.head as number;
}

test('record and replay --follow, each killed at random moments and restarted, end byte-identical', async () => {
  const s = setup();
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0); // the replayer may start first
  const engine = spawnEngine(s.src, { transactions: 0, rate: 800, packSize: 128 * 1024, keep: 4, maxSize: 4096 });
  let replayer = await startReplayer(s); // first: it hosts the journal
  let recorder = await startRecorder(s); // a guest, writing through the replayer's process
  let head = 0;
  const kills = { recorder: 0, replayer: 0 };
  for (let round = 0; round < 8; round++) {
    await sleep(150 + Math.random() * 350);
    const victim = Math.random() < 0.5 ? 'recorder' : 'replayer';
    const child = victim === 'recorder' ? recorder : replayer;
    child.kill('SIGKILL');
    await waitForExit(child);
    kills[victim] += 1;
    const now = await statusHead(s); // answers while one of the two is down
    assert.ok(now >= head, `status head went back from ${head} to ${now}`);
    head = now;
    await sleep(Math.random() * 200);
    if (victim === 'recorder') recorder = await startRecorder(s);
    else replayer = await startReplayer(s);
    const after = await statusHead(s); // and while both run again
    assert.ok(after >= head, `status head went back from ${head} to ${after}`);
    head = after;
  }
  engine.kill('SIGTERM');
  await engineSummary(engine);
  await stop(recorder, 'recorder'); // records what the source holds now
  await stop(replayer, 'replayer'); // applies what the journal holds, then exits
  assert.ok(kills.recorder + kills.replayer === 8);
  assertSameFiles(targetFiles(s.target), sourceFiles(s.src), 'target vs source');
  assert.ok(await statusHead(s) > head);
});

test('replay --follow applies ops a recorder in another process commits, without restarting', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'first');
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  const replayer = await startReplayer(s);
  await waitForFile(path.join(s.target, 'p1.pack'), 'first');
  fs.appendFileSync(path.join(s.src, 'p1.pack'), '+more');
  fs.writeFileSync(path.join(s.src, 'p2.pack'), 'second');
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  await waitForFile(path.join(s.target, 'p2.pack'), 'second');
  await stop(replayer, 'replayer');
  assertSameFiles(targetFiles(s.target), sourceFiles(s.src), 'target vs source');
});

test('the journal directory is private and its socket is the owner\'s; a socket left by a killed host is recovered', async () => {
  const s = setup();
  const recorder = await startRecorder(s);
  const socket = path.join(s.journal, 'journal.sock');
  assert.is(fs.statSync(s.journal).mode & 0o777, 0o700);
  assert.ok(fs.lstatSync(socket).isSocket());
  assert.is(fs.lstatSync(socket).mode & 0o777, 0o600);
  recorder.kill('SIGKILL');
  await waitForExit(recorder);
  assert.ok(fs.existsSync(socket), 'the killed host left its socket behind');
  assert.is(await statusHead(s), 0);
  const again = await startRecorder(s);
  await stop(again, 'recorder');
});

test('a second recorder is refused with JOURNAL_LOCKED even when a replayer hosted first', async () => {
  const s = setup();
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  const replayer = await startReplayer(s);
  const recorder = await startRecorder(s);
  const second = await runCli(['record', s.src, '--journal', s.journal, '--once', '--json']);
  assert.is(second.code, 75);
  assert.match(second.stdout, '"code":"JOURNAL_LOCKED"');
  const run = await runCli(['status', '--journal', s.journal, '--json']);
  assert.is(resultEvent(run.stdout)!.recorder, 'running');
  await stop(recorder, 'recorder');
  await stop(replayer, 'replayer');
});

test('log streams the ops while a recorder hosts the journal, and stops quietly when its reader goes', async () => {
  const s = setup();
  for (let i = 1; i <= 3; i++) fs.writeFileSync(path.join(s.src, `p${i}.pack`), `pack ${i}`);
  const recorder = await startRecorder(s);
  const run = await runCli(['log', '--journal', s.journal, '--json']);
  assert.is(run.code, 0, run.stderr);
  const ops = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(ops.map((op) => op.seq), [1, 2, 3, 4, 5, 6]);
  assert.equal(ops.filter((op) => op.kind === 'create').map((op) => op.file), ['p1.pack', 'p2.pack', 'p3.pack']);
  assert.equal(ops.find((op) => op.kind === 'append'), { seq: 2, at: ops[1].at, kind: 'append', file: 'p1.pack', offset: 0, length: 6, crc: crc32('pack 1') });
  const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${cliScript}" log --journal "${s.journal}" | head -1`]);
  assert.is(piped.status, 0);
  assert.is(piped.stdout.toString().trim().split('\n').length, 1);
  assert.is(piped.stderr.toString(), '', 'no EPIPE error when head closes the pipe');
  await stop(recorder, 'recorder');
});

test('a recorder takes hosting over from replay --follow: stopping the replayer (SIGSTOP) does not stall its commits', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'first');
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  const replayer = await startReplayer(s); // first: it hosts the journal
  const recorder = await startRecorder(s); // starts as its guest
  const engine = spawnEngine(s.src, { transactions: 0, rate: 400, packSize: 64 * 1024, keep: 4, maxSize: 4096 });
  replayer.kill('SIGSTOP');
  try {
    const before = await statusHead(s);
    let after = before;
    for (let tries = 0; tries < 100 && after <= before; tries++) {
      await sleep(100);
      after = await statusHead(s);
    }
    assert.ok(after > before, `the recorder committed nothing while the replayer was stopped (head ${before})`);
  } finally {
    replayer.kill('SIGCONT');
  }
  engine.kill('SIGTERM');
  await engineSummary(engine);
  await stop(recorder, 'recorder');
  await stop(replayer, 'replayer');
  assertSameFiles(targetFiles(s.target), sourceFiles(s.src), 'target vs source');
});

test('a guest whose host is stopped fails with JOURNAL_HOST_STOPPED naming the pid; a following replayer carries on after SIGCONT', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'first');
  const recorder = await startRecorder(s); // hosts
  const replayer = await startReplayer(s); // a guest, waiting for ops
  await waitForFile(path.join(s.target, 'p1.pack'), 'first');
  recorder.kill('SIGSTOP');
  try {
    const run = await runCli(['status', '--journal', s.journal, '--json'], { timeoutMs: 30_000 });
    assert.is(run.code, 75, `status: ${run.stdout}\n${run.stderr}`);
    const error = run.stdout.trim().split('\n').map((line) => JSON.parse(line)).find((e) => e.event === 'error');
    assert.is(error?.code, 'JOURNAL_HOST_STOPPED', run.stdout);
    assert.match(error.message, `process ${recorder.pid}`);
    assert.match(error.hint, `kill -CONT ${recorder.pid}`);
  } finally {
    recorder.kill('SIGCONT');
  }
  fs.appendFileSync(path.join(s.src, 'p1.pack'), '+more');
  const copy = path.join(s.target, 'p1.pack');
  for (let waited = 0; waited < 10_000 && replayer.exitCode === null && fs.readFileSync(copy, 'utf8') !== 'first+more'; waited += 20) await sleep(20);
  if (replayer.exitCode === null) {
    // Idle while the host was stopped (waiting for ops): it carries on.
    await waitForFile(path.join(s.target, 'p1.pack'), 'first+more', () => `${describeOutput(recorder)}\n${describeOutput(replayer)}`);
    await stop(replayer, 'replayer');
  } else {
    // Caught with a call in flight (its own bookkeeping right after applying): a clear error.
    assert.is(replayer.exitCode, 75, describeOutput(replayer));
    assert.match(describeOutput(replayer), 'JOURNAL_HOST_STOPPED');
    assert.is((await runCli(['replay', '--journal', s.journal, '--to', s.target])).code, 0);
  }
  await stop(recorder, 'recorder');
  assertSameFiles(targetFiles(s.target), sourceFiles(s.src), 'target vs source');
});

test('a recorder started while the journal\'s host is stopped fails with JOURNAL_HOST_STOPPED, and records once it is resumed', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'first');
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  const replayer = await startReplayer(s); // hosts
  fs.appendFileSync(path.join(s.src, 'p1.pack'), '+more');
  replayer.kill('SIGSTOP');
  try {
    const run = await runCli(['record', s.src, '--journal', s.journal, '--once', '--json'], { timeoutMs: 30_000 });
    assert.is(run.code, 75, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, '"code":"JOURNAL_HOST_STOPPED"');
    assert.match(run.stdout, `kill -CONT ${replayer.pid}`);
  } finally {
    replayer.kill('SIGCONT');
  }
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  await waitForFile(path.join(s.target, 'p1.pack'), 'first+more', () => describeOutput(replayer));
  await stop(replayer, 'replayer');
});

test('a guest that cannot elect a new host ends with a journal error, not an unhandled error event', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'first');
  const recorder = await startRecorder(s); // hosts
  const replayer = spawnCli(['replay', '--journal', s.journal, '--to', s.target, '--follow', '--json']);
  await waitForFile(path.join(s.target, 'p1.pack'), 'first'); // a guest now, waiting for ops
  fs.rmSync(s.journal, { recursive: true }); // an operator's mistake: the host keeps its open files
  recorder.kill('SIGKILL');
  await waitForExit(recorder);
  const { code } = await waitForExit(replayer, 30_000);
  const output = describeOutput(replayer);
  assert.is(code, 1, output);
  assert.not.match(output, /Emitted 'error' event|Unhandled/, output);
  assert.match(output, /"event":"error","code":"JOURNAL_(UNUSABLE|NOT_FOUND)"/, output);
});

async function waitForFile(file: string, content: string, describe = () => ''): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').startsWith(content)) return;
    await sleep(20);
  }
  assert.unreachable(`${file} never held ${JSON.stringify(content)}\n${describe()}`);
}

test.run();
