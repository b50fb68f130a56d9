/**
 * validate-packs: is a directory of the simulator's pack files (tools/engine-sim.ts, or a copy the
 * replayer made of one) a database the engine could open? The rules and the pack format are in
 * test/engine/packs.ts.
 *
 *   node --import tsx tools/validate-packs.ts <dir> [--json]     exit 0 valid, 1 invalid, 2 usage
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { validatePacks, type ValidationReport } from '../test/engine/packs.js';

// ---------------------------------------------------------------------------------------------
// CLI

function formatReport(report: ValidationReport): string {
  const lines = report.packs.map((pack) => {
    const content = pack.transactions === 0 ? 'empty' : `tx ${pack.firstTx}..${pack.lastTx} (${pack.transactions})`;
    const tail = pack.tornTailBytes > 0 ? `, torn tail ${pack.tornTailBytes} bytes` : '';
    return `  ${pack.name}  ${String(pack.size).padStart(10)} bytes  ${content}${tail}`;
  });
  if (report.ignored.length > 0) lines.push(`  ignored: ${report.ignored.join(', ')}`);
  if (report.ok) {
    lines.push(`OK: ${report.totalTransactions} transactions in ${report.packs.length} packs, last id ${report.lastTxId ?? 'none'}`);
  } else {
    lines.push(`INVALID: ${report.problems[0]}`, ...report.problems.slice(1).map((problem) => `  also: ${problem}`));
  }
  return `${report.dir}\n${lines.join('\n')}\n`;
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (parsed.positionals.length !== 1) throw new Error('expected exactly one <dir>');
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: node --import tsx tools/validate-packs.ts <dir> [--json]\n`);
    process.exitCode = 2;
    return;
  }
  const report = validatePacks(parsed.positionals[0]!);
  process.stdout.write(parsed.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  process.exitCode = report.ok ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
