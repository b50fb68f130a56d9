/**
 * Group commit, seen from the kernel: a pack appended to without pause, `record` under strace. The
 * recorder reads the next batch while the previous one is flushed: some of its reads of the source
 * run while a data file's fdatasync or LevelDB's sync is still in progress in another thread.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cleanUp, cliScript, repoRoot, skip, sleep, tempDir } from './support.js';
import { assertJournalEqualsSource, setup } from './recording.js';

const test = suite('recorder-commit');
test.after(cleanUp);

const hasStrace = spawnSync('strace', ['-V']).status === 0;

/** Appends `record` bytes to `file` every millisecond or so for `ms`; returns how many appends. */
async function appendWithoutPause(file: string, ms: number, record = 4096): Promise<number> {
  const fd = fs.openSync(file, 'a');
  let appends = 0;
  try {
    for (const end = Date.now() + ms; Date.now() < end;) {
      fs.writeSync(fd, Buffer.alloc(record, appends % 251));
      appends += 1;
      await sleep(1);
    }
  } finally {
    fs.closeSync(fd);
  }
  return appends;
}

/**
 * Source reads that began while a sync of the journal (a data file's fdatasync, LevelDB's log)
 * was unfinished in another thread, from an `strace -f -y` log.
 */
function readsDuringSyncs(log: string, src: string, journal: string): { reads: number; syncs: number; overlapping: number } {
  const syncing = new Set<string>(); // pids inside a journal sync
  const result = { reads: 0, syncs: 0, overlapping: 0 };
  for (const line of log.split('\n')) {
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, rest] = match as unknown as [string, string, string];
    if (/^<\.\.\. f(data)?sync resumed>/.test(rest)) {
      syncing.delete(pid);
      continue;
    }
    const call = /^(\w+)\(\d+<([^>]*)>/.exec(rest);
    if (!call) continue;
    const [, name, file] = call as unknown as [string, string, string];
    if ((name === 'fdatasync' || name === 'fsync') && file.startsWith(journal + '/')) {
      result.syncs += 1;
      if (rest.includes('<unfinished ...>')) syncing.add(pid);
    } else if (name === 'pread64' && file.startsWith(src + '/')) {
      result.reads += 1;
      if ([...syncing].some((other) => other !== pid)) result.overlapping += 1;
    }
  }
  return result;
}

test('a busy pack: the recorder reads the next batch while the previous one is flushed', async () => {
  if (!hasStrace) {
    skip('needs strace; .ci/run installs it');
    return;
  }
  const s = setup();
  const pack = path.join(s.src, 'p00000001.pack');
  fs.writeFileSync(pack, Buffer.alloc(4096, 7));
  const trace = path.join(tempDir('rdm-strace-'), 'trace');
  const child = spawn('strace', ['-f', '-y', '-qq', '-o', trace, '-e', 'trace=pread64,fdatasync,fsync',
    process.execPath, cliScript, 'record', s.src, '--journal', s.journal, '--json'],
  { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, UV_USE_IO_URING: '0' } }); // io_uring would hide the calls
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk; });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (const until = Date.now() + 60_000; !/recording .* stop with|"event":"info"/.test(output);) {
    assert.ok(Date.now() < until && child.exitCode === null, `the recorder did not start:\n${output}`);
    await sleep(20);
  }
  const appends = await appendWithoutPause(pack, 2000);
  // The first line of the trace is the recorder's main thread (strace's own child).
  const recorderPid = Number(/^(\d+)/.exec(fs.readFileSync(trace, 'utf8'))![1]);
  process.kill(recorderPid, 'SIGTERM');
  assert.is(await exited, 0, `record under strace:\n${output}`);
  const seen = readsDuringSyncs(fs.readFileSync(trace, 'utf8'), fs.realpathSync(s.src), path.resolve(s.journal));
  assert.ok(appends > 100 && seen.syncs > 10 && seen.reads > 10, `saw ${appends} appends, ${JSON.stringify(seen)}: the trace must show the recorder at work`);
  assert.ok(seen.overlapping > 0, `no source read ran while a commit was being synced (${JSON.stringify(seen)}): each batch waited for the previous one's flush`);
  await assertJournalEqualsSource(s);
});

/** `record --once` of `src` into a new journal; the minor page faults it took (cminflt of a shell that waited for it). */
function faultsOfRecordOnce(src: string, journal: string): number {
  const run = spawnSync('sh', ['-c', '"$@" || exit 1; cat /proc/$$/stat', 'sh', process.execPath, cliScript, 'record', src, '--journal', journal, '--once', '-q'],
    { cwd: repoRoot, encoding: 'utf8' });
  assert.is(run.status, 0, `record --once: ${run.stderr}`);
  // Fields after the command's name: state is field 3, cminflt field 11.
  const fields = run.stdout.slice(run.stdout.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11 - 3]);
}

/**
 * A fresh 1 MiB buffer per read makes the kernel map and zero 256 new pages per MiB captured (and
 * the collector free them): capture cost grows with the bytes. Reused read buffers are mapped once,
 * so capturing 96 MiB more takes few more page faults.
 */
test('record --once reuses its read buffers: 96 MiB more captured costs few more page faults', async () => {
  const MiB = 1024 * 1024;
  const faults: number[] = [];
  for (const size of [32 * MiB, 128 * MiB]) {
    const s = setup();
    const chunk = Buffer.alloc(MiB, 7);
    const fd = fs.openSync(path.join(s.src, 'p00000001.pack'), 'w');
    for (let written = 0; written < size; written += MiB) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    faults.push(faultsOfRecordOnce(s.src, s.journal));
    await assertJournalEqualsSource(s);
  }
  const extra = faults[1]! - faults[0]!;
  const pagesOfData = (96 * MiB) / 4096;
  assert.ok(extra < pagesOfData / 8, `capturing 96 MiB more took ${extra} more page faults (${faults.join(' vs ')}; the data is ${pagesOfData} pages)`);
});

test.run();
