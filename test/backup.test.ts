/**
 * `rdm-journal backup SOURCE TARGET` end to end: the drop-in for `rdm-hot-backup`. The compiled CLI
 * in a child process records and replays in one process while the engine simulator writes; after
 * SIGTERM the target must be usable at once: byte-identical to the source (or, if the engine went
 * on writing, to everything the journal recorded).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { validatePacks } from './engine/packs.js';
import {
  assertSameFiles, cleanUp, describeOutput, engineSummary, outputOf, readJournal, readTargetControl, repoRoot, resultEvent,
  runCli, runEngine, sleep, sourceFiles, spawnCli, spawnEngine, targetFiles, tempDir, waitForExit, waitForOutput,
} from './support.js';
import { assertFails } from './recording.js';

const test = suite('backup');
test.after(cleanUp);

// ---------------------------------------------------------------------------------------------
// Helpers for this file

interface Setup { root: string; src: string; target: string }

function setup(): Setup {
  const root = tempDir('rdm-backup-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  return { root, src, target: path.join(root, 'backup') };
}

/** The line `backup` prints once it records and replays live. */
const BACKING_UP = /backing up .* stop with/;

async function startBackup(src: string, target: string, ...extra: string[]) {
  const child = spawnCli(['backup', src, target, '--json', ...extra]);
  await waitForOutput(child, BACKING_UP);
  return child;
}

/** SIGTERM, then exit 0; returns the result line. */
async function stopBackup(child: ReturnType<typeof spawnCli>): Promise<Record<string, unknown>> {
  child.kill('SIGTERM');
  const { code, signal } = await waitForExit(child);
  assert.is(code, 0, `backup ended with ${code ?? signal} after SIGTERM\n${describeOutput(child)}`);
  const result = resultEvent(outputOf(child).stdout);
  assert.ok(result, `no result line\n${describeOutput(child)}`);
  return result!;
}


// ---------------------------------------------------------------------------------------------
// Live backup

test('backup follows a rotating, vacuuming workload; after SIGTERM the target equals the source; the journal is TARGET.journal', async () => {
  const s = setup();
  const backup = await startBackup(s.src, s.target);
  const sim = spawnEngine(s.src, { transactions: 1500, rate: 1000, packSize: 65536, keep: 3, writesPerTx: 3, maxSize: 4096, seed: 31 });
  const summary = await engineSummary(sim);
  assert.ok(summary.packsDeleted > 0, 'precondition: the workload deleted packs');
  const result = await stopBackup(backup);

  assertSameFiles(targetFiles(s.target), sourceFiles(s.src), 'target vs source');
  const journal = `${s.target}.journal`;
  assert.ok(fs.existsSync(path.join(journal, 'CURRENT')), `the journal is at ${journal}`);
  assertSameFiles((await readJournal(journal)).files, sourceFiles(s.src), 'journal vs source');
  assert.is(result.head, (await readJournal(journal)).head);
  const { writing } = await readTargetControl(s.target);
  assert.is(writing, undefined, 'the target is not marked as being written once backup exits');
});

test('backup --journal J puts the journal at J and nothing next to the target', async () => {
  const s = setup();
  await runEngine({ dir: s.src, transactions: 100, packSize: 65536, keep: 2, seed: 32 });
  const journal = path.join(s.root, 'elsewhere', 'j');
  const backup = await startBackup(s.src, s.target, '--journal', journal);
  await sleep(200); // SIGTERM the moment backup announces itself is another test's subject
  await stopBackup(backup);
  assertSameFiles(targetFiles(s.target), sourceFiles(s.src), 'target vs source');
  assertSameFiles((await readJournal(journal)).files, sourceFiles(s.src), 'journal vs source');
  assert.not.ok(fs.existsSync(`${s.target}.journal`), 'no journal next to the target');
});

test('backup --no-delete keeps every pack the engine deleted, whole', async () => {
  const s = setup();
  const backup = await startBackup(s.src, s.target, '--no-delete');
  const sim = spawnEngine(s.src, { transactions: 1500, rate: 1000, packSize: 65536, keep: 2, writesPerTx: 3, maxSize: 4096, seed: 33 });
  const summary = await engineSummary(sim);
  await stopBackup(backup);

  assert.ok(summary.packsDeleted > 0, 'precondition: the workload deleted packs');
  const report = validatePacks(s.target, { requireContiguous: true, allowTornTailInLast: false });
  assert.ok(report.ok, `target is not whole:\n${report.problems.slice(0, 10).join('\n')}`);
  assert.is(report.packs.find((pack) => pack.transactions > 0)?.firstTx, 1, 'transactions start at 1');
  assert.is(report.lastTxId, summary.lastTxId);
  assert.is(report.totalTransactions, summary.lastTxId);
  assert.is(report.packs.length, summary.packsCreated);
  const live = new Map([...targetFiles(s.target)].filter(([name]) => fs.existsSync(path.join(s.src, name))));
  assertSameFiles(live, sourceFiles(s.src), 'target files still in the source');
});

test('SIGTERM while the engine writes at full speed: the target holds everything the journal recorded', async () => {
  const s = setup();
  const backup = await startBackup(s.src, s.target);
  const sim = spawnEngine(s.src, { transactions: 0, minSize: 4096, maxSize: 65536, packSize: 1024 * 1024, keep: 4, seed: 34 });
  await sleep(1500);
  const result = await stopBackup(backup).finally(() => sim.kill('SIGTERM'));
  await engineSummary(sim);

  const journal = await readJournal(`${s.target}.journal`);
  const [applied] = result.targets as Array<{ to: number }>;
  assert.is(applied?.to, journal.head, 'the replay reached the journal head');
  assertSameFiles(targetFiles(s.target), journal.files, 'target vs journal');
});

test('SIGTERM during the start-up snapshot records and applies everything present, then exits 0', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), randomBytes(96 * 1024 * 1024));
  fs.writeFileSync(path.join(s.src, 'p2.pack'), 'the newest pack');
  const backup = spawnCli(['backup', s.src, s.target, '--json']);
  while (!fs.existsSync(path.join(`${s.target}.journal`, 'LOCK')) && backup.exitCode === null) await sleep(5);
  assert.not.match(outputOf(backup).stdout, BACKING_UP, 'precondition: the snapshot is still running');
  await stopBackup(backup);
  assertSameFiles(targetFiles(s.target), sourceFiles(s.src), 'target vs source');
});

test('SIGTERM the moment backup announces itself is a clean stop', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'one');
  for (let i = 0; i < 5; i++) {
    const target = `${s.target}-${i}`;
    await stopBackup(await startBackup(s.src, target));
    assertSameFiles(targetFiles(target), sourceFiles(s.src), `run ${i}: target vs source`);
  }
});

// ---------------------------------------------------------------------------------------------
// Names as rdm-hot-backup gives them: DB for DB.rdm

test('backup DB DB-COPY, named as rdm-hot-backup names them, backs up DB.rdm to DB-COPY.rdm (journal DB-COPY.rdm.journal)', async () => {
  const s = setup();
  await runEngine({ dir: s.src, transactions: 100, packSize: 65536, keep: 2, seed: 35 });
  const backup = await startBackup(path.join(s.root, 'DB'), path.join(s.root, 'DB-COPY'));
  await stopBackup(backup);
  const target = path.join(s.root, 'DB-COPY.rdm');
  assertSameFiles(targetFiles(target), sourceFiles(s.src), 'DB-COPY.rdm vs DB.rdm');
  assert.ok(fs.existsSync(path.join(`${target}.journal`, 'CURRENT')), 'the journal is next to DB-COPY.rdm');
  assert.equal(fs.readdirSync(s.root).sort(), ['DB-COPY.rdm', 'DB-COPY.rdm.journal', 'DB.rdm'], 'nothing named DB or DB-COPY');
});

test('backup DB COPY with a directory COPY already there backs up into COPY as given', async () => {
  const s = setup();
  await runEngine({ dir: s.src, transactions: 50, packSize: 65536, keep: 2, seed: 36 });
  const copy = path.join(s.root, 'COPY');
  fs.mkdirSync(copy);
  await stopBackup(await startBackup(path.join(s.root, 'DB'), copy));
  assertSameFiles(targetFiles(copy), sourceFiles(s.src), 'COPY vs DB.rdm');
  assert.not.ok(fs.existsSync(`${copy}.rdm`), 'no COPY.rdm');
});

test('record DB records DB.rdm when DB does not exist; a DB that exists is recorded as given; neither is SOURCE_NOT_FOUND', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'in DB.rdm');
  const recordOnce = async (source: string, journal: string) => {
    const run = await runCli(['record', source, '--journal', path.join(s.root, journal), '--once', '--json']);
    assert.is(run.code, 0, `record ${source}:\n${run.stdout}\n${run.stderr}`);
    return resultEvent(run.stdout)!.source;
  };
  assert.is(await recordOnce(path.join(s.root, 'DB'), 'j1'), s.src);
  assertSameFiles((await readJournal(path.join(s.root, 'j1'))).files, sourceFiles(s.src), 'journal vs DB.rdm');
  const plain = path.join(s.root, 'DB2');
  fs.mkdirSync(plain);
  fs.mkdirSync(`${plain}.rdm`);
  assert.is(await recordOnce(plain, 'j2'), plain, 'DB2 exists: recorded as given, not DB2.rdm');
  await assertFails(['record', path.join(s.root, 'NONE'), '--journal', path.join(s.root, 'j3'), '--once'], 'SOURCE_NOT_FOUND');
});

// ---------------------------------------------------------------------------------------------
// Refusals and the command line

test('a target inside the source, or the source itself, is a usage error', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'one');
  await assertFails(['backup', s.src, path.join(s.src, 'backup')], 'USAGE', 2);
  await assertFails(['backup', s.src, s.src], 'USAGE', 2);
  assert.equal(fs.readdirSync(s.src), ['p1.pack'], 'nothing was written into the source');
  assert.not.ok(fs.existsSync(`${path.join(s.src, 'backup')}.journal`), 'no journal was created');
});

test('backup --help shows SOURCE and TARGET usage; --version prints the package version', async () => {
  const help = await runCli(['backup', '--help']);
  assert.is(help.code, 0, help.stderr);
  assert.match(help.stdout, /Usage: rdm-journal backup \[options\] <source-dir> <target-dir>/);
  assert.match(help.stdout, /--no-delete/);
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  for (const args of [['--version'], ['backup', '--version']]) {
    const run = await runCli(args);
    assert.is(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
    assert.is(run.stdout.trim(), version, args.join(' '));
  }
});

test('backup into a symlink to the source is refused, and the source is left as it was', async () => {
  const root = tempDir('rdm-backup-link-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const link = path.join(root, 'COPY');
  fs.symlinkSync(src, link);
  const run = await runCli(['backup', src, link, '--json']);
  assert.is(run.code, 2);
  assert.match(run.stdout, '"code":"USAGE"');
  assert.equal(fs.readdirSync(src), []);
});

test('backup into a non-empty directory replay never wrote is refused before any journal is made next to it', async () => {
  const root = tempDir('rdm-backup-foreign-');
  const src = path.join(root, 'DB.rdm');
  const live = path.join(root, 'LIVE.rdm');
  fs.mkdirSync(src);
  fs.mkdirSync(live);
  fs.writeFileSync(path.join(live, 'p1.pack'), 'live data');
  const run = await runCli(['backup', src, live, '--json']);
  assert.is(run.code, 1);
  assert.match(run.stdout, '"code":"TARGET_NOT_EMPTY"');
  assert.not.ok(fs.existsSync(`${live}.journal`));
  assert.equal(fs.readdirSync(live), ['p1.pack']);
});

test.run();
