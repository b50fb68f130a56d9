/**
 * `rdm-journal upgrade` of format 1 and 2 journals to format 3, in place, killed with SIGKILL at
 * batch boundaries (RDM_JOURNAL_TEST_UPGRADE_KILL_AFTER) and at random times: afterwards the journal
 * reads as its old format with the same ops, or is refused until an upgrade resumes it; either way
 * the next upgrade gives a format 3 journal that verifies and replays byte-identical to the source.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packr } from '../src/journal/msgpack.js';
import { commandLineHint } from '../src/cli/hints.js';
import { RdmJournalError } from '../src/errors.js';
import { Journal } from '../src/journal/journal.js';
import { formatRecord } from '../src/journal/sealed-level.js';
import type { JournalOp, Op } from '../src/journal/op.js';
import { nextFileState, type FileState } from '../src/file-state.js';
import { cleanUp, packOps, readJournal, repoRoot, resultEvent, runCli, spawnCli, sleep, tempDir, targetFiles, assertSameFiles, waitForExit, writeRawJournal } from './support.js';

const KILL_AFTER = 'RDM_JOURNAL_TEST_UPGRADE_KILL_AFTER';
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * 6 packs (p00000101.pack on: the v2 fixture holds p00000002.pack) of 256 KiB in appends of 512
 * bytes, the oldest deleted as the engine vacuums: ~3k ops, 1.5 MiB; the upgrade counts one data
 * batch (per MiB) and four record batches (per 2048 records: ops, index entries, the rest).
 */
function workload(): { ops: Op[]; live: Map<string, Buffer> } {
  const packs: Array<[string, Buffer]> = [];
  for (let i = 1; i <= 6; i++) packs.push([`p${String(100 + i).padStart(8, '0')}.pack`, Buffer.alloc(256 * 1024, i)]);
  for (const [n, [, data]] of packs.entries()) for (let i = 0; i < data.length; i += 512) data.writeUInt32BE((i + n) * 2654435761 >>> 0, i);
  const { ops, live } = packOps(packs, { chunk: 512, keep: 3 });
  return { ops, live };
}

/**
 * A format 2 journal holding `ops`: a copy of the v2 fixture (rdm-journal 0.2.0 wrote format 2; this
 * one appends to a format 2 journal opened without upgrading it) with them appended. Also returns
 * the files the fixture's own ops leave.
 */
async function formatTwoJournal(ops: readonly Op[]): Promise<{ dir: string; fixtureFiles: Map<string, Buffer> }> {
  const dir = path.join(tempDir('rdm-upgrade-v2-'), 'journal');
  fs.cpSync(path.join(repoRoot, 'journal-format', 'fixtures', 'v2', 'journal'), dir, { recursive: true });
  const fixtureFiles = (await readJournal(dir)).files;
  const journal = await Journal.open(dir);
  try {
    assert.is(journal.version, 2);
    for (let i = 0; i < ops.length; i += 1000) await journal.append(ops.slice(i, i + 1000), { sync: false });
  } finally {
    await journal.close();
  }
  return { dir, fixtureFiles };
}

/** A format 1 journal as rdm-journal 0.1 wrote it: ops and file states, no index or counters. */
async function formatOneJournal(dir: string, ops: readonly Op[]): Promise<void> {
  await writeRawJournal(dir, { format: { version: 1, createdAt: Date.now() }, ops: ops as unknown as Array<Record<string, unknown>> });
  const states = new Map<string, FileState | null>();
  ops.forEach((op, i) => {
    if (op.type !== 'resync') states.set(op.file, nextFileState(op, i + 1, states.get(op.file) ?? undefined));
  });
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  await db.batch([...states].map(([name, state]) => state
    ? { type: 'put' as const, key: Buffer.from(`f${name}`), value: packr.pack(state) }
    : { type: 'del' as const, key: Buffer.from(`f${name}`) }));
  await db.close();
}

/** The ops as a reader sees them, with their data hashed: equal digests, equal ops and bytes. */
function digest(ops: readonly JournalOp[]): string {
  const hash = createHash('sha256');
  for (const op of ops) hash.update(JSON.stringify(op.type === 'append' ? { ...op, data: sha256(op.data) } : op));
  return hash.digest('hex');
}

/** What opening the journal refuses, with the hint the command line prints for it. */
async function openError(dir: string): Promise<{ code?: string; message: string; hint?: string } | null> {
  try {
    await (await Journal.open(dir)).close();
    return null;
  } catch (err) {
    const { code, message } = err as RdmJournalError;
    return { code, message, hint: err instanceof RdmJournalError ? commandLineHint(err) : undefined };
  }
}

/**
 * What a kill left: the old format with the same ops ('old'), or a journal refused until the
 * upgrade resumes ('half'), or format 3 already ('done'). Then resumes and checks the end state.
 */
async function checkAfterKill(dir: string, from: number, want: { digest: string; live: Map<string, Buffer> }, label: string): Promise<'old' | 'half' | 'done'> {
  let state: 'old' | 'half' | 'done';
  const refused = await openError(dir);
  if (refused) {
    assert.is(refused.code, 'JOURNAL_VERSION', `${label}: ${refused.message}`);
    assert.match(refused.hint ?? '', 'rdm-journal upgrade', label);
    state = 'half';
  } else {
    const contents = await readJournal(dir);
    const version = await versionOf(dir);
    state = version === 3 ? 'done' : 'old';
    if (state === 'old') assert.ok(version === from || version === 2, `${label}: format ${version}`); // 1 is indexed to 2 first
    assert.is(digest(contents.ops), want.digest, `${label}: the ops read back as they were`);
  }
  const resumed = await runCli(['upgrade', '--journal', dir, '--json']);
  assert.is(resumed.code, 0, `${label}: ${resumed.stdout}${resumed.stderr}`);
  assert.is(resultEvent(resumed.stdout)?.to, 3, label);
  assert.is(await versionOf(dir), 3, label);
  assert.is(digest((await readJournal(dir)).ops), want.digest, `${label}: the upgraded journal holds the same ops`);
  const verified = await runCli(['verify', '--journal', dir, '--json']);
  assert.is(verified.code, 0, `${label}: verify: ${verified.stdout}`);
  const target = path.join(tempDir('rdm-upgrade-target-'), 'copy');
  const replayed = await runCli(['replay', '--to', target, '--journal', dir, '-q']);
  assert.is(replayed.code, 0, `${label}: replay: ${replayed.stderr}`);
  assertSameFiles(targetFiles(target), want.live, `${label}: replayed copy`);
  return state;
}

async function versionOf(dir: string): Promise<number> {
  const journal = await Journal.open(dir);
  try {
    return journal.version;
  } finally {
    await journal.close();
  }
}

async function killedAt(base: string, killAfter: number | null, delayMs: number | null): Promise<{ dir: string; killed: boolean }> {
  const dir = path.join(tempDir('rdm-upgrade-kill-'), 'journal');
  fs.cpSync(base, dir, { recursive: true });
  const child = spawnCli(['upgrade', '--journal', dir, '-q'], killAfter === null ? {} : { env: { [KILL_AFTER]: String(killAfter) } });
  if (delayMs !== null) {
    await sleep(delayMs);
    child.kill('SIGKILL');
  }
  const { code, signal } = await waitForExit(child);
  assert.ok(signal === 'SIGKILL' || code === 0, `upgrade exited ${code} ${signal}`);
  return { dir, killed: signal === 'SIGKILL' };
}

for (const from of [2, 1]) {
  test(`upgrade ${from} -> 3 killed after every few batches and at random times: old format intact, or resumed to an identical format 3 journal`, async () => {
    const { ops, live } = workload();
    let base: string;
    let wantLive: Map<string, Buffer>;
    if (from === 2) {
      const formatTwo = await formatTwoJournal(ops);
      base = formatTwo.dir;
      wantLive = new Map([...formatTwo.fixtureFiles, ...live]);
    } else {
      base = path.join(tempDir('rdm-upgrade-v1-'), 'journal');
      await formatOneJournal(base, ops);
      wantLive = live;
    }
    const before = await readJournal(base);
    const want = { digest: digest(before.ops), live: wantLive };
    assertSameFiles(before.files, wantLive, 'the journal before the upgrade');
    const seen = new Set<string>();
    for (const killAfter of [1, 2, 3, 1000]) {
      const { dir, killed } = await killedAt(base, killAfter, null);
      assert.is(killed, killAfter !== 1000, `killed after batch ${killAfter}`);
      seen.add(await checkAfterKill(dir, from, want, `killed after batch ${killAfter}`));
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
    for (const delayMs of [500]) {
      const { dir } = await killedAt(base, null, delayMs + Math.floor(Math.random() * 600));
      await checkAfterKill(dir, from, want, `killed at about ${delayMs} ms`);
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
    // Kills landed in both windows: while only data files were written (after batch 1), and while
    // records were rewritten (after batches 2 and 3).
    assert.ok(seen.has('old') && seen.has('half') && seen.has('done'), [...seen].join(', '));
  });
}

test('a half-upgraded journal is refused by every reader with JOURNAL_VERSION and the hint to finish it, `record` resumes it', async () => {
  const { ops } = workload();
  const { dir: base } = await formatTwoJournal(ops);
  const { dir, killed } = await killedAt(base, 2, null); // after the data batch and one record batch
  assert.ok(killed);
  for (const args of [['status'], ['log', '--limit', '1'], ['verify'], ['replay', '--to', path.join(tempDir(), 'copy')]]) {
    const run = await runCli([...args, '--journal', dir, '--json']);
    assert.is(run.code, 1, args[0]);
    assert.match(run.stdout, /"code":"JOURNAL_VERSION".*half-way through an upgrade.*rdm-journal upgrade/, args[0]);
  }
  const source = tempDir('rdm-upgrade-src-');
  const record = await runCli(['record', source, '--once', '--journal', dir, '--json']);
  // The journal records /srv/rdm/DB.rdm: the source is refused, but only after the upgrade finished.
  assert.match(record.stdout, /JOURNAL_SOURCE_MISMATCH/);
  assert.is(await versionOf(dir), 3);
});

test('the format record is checksummed: a flipped byte anywhere in it is JOURNAL_CORRUPT; an unsealed newer version is still JOURNAL_VERSION', async () => {
  const dir = path.join(tempDir('rdm-format-seal-'), 'journal');
  await (await Journal.open(dir, { create: true })).close();
  const key = Buffer.from('mformat', 'latin1');
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  const sealed = Buffer.from((await db.get(key))!);
  await db.close();
  assert.equal(sealed, Buffer.from(formatRecord({ version: 3, createdAt: packr.unpack(sealed).createdAt })));
  const put = async (value: Uint8Array) => {
    const raw = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
    await raw.open();
    await raw.put(key, value);
    await raw.close();
  };
  for (let i = 0; i < sealed.length; i++) {
    for (const flip of [0x01, 0x80]) {
      const damaged = Buffer.from(sealed);
      damaged[i]! ^= flip;
      await put(damaged);
      const err = await openError(dir);
      assert.is(err?.code, 'JOURNAL_CORRUPT', `byte ${i} ^ ${flip}: ${err?.message}`);
    }
  }
  await put(formatRecord({ version: 4, createdAt: 1 }));
  assert.is((await openError(dir))?.code, 'JOURNAL_VERSION');
  await put(packr.pack({ version: 3, createdAt: 1 }));
  assert.is((await openError(dir))?.code, 'JOURNAL_CORRUPT', 'a format 3 record without its seal');
  await put(sealed);
  assert.is(await openError(dir), null);
});

test.after(cleanUp);
test.run();
