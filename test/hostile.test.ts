/**
 * Hostile journals of the current format (2), doctored in their LevelDB after a real journal was
 * written: the per-file index and the file states name `../escaped`, point at another file's ops, or
 * leave a hole. Every path that reads names from the journal (replay, replay --resync, files,
 * history, cat, verify, record's reconcile) refuses with JOURNAL_CORRUPT and writes or reads
 * nothing outside its directories. Also: `--resync --no-delete`, one writer per target within one
 * process, a target under /proc, and the read-only file lift in the append fallback.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packr } from '../src/journal/msgpack.js';
import { makeAppend, type JournalOp, type Op } from '../src/journal/op.js';
import { seal } from '../src/journal/sealed-level.js';
import { Target } from '../src/replay/target.js';
import { cleanUp, errorEvent, packOps, readTargetControl, runCli, targetFiles, tempDir, writeJournal } from './support.js';

const test = suite('hostile');
test.after.each(cleanUp);

const AT = Date.now();
const INDEX = { create: 0x63, append: 0x61, delete: 0x64 } as const;

/** p1.pack: create (op 1), 'hello ' (op 2, offset 0), 'world' (op 3, offset 6); p2.pack: create (op 4), 'second' (op 5). */
function sampleOps(): Op[] {
  return packOps([['p1.pack', Buffer.from('hello world')], ['p2.pack', Buffer.from('second')]], { chunk: 6 }).ops;
}

function indexKey(name: string, seq: number): Buffer {
  const key = Buffer.alloc(Buffer.byteLength(name) + 10);
  key.write('i', 0, 'latin1');
  key.write(name, 1, 'utf8');
  key.writeBigUInt64BE(BigInt(seq), key.length - 8);
  return key;
}

type Doctoring = Array<{ type: 'put'; key: Buffer; value: Uint8Array } | { type: 'del'; key: Buffer }>;

/** Writes straight into the journal's LevelDB, as another program (or an attacker) could. */
async function doctor(journal: string, changes: Doctoring): Promise<void> {
  const db = new Level<Uint8Array, Uint8Array>(journal, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    // A hostile writer of a format 3 journal seals what it writes (a CRC-32C is no signature): the
    // names themselves must be refused, not the checksums.
    const format = packr.unpack((await db.get(Buffer.from('mformat')))!) as { version: number };
    await db.batch(format.version >= 3 ? changes.map((c) => (c.type === 'put' ? { ...c, value: seal(c.key, c.value) } : c)) : changes);
  } finally {
    await db.close();
  }
}

/** A sandbox: a journal (of the current format) of sampleOps(), a target replayed from it, and room beside them. */
async function sandbox(): Promise<{ root: string; journal: string; target: string }> {
  const root = tempDir('rdm-hostile2-');
  const journal = path.join(root, 'journal');
  await writeJournal(journal, sampleOps());
  const target = path.join(root, 'target');
  const replayed = await runCli(['replay', '--journal', journal, '--to', target]);
  assert.is(replayed.code, 0, replayed.stderr);
  return { root, journal, target };
}

/** Every entry under `root` but the journal and the target's cursor, with its size: what a run may not change. */
function tree(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((rel) => !rel.startsWith('journal') && !rel.includes('.rdm-journal'))
    .map((rel) => `${rel} ${fs.lstatSync(path.join(root, rel)).size}`).sort();
}

async function cli(args: string[]): Promise<{ code: number | null; error?: string; stdout: string; stderr: string }> {
  const run = await runCli([...args, '--json']);
  return { code: run.code, error: errorEvent(run.stdout)?.code, stdout: run.stdout, stderr: run.stderr };
}

const escapingIndex = (): Doctoring => [
  { type: 'put', key: indexKey('../escaped', 1), value: packr.pack([INDEX.create, AT, 0, 0]) },
  { type: 'put', key: indexKey('../escaped', 2), value: packr.pack([INDEX.append, AT, 0, 6]) },
];

test('an index naming ../escaped: replay --resync, files, history, cat and verify refuse; nothing appears beside the target', async () => {
  const { root, journal, target } = await sandbox();
  await doctor(journal, escapingIndex());
  const before = tree(root);
  const resync = await cli(['replay', '--journal', journal, '--to', target, '--resync']);
  assert.is(resync.error, 'JOURNAL_CORRUPT', resync.stdout + resync.stderr);
  assert.is(resync.code, 1);
  assert.not.ok(fs.existsSync(path.join(root, 'escaped')), 'replay --resync wrote beside the target');
  assert.equal(tree(root), before, 'the target changed before the journal was found damaged');
  const files = await cli(['files', '--journal', journal]);
  assert.is(files.error, 'JOURNAL_CORRUPT', files.stdout);
  const history = await cli(['history', '../escaped', '--journal', journal]);
  assert.is(history.error, 'NOT_IN_JOURNAL', history.stdout);
  const cat = await runCli(['cat', '../escaped', '--journal', journal]);
  assert.is(cat.code, 1);
  assert.is(cat.stdout, '', 'cat wrote the bytes of another file for ../escaped');
  const verify = await cli(['verify', '--journal', journal, '--to', target]);
  assert.is(verify.error, 'VERIFY_FAILED', verify.stdout);
  assert.equal(tree(root), before);
});

test('an index pointing at another file\'s ops: replay --resync, cat and history refuse, the target untouched', async () => {
  const { root, journal, target } = await sandbox();
  // p1.pack "created again" by p2's create (op 4) and appended by p2's append (op 5).
  await doctor(journal, [
    { type: 'put', key: indexKey('p1.pack', 4), value: packr.pack([INDEX.create, AT, 0, 0]) },
    { type: 'put', key: indexKey('p1.pack', 5), value: packr.pack([INDEX.append, AT, 0, 6]) },
  ]);
  const before = tree(root);
  const resync = await cli(['replay', '--journal', journal, '--to', target, '--resync']);
  assert.is(resync.error, 'JOURNAL_CORRUPT', resync.stdout + resync.stderr);
  assert.equal(tree(root), before);
  assert.is(fs.readFileSync(path.join(target, 'p1.pack'), 'utf8'), 'hello world');
  const cat = await runCli(['cat', 'p1.pack', '--journal', journal]);
  assert.is(cat.code, 1);
  assert.is(cat.stdout, '', 'cat printed p2.pack\'s bytes as p1.pack');
  const history = await cli(['history', 'p1.pack', '--journal', journal]);
  assert.is(history.error, 'JOURNAL_CORRUPT', history.stdout);
  const verify = await cli(['verify', '--journal', journal]);
  assert.is(verify.error, 'VERIFY_FAILED', verify.stdout);
});

test('an index missing a file\'s first append: replay --resync refuses before writing (no sparse file), cat too', async () => {
  const { root, journal, target } = await sandbox();
  await doctor(journal, [{ type: 'del', key: indexKey('p1.pack', 2) }]);
  const before = tree(root);
  const resync = await cli(['replay', '--journal', journal, '--to', target, '--resync']);
  assert.is(resync.error, 'JOURNAL_CORRUPT', resync.stdout + resync.stderr);
  assert.equal(tree(root), before);
  assert.is(fs.readFileSync(path.join(target, 'p1.pack'), 'utf8'), 'hello world');
  const cat = await runCli(['cat', 'p1.pack', '--journal', journal]);
  assert.is(cat.code, 1, 'cat printed a file with its first bytes missing');
});

test('a file state naming ../escaped: replay and every reader refuse; nothing is written', async () => {
  const { root, journal, target } = await sandbox();
  await doctor(journal, [{ type: 'put', key: Buffer.from('f../escaped'),
    value: packr.pack({ ino: 1, size: 6, createdSeq: 1, lastSeq: 2, tailOffset: 0, tailLength: 6, tailCrc: makeAppend('x', 0, Buffer.from('hello ')).crc }) }]);
  const fresh = path.join(root, 'fresh');
  const before = tree(root);
  for (const args of [['replay', '--to', fresh], ['replay', '--to', target, '--resync'], ['files'], ['verify']]) {
    const run = await cli([...args, '--journal', journal]);
    assert.is(run.error, 'JOURNAL_CORRUPT', `${args.join(' ')}: ${run.stdout}${run.stderr}`);
  }
  assert.equal(tree(root), before, 'a target was written');
});

test('an op of a format 2 journal naming ../escaped: replay refuses its batch, nothing beside the target', async () => {
  const root = tempDir('rdm-hostile2-');
  const journal = path.join(root, 'journal');
  await writeJournal(journal, sampleOps());
  const opKey = Buffer.alloc(9);
  opKey.write('o', 0, 'latin1');
  opKey.writeBigUInt64BE(4n, 1);
  await doctor(journal, [{ type: 'put', key: opKey, value: packr.pack({ type: 'create', at: AT, file: '../escaped', ino: 4 }) }]);
  const target = path.join(root, 'target');
  const run = await cli(['replay', '--journal', journal, '--to', target]);
  assert.is(run.error, 'JOURNAL_CORRUPT', run.stdout);
  assert.not.ok(fs.existsSync(path.join(root, 'escaped')));
  assert.equal([...targetFiles(target).keys()], [], 'nothing of the refused batch is on the target');
});

test('record, restarted on a journal whose file state names ../escaped: JOURNAL_CORRUPT, the file beside the source never read', async () => {
  const root = tempDir('rdm-hostile2-');
  const source = path.join(root, 'DB.rdm');
  fs.mkdirSync(source);
  fs.writeFileSync(path.join(source, 'p1.pack'), 'hello');
  const journal = path.join(root, 'journal');
  assert.is((await runCli(['record', source, '--once', '--journal', journal])).code, 0);
  const secret = 'SECRET-BESIDE-THE-SOURCE';
  fs.writeFileSync(path.join(root, 'escaped'), secret);
  await doctor(journal, [{ type: 'put', key: Buffer.from('f../escaped'),
    value: packr.pack({ ino: 1, size: 3, createdSeq: 1, lastSeq: 1, tailOffset: 0, tailLength: 0, tailCrc: 0 }) }]);
  const run = await cli(['record', source, '--once', '--journal', journal]);
  assert.is(run.error, 'JOURNAL_CORRUPT', run.stdout + run.stderr);
  const db = new Level<Uint8Array, Uint8Array>(journal, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    for await (const [key, value] of db.iterator()) {
      assert.not.ok(Buffer.from(value).includes(secret), `the journal holds the bytes of ../escaped under ${Buffer.from(key).toString('latin1')}`);
      assert.not.ok(Buffer.from(key).toString('latin1').startsWith('i../'), 'an op on ../escaped was recorded');
    }
  } finally {
    await db.close();
  }
});

test('replay --resync --no-delete keeps the files kept from deleted lives', async () => {
  const root = tempDir('rdm-hostile2-');
  const journal = path.join(root, 'journal');
  const { ops } = packOps([['p1.pack', Buffer.from('first pack')], ['p2.pack', Buffer.from('second pack')]], { chunk: 4, keep: 1 });
  await writeJournal(journal, ops);
  const target = path.join(root, 'target');
  assert.is((await runCli(['replay', '--journal', journal, '--to', target, '--no-delete'])).code, 0);
  assert.equal([...targetFiles(target).keys()].sort(), ['p1.pack', 'p2.pack']);
  const resync = await runCli(['replay', '--journal', journal, '--to', target, '--resync', '--no-delete']);
  assert.is(resync.code, 0, resync.stderr);
  assert.is(fs.readFileSync(path.join(target, 'p1.pack'), 'utf8'), 'first pack', 'the kept file was removed');
  assert.is(fs.readFileSync(path.join(target, 'p2.pack'), 'utf8'), 'second pack');
  const { cursor } = await readTargetControl(target);
  assert.is(cursor?.files['p1.pack']?.kept, true, 'the cursor no longer knows p1.pack is kept');
  const verify = await runCli(['verify', '--journal', journal, '--to', target]);
  assert.is(verify.code, 0, verify.stdout + verify.stderr);
  // A kept file changed since is not silently kept, nor rewritten: the rebuild refuses before writing.
  fs.appendFileSync(path.join(target, 'p1.pack'), ' edited');
  const edited = await cli(['replay', '--journal', journal, '--to', target, '--resync', '--no-delete']);
  assert.is(edited.error, 'TARGET_DIVERGED', edited.stdout);
  assert.is(fs.readFileSync(path.join(target, 'p1.pack'), 'utf8'), 'first pack edited');
  // Without --no-delete the rebuild holds what the source holds.
  assert.is((await runCli(['replay', '--journal', journal, '--to', target, '--resync'])).code, 0);
  assert.equal([...targetFiles(target).keys()], ['p2.pack']);
});

test('one writer per target in one process: --to DIR --to LINK-TO-DIR is a usage error naming both, nothing written', async () => {
  const root = tempDir('rdm-hostile2-');
  const journal = path.join(root, 'journal');
  await writeJournal(journal, sampleOps());
  const dir = path.join(root, 'copy');
  fs.mkdirSync(dir);
  const link = path.join(root, 'link');
  fs.symlinkSync(dir, link);
  const run = await runCli(['replay', '--journal', journal, '--to', dir, '--to', link, '--json']);
  assert.is(run.code, 2, run.stdout + run.stderr);
  const error = errorEvent(run.stdout);
  assert.is(error?.code, 'USAGE');
  assert.ok(error?.message.includes(dir) && error.message.includes(link), error?.message);
  assert.equal(fs.readdirSync(dir), [], 'a target was written');
  const twice = await runCli(['replay', '--journal', journal, '--to', dir, '--to', `${dir}/../copy`, '--json']);
  assert.is(errorEvent(twice.stdout)?.code, 'USAGE');
  // A bind mount has another real path: only device and inode tell it is the same directory.
  const bound = path.join(root, 'bound');
  fs.mkdirSync(bound);
  try {
    execFileSync('mount', ['--bind', dir, bound], { stdio: 'pipe' });
  } catch (err) {
    console.log(`  SKIP the bind-mount case: mount --bind needs root (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    const mounted = await runCli(['replay', '--journal', journal, '--to', dir, '--to', bound, '--json']);
    assert.is(errorEvent(mounted.stdout)?.code, 'USAGE', mounted.stdout);
    assert.ok(errorEvent(mounted.stdout)?.message.includes('inode'), errorEvent(mounted.stdout)?.message);
    assert.equal(fs.readdirSync(dir), [], 'a target was written');
  } finally {
    execFileSync('umount', [bound], { stdio: 'pipe' });
  }
});

test('a target or journal under /proc fails at once (TARGET_UNUSABLE, JOURNAL_UNUSABLE) instead of spinning', async () => {
  const root = tempDir('rdm-hostile2-');
  const journal = path.join(root, 'journal');
  await writeJournal(journal, sampleOps());
  const replay = await runCli(['replay', '--journal', journal, '--to', '/proc/rdm-journal-x', '--json'], { timeoutMs: 30_000 });
  assert.is(errorEvent(replay.stdout)?.code, 'TARGET_UNUSABLE', replay.stdout + replay.stderr);
  const source = path.join(root, 'DB.rdm');
  fs.mkdirSync(source);
  const record = await runCli(['record', source, '--once', '--journal', '/proc/rdm-journal-x/j', '--json'], { timeoutMs: 30_000 });
  assert.is(errorEvent(record.stdout)?.code, 'JOURNAL_UNUSABLE', record.stdout + record.stderr);
});

// The append fallback for a file without owner write only runs without CAP_DAC_OVERRIDE: these run
// the Target as `nobody` (seteuid) when the tests run as root, as they do in CI.
const NOBODY = 65534;
const asNobody = process.getuid?.() === 0;

function readOnlyOps(): JournalOp[] {
  const ops: Op[] = [{ type: 'create', at: AT, file: 'p1.pack', ino: 1, mode: 0o444 }, makeAppend('p1.pack', 0, Buffer.from('first'), AT), makeAppend('p1.pack', 5, Buffer.from(' more'), AT)];
  return ops.map((op, i) => ({ ...op, seq: i + 1 }));
}

/** Runs `work` as nobody on a target whose p1.pack (0444) was written by an earlier Target. */
async function withReadOnlyTarget(work: (target: Target, dir: string, root: string) => Promise<void>): Promise<void> {
  const root = tempDir('rdm-lift-');
  fs.chownSync(root, NOBODY, NOBODY);
  const dir = path.join(root, 'target');
  const identity = { createdAt: AT, source: null };
  process.seteuid!(NOBODY);
  try {
    const first = await Target.open(dir, identity);
    await first.apply(readOnlyOps().slice(0, 2));
    await first.close();
    const target = await Target.open(dir, identity); // a new process, as far as descriptors go
    try {
      await work(target, dir, root);
    } finally {
      await target.close();
    }
  } finally {
    process.seteuid!(0);
  }
}

test('a read-only target file is appended to and keeps its mode (as a user without CAP_DAC_OVERRIDE)', async () => {
  if (!asNobody) return console.log('  (runs as root only: it needs seteuid to nobody)');
  await withReadOnlyTarget(async (target, dir) => {
    await target.apply(readOnlyOps().slice(2));
    assert.is(fs.readFileSync(path.join(dir, 'p1.pack'), 'utf8'), 'first more');
    assert.is(fs.statSync(path.join(dir, 'p1.pack')).mode & 0o777, 0o444);
  });
});

test('a read-only target file swapped for a symlink while it is lifted: the link\'s target keeps its mode', async () => {
  if (!asNobody) return console.log('  (runs as root only: it needs seteuid to nobody)');
  await withReadOnlyTarget(async (target, dir, root) => {
    const victim = path.join(root, 'victim');
    fs.writeFileSync(victim, 'victim', { mode: 0o600 });
    const file = path.join(dir, 'p1.pack');
    // The swap must land between the failed open and what follows it: no real schedule can be made
    // to hit that window on demand, so the open that fails does the swap (a real symlink, real syscalls).
    const realOpen = fs.openSync;
    let swapped = false;
    fs.openSync = ((where: fs.PathLike, ...rest: unknown[]) => {
      try {
        return (realOpen as (...args: unknown[]) => number)(where, ...rest);
      } catch (err) {
        if (where === file && !swapped && (err as NodeJS.ErrnoException).code === 'EACCES') {
          swapped = true;
          fs.rmSync(file);
          fs.symlinkSync(victim, file);
        }
        throw err;
      }
    }) as typeof fs.openSync;
    let failed: unknown = null;
    try {
      await target.apply(readOnlyOps().slice(2));
    } catch (err) {
      failed = err;
    } finally {
      fs.openSync = realOpen;
    }
    assert.ok(swapped, 'the append did not take the read-only fallback');
    assert.is((fs.statSync(victim).mode & 0o777).toString(8), '600', 'the symlink\'s target was chmodded');
    assert.is(fs.readFileSync(victim, 'utf8'), 'victim');
    assert.is((failed as { code?: string } | null)?.code, 'IO_ERROR');
  });
});

test.run();
