/**
 * The command line: declares the commands and maps outcomes to exit status. The only place that
 * decides exit codes: 0 success, 1 a failure with an error code, 2 a usage error.
 * Command modules are imported lazily so `--version` and `--help` start fast.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { RdmJournalError } from '../errors.js';
import { Output } from './output.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

interface GlobalOptions { journal: string; quiet?: boolean; json?: boolean }

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  let out = new Output({ json: argv.includes('--json') });
  const program = new Command('rdm-journal')
    .description('Hot backup for RDM databases: record every pack-file create, append and delete into a journal')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .addOption(new Option('--journal <dir>', 'journal directory').env('RDM_JOURNAL').default('./rdm.journal'))
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print results as JSON lines on stdout, for machines')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => { if (!out.json) write(text); } })
    .addHelpText('after', `
Exit status: 0 success, 1 failure (an error code is printed, e.g. JOURNAL_LOCKED), 2 usage error.
Journal format and error codes: see journal-format/README.md and README.md.`);

  program.command('record')
    .description('record the source directory into the journal: a snapshot, then every change until SIGINT/SIGTERM')
    .argument('<source-dir>', 'the database directory (DB.rdm) to watch; must be on a local filesystem')
    .option('--once', 'record the current state and exit')
    .action(async (sourceDir: string, options: { once?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      out = new Output(globals);
      const { record } = await import('./record.js');
      await record({ source: sourceDir, journal: globals.journal, once: options.once ?? false, out });
    });

  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.ok;
      if (out.json) out.error(new RdmJournalError('USAGE', err.message.replace(/^error: /, '')));
      return EXIT.usage;
    }
    out.error(err);
    return err instanceof RdmJournalError && err.code === 'USAGE' ? EXIT.usage : EXIT.failure;
  }
}
