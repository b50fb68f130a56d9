/**
 * Replay of a format 3 journal copies append bytes from the journal's data files to the target in
 * the kernel (copy_file_range through the inotify binding, test/copy-range.test.ts), each range
 * checked against its CRC-32C first. Real journals, real targets, the compiled CLI; which system
 * calls carried the bytes is seen with strace. Also the pread/pwrite fallback, a flipped byte in a
 * data file, and one synced cursor write per batch.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_COPY_FILE_RANGE_ENV } from '../src/journal/data-files.js';
import { Journal } from '../src/journal/journal.js';
import {
  cleanUp, cliScript, diffFiles, errorEvent, packOps, readTargetControl, repoRoot, resultEvent, skip, sourceFiles, targetFiles, tempDir, writeJournal,
} from './support.js';
import { recordOnce, setup, write } from './recording.js';

const test = suite('replay-copy');
test.after(cleanUp);

const MiB = 1024 * 1024;
const haveStrace = () => spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;

interface Traced { code: number | null; stdout: string; stderr: string; calls: string[] }

/** `rdm-journal replay --json` under `strace -f` tracing `syscalls`; the calls as strace printed them. */
async function tracedReplay(journal: string, target: string, syscalls: string[], env: NodeJS.ProcessEnv = {}, extra: string[] = []): Promise<Traced> {
  const traceFile = path.join(tempDir('rdm-copy-trace-'), 'trace');
  const args = ['-f', '-qq', '-s', '64', '-e', `trace=${syscalls.join(',')}`, '-o', traceFile,
    process.execPath, cliScript, 'replay', '--journal', journal, '--to', target, '--json', ...extra];
  const child = spawn('strace', args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, calls: fs.readFileSync(traceFile, 'utf8').split('\n').filter((line) => line.trim() !== '') };
}

/** Bytes each of these calls returned, summed over the trace (strace's "= N"). */
function bytesBy(calls: readonly string[], name: string): number {
  return calls.filter((line) => new RegExp(`\\b${name}\\(`).test(line))
    .reduce((sum, line) => sum + Number(/= (\d+)$/.exec(line)?.[1] ?? 0), 0);
}

/** A format 3 journal of three packs, 1 + 9 + 11 MiB and odd tails: three batches of 8 MiB. */
async function recordedJournal(): Promise<{ src: string; journal: string; root: string }> {
  const s = setup();
  write(s.src, 'p00000001.pack', randomBytes(1 * MiB + 17));
  write(s.src, 'p00000002.pack', randomBytes(9 * MiB + 4093));
  write(s.src, 'p00000003.pack', randomBytes(11 * MiB + 1));
  await recordOnce(s);
  return { ...s, root: path.dirname(s.src) };
}

/**
 * A format 3 journal written through the Journal API: three packs of 1 MiB in appends of 512
 * bytes, 6147 ops: two batches, closed by op count (4096 ops; 3 MiB stays below the byte limit).
 */
async function smallOpsJournal(): Promise<{ journal: string; root: string; packs: Map<string, Buffer> }> {
  const root = tempDir('rdm-copy-small-');
  const journal = path.join(root, 'journal');
  const packs = new Map(['p00000001.pack', 'p00000002.pack', 'p00000003.pack'].map((name) => [name, randomBytes(MiB)]));
  const { ops } = packOps([...packs], { chunk: 512 });
  await writeJournal(journal, ops);
  return { journal, root, packs };
}

// ---------------------------------------------------------------------------------------------
// Replay

test('replay copies a format 3 journal\'s bytes in the kernel: every appended byte by copy_file_range, none through JS, target identical', async () => {
  if (!haveStrace()) return skip('needs strace; .ci/run installs it');
  const { src, journal, root } = await recordedJournal();
  const target = path.join(root, 'copy');
  const run = await tracedReplay(journal, target, ['copy_file_range', 'pwrite64', 'pwritev', 'write', 'writev']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(diffFiles(targetFiles(target), sourceFiles(src)), []);
  const appended = [...sourceFiles(src).values()].reduce((sum, data) => sum + data.length, 0);
  assert.is(resultEvent(run.stdout)?.targets ? (resultEvent(run.stdout)!.targets as Array<{ bytes: number }>)[0]!.bytes : -1, appended);
  assert.is(bytesBy(run.calls, 'copy_file_range'), appended, 'every appended byte copied in the kernel');
  // No pwrite of pack bytes: what else is written (LevelDB's log, stdout) is far smaller than one pack.
  assert.ok(bytesBy(run.calls, 'pwrite64') + bytesBy(run.calls, 'pwritev') < MiB, 'no pack bytes written from user space');
});

test(`replay with ${NO_COPY_FILE_RANGE_ENV}=1 (the fallback where the kernel cannot copy) writes the checked bytes with pwrite: target identical`, async () => {
  if (!haveStrace()) return skip('needs strace; .ci/run installs it');
  const { src, journal, root } = await recordedJournal();
  const target = path.join(root, 'copy');
  const run = await tracedReplay(journal, target, ['copy_file_range', 'pwrite64'], { [NO_COPY_FILE_RANGE_ENV]: '1' });
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(diffFiles(targetFiles(target), sourceFiles(src)), []);
  const appended = [...sourceFiles(src).values()].reduce((sum, data) => sum + data.length, 0);
  assert.is(bytesBy(run.calls, 'copy_file_range'), 0, 'no copy_file_range');
  assert.ok(bytesBy(run.calls, 'pwrite64') >= appended, 'the bytes went through pwrite');
});

test('replay --resync rebuilds a target with the same kernel copy: every appended byte by copy_file_range, target identical', async () => {
  if (!haveStrace()) return skip('needs strace; .ci/run installs it');
  const { src, journal, root } = await recordedJournal();
  const target = path.join(root, 'copy');
  const first = spawnSync(process.execPath, [cliScript, 'replay', '--journal', journal, '--to', target, '-q'], { encoding: 'utf8' });
  assert.is(first.status, 0, first.stderr);
  fs.writeFileSync(path.join(target, 'p00000002.pack'), 'edited since'); // what --resync repairs
  const run = await tracedReplay(journal, target, ['copy_file_range', 'pwrite64', 'pwritev'], {}, ['--resync']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(diffFiles(targetFiles(target), sourceFiles(src)), []);
  const appended = [...sourceFiles(src).values()].reduce((sum, data) => sum + data.length, 0);
  assert.is(bytesBy(run.calls, 'copy_file_range'), appended, 'every byte of the rebuild copied in the kernel');
  assert.ok(bytesBy(run.calls, 'pwrite64') + bytesBy(run.calls, 'pwritev') < MiB, 'no pack bytes written from user space');
});

test('the fixtures of every format replay to what they hold: formats 1 and 2 from the bytes in LevelDB, 3 by the kernel copy', async () => {
  const fixtures = path.join(repoRoot, 'journal-format', 'fixtures');
  for (const version of fs.readdirSync(fixtures)) {
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, version, 'expected.json'), 'utf8')) as { contents: Record<string, string> };
    const root = tempDir(`rdm-copy-fixture-${version}-`);
    const journal = path.join(root, 'journal');
    fs.cpSync(path.join(fixtures, version, 'journal'), journal, { recursive: true });
    const target = path.join(root, 'copy');
    const run = spawnSync(process.execPath, [cliScript, 'replay', '--journal', journal, '--to', target, '-q'], { encoding: 'utf8' });
    assert.is(run.status, 0, `${version}: ${run.stderr}`);
    const hashes = Object.fromEntries([...targetFiles(target)].map(([name, data]) => [name, createHash('sha256').update(data).digest('hex')]));
    assert.equal(hashes, expected.contents, `${version}: the target holds what the journal does`);
  }
});

test('a flipped byte in a data file is JOURNAL_CORRUPT naming the data file, the op and the range; the byte never reaches the target and its cursor stops before that op', async () => {
  const { journal, root } = await smallOpsJournal();
  // The flipped byte is in p00000003.pack's life, half way into it: in the second batch (ops 4097..).
  const at = MiB / 2 + 100;
  const j = await Journal.open(journal);
  let life: number;
  let op: { seq: number; offset: number; length: number };
  try {
    life = j.fileState('p00000003.pack')!.createdSeq;
    const entries = [];
    for await (const entry of j.index.fileOps('p00000003.pack')) if (entry.type === 'append') entries.push(entry);
    const hit = entries.find((entry) => entry.offset <= at && at < entry.offset + entry.length)!;
    op = { seq: hit.seq, offset: hit.offset, length: hit.length };
  } finally {
    await j.close();
  }
  const dataFile = path.join(journal, 'data', String(life).padStart(20, '0'));
  const fd = fs.openSync(dataFile, 'r+');
  const byte = Buffer.alloc(1);
  fs.readSync(fd, byte, 0, 1, at);
  byte[0]! ^= 0x40;
  fs.writeSync(fd, byte, 0, 1, at);
  fs.closeSync(fd);

  const target = path.join(root, 'copy');
  const run = spawnSync(process.execPath, [cliScript, 'replay', '--journal', journal, '--to', target, '--json'], { encoding: 'utf8' });
  assert.is(run.status, 1, run.stdout + run.stderr);
  const error = errorEvent(run.stdout);
  assert.is(error?.code, 'JOURNAL_CORRUPT', run.stdout);
  assert.match(error!.message, dataFile);
  assert.match(error!.message, `op ${op.seq}`);
  assert.match(error!.message, `${op.offset}..${op.offset + op.length}`);
  const { cursor } = await readTargetControl(target);
  assert.ok(cursor !== undefined && cursor.seq > 0, 'batches before the damaged one were applied');
  assert.ok(cursor!.seq < op.seq, `cursor at ${cursor!.seq}, not past op ${op.seq}`);
  const copied = path.join(target, 'p00000003.pack');
  assert.ok(!fs.existsSync(copied) || fs.statSync(copied).size <= op.offset, 'nothing of the damaged op was written');
});

test('one synced cursor write per batch: the batch after the first is announced with the cursor of the one before', async () => {
  if (!haveStrace()) return skip('needs strace; .ci/run installs it');
  const { journal, root, packs } = await smallOpsJournal();
  const target = path.join(root, 'copy');
  const run = await tracedReplay(journal, target, ['write']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(diffFiles(targetFiles(target), packs), []);
  // 6147 ops in batches of at most 4096: two. LevelDB's log write of each put carries its key
  // (strace shows a write's first 64 bytes): one put announcing the first batch, one per batch.
  const cursorWrites = run.calls.filter((line) => /write\(\d+, ".*cursor/.test(line));
  assert.is(cursorWrites.length, 3, cursorWrites.join('\n'));
});

test.run();
