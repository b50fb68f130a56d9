/**
 * The built-in demo, the whole story: the simulated engine writes a rotating, vacuuming database
 * while `rdm-journal record` (the real CLI, in its own process) follows it; `rdm-journal replay`
 * then makes a copy, and the copy is checked against the source byte for byte; a second replay
 * with --no-delete keeps every pack the engine deleted, and the engine's own validator checks that
 * not one transaction is missing from them.
 *
 *   npm run demo [-- --tx 20000 --keep-files]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Journal } from '../src/journal/journal.js';
import { verifyDirectory } from '../src/upkeep/verify-target.js';
import { validatePacks } from '../test/engine/packs.js';

const CLI = path.resolve('dist/cli/bin.js');
const ENGINE = path.resolve('tools/engine-sim.ts');

const { values: args } = parseArgs({ options: {
  tx: { type: 'string', default: '20000' },
  'keep-files': { type: 'boolean', default: false },
} });

async function demo(): Promise<boolean> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'rdm-journal-demo-'));
  const db = path.join(work, 'DB.rdm');
  const journalDir = path.join(work, 'rdm.journal');
  try {
    step(`1. recorder: rdm-journal record ${db} --journal ${journalDir}`);
    mkdirSync(db);
    const recorder = spawn(process.execPath, [CLI, 'record', db, '--journal', journalDir, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const recorderOutput = collect(recorder);
    await waitFor(() => recorderOutput().includes('"event":"info"'), 'the recorder to start', recorder);

    step(`2. engine: ${args.tx} transactions at full speed, 1 MiB packs, keeping the newest 4`);
    const engine = JSON.parse(await runEngine(db, ['--tx', args.tx!, '--pack-size', String(1024 * 1024), '--keep', '4',
      '--writes-per-tx', '3', '--seed', '7', '--json']));
    console.log(`   wrote ${engine.transactions} transactions, ${(engine.bytesWritten / 1048576).toFixed(1)} MiB; ` +
      `created ${engine.packsCreated} packs, deleted ${engine.packsDeleted}; now ${engine.firstPack} .. ${engine.lastPack}`);

    step('3. SIGTERM to the recorder: it records what the source holds now, then exits');
    recorder.kill('SIGTERM');
    const code = await exitCode(recorder);
    const result = recorderOutput().split('\n').filter((l) => l.includes('"event":"result"')).map((l) => JSON.parse(l))[0];
    console.log(`   exit ${code}; ${result?.ops} ops recorded, journal at op ${result?.head}, ${result?.resyncs} resyncs`);

    const copy = path.join(work, 'DB-COPY.rdm');
    step(`4. replay: rdm-journal replay --to ${copy}`);
    console.log(`   ${await runCli(['replay', '--journal', journalDir, '--to', copy])}`);

    step('5. check: the copy holds exactly what the source holds, byte for byte');
    const journal = await Journal.open(journalDir);
    const [journalVsSource, journalVsCopy] = await Promise.all([verifyDirectory(journal, db), verifyDirectory(journal, copy)])
      .finally(() => journal.close());
    const sameBytes = sameFiles(db, copy);
    console.log(`   source: ${describe(journalVsSource)}; copy: ${describe(journalVsCopy)}; ` +
      `source and copy compared directly: ${sameBytes ? 'identical' : 'DIFFERENT'}`);

    const everything = path.join(work, 'ALL-PACKS.rdm');
    step(`6. replay --no-delete: every pack the engine ever wrote, deleted ones included, into ${everything}`);
    console.log(`   ${await runCli(['replay', '--journal', journalDir, '--to', everything, '--no-delete'])}`);
    const packs = validatePacks(everything, { requireContiguous: true });
    console.log(`   engine validator: ${packs.packs.length} packs, transactions 1..${packs.lastTxId}: ` +
      `${packs.ok ? 'all present, all whole: nothing was lost before a delete' : packs.problems.slice(0, 3).join('; ')}`);
    const ok = code === 0 && journalVsSource.ok && journalVsCopy.ok && sameBytes && packs.ok && packs.lastTxId === engine.lastTxId;
    console.log(ok ? 'demo OK' : 'demo FAILED');
    return ok;
  } finally {
    if (args['keep-files']) console.log(`files kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function describe(report: { ok: boolean; files: number; bytes: number; problems: string[] }): string {
  return report.ok ? `${report.files} files, ${(report.bytes / 1048576).toFixed(1)} MiB as recorded` : `DIFFERENT (${report.problems[0]})`;
}

/** Regular files of two directories: same names, same bytes. */
function sameFiles(a: string, b: string): boolean {
  const names = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
  const left = names(a);
  return JSON.stringify(left) === JSON.stringify(names(b)) &&
    left.every((name) => readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))));
}

async function runCli(cliArgs: string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...cliArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => { text += chunk.toString(); }); // the result
  child.stderr!.on('data', (chunk: Buffer) => { text += chunk.toString(); }); // and any error
  const code = await exitCode(child);
  if (code !== 0) throw new Error(`rdm-journal ${cliArgs.join(' ')} exited with ${code}: ${text}`);
  return text.trim();
}

function runEngine(db: string, engineArgs: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENGINE, db, ...engineArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  const output = collect(child);
  return exitCode(child).then((code) => {
    if (code !== 0) throw new Error(`engine simulator exited with ${code}`);
    return output();
  });
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  return () => text;
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function waitFor(ready: () => boolean, what: string, child: ChildProcess): Promise<void> {
  for (let waited = 0; !ready(); waited += 20) {
    if (child.exitCode !== null) throw new Error(`gave up waiting for ${what}: it exited with ${child.exitCode}`);
    if (waited > 20_000) throw new Error(`gave up waiting for ${what} after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function step(text: string): void {
  console.log(text);
}

process.exitCode = (await demo()) ? 0 : 1;
