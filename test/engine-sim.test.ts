import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runEngine, type EngineOptions, type EngineSummary } from './engine/simulator.js';
import { listPackFiles, packNumber, validatePacks } from './engine/packs.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const engineScript = path.join(repoRoot, 'tools', 'engine-sim.ts');

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'engine-sim-')), 'db.rdm');
}

/** Small transactions and packs so a run has many packs and takes a few milliseconds. */
function run(dir: string, opts: Partial<EngineOptions> = {}): Promise<EngineSummary> {
  return runEngine({ dir, transactions: 200, minSize: 64, maxSize: 1024, packSize: 8192, keep: 0, ...opts });
}

function packNames(dir: string): string[] {
  return listPackFiles(dir).map((pack) => pack.name);
}

/** Cuts the pack mid-way through its last transaction, as a kill between two write() calls does. */
function tearLastTransaction(dir: string, name: string): void {
  const file = path.join(dir, name);
  fs.truncateSync(file, fs.statSync(file).size - 10);
}

test('a run rotates, and vacuum deletes only the lowest-numbered packs', async () => {
  const dir = tempDb();
  const summary = await run(dir, { keep: 3 });
  const numbers = listPackFiles(dir).map((pack) => pack.number);
  assert.ok(summary.packsDeleted > 0);
  assert.is(summary.packsCreated - summary.packsDeleted, 3);
  assert.equal(numbers, [summary.packsCreated - 2, summary.packsCreated - 1, summary.packsCreated]);
  assert.is(summary.lastPack, 'p' + String(summary.packsCreated).padStart(8, '0') + '.pack');
  assert.ok(validatePacks(dir).ok);
});

test('a finished run is valid, empty packs in the middle included', async () => {
  const dir = tempDb();
  const summary = await run(dir, { emptyPacks: 0.5 });
  const report = validatePacks(dir);
  assert.ok(report.ok, report.problems.join('\n'));
  assert.is(report.totalTransactions, 200);
  assert.is(report.lastTxId, summary.lastTxId);
  assert.ok(report.packs.slice(0, -1).some((pack) => pack.transactions === 0 && pack.size === 0));
});

test('the same seed gives identical bytes, another seed different ones', async () => {
  const [a, b, c] = [tempDb(), tempDb(), tempDb()];
  await run(a, { seed: 7 });
  await run(b, { seed: 7 });
  await run(c, { seed: 8 });
  const contents = (dir: string) => packNames(dir).map((name) => fs.readFileSync(path.join(dir, name)));
  assert.equal(packNames(a), packNames(b));
  assert.ok(contents(a).every((bytes, i) => bytes.equals(contents(b)[i]!)));
  assert.not.ok(Buffer.concat(contents(a)).equals(Buffer.concat(contents(c))));
});

test('a byte flipped in the middle of a pack makes it invalid, naming the file', async () => {
  const dir = tempDb();
  await run(dir);
  const victim = packNames(dir)[1]!;
  const file = path.join(dir, victim);
  const bytes = fs.readFileSync(file);
  const middle = bytes.length >> 1;
  bytes[middle] = bytes[middle]! ^ 0x40;
  fs.writeFileSync(file, bytes);
  const report = validatePacks(dir);
  assert.not.ok(report.ok);
  assert.ok(report.problems[0]!.startsWith(`${victim}: offset `), report.problems[0]);
});

test('a torn tail at the end of the last pack is accepted', async () => {
  const dir = tempDb();
  const summary = await run(dir);
  tearLastTransaction(dir, summary.lastPack!);
  const report = validatePacks(dir);
  assert.ok(report.ok, report.problems.join('\n'));
  assert.ok(report.packs.at(-1)!.tornTailBytes > 0);
  assert.is(report.lastTxId, summary.lastTxId - 1);
  assert.not.ok(validatePacks(dir, { allowTornTailInLast: false }).ok);
});

test('a torn tail in an earlier pack is a lost write', async () => {
  const dir = tempDb();
  await run(dir);
  const victim = packNames(dir)[1]!;
  tearLastTransaction(dir, victim);
  const report = validatePacks(dir);
  assert.not.ok(report.ok);
  assert.ok(report.problems[0]!.startsWith(`${victim}: `), report.problems[0]);
});

test('a deleted middle pack is a gap in the transaction ids', async () => {
  const dir = tempDb();
  await run(dir);
  fs.unlinkSync(path.join(dir, packNames(dir)[2]!));
  const report = validatePacks(dir);
  assert.not.ok(report.ok);
  assert.match(report.problems.join('\n'), /are missing, a lost write/);
  assert.ok(validatePacks(dir, { requireContiguous: false }).ok);
});

test('a restart after a crash starts a new pack and re-uses the torn transaction id', async () => {
  const dir = tempDb();
  const first = await run(dir, { transactions: 50 });
  tearLastTransaction(dir, first.lastPack!);
  const second = await run(dir, { transactions: 10 });
  assert.is(packNumber(second.firstPack!), 1);
  assert.is(packNumber(second.lastPack!), first.packsCreated + 1);
  assert.is(second.lastTxId, first.lastTxId - 1 + 10);
  const report = validatePacks(dir);
  assert.ok(report.ok, report.problems.join('\n'));
  assert.ok(report.packs.find((pack) => pack.name === first.lastPack)!.tornTailBytes > 0);
});

test('packs sort by number whatever the width; other files are ignored', async () => {
  const dir = tempDb();
  await run(dir, { nameWidth: 1 });
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
  fs.writeFileSync(path.join(dir, 'p1.pack.tmp'), 'x');
  fs.mkdirSync(path.join(dir, 'p99.pack'));
  const report = validatePacks(dir);
  assert.ok(report.ok, report.problems.join('\n'));
  assert.equal(report.packs.slice(8, 11).map((pack) => pack.name), ['p9.pack', 'p10.pack', 'p11.pack']);
  assert.equal(report.ignored, ['notes.txt', 'p1.pack.tmp', 'p99.pack']);
});

test('a full-speed run lets the event loop turn, and an AbortSignal stops it', async () => {
  const dir = tempDb();
  const stop = new AbortController();
  let turns = 0;
  const tick = () => {
    if (++turns === 50) stop.abort();
    else setImmediate(tick);
  };
  setImmediate(tick);
  const summary = await run(dir, { transactions: 0, signal: stop.signal });
  assert.is(turns, 50);
  assert.ok(summary.transactions > 0);
  assert.ok(validatePacks(dir).ok);
});

function spawnEngine(dir: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', engineScript, dir, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function waitForPacks(dir: string, count: number): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 5000; ) {
    if (fs.existsSync(dir) && listPackFiles(dir).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${count} packs in ${dir} after 5 s`);
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout })));
}

test('SIGKILL mid-run leaves a directory the validator accepts', async () => {
  const dir = tempDb();
  const child = spawnEngine(dir, ['--tx', '0', '--pack-size', '65536', '--keep', '3', '--writes-per-tx', '8']);
  const exit = exitOf(child);
  await waitForPacks(dir, 3);
  child.kill('SIGKILL');
  assert.is((await exit).signal, 'SIGKILL');
  const report = validatePacks(dir);
  assert.ok(report.ok, report.problems.join('\n'));
  assert.ok(report.totalTransactions > 0);
});

test('SIGTERM stops at a transaction boundary, exits 0 and prints the JSON summary', async () => {
  const dir = tempDb();
  const child = spawnEngine(dir, ['--tx', '0', '--rate', '1000', '--json']);
  const exit = exitOf(child);
  await waitForPacks(dir, 1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  child.kill('SIGTERM');
  const { code, stdout } = await exit;
  assert.is(code, 0);
  const summary = JSON.parse(stdout) as EngineSummary;
  assert.ok(summary.transactions > 0);
  const report = validatePacks(dir, { allowTornTailInLast: false });
  assert.ok(report.ok, report.problems.join('\n'));
  assert.is(report.lastTxId, summary.lastTxId);
});

test.run();
