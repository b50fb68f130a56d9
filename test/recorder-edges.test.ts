/**
 * The recorder where events and a long pass overlap: a 200 MiB pack keeps the start-up snapshot
 * busy while other files change under it. And a journal that would record itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
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

test('a journal inside the source directory is refused with JOURNAL_UNUSABLE, and not created', async () => {
  const s = setup();
  const inside = path.join(s.src, 'rdm.journal');
  const run = await runCli(['record', s.src, '--journal', inside, '--once', '--json']);
  assert.is(run.code, 1);
  assert.is(errorEvent(run.stdout)?.code, 'JOURNAL_UNUSABLE');
  assert.not.ok(fs.existsSync(inside));
});

test.run();
