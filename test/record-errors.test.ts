/**
 * `rdm-journal record` refusing bad input: each error asserts the exit status and the stable code
 * of the `--json` error line, and that nothing was half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Inotify } from '../src/native/index.js';
import { RdmJournalError } from '../src/errors.js';
import { checkSource, findMount } from '../src/capture/source.js';
import { cleanUp, readJournal, sleep } from './support.js';
import { setup, write, recordOnce, startRecorder, stopRecorder, assertJournalEqualsSource, assertFails } from './recording.js';

const test = suite('record-errors');
test.after(cleanUp);

// ---------------------------------------------------------------------------------------------
// Errors

test('errors: a missing source is SOURCE_NOT_FOUND, a file is SOURCE_NOT_DIRECTORY', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'x');
  await assertFails(['record', path.join(s.src, 'nope'), '--journal', s.journal], 'SOURCE_NOT_FOUND');
  await assertFails(['record', path.join(s.src, 'p1.pack'), '--journal', s.journal], 'SOURCE_NOT_DIRECTORY');
  assert.not.ok(fs.existsSync(s.journal), 'no journal was created');
});

test('errors: a journal path that is a file, or a non-empty non-journal dir, is JOURNAL_UNUSABLE', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'x');
  fs.writeFileSync(s.journal, 'not a directory');
  await assertFails(['record', s.src, '--journal', s.journal], 'JOURNAL_UNUSABLE');
  assert.is(fs.readFileSync(s.journal, 'utf8'), 'not a directory');
  const other = path.join(path.dirname(s.journal), 'other');
  fs.mkdirSync(other);
  write(other, 'hello.txt', 'hi');
  await assertFails(['record', s.src, '--journal', other], 'JOURNAL_UNUSABLE');
  assert.equal(fs.readdirSync(other), ['hello.txt']);
});

test('errors: a journal of another directory is JOURNAL_SOURCE_MISMATCH, and is left unchanged', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'recorded');
  await recordOnce(s);
  const before = await readJournal(s.journal);
  const other = path.join(path.dirname(s.src), 'Other.rdm');
  fs.mkdirSync(other);
  write(other, 'p1.pack', 'something else');
  write(other, 'p2.pack', 'and more');
  await assertFails(['record', other, '--journal', s.journal], 'JOURNAL_SOURCE_MISMATCH');
  const after = await readJournal(s.journal);
  assert.is(after.head, before.head);
  assert.equal(after.ops, before.ops);
});

test('errors: the same path re-created as a new directory is JOURNAL_SOURCE_MISMATCH', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'recorded');
  const { head } = await recordOnce(s);
  const oldIno = fs.statSync(s.src).ino;
  // Made before the old one goes, so the new directory cannot reuse its inode number.
  const fresh = `${s.src}.new`;
  fs.mkdirSync(fresh);
  write(fresh, 'p1.pack', 'recorded');
  fs.renameSync(s.src, `${s.src}.old`);
  fs.renameSync(fresh, s.src);
  fs.rmSync(`${s.src}.old`, { recursive: true });
  assert.is.not(fs.statSync(s.src).ino, oldIno, 'precondition: a new inode');
  await assertFails(['record', s.src, '--journal', s.journal, '--once'], 'JOURNAL_SOURCE_MISMATCH');
  assert.is((await readJournal(s.journal)).head, head);
});

test('errors: a second recorder on a journal in use is JOURNAL_LOCKED, retryable (exit 75); the first goes on', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'one');
  const first = await startRecorder(s);
  await assertFails(['record', s.src, '--journal', s.journal, '--once'], 'JOURNAL_LOCKED', 75);
  fs.appendFileSync(path.join(s.src, 'p1.pack'), ' two');
  await sleep(100);
  await stopRecorder(first);
  await assertJournalEqualsSource(s);
});

test('errors: no inotify instance left for this user is INOTIFY_LIMIT, naming the sysctl', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'one');
  const held: Inotify[] = [];
  try {
    for (;;) {
      try {
        held.push(new Inotify(() => {}));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EMFILE') break;
        throw err;
      }
      if (held.length > 100_000) throw new Error('the inotify instance limit was never reached');
    }
    const error = await assertFails(['record', s.src, '--journal', s.journal, '--once'], 'INOTIFY_LIMIT');
    assert.match(error.message, 'fs.inotify.max_user_instances');
  } finally {
    for (const inotify of held) inotify.close();
  }
});

test('errors: usage errors exit 2 with code USAGE', async () => {
  await assertFails(['record'], 'USAGE', 2);
  await assertFails(['record', '/tmp', '--no-such-option'], 'USAGE', 2);
  await assertFails(['no-such-command'], 'USAGE', 2);
});

test('errors: a source on a network filesystem is SOURCE_NETWORK_FS (mountinfo from a file)', () => {
  const s = setup();
  const root = path.dirname(s.src);
  const mountinfo = path.join(root, 'mountinfo');
  const escaped = root.replace(/ /g, '\\040');
  fs.writeFileSync(mountinfo, [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    `40 22 0:40 / ${escaped} rw,relatime shared:2 - nfs4 server:/export rw,vers=4.2`,
    '',
  ].join('\n'));
  let error: unknown;
  try {
    checkSource(s.src, mountinfo);
  } catch (err) {
    error = err;
  }
  assert.instance(error, RdmJournalError);
  assert.is((error as RdmJournalError).code, 'SOURCE_NETWORK_FS');

  fs.appendFileSync(mountinfo, `41 40 8:2 / ${s.src} rw,relatime - xfs /dev/sdb1 rw\n`);
  assert.is(checkSource(s.src, mountinfo).path, s.src, 'a local mount inside the network one is accepted');
});

test('findMount picks the longest mount point that contains the path, on path boundaries', () => {
  const mounts = [
    { mountPoint: '/srv/db', fsType: 'ext4' },
    { mountPoint: '/', fsType: 'ext4' },
    { mountPoint: '/srv', fsType: 'nfs4' },
    { mountPoint: '/srv/d', fsType: 'cifs' },
  ];
  const at = (p: string) => findMount(p, mounts)?.mountPoint;
  assert.is(at('/srv/db/DB.rdm'), '/srv/db');
  assert.is(at('/srv/db'), '/srv/db');
  assert.is(at('/srv/dbx/DB.rdm'), '/srv');
  assert.is(at('/srv'), '/srv');
  assert.is(at('/home/DB.rdm'), '/');
  assert.is(findMount('/x', []), undefined);
});

test.run();
