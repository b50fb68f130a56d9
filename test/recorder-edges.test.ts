/**
 * The recorder where events and a long pass overlap: a 200 MiB pack keeps the start-up snapshot
 * busy while other files change under it; a restart whose first pass finds a pack gone that its gap check listed.
 * And a journal that would record itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Journal } from '../src/journal/journal.js';
import { Recorder } from '../src/capture/recorder.js';
import { checkSource } from '../src/capture/source.js';
import {
  RECORDING, assertSameFiles, cleanUp, errorEvent, readJournal, runCli, sleep, sourceFiles, spawnCli, tempDir, waitForExit, waitForOutput,
} from './support.js';

const test = suite('recorder-edges');
test.after(cleanUp);

function setup(): { src: string; journal: string } {
  const root = tempDir('rdm-edges-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  return { src, journal: path.join(root, 'journal') };
}

function writeBigPack(file: string, mib: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < mib; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** Starts `record`, runs `during` while its start-up snapshot is still reading, then stops it. */
async function recordWhileBusy(s: { src: string; journal: string }, during: () => Promise<void>): Promise<void> {
  const child = spawnCli(['record', s.src, '--journal', s.journal, '--json']);
  while (!fs.existsSync(path.join(s.journal, 'LOCK')) && child.exitCode === null) await sleep(2);
  await sleep(250); // past the restart check, inside the first pass's read of the big pack
  await during();
  await waitForOutput(child, RECORDING);
  await sleep(300);
  child.kill('SIGTERM');
  const { code } = await waitForExit(child);
  assert.is(code, 0);
}

test('a name deleted and created again twice while a pass is busy is recorded, not refused', async () => {
  const s = setup();
  writeBigPack(path.join(s.src, 'p1.pack'), 200);
  await recordWhileBusy(s, async () => {
    // Apart enough for the recorder's event callback to open each incarnation on its own.
    fs.writeFileSync(path.join(s.src, 'x'), 'one');
    await sleep(30);
    fs.unlinkSync(path.join(s.src, 'x'));
    await sleep(30);
    fs.writeFileSync(path.join(s.src, 'x'), 'two');
  });
  const { files, ops } = await readJournal(s.journal);
  assertSameFiles(files, sourceFiles(s.src), 'journal vs source');
  assert.ok(ops.some((op) => op.type === 'create' && op.file === 'x'));
});

test('a file truncated and rewritten larger between two looks is a changed resync', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'f.dat'), 'A'.repeat(100));
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  writeBigPack(path.join(s.src, 'p1.pack'), 200);
  await recordWhileBusy(s, async () => fs.writeFileSync(path.join(s.src, 'f.dat'), 'B'.repeat(200)));
  const { files, ops } = await readJournal(s.journal);
  assertSameFiles(files, sourceFiles(s.src), 'journal vs source');
  assert.equal(ops.filter((op) => op.type === 'resync').map((op) => [(op as { reason: string }).reason, (op as { file?: string }).file]),
    [['changed', 'f.dat']]);
});

test('a pack listed by the restart\'s gap check and deleted before the first pass lists the source is recorded, not lost silently', async () => {
  const s = setup();
  const pack = (n: number) => path.join(s.src, `p${n}.pack`);
  const content = (n: number) => Buffer.alloc(3000 + n, n);
  for (const n of [1, 2]) fs.writeFileSync(pack(n), content(n));
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  // While no recorder runs the engine creates p3 and p4: no event will ever name them.
  for (const n of [3, 4]) fs.writeFileSync(pack(n), content(n));
  // The restart lists the source twice: the gap check (are packs missing between the journal's
  // last and the source's?), then the first pass. The engine vacuums p3 between the two: the
  // recorder's own listing is wrapped so the delete lands exactly there (a restart under load
  // takes seconds; no real schedule hits that window on demand). Inotify, LevelDB and files are real.
  const journal = await Journal.open(s.journal, { create: true, upgrade: true });
  const recorder = new Recorder({ journal, source: checkSource(s.src) });
  const listing = recorder as unknown as { listSource(): Set<string> };
  const listSource = listing.listSource.bind(recorder);
  let listings = 0;
  listing.listSource = () => {
    if (++listings === 2) fs.unlinkSync(pack(3));
    return listSource();
  };
  try {
    await recorder.start();
    await recorder.stop();
  } finally {
    recorder.close();
    await journal.close();
  }
  assert.ok(listings >= 2, `precondition: the restart listed the source twice (${listings})`);
  const { ops, lives } = await readJournal(s.journal);
  const p3 = lives.find((life) => life.name === 'p3.pack');
  const named = ops.some((op) => op.type === 'resync' && op.file === 'p3.pack');
  // Before: the gap check counted p3 as present, the pass found it gone, and nothing named it.
  assert.ok(p3 !== undefined || named, 'p3.pack is neither recorded nor named by a resync: a silent loss');
  if (p3) {
    // Held open since the gap check listed it: its bytes are recorded, and its delete.
    assert.equal(p3.data, content(3));
    assert.ok(p3.deletedSeq !== null, 'its delete is recorded');
  }
  assertSameFiles((await readJournal(s.journal)).files, sourceFiles(s.src), 'journal vs source');
});

test('a journal inside the source directory is refused with JOURNAL_UNUSABLE, and not created', async () => {
  const s = setup();
  const inside = path.join(s.src, 'rdm.journal');
  const run = await runCli(['record', s.src, '--journal', inside, '--once', '--json']);
  assert.is(run.code, 1);
  assert.is(errorEvent(run.stdout)?.code, 'JOURNAL_UNUSABLE');
  assert.not.ok(fs.existsSync(inside));
});

test.run();
