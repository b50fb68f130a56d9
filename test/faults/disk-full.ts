/**
 * Disk full: the journal's disk, then the target's, fills mid-run; the error is retryable, nothing
 * half-written is acknowledged, and after space is freed the copy ends identical.
 *
 * Part of the fault-injection suite: tools/faults.ts runs it long, test/faults.test.ts short.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RECORDING, readJournal, readTargetControl, sleep, spawnEngine, tempDir } from '../support.js';
import { Rng, childOutcome, cli, copyTree, growTmpfs, isRoot, stateAt, stopChild, withTmpfs } from './support.js';
import { type FaultRow, Row, type ScenarioOptions, quiet } from './row.js';
import { FOLLOWING, type Dirs, makeDirs, startRecorder, startFollower, stopCleanly, stopEngine, checkEnd } from './run.js';

// ---------------------------------------------------------------------------------------------
// 3. Disk full

/**
 * The journal on a small tmpfs fills while recording (the recorder hosting the journal, and the
 * recorder as the guest of a replay --follow that hosts it): JOURNAL_NO_SPACE, and a copy of the
 * journal verifies and holds only bytes of the source (nothing half-written); a recorder started
 * while still full is refused the same way; after space is freed, recording resumes and the
 * replayed copy is identical.
 */
export async function diskFullJournal(options: ScenarioOptions & { runs?: number } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('disk full: journal', log);
  if (!isRoot()) {
    row.note('skipped: needs root to mount a small tmpfs');
    return row.done();
  }
  for (let run = 0; run < (options.runs ?? 1); run++) {
    for (const variant of ['recorder hosts', 'recorder is a guest of replay --follow'] as const) {
      row.context = variant === 'recorder hosts' ? 'host' : 'guest';
      const done = await withTmpfs('4m', async (mount) => {
        const d = { ...makeDirs('rdm-diskfull-'), journal: path.join(mount, 'journal') };
        let replayer: ChildProcess | null = null;
        if (variant !== 'recorder hosts') {
          row.expect(`${variant}: record --once`, await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
          replayer = await startFollower(row, d);
        }
        const recorder = await startRecorder(row, d);
        if (!recorder) return;
        // ~3.5 MB/s, nothing deleted: the 4 MiB journal fills within seconds.
        const engine = spawnEngine(d.src, { transactions: 0, rate: 400, minSize: 1024, maxSize: 16384, packSize: 512 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
        const ended = await childOutcome(recorder, 120_000).catch((err: Error) => { row.fail(`${variant}: the recorder never stopped: ${err.message}`); return null; });
        const summary = await stopEngine(row, engine);
        if (ended) row.expect(`${variant}: the recorder on a full journal disk`, ended, 75, ['JOURNAL_NO_SPACE']);
        row.faultsInjected += 1;
        if (replayer) {
          // The recorder hosts the journal (a follower hands hosting over to it): when it fails, the
          // follower takes hosting back, and LevelDB cannot open on a full disk. That is a retryable
          // JOURNAL_NO_SPACE, never a crash; its target is checked below either way.
          const outcome = await stopChild(replayer);
          row.expect(`${variant}: replay --follow on the full journal, stopped`, outcome, outcome.exit === 75 ? 75 : 0, outcome.exit === 75 ? ['JOURNAL_NO_SPACE'] : []);
        }
        await checkJournalCopy(row, d, `${variant}: after the disk filled`);
        // Still full: a new recorder is refused the same way, and the journal stays sound.
        row.expect(`${variant}: record --once while still full`, await cli(['record', d.src, '--journal', d.journal, '--once']), 75, ['JOURNAL_NO_SPACE']);
        row.faultsInjected += 1;
        await checkJournalCopy(row, d, `${variant}: after a second attempt while full`);
        growTmpfs(mount);
        row.expect(`${variant}: record --once after space was freed`, await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
        row.expect(`${variant}: replay`, await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
        await checkEnd(row, d, { summary, allowedReasons: [] }); // nothing is deleted: every pack and transaction is in the journal
        row.runs += 1;
      });
      if (done === null) row.note('skipped: cannot mount a tmpfs');
    }
  }
  row.context = '';
  row.note('journal on a 4 MiB tmpfs, then remounted at 512 MiB');
  return row.done();
}

/** A copy of the journal (the full disk cannot be written by LevelDB's open) verifies, and holds only source bytes. */
async function checkJournalCopy(row: Row, d: Dirs, when: string): Promise<void> {
  const copy = path.join(tempDir('rdm-journal-copy-'), 'journal');
  copyTree(d.journal, copy);
  row.expect(`${when}: verify of a copy of the journal`, await cli(['verify', '--journal', copy]), 0);
  try {
    const { files } = await readJournal(copy);
    for (const [name, data] of files) {
      const source = fs.readFileSync(path.join(d.src, name));
      if (!source.subarray(0, data.length).equals(data)) row.fail(`${when}: the journal's ${name} is not a prefix of the source's`);
      row.bytesCompared += data.length;
    }
  } catch (err) {
    row.fail(`${when}: the journal copy does not read back: ${(err as Error).message}`);
  }
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
}

/**
 * A target on a small tmpfs fills while replay --follow applies a live recording: TARGET_NO_SPACE,
 * the cursor covers only bytes that are on the target and equal the journal's; a replay started
 * while still full is refused the same way and the cursor does not move; after space is freed,
 * replay --follow resumes and the copy ends identical.
 */
export async function diskFullTarget(options: ScenarioOptions & { runs?: number } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('disk full: target', log);
  if (!isRoot()) {
    row.note('skipped: needs root to mount a small tmpfs');
    return row.done();
  }
  for (let run = 0; run < (options.runs ?? 1); run++) {
    const done = await withTmpfs('2m', async (mount) => {
      const d = { ...makeDirs('rdm-diskfull-'), target: path.join(mount, 'target') };
      const recorder = await startRecorder(row, d);
      const replayer = await startFollower(row, d);
      if (!recorder || !replayer) return;
      // Nothing deleted: the target needs all of it; ~2.6 MB/s fills 2 MiB within a second or two.
      const engine = spawnEngine(d.src, { transactions: 0, rate: 300, minSize: 1024, maxSize: 16384, packSize: 256 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
      const ended = await childOutcome(replayer, 120_000).catch((err: Error) => { row.fail(`replay --follow never stopped: ${err.message}`); return null; });
      if (ended) row.expect('replay --follow onto a full target', ended, 75, ['TARGET_NO_SPACE']);
      row.faultsInjected += 1;
      const first = await checkCursorAgainstJournal(row, d, 'after TARGET_NO_SPACE');
      // Still full: refused the same way, and the cursor does not move.
      row.expect('replay while the target is still full', await cli(['replay', '--journal', d.journal, '--to', d.target]), 75, ['TARGET_NO_SPACE']);
      row.faultsInjected += 1;
      const second = await checkCursorAgainstJournal(row, d, 'after a second attempt while full');
      if (first !== null && second !== null && second > first) row.fail(`the cursor moved from op ${first} to ${second} while the target was full`);
      growTmpfs(mount);
      const resumed = await startFollower(row, d);
      await sleep(1000);
      const summary = await stopEngine(row, engine);
      await stopCleanly(row, recorder, 'the recorder', RECORDING);
      await stopCleanly(row, resumed, 'the resumed replay --follow', FOLLOWING);
      row.expect('the final replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
      await checkEnd(row, d, { summary });
      row.runs += 1;
    });
    if (done === null) row.note('skipped: cannot mount a tmpfs');
  }
  row.note('target on a 2 MiB tmpfs, then remounted at 512 MiB');
  return row.done();
}

/** The cursor of a stopped target describes bytes that are on it and equal the journal's at its seq. Returns the seq. */
async function checkCursorAgainstJournal(row: Row, d: Dirs, when: string): Promise<number | null> {
  if (!fs.existsSync(path.join(d.target, '.rdm-journal', 'CURRENT'))) return 0;
  const { cursor } = await readTargetControl(d.target);
  if (!cursor) return 0;
  const { ops, head } = await readJournal(d.journal);
  if (cursor.seq >= head) row.fail(`${when}: the cursor is at op ${cursor.seq}, the journal's end (${head}): the disk never filled?`);
  const state = stateAt(ops, cursor.seq);
  for (const [name, file] of Object.entries(cursor.files)) {
    const want = state.get(name);
    if (!want) {
      row.fail(`${when}: the cursor at op ${cursor.seq} lists ${name}, which the journal does not hold there`);
      continue;
    }
    if (want.length !== file.size) row.fail(`${when}: ${name}: the cursor says ${file.size} bytes, the journal ${want.length}`);
    let onTarget: Buffer;
    try {
      onTarget = fs.readFileSync(path.join(d.target, name));
    } catch {
      row.fail(`${when}: ${name} is in the cursor but not on the target`);
      continue;
    }
    if (onTarget.length < file.size || !onTarget.subarray(0, file.size).equals(want.subarray(0, file.size))) {
      row.fail(`${when}: ${name}: the ${file.size} bytes the cursor covers are not the journal's on the target (${onTarget.length} bytes there)`);
    }
    row.bytesCompared += Math.min(onTarget.length, file.size);
  }
  row.count('cursorChecks');
  return cursor.seq;
}
