/**
 * engine-sim: the engine simulator (test/engine/simulator.ts, where what it imitates is described)
 * from the command line, until SIGTERM/SIGINT or its --tx/--duration is done.
 *
 *   node --import tsx tools/engine-sim.ts <db-dir> [--tx N] [--duration SEC] [--rate TPS]
 *     [--min-size B] [--max-size B] [--writes-per-tx N] [--pack-size B] [--keep N]
 *     [--empty-packs P] [--name-width N] [--seed N] [--fsync] [--json]
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolveOptions, runEngine, type EngineOptions, type EngineSummary } from '../test/engine/simulator.js';

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: node --import tsx tools/engine-sim.ts <db-dir> [--tx N] [--duration SEC] [--rate TPS]
  [--min-size B] [--max-size B] [--writes-per-tx N] [--pack-size B] [--keep N] [--empty-packs P]
  [--name-width N] [--seed N] [--fsync] [--json]`;

function parseCommandLine(argv: string[]): { options: EngineOptions; json: boolean } | 'help' {
  const numeric = ['tx', 'duration', 'rate', 'min-size', 'max-size', 'writes-per-tx', 'pack-size', 'keep', 'empty-packs', 'name-width', 'seed'];
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...Object.fromEntries(numeric.map((name) => [name, { type: 'string' as const }])),
      fsync: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new RangeError('expected exactly one <db-dir>');
  const number = (name: string): number | undefined => {
    const text = (values as Record<string, string | boolean | undefined>)[name];
    if (typeof text !== 'string') return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new RangeError(`--${name} expects a number, got "${text}"`);
    return value;
  };
  const duration = number('duration');
  const options: EngineOptions = {
    dir: positionals[0]!,
    transactions: number('tx'),
    durationMs: duration === undefined ? undefined : duration * 1000,
    rate: number('rate'),
    minSize: number('min-size'),
    maxSize: number('max-size'),
    writesPerTx: number('writes-per-tx'),
    packSize: number('pack-size'),
    keep: number('keep'),
    emptyPacks: number('empty-packs'),
    nameWidth: number('name-width'),
    seed: number('seed'),
    fsync: values.fsync === true,
  };
  // --duration alone means "for that long", not "1000 transactions or that long, whichever first".
  if (options.transactions === undefined && options.durationMs !== undefined) options.transactions = 0;
  resolveOptions(options); // reports a bad value as a usage error, before anything is written
  return { options, json: values.json === true };
}

function describe(summary: EngineSummary): string {
  const range = summary.firstPack === null ? 'no packs' : `packs ${summary.firstPack}..${summary.lastPack}`;
  return `engine-sim: ${summary.transactions} transactions, ${summary.bytesWritten} bytes in ${summary.elapsedMs} ms; ` +
    `${range} (${summary.packsCreated} created, ${summary.packsDeleted} deleted); last tx id ${summary.lastTxId}`;
}

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const stop = new AbortController();
  process.once('SIGTERM', () => stop.abort());
  process.once('SIGINT', () => stop.abort());
  const summary = await runEngine({ ...command.options, signal: stop.signal });
  process.stdout.write(command.json ? `${JSON.stringify(summary)}\n` : `${describe(summary)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`engine-sim: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
