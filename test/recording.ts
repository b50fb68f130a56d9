/**
 * Helpers for tests of `rdm-journal record`: a source directory and a journal path in a temp dir,
 * the recorder as a child process, and the check that the journal holds exactly the source.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as assert from 'uvu/assert';
import type { JournalOp, ResyncOp } from '../src/journal/op.js';
import {
  RECORDING, assertSameFiles, describeOutput, errorEvent, readJournal, resultEvent, runCli, sourceFiles, spawnCli, tempDir, waitForExit, waitForOutput,
} from './support.js';

export interface Setup { src: string; journal: string }

export function setup(): Setup {
  const root = tempDir('rdm-recorder-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  return { src, journal: path.join(root, 'journal') };
}

export function write(dir: string, name: string, data: string | Buffer): void {
  fs.writeFileSync(path.join(dir, name), data);
}

export const record = (src: string, journal: string, ...extra: string[]) =>
  runCli(['record', src, '--journal', journal, '--json', ...extra]);

/** `record --once` that must succeed; returns its result line (the recorder's stats). */
export async function recordOnce({ src, journal }: Setup): Promise<Record<string, unknown>> {
  const run = await record(src, journal, '--once');
  assert.is(run.code, 0, `record --once failed:\n${run.stdout}\n${run.stderr}`);
  const result = resultEvent(run.stdout);
  assert.ok(result, `no result line in:\n${run.stdout}`);
  return result!;
}

export async function startRecorder({ src, journal }: Setup) {
  const child = spawnCli(['record', src, '--journal', journal, '--json']);
  await waitForOutput(child, RECORDING);
  return child;
}

export async function stopRecorder(child: ReturnType<typeof spawnCli>): Promise<void> {
  child.kill('SIGTERM');
  const { code, signal } = await waitForExit(child);
  assert.is(code, 0, `recorder ended with ${code ?? signal} after SIGTERM\n${describeOutput(child)}`);
}

export async function assertJournalEqualsSource({ src, journal }: Setup): Promise<void> {
  assertSameFiles((await readJournal(journal)).files, sourceFiles(src), 'journal vs source');
}

export const resyncs = (ops: readonly JournalOp[]) => ops.filter((op): op is ResyncOp & { seq: number } => op.type === 'resync');
export const describeResyncs = (ops: readonly JournalOp[]) => resyncs(ops).map((op) => `${op.seq} ${op.reason}: ${op.detail}`).join('\n');

/**
 * A command that must fail with `code` and exit status `exit`; returns the error line. Commands whose
 * stdout is data (`cat`, `show --raw`) print the JSON error on stderr, never into the data.
 */
export async function assertFails(args: string[], code: string, exit = 1): Promise<{ message: string }> {
  const run = await runCli([...args, '--json']);
  const dataOnStdout = args[0] === 'cat' || (args[0] === 'show' && args.includes('--raw'));
  if (dataOnStdout) assert.is(errorEvent(run.stdout), undefined, `${args[0]}: no JSON error among the data on stdout`);
  const error = errorEvent(dataOnStdout ? run.stderr : run.stdout);
  assert.is(error?.code, code, `expected ${code}; got exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  assert.is(run.code, exit);
  // 75 (EX_TEMPFAIL) is the exit of an error worth retrying; the JSON error event says so too.
  assert.is((error as { retryable?: unknown }).retryable, exit === 75, `${code}: "retryable" in ${JSON.stringify(error)}`);
  return error!;
}
