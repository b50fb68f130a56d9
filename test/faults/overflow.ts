/**
 * inotify overflow: the kernel drops events (a tiny queue, or a recorder frozen while events pile up);
 * an overflow resync is recorded and the copy still ends identical.
 *
 * Part of the fault-injection suite: tools/faults.ts runs it long, test/faults.test.ts short.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RECORDING, engineSummary, readJournal, runEngine, sleep, spawnEngine, waitForOutput, type EngineSummary } from '../support.js';
import { MAX_QUEUED_EVENTS, Rng, childOutcome, cli, withQueueLimit } from './support.js';
import { type FaultRow, Row, type ScenarioOptions, quiet } from './row.js';
import { FOLLOWING, type Dirs, makeDirs, startRecorder, startFollower, stopCleanly, checkEnd, removeRunIfClean } from './run.js';

// ---------------------------------------------------------------------------------------------
// 2. inotify overflow

/**
 * Two ways to make the kernel drop events: (A, root) a recorder started with
 * fs.inotify.max_queued_events = 16, restored right after; (B, anyone) the recorder frozen with
 * SIGSTOP while more events than the queue holds arrive, then SIGCONT. Each time: an overflow
 * resync is recorded, the replay --follow copy (a separate process) ends identical, verify passes.
 */
export async function overflow(options: ScenarioOptions & { runs?: number; variants?: string[] } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('inotify overflow', log);
  for (let run = 0; run < (options.runs ?? 1); run++) {
    // A: a queue of 16 events
    if (!options.variants || options.variants.includes('A')) {
      row.context = 'A';
      const d = makeDirs('rdm-overflow-');
      const original = fs.existsSync(MAX_QUEUED_EVENTS) ? fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8').trim() : null;
      const recorder = await withQueueLimit(16, async () => startRecorder(row, d));
      if (original !== null && fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8').trim() !== original) row.fail(`${MAX_QUEUED_EVENTS} was not restored to ${original}`);
      if (recorder === null) {
        row.note(`A skipped: cannot write ${MAX_QUEUED_EVENTS} (not root)`);
      } else {
        const replayer = await startFollower(row, d);
        const summary = await engineSummary(spawnEngine(d.src, {
          transactions: 3000, minSize: 16, maxSize: 64, writesPerTx: 4, packSize: 512, keep: 2, seed: rng.int(1, 2 ** 30),
        }), 120_000).catch((err: Error) => { row.fail(`engine: ${err.message}`); return null; });
        await stopCleanly(row, recorder, 'the recorder', RECORDING);
        await stopCleanly(row, replayer, 'replay --follow', FOLLOWING);
        await finishOverflow(row, d, summary, 'A (max_queued_events 16)');
      }
      removeRunIfClean(row, d);
    }
    // B: the recorder frozen (SIGSTOP) while more events than its queue holds arrive, then let go;
    // C: the same, but SIGTERM comes with SIGCONT: the overflow is still pending when it stops.
    for (const variant of ['B (SIGSTOP, flood, SIGCONT)', 'C (SIGSTOP, flood, SIGTERM at once)'] as const) {
      row.context = variant[0]!;
      if (options.variants && !options.variants.includes(row.context)) continue;
      const d = makeDirs('rdm-overflow-');
      const recorder = await startRecorder(row, d);
      const replayer = await startFollower(row, d);
      let summary: EngineSummary | null = null;
      if (recorder && replayer) {
        const limit = Number(fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8').trim()) || 16384;
        const engine = { minSize: 16, maxSize: 64, packSize: 512, keep: 2 };
        const first = await runEngine({ dir: d.src, transactions: 200, ...engine, seed: rng.int(1, 2 ** 30) });
        await sleep(300);
        recorder.kill('SIGSTOP');
        let stopped = false;
        try {
          // Packs come and go (their events dropped once the queue is full), and two files take
          // turns so that the kernel cannot merge their events.
          const during = await runEngine({ dir: d.src, transactions: 1500, ...engine, seed: rng.int(1, 2 ** 30) });
          const a = fs.openSync(path.join(d.src, 'flood-a.dat'), 'a');
          const b = fs.openSync(path.join(d.src, 'flood-b.dat'), 'a');
          for (let i = 0; i < limit + 2000; i++) fs.writeSync(i % 2 === 0 ? a : b, 'x');
          fs.closeSync(a);
          fs.closeSync(b);
          summary = { ...during, packsCreated: first.packsCreated + during.packsCreated };
          if (variant.startsWith('C')) {
            recorder.kill('SIGTERM');
            stopped = true;
          }
        } finally {
          recorder.kill('SIGCONT');
        }
        if (!stopped) {
          await waitForOutput(recorder, /dropped inotify events/, 60_000).catch(() => undefined);
          const after = await runEngine({ dir: d.src, transactions: 200, ...engine, seed: rng.int(1, 2 ** 30) });
          summary = { ...after, packsCreated: summary!.packsCreated + after.packsCreated };
        }
      }
      if (variant.startsWith('C') && recorder) {
        // Its SIGTERM was sent already (a second one would mean "exit now").
        row.expect(`${variant}: the recorder, SIGTERM while frozen`, await childOutcome(recorder, 120_000), 0);
      } else await stopCleanly(row, recorder, `${variant}: the recorder`, RECORDING);
      await stopCleanly(row, replayer, `${variant}: replay --follow`, FOLLOWING);
      await finishOverflow(row, d, summary, variant);
      removeRunIfClean(row, d);
    }
  }
  row.context = '';
  row.note(`${row.details.overflowResyncs ?? 0} overflow resyncs recorded, ${row.details.packsUnseenInOverflow ?? 0} packs came and went inside an overflow's window, ` +
    `${row.details.packsMissed ?? 0} named missed`);
  return row.done();
}

async function finishOverflow(row: Row, d: Dirs, summary: EngineSummary | null, variant: string): Promise<void> {
  row.expect(`${variant}: the final replay`, await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
  const contents = await readJournal(d.journal).catch(() => null);
  const overflows = contents?.ops.filter((op) => op.type === 'resync' && op.reason === 'overflow').length ?? 0;
  row.count('overflowResyncs', overflows);
  if (overflows === 0) {
    row.fail(`${variant}: the kernel dropped events (more than max_queued_events arrived while the recorder was frozen), yet no overflow resync was recorded` +
      (variant.startsWith('C') ? ': SIGTERM came while the overflow was pending, and the last pass does not mark it' : ''));
  }
  else row.faultsInjected += 1;
  await checkEnd(row, d, { summary });
  row.runs += 1;
}
