/**
 * Source surprises: the source directory renamed, deleted or swapped while recording, a pack replaced
 * by a symlink; each ends in a clear error or a resync, never a byte from outside the source.
 *
 * Part of the fault-injection suite: tools/faults.ts runs it long, test/faults.test.ts short.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packName, scanPack } from '../engine/packs.js';
import { RECORDING, diffFiles, readJournal, runEngine, sleep, sourceFiles, spawnEngine, targetFiles } from '../support.js';
import { Rng, childOutcome, cli } from './support.js';
import { type FaultRow, Row, type ScenarioOptions, quiet } from './row.js';
import { makeDirs, startRecorder, stopCleanly, stopEngine, checkEnd, removeRunIfClean } from './run.js';

// ---------------------------------------------------------------------------------------------
// 6. Source surprises

/**
 * The source directory renamed, and deleted, while recording under load: SOURCE_GONE, a journal that
 * verifies and holds only what the source held; renamed back, recording resumes and the copy is
 * identical. A pack replaced by a symlink (live, and while stopped): recorded as deleted (a vanished
 * resync when stopped), the symlink never followed (no byte of its target in the journal). The
 * source swapped for another database while recording: SOURCE_GONE, then JOURNAL_SOURCE_MISMATCH;
 * restored from another database in place while stopped: resyncs, then identical.
 */
export async function sourceSurprises(options: ScenarioOptions & { goneWithinMs?: number } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('source surprises', log);
  const seed = () => rng.int(1, 2 ** 30);
  const secret = `SECRET-${seed()}-OUTSIDE-THE-SOURCE`;

  log(`  source surprises: renamed while recording`);
  row.context = 'renamed';
  // Renamed while recording: the engine keeps appending through its descriptor (no rotation).
  {
    const d = makeDirs('rdm-surprise-');
    const recorder = await startRecorder(row, d);
    const engine = spawnEngine(d.src, { transactions: 0, rate: 300, minSize: 1024, maxSize: 8192, packSize: 64 * 1024 * 1024, keep: 0, seed: seed() });
    // Under load the simulator may take longer than the pause to start: renamed before it wrote,
    // the scenario would test nothing (and SIGTERM would find it without its handler).
    while (!fs.existsSync(path.join(d.src, packName(1, 8))) && engine.exitCode === null) await sleep(20);
    await sleep(600);
    const moved = `${d.src}.moved`;
    fs.renameSync(d.src, moved);
    row.faultsInjected += 1;
    if (recorder) row.expect('source renamed while recording', await childOutcome(recorder, 30_000), 75, ['SOURCE_GONE']);
    await sleep(300);
    const summary = await stopEngine(row, engine);
    await checkJournalPrefixOf(row, d.journal, moved, 'after the rename');
    row.expect('record on the old path', await cli(['record', d.src, '--journal', d.journal, '--once']), 1, ['SOURCE_NOT_FOUND']);
    fs.renameSync(moved, d.src);
    row.expect('record --once, moved back', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    row.expect('replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    await checkEnd(row, d, { summary, allowedReasons: [] });
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: deleted while recording`);
  row.context = 'deleted';
  // Deleted while recording: the engine appends to a file already unlinked.
  {
    const d = makeDirs('rdm-surprise-');
    const recorder = await startRecorder(row, d);
    const engine = spawnEngine(d.src, { transactions: 0, rate: 300, minSize: 1024, maxSize: 8192, packSize: 64 * 1024 * 1024, keep: 0, seed: seed() });
    while (!fs.existsSync(path.join(d.src, packName(1, 8))) && engine.exitCode === null) await sleep(20);
    await sleep(300);
    fs.rmSync(d.src, { recursive: true });
    row.faultsInjected += 1;
    if (recorder) {
      // The engine still holds its pack open in the deleted directory (as a database engine does).
      if (await exitedWithin(recorder, options.goneWithinMs ?? 10_000)) row.expect('source deleted while recording', await childOutcome(recorder), 75, ['SOURCE_GONE']);
      else {
        row.fail(`source deleted while the engine holds a pack open in it: the recorder did not stop within ${(options.goneWithinMs ?? 10_000) / 1000} s ` +
          '(no SOURCE_GONE; it keeps running, taking IN_MODIFY events of the unlinked pack, and the kernel sends IN_DELETE_SELF only once the last file in the directory is closed)');
        await stopEngine(row, engine);
        if (await exitedWithin(recorder, 10_000)) row.expect('source deleted, once the engine closed its pack', await childOutcome(recorder), 75, ['SOURCE_GONE']);
        else row.fail('source deleted: the recorder did not stop even after the engine closed its files');
      }
    }
    await stopEngine(row, engine);
    row.expect('verify after the source was deleted', await cli(['verify', '--journal', d.journal]), 0);
    row.expect('replay of what was recorded', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    row.expect('verify --to of that copy', await cli(['verify', '--journal', d.journal, '--to', d.target]), 0);
    try {
      const { files } = await readJournal(d.journal);
      for (const problem of diffFiles(targetFiles(d.target), files)) row.fail(`deleted source: target vs journal: ${problem}`);
      for (const [name, data] of files) {
        const scan = scanPack(data);
        if (scan.tail?.kind === 'corrupt') row.fail(`deleted source: ${name} holds bytes the engine never wrote`);
        if (scan.frames[0]?.txId !== 1 && scan.frames.length > 0) row.fail(`deleted source: ${name} starts at transaction ${scan.frames[0]?.txId}`);
        row.bytesCompared += data.length;
      }
    } catch (err) {
      row.fail(`deleted source: the journal does not read back: ${(err as Error).message}`);
    }
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: a pack replaced by a symlink`);
  row.context = 'symlink';
  // A pack replaced by a symlink, live and while stopped.
  {
    const d = makeDirs('rdm-surprise-');
    const outside = path.join(d.root, 'secret.txt');
    fs.writeFileSync(outside, secret.repeat(100));
    const recorder = await startRecorder(row, d);
    const engine = spawnEngine(d.src, { transactions: 0, rate: 400, minSize: 1024, maxSize: 4096, packSize: 32 * 1024, keep: 0, seed: seed(), nameWidth: 8 });
    while (fs.readdirSync(d.src).length < 6) await sleep(50);
    const swap = (name: string, to: string) => {
      fs.symlinkSync(to, path.join(d.src, `${name}.swap`));
      fs.renameSync(path.join(d.src, `${name}.swap`), path.join(d.src, name));
    };
    swap(packName(2, 8), outside);
    swap(packName(3, 8), packName(4, 8));
    row.faultsInjected += 2;
    await sleep(500);
    await stopCleanly(row, recorder, 'the recorder (packs swapped for symlinks)', RECORDING);
    swap(packName(5, 8), outside);
    row.faultsInjected += 1;
    row.expect('record --once after a pack became a symlink', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    await stopEngine(row, engine);
    row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    row.expect('replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    const contents = await readJournal(d.journal);
    if (contents.ops.some((op) => op.type === 'append' && Buffer.from(op.data).includes(secret))) row.fail('the journal holds bytes of the symlink\'s target');
    const vanished = contents.ops.filter((op) => op.type === 'resync' && op.reason === 'vanished').map((op) => (op as { file?: string }).file);
    if (!vanished.includes(packName(5, 8))) row.fail(`a pack replaced by a symlink while stopped is not marked vanished (resyncs: ${vanished.join(', ')})`);
    for (const n of [2, 3]) {
      if (!contents.lives.some((life) => life.name === packName(n, 8) && life.deletedSeq !== null)) row.fail(`${packName(n, 8)}, swapped for a symlink while recording, is not recorded as deleted`);
    }
    if (fs.readdirSync(d.target).some((name) => fs.lstatSync(path.join(d.target, name)).isSymbolicLink())) row.fail('the target holds a symlink');
    // Packs 2, 3 and 5 are gone from the source (symlinks): "lost" by design, each marked by a delete or a vanished resync.
    await checkEnd(row, d, { summary: null });
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: the source swapped for another database`);
  row.context = 'swapped';
  // The source swapped for another database while recording.
  {
    const d = makeDirs('rdm-surprise-');
    await runEngine({ dir: d.src, transactions: 200, packSize: 65536, keep: 0, seed: seed() });
    const other = path.join(d.root, 'Other.rdm');
    await runEngine({ dir: other, transactions: 300, packSize: 65536, keep: 0, seed: seed() });
    const recorder = await startRecorder(row, d);
    const { head } = await readJournal(d.journal);
    fs.renameSync(d.src, `${d.src}.old`);
    fs.renameSync(other, d.src);
    row.faultsInjected += 1;
    if (recorder) row.expect('source swapped while recording', await childOutcome(recorder, 30_000), 75, ['SOURCE_GONE']);
    row.expect('record into the journal of the swapped source', await cli(['record', d.src, '--journal', d.journal, '--once']), 1, ['JOURNAL_SOURCE_MISMATCH']);
    const after = await readJournal(d.journal);
    if (after.head !== head) row.fail(`the journal changed (op ${head} -> ${after.head}) though its source was swapped`);
    row.expect('verify after the swap', await cli(['verify', '--journal', d.journal]), 0);
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: restored in place from another database`);
  row.context = 'restored';
  // Restored in place from another database while the recorder was stopped (same directory inode).
  {
    const d = makeDirs('rdm-surprise-');
    await runEngine({ dir: d.src, transactions: 300, packSize: 65536, keep: 0, seed: seed() });
    row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    const recorded = [...sourceFiles(d.src).keys()];
    const other = path.join(d.root, 'Other.rdm');
    await runEngine({ dir: other, transactions: 250, packSize: 65536, keep: 0, seed: seed() });
    for (const name of fs.readdirSync(d.src)) fs.rmSync(path.join(d.src, name));
    for (const name of fs.readdirSync(other)) fs.copyFileSync(path.join(other, name), path.join(d.src, name));
    row.faultsInjected += 1;
    row.expect('record --once after a restore in place', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    const contents = await readJournal(d.journal);
    const marked = new Set(contents.ops.filter((op) => op.type === 'resync').map((op) => (op as { file?: string }).file));
    const unmarked = recorded.filter((name) => !marked.has(name));
    if (unmarked.length > 0) row.fail(`restored in place: ${unmarked.join(', ')} hold other bytes now, and no resync marks them`);
    row.count('restoreResyncs', marked.size);
    row.expect('replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    await checkEnd(row, d, { summary: null });
    row.runs += 1;
    removeRunIfClean(row, d);
  }
  row.context = '';
  row.note('renamed and deleted under load, packs swapped for symlinks live and while stopped, swapped for another database live, restored from another in place');
  return row.done();
}

/** Whether the child exits within `ms` (it is left running otherwise). */
async function exitedWithin(child: ChildProcess, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(50)) {
    if (child.exitCode !== null || child.signalCode !== null) return true;
  }
  return child.exitCode !== null || child.signalCode !== null;
}

/** Every file the journal holds is a prefix of the same file in `dir` (and the journal verifies). */
async function checkJournalPrefixOf(row: Row, journal: string, dir: string, when: string): Promise<void> {
  row.expect(`verify ${when}`, await cli(['verify', '--journal', journal]), 0);
  try {
    const { files } = await readJournal(journal);
    for (const [name, data] of files) {
      const now = fs.readFileSync(path.join(dir, name));
      if (!now.subarray(0, data.length).equals(data)) row.fail(`${when}: the journal's ${name} is not a prefix of the source's`);
      row.bytesCompared += data.length;
    }
    if (files.size === 0) row.fail(`${when}: the journal holds nothing`);
  } catch (err) {
    row.fail(`${when}: the journal does not read back: ${(err as Error).message}`);
  }
}
