/**
 * Whether a recorder runs, as `status` and the journal's elections see it: the recorder lock is
 * asked of the kernel, never taken, so a reader never holds it, not even for a moment, and never
 * creates it. A live or stopped recorder holds it; a killed one does not (the kernel drops it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Journal } from '../src/journal/journal.js';
import { RECORDER_LOCK, lockHeld } from '../src/journal/locks.js';
import { RECORDING, cleanUp, describeOutput, errorEvent, resultEvent, runCli, spawnCli, tempDir, waitForExit, waitForOutput } from './support.js';

const test = suite('recorder-status');
test.after(cleanUp);

function setup() {
  const root = tempDir('rdm-recorder-status-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'p1.pack'), 'first');
  return { src, journal: path.join(root, 'journal') };
}

async function recorderAsStatusSays(journal: string): Promise<unknown> {
  const run = await runCli(['status', '--journal', journal, '--json'], { timeoutMs: 30_000 });
  assert.is(run.code, 0, `status failed:\n${run.stdout}\n${run.stderr}`);
  return resultEvent(run.stdout)!.recorder;
}

test('status says whether a recorder runs: none, live, stopped (SIGSTOP), killed (SIGKILL)', async () => {
  const s = setup();
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  assert.is(await recorderAsStatusSays(s.journal), 'stopped', 'no recorder');

  const recorder = spawnCli(['record', s.src, '--journal', s.journal]);
  await waitForOutput(recorder, RECORDING);
  assert.is(await recorderAsStatusSays(s.journal), 'running', 'a live recorder');

  recorder.kill('SIGSTOP');
  try {
    // A stopped recorder is still the journal's recorder: a second one is refused, and its lock reads held.
    assert.ok(lockHeld(s.journal, RECORDER_LOCK), 'a stopped recorder holds its lock');
    const second = await runCli(['record', s.src, '--journal', s.journal, '--once', '--json'], { timeoutMs: 30_000 });
    assert.is(second.code, 75, `${second.stdout}\n${second.stderr}`);
    assert.ok(['JOURNAL_LOCKED', 'JOURNAL_HOST_STOPPED'].includes(errorEvent(second.stdout)?.code ?? ''), second.stdout);
  } finally {
    recorder.kill('SIGCONT');
  }

  recorder.kill('SIGKILL');
  await waitForExit(recorder);
  assert.not.ok(lockHeld(s.journal, RECORDER_LOCK), 'the kernel dropped the killed recorder\'s lock');
  assert.is(await recorderAsStatusSays(s.journal), 'stopped', 'after SIGKILL');
  const again = spawnCli(['record', s.src, '--journal', s.journal]);
  await waitForOutput(again, RECORDING);
  again.kill('SIGTERM');
  assert.is((await waitForExit(again)).code, 0, describeOutput(again));
});

test('status and log create no lock: a journal without recorder.lock is left without one', async () => {
  const s = setup();
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  fs.rmSync(path.join(s.journal, RECORDER_LOCK), { recursive: true }); // e.g. a journal copied without its locks
  assert.is(await recorderAsStatusSays(s.journal), 'stopped');
  assert.is((await runCli(['log', '--journal', s.journal])).code, 0);
  assert.not.ok(fs.existsSync(path.join(s.journal, RECORDER_LOCK)), 'recorder.lock was created by a reader');
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0, 'a recorder creates it');
});

test('asking this process\'s own recorder lock keeps it held: another process\'s recorder is still refused', async () => {
  const s = setup();
  assert.is((await runCli(['record', s.src, '--journal', s.journal, '--once'])).code, 0);
  const recording = await Journal.open(s.journal);
  const reader = await Journal.open(s.journal);
  try {
    await recording.lockForRecording();
    // Probing a lock opens and closes its LOCK file; a close by the holding process would drop it.
    for (let i = 0; i < 3; i++) assert.ok(await reader.isRecording());
    await reader.close();
    const other = await runCli(['record', s.src, '--journal', s.journal, '--once', '--json']);
    assert.is(other.code, 75, `${other.stdout}\n${other.stderr}`);
    assert.is(errorEvent(other.stdout)?.code, 'JOURNAL_LOCKED', other.stdout);
  } finally {
    await reader.close().catch(() => {});
    await recording.close();
  }
  assert.not.ok(lockHeld(s.journal, RECORDER_LOCK));
});

test.run();
