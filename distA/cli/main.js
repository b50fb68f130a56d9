/**
 * The command line: declares the commands and maps outcomes to exit status (exit-status.ts: 0
 * success, 1 a fatal error, 2 a usage error, 75 a retryable error).
 * Command modules are imported lazily so `--version` and `--help` start fast.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { RdmJournalError } from '../errors.js';
import { EXIT, exitStatusOf } from './exit-status.js';
import { Output } from './output.js';
function parseCount(option, value) {
    if (!/^\d+$/.test(value))
        throw new RdmJournalError('USAGE', `${option} ${JSON.stringify(value)} is not a whole number`, { hint: `e.g. ${option} 100` });
    return Number(value);
}
/** `--metrics`, checked before any work starts (the metrics module loads only when asked for). */
async function metricsAddress(value) {
    if (value === undefined)
        return undefined;
    const { parseMetricsAddress } = await import('./metrics.js');
    return parseMetricsAddress(value);
}
function packageVersion() {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return pkg.version;
}
export async function main(argv) {
    let out = new Output({ json: argv.includes('--json') });
    const program = new Command('rdm-journal')
        .description('Hot backup for RDM databases: record every pack-file create, append and delete into a journal')
        .version(packageVersion(), '-V, --version', 'print the version and exit')
        .addOption(new Option('--journal <dir>', 'journal directory').env('RDM_JOURNAL').default('./rdm.journal'))
        .option('-q, --quiet', 'print nothing but errors')
        .option('--json', 'print results as JSON lines on stdout, for machines (times in UTC, sizes in bytes)')
        .option('--utc', 'print times in UTC instead of the local time zone')
        .showHelpAfterError('(run with --help for usage)')
        .configureHelp({ showGlobalOptions: true })
        .exitOverride()
        .configureOutput({ outputError: (text, write) => { if (!out.json)
            write(text); } })
        .addHelpText('after', `
Exit status: 0 success, 1 fatal error (an error code is printed, e.g. TARGET_DIVERGED), 2 usage error,
75 retryable error (e.g. TARGET_NO_SPACE, JOURNAL_LOCKED: the same command may succeed later).
Journal format and error codes: see journal-format/README.md and README.md.`);
    program.command('record')
        .description('record the source directory into the journal: a snapshot, then every change until SIGINT/SIGTERM')
        .argument('<source-dir>', 'the database directory (DB.rdm, or DB as the engine names it) to watch; must be on a local filesystem')
        .option('--once', 'record the current state and exit')
        .option('--retain <duration>', 'keep the history of this long (90s, 30m, 12h, 7d, 2w) and prune older deleted files while recording; lagging targets hold it back')
        .option('--metrics <[host:]port>', 'serve Prometheus metrics at http://HOST:PORT/metrics while running (a bare port listens on 127.0.0.1 only)')
        .addHelpText('after', `
Examples:
  rdm-journal record /var/lib/rdm/DB.rdm --journal /backup/DB.journal
  rdm-journal record DB.rdm --once --json      # one snapshot, result as JSON
  rdm-journal record DB.rdm --retain 7d        # a journal that does not grow forever`)
        .action(async (sourceDir, options, command) => {
        const globals = command.optsWithGlobals();
        out = new Output(globals);
        const { parseDuration } = await import('./points.js');
        const retainMs = options.retain === undefined ? undefined : parseDuration('--retain', options.retain);
        const metrics = await metricsAddress(options.metrics);
        const { record } = await import('./record.js');
        await record({ source: sourceDir, journal: globals.journal, once: options.once ?? false, retainMs, metrics, out });
    });
    program.command('replay')
        .description('apply the journal to one or more targets, each from its own durable cursor')
        .requiredOption('--to <target-dir>', 'a target directory (repeat for several)', (dir, dirs) => [...(dirs ?? []), dir])
        .option('--follow', 'keep applying new ops as a recorder (in any process) adds them, until SIGINT/SIGTERM')
        .option('--no-delete', 'keep files the source deleted, whole, on the targets')
        .option('--until <seq|time>', 'stop at this op number, or at the last op recorded at or before this ISO-8601 time')
        .option('--resync', 'first rebuild each target to the journal\'s current state (a target expired by prune --force, or one to repair)')
        .option('--metrics <[host:]port>', 'serve Prometheus metrics at http://HOST:PORT/metrics while running (a bare port listens on 127.0.0.1 only)')
        .option('--from <s3-url>', 'replay a replica shipped by rdm-journal ship (s3://BUCKET/PREFIX) instead of a local journal')
        .addHelpText('after', `
Examples:
  rdm-journal replay --journal /backup/DB.journal --to /backup/DB-COPY.rdm
  rdm-journal replay --to /restore/DB.rdm --until 2026-11-24T03:00:00Z   # the database as it was then
  rdm-journal replay --from s3://backups/db1 --to /restore/DB.rdm         # on another host, no local journal`)
        .action(async (options, command) => {
        const globals = command.optsWithGlobals();
        out = new Output(globals);
        if (options.from !== undefined) {
            const { replayFromCommand } = await import('./replay-from.js');
            await replayFromCommand({ from: options.from, targets: options.to, noDelete: !options.delete, until: options.until,
                follow: options.follow ?? false, resync: options.resync ?? false, out });
            return;
        }
        const metrics = await metricsAddress(options.metrics);
        const { replayCommand } = await import('./replay.js');
        await replayCommand({ targets: options.to, journal: globals.journal, follow: options.follow ?? false,
            noDelete: !options.delete, until: options.until, resync: options.resync ?? false, metrics, out });
    });
    program.command('ship')
        .description('ship the journal\'s ops to S3-compatible storage as immutable objects, for replay --from on another host')
        .requiredOption('--to <s3-url>', 'where: s3://BUCKET/PREFIX (credentials and endpoint from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL)')
        .option('--follow', 'keep shipping as a recorder (in any process) commits ops, until SIGINT/SIGTERM')
        .addHelpText('after', `
Examples:
  rdm-journal ship --journal /backup/DB.journal --to s3://backups/db1
  AWS_ENDPOINT_URL=http://minio:9000 rdm-journal ship --to s3://backups/db1 --follow`)
        .action(async (options, command) => {
        const globals = command.optsWithGlobals();
        out = new Output(globals);
        const { shipCommand } = await import('./ship.js');
        await shipCommand({ to: options.to, journal: globals.journal, follow: options.follow ?? false, out });
    });
    program.command('backup')
        .description('hot backup in one process (drop-in for rdm-hot-backup): record SOURCE and replay it to TARGET until SIGINT/SIGTERM')
        .argument('<source-dir>', 'the database directory (DB.rdm, or DB as rdm-hot-backup names it) to back up; must be on a local filesystem')
        .argument('<target-dir>', 'the backup directory (DB-COPY.rdm; DB-COPY means DB-COPY.rdm when the source was named DB and DB-COPY does not exist); the journal goes next to it (<target-dir>.journal) unless --journal is given')
        .option('--no-delete', 'keep files the source deleted, whole, on the target')
        .option('--metrics <[host:]port>', 'serve Prometheus metrics at http://HOST:PORT/metrics while running (a bare port listens on 127.0.0.1 only)')
        .addHelpText('after', `
Stop it with Ctrl-C or SIGTERM: it records and applies what the source holds at that moment, then
exits 0 with the target usable. Run the same command again to resume.

Example:
  rdm-journal backup /var/lib/rdm/DB.rdm /backup/DB-COPY.rdm`)
        .action(async (sourceDir, targetDir, options, command) => {
        const globals = command.optsWithGlobals();
        out = new Output(globals);
        const chosen = program.getOptionValueSource('journal') !== 'default';
        const metrics = await metricsAddress(options.metrics);
        const { backup } = await import('./backup.js');
        await backup({ source: sourceDir, target: targetDir, journal: chosen ? globals.journal : undefined, noDelete: !options.delete, metrics, out });
    });
    const POINT = 'an op number, or an ISO-8601 time (2026-11-24T03:00:00Z; no zone: local time)';
    const collect = (value, previous) => [...(previous ?? []), value];
    /** Runs a command with the global options applied to the output. */
    const run = (work) => async (...args) => {
        const command = args[args.length - 1];
        const globals = command.optsWithGlobals();
        out = new Output(globals);
        await work(globals, ...args.slice(0, -1));
    };
    program.command('log')
        .description('the ops in the journal, one line each (seq, record time, kind, file, offset, length, CRC-32), streamed')
        .option('--file <name>', 'only ops on this file (read through the per-file index)')
        .option('--kind <kind>', 'only ops of this kind: create, append, delete or resync (repeat or comma-separate)', collect)
        .option('--from <seq|time|s3-url>', `start at this point: ${POINT}; or s3://BUCKET/PREFIX: the ops of that replica`)
        .option('--until <seq|time>', 'stop at this point (inclusive)')
        .option('--limit <n>', 'print at most this many ops')
        .addHelpText('after', `
Examples:
  rdm-journal log --file p00000042.pack --kind create,delete
  rdm-journal log --from 2026-11-24T02:55:00 --until 2026-11-24T03:05:00 --kind resync
  rdm-journal log --json | jq -c 'select(.kind == "delete")'`)
        .action(run(async (globals, options) => {
        if (options.from?.startsWith('s3://')) {
            if (options.file !== undefined || options.kind !== undefined)
                throw new RdmJournalError('USAGE', 'log --from s3://... takes --until and --limit only', { hint: 'filter its --json output with jq' });
            const { replicaLog } = await import('./replica-inspect.js');
            await replicaLog({ from: options.from, until: options.until, limit: options.limit === undefined ? undefined : parseCount('--limit', options.limit), utc: globals.utc ?? false, out });
            return;
        }
        const { log } = await import('./log.js');
        await log({ journal: globals.journal, file: options.file, kinds: options.kind, from: options.from, until: options.until,
            limit: options.limit === undefined ? undefined : parseCount('--limit', options.limit), utc: globals.utc ?? false, out });
    }));
    program.command('show')
        .description('one op in full; an append\'s bytes as a hexdump addressed by file offset')
        .argument('<seq>', 'the op number')
        .option('--raw', 'write only the append\'s bytes to stdout')
        .action(run(async (globals, seq, options) => {
        const { show } = await import('./inspect.js');
        await show({ journal: globals.journal, seq: parseCount('SEQ', seq), raw: options.raw ?? false, utc: globals.utc ?? false, out });
    }));
    program.command('files')
        .description('the files that existed at a point, with their sizes (default: now)')
        .option('--at <seq|time>', `the point: ${POINT}`)
        .action(run(async (globals, options) => {
        const { files } = await import('./inspect.js');
        await files({ journal: globals.journal, at: options.at, utc: globals.utc ?? false, out });
    }));
    program.command('history')
        .description('the life of one file: created, appended how often and how much, resyncs, deleted')
        .argument('<file>', 'the file name, e.g. p00000042.pack')
        .action(run(async (globals, file) => {
        const { history } = await import('./inspect.js');
        await history({ journal: globals.journal, file, utc: globals.utc ?? false, out });
    }));
    program.command('cat')
        .description('write one file\'s content as it was at a point, rebuilt from the journal, to stdout')
        .argument('<file>', 'the file name, e.g. p00000042.pack')
        .option('--at <seq|time>', `the point (default: now): ${POINT}`)
        .addHelpText('after', `
Example:
  rdm-journal cat p00000042.pack --at 2026-11-24T03:00:00Z > p00000042.pack.then`)
        .action(run(async (globals, file, options) => {
        const { cat } = await import('./inspect.js');
        await cat({ journal: globals.journal, file, at: options.at, utc: globals.utc ?? false, out });
    }));
    program.command('status')
        .description('the journal (ops by kind, time range, bytes held, live files), the recorder, and each known target with its lag')
        .option('--from <s3-url>', 'a replica shipped by rdm-journal ship (s3://BUCKET/PREFIX) instead of the local journal')
        .action(run(async (globals, options) => {
        if (options.from !== undefined) {
            const { replicaStatus } = await import('./replica-inspect.js');
            await replicaStatus({ from: options.from, utc: globals.utc ?? false, out });
            return;
        }
        const { status } = await import('./status.js');
        await status({ journal: globals.journal, utc: globals.utc ?? false, out });
    }));
    program.command('verify')
        .description('check the whole journal (sequence, checksums, consistency); with --to, a target byte for byte at its cursor')
        .option('--to <target-dir>', 'also compare this target with the journal\'s state at the target\'s cursor')
        .addHelpText('after', `
Exit status 0 only when all is well; each finding is printed with its op (VERIFY_FAILED otherwise).`)
        .option('--from <s3-url>', 'verify a replica shipped by rdm-journal ship (s3://BUCKET/PREFIX): every object\'s checksum, every op, no gap')
        .action(run(async (globals, options) => {
        if (options.from !== undefined) {
            const { replicaVerify } = await import('./replica-inspect.js');
            await replicaVerify({ from: options.from, out });
            return;
        }
        const { verifyCommand } = await import('./verify.js');
        await verifyCommand({ journal: globals.journal, target: options.to, out });
    }));
    program.command('prune')
        .description('remove the history of files whose whole life ended before a point; known targets are respected')
        .option('--before <seq|time>', `remove lives that ended before this point: ${POINT}`)
        .option('--keep <duration>', 'remove lives that ended longer ago than this: 90s, 30m, 12h, 7d, 2w')
        .option('--dry-run', 'say what would go and how many bytes it frees; change nothing')
        .option('--force', 'prune past targets whose cursor is older; they expire (rebuild with replay --resync)')
        .addHelpText('after', `
What remains rebuilds the source as it was at any point from the horizon on; a new target replayed
from the start ends identical to the source. A known target behind the horizon blocks the prune
(PRUNE_BLOCKED) unless --force.

Examples:
  rdm-journal prune --keep 7d --dry-run
  rdm-journal prune --before 2026-11-01T00:00:00Z`)
        .action(run(async (globals, options) => {
        const { pruneCommand } = await import('./prune.js');
        await pruneCommand({ journal: globals.journal, before: options.before, keep: options.keep, dryRun: options.dryRun ?? false,
            force: options.force ?? false, utc: globals.utc ?? false, out });
    }));
    program.command('report')
        .description('draw the journal on one time axis as a self-contained HTML file: file lives, write rate, resyncs, targets')
        .option('--from <seq|time>', `start at this point: ${POINT}`)
        .option('--until <seq|time>', 'end at this point (inclusive)')
        .option('--out <file.html>', 'where to write the page', 'rdm-journal-report.html')
        .addHelpText('after', `
The page needs no network: open it in any browser. Hover a bar for its file, ops and size.

Examples:
  rdm-journal report --out /tmp/DB.html
  rdm-journal report --from 2026-11-24T02:00:00 --until 2026-11-24T04:00:00 --utc`)
        .action(run(async (globals, options) => {
        const { report } = await import('./report.js');
        await report({ journal: globals.journal, from: options.from, until: options.until, file: options.out, utc: globals.utc ?? false, out });
    }));
    program.command('upgrade')
        .description('bring a journal written by an older rdm-journal to the current format, in place (record also does it)')
        .action(run(async (globals) => {
        const { upgrade } = await import('./upgrade.js');
        await upgrade({ journal: globals.journal, out });
    }));
    try {
        await program.parseAsync(argv);
        return EXIT.ok;
    }
    catch (err) {
        if (err instanceof CommanderError) {
            if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0)
                return EXIT.ok;
            const message = err.code === 'commander.help' ? 'no command given' : err.message.replace(/^error: /, '');
            if (out.json)
                out.error(new RdmJournalError('USAGE', message, { hint: 'run rdm-journal --help for the commands' }));
            return EXIT.usage;
        }
        out.error(err);
        return exitStatusOf(err);
    }
}
//# sourceMappingURL=main.js.map