/**
 * The recorder when what it stands on fails under it: a journal commit that fails while a deleted
 * file's last bytes are in the failed batch; the inotify binding's reader thread failing.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Level } from 'level';
import { Journal, type SourceIdentity } from '../src/journal/journal.js';
import { packr } from '../src/journal/msgpack.js';
import { Recorder } from '../src/capture/recorder.js';
import { checkSource } from '../src/capture/source.js';
import { seal, unseal } from '../src/journal/sealed-level.js';
import { isRoot, withTmpfs } from './faults/support.js';
import { RECORDING, cleanUp, describeOutput, errorEvent, runCli, spawnCli, tempDir, waitForExit, waitForOutput } from './support.js';

const test = suite('recorder-hardening');
test.after(cleanUp);

/** Descriptors of this process that lead to `file` after it was unlinked. */
function heldDeleted(file: string): number[] {
  return fs.readdirSync('/proc/self/fd').map(Number).filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === `${file} (deleted)`;
    } catch {
      return false; // the descriptor readdir itself used, closed by now
    }
  });
}

/** Writes to `dir` until its filesystem is full. */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

test('a file deleted in a batch whose commit fails (journal disk full) is still held open: its bytes can be read', async () => {
  if (!isRoot()) return console.log('  SKIP: a small tmpfs for the journal needs root');
  const ran = await withTmpfs('8m', async (mount) => {
    const src = path.join(tempDir('rdm-hardening-'), 'DB.rdm');
    fs.mkdirSync(src);
    const pack = path.join(src, 'p1.pack');
    fs.writeFileSync(pack, '');
    const journal = await Journal.open(path.join(mount, 'journal'), { create: true, upgrade: true });
    const recorder = new Recorder({ journal, source: checkSource(src) });
    try {
      await recorder.start(); // records p1.pack's create
      assert.is(journal.head, 1);
      fill(mount);
      // Appended and deleted with no await between: one pass reads the bytes and records the
      // delete, in one batch, which cannot be committed.
      const last = randomBytes(1024 * 1024);
      fs.writeFileSync(pack, last);
      fs.unlinkSync(pack);
      const failure = await recorder.failed.catch((err: unknown) => err as { code?: string });
      assert.is(failure.code, 'JOURNAL_NO_SPACE');
      assert.is(journal.head, 1, 'nothing of the failed batch was committed');
      const held = heldDeleted(pack);
      assert.is(held.length, 1, 'the deleted file\'s descriptor is still open after the failed commit');
      assert.ok(fs.readFileSync(`/proc/self/fd/${held[0]}`).equals(last), 'its last bytes are still readable');
    } finally {
      recorder.close();
      await journal.close();
    }
    assert.equal(heldDeleted(pack), [], 'close() releases it');
    return true;
  });
  if (ran === null) console.log('  SKIP: cannot mount a tmpfs');
});

test('a deleted file\'s descriptor is closed once its delete is committed', async () => {
  const src = path.join(tempDir('rdm-hardening-'), 'DB.rdm');
  fs.mkdirSync(src);
  const pack = path.join(src, 'p1.pack');
  fs.writeFileSync(pack, 'first');
  const journal = await Journal.open(path.join(path.dirname(src), 'journal'), { create: true, upgrade: true });
  const recorder = new Recorder({ journal, source: checkSource(src) });
  try {
    await recorder.start();
    fs.appendFileSync(pack, ' last');
    fs.unlinkSync(pack);
    while (journal.fileState('p1.pack') !== undefined) await journal.waitForOps(journal.head);
    // The close follows the commit (the writer's after-commit actions): a leak is a descriptor still
    // held long after, not one closed a few ticks later.
    for (let waited = 0; heldDeleted(pack).length > 0 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(heldDeleted(pack), [], 'no descriptor left open on the deleted file');
  } finally {
    recorder.close();
    await journal.close();
  }
});

test('the inotify reader thread failing (its poll refused) fails the recorder with IO_ERROR instead of leaving it blind', async () => {
  const src = path.join(tempDir('rdm-hardening-'), 'DB.rdm');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'p1.pack'), 'one');
  const child = spawnCli(['record', src, '--journal', path.join(path.dirname(src), 'journal'), '--json']);
  await waitForOutput(child, RECORDING);
  const hard = /^Max open files\s+\S+\s+(\S+)/m.exec(fs.readFileSync(`/proc/${child.pid}/limits`, 'utf8'))![1]!;
  // poll(2) refuses more descriptors than RLIMIT_NOFILE allows (EINVAL): the thread, blocked in
  // poll since the recorder started, fails on its next call, after the event below wakes it.
  execFileSync('prlimit', ['--pid', String(child.pid), `--nofile=1:${hard}`]);
  fs.utimesSync(path.join(src, 'p1.pack'), new Date(), new Date());
  const { code } = await waitForExit(child, 20_000); // blind, it would wait for events forever: killed, and this throws
  const { stdout } = { stdout: describeOutput(child) };
  assert.is(code, 75, stdout); // IO_ERROR is retryable: a restart reconciles
  const error = errorEvent(stdout);
  assert.is(error?.code, 'IO_ERROR', stdout);
  assert.match(error!.message, /no longer watched: the inotify reader stopped \(EINVAL: .*poll/);
});

const SOURCE_KEY = Buffer.from('msource');

/** Rewrites (with `change`) the source record a (format 3) journal holds; returns the record as it was. */
async function doctorSource(journal: string, change: (source: SourceIdentity) => object): Promise<SourceIdentity> {
  const db = new Level<Uint8Array, Uint8Array>(journal, { keyEncoding: 'view', valueEncoding: 'view', createIfMissing: false });
  await db.open();
  try {
    // A format 3 journal seals every record (CRC-32C over key and value): the doctored record is resealed.
    const source = packr.unpack(unseal(SOURCE_KEY, (await db.get(SOURCE_KEY))!, journal)) as SourceIdentity;
    await db.put(SOURCE_KEY, seal(SOURCE_KEY, packr.pack(change(source))));
    return source;
  } finally {
    await db.close();
  }
}

const recordOnce = (src: string, journal: string) => runCli(['record', src, '--journal', journal, '--once', '--json']);

test('source identity: a device number changed (as after a reboot) on the same filesystem, path and inode is the same source', async () => {
  const src = path.join(tempDir('rdm-hardening-'), 'DB.rdm');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'p1.pack'), 'one');
  const journal = path.join(path.dirname(src), 'journal');
  assert.is((await recordOnce(src, journal)).code, 0);
  const bound = await doctorSource(journal, (source) => ({ ...source, dev: source.dev + 1 }));
  assert.type(bound.fsid, 'string', `precondition: ${src}'s filesystem has an id (statfs f_fsid)`);
  let run = await recordOnce(src, journal);
  assert.is(run.code, 0, `another dev, the same filesystem id: accepted\n${run.stdout}${run.stderr}`);
  assert.equal(await doctorSource(journal, (source) => source), bound, 'the record holds the current dev again');

  // A record written before filesystem ids were kept: path and inode decide; the id is stored.
  await doctorSource(journal, ({ path: where, ino, dev }) => ({ path: where, dev: dev + 1, ino }));
  run = await recordOnce(src, journal);
  assert.is(run.code, 0, `an old record with another dev: accepted\n${run.stdout}${run.stderr}`);
  assert.equal(await doctorSource(journal, (source) => source), bound, 'the filesystem id is stored');

  // Another filesystem (another id), even with the same dev, path and inode: refused.
  await doctorSource(journal, (source) => ({ ...source, fsid: '0123456789abcdef' }));
  run = await recordOnce(src, journal);
  assert.is(run.code, 1);
  assert.is(errorEvent(run.stdout)?.code, 'JOURNAL_SOURCE_MISMATCH', run.stdout);
  await doctorSource(journal, () => ({ ...bound }));

  // The same path re-created (a new inode), on the same filesystem: refused.
  const fresh = `${src}.new`;
  fs.mkdirSync(fresh); // made before the old one goes: it cannot reuse its inode number
  fs.renameSync(src, `${src}.old`);
  fs.renameSync(fresh, src);
  run = await recordOnce(src, journal);
  assert.is(errorEvent(run.stdout)?.code, 'JOURNAL_SOURCE_MISMATCH', run.stdout);
});

test.run();
