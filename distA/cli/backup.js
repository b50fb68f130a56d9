/**
 * `rdm-journal backup <source-dir> <target-dir>`: a drop-in for the engine's
 * `rdm-hot-backup SOURCE TARGET`. Records and replays in one process, follows until SIGINT/SIGTERM,
 * then records what the source holds, applies it, and leaves the target usable.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RdmJournalError } from '../errors.js';
import { Journal } from '../journal/journal.js';
import { Recorder } from '../capture/recorder.js';
import { overlaps } from '../paths.js';
import { checkTargets, replay } from '../replay/replayer.js';
import { refuseForeignDirectory } from '../replay/target.js';
import { DATABASE_SUFFIX, checkSource } from '../capture/source.js';
import { formatBytes } from './format.js';
import { databaseNamed, refuseJournalInside } from './locations.js';
import { reportReplay } from './replay-report.js';
import { untilSignal } from './signals.js';
export function defaultBackupJournal(target) {
    return `${path.resolve(target)}.journal`;
}
/**
 * `rdm-hot-backup DB DB-COPY` names both databases without `.rdm`: when the source was named so,
 * the target is too (DB-COPY is DB-COPY.rdm), unless a DB-COPY exists as given (an existing backup
 * directory is never renamed under its owner).
 */
function targetNamedLikeSource(target, out) {
    if (target.endsWith(DATABASE_SUFFIX) || existsSync(target))
        return target;
    const suffixed = target.replace(/\/+$/, '') + DATABASE_SUFFIX;
    out.info(`the source was named without ${DATABASE_SUFFIX}: backing up to ${suffixed}`);
    return suffixed;
}
export async function backup(options) {
    // Listen from the start: a signal during the first snapshot stops the backup after it, exit 0.
    const listening = new AbortController();
    const signalled = untilSignal(listening.signal);
    try {
        await backupUntil(signalled, options);
    }
    finally {
        listening.abort();
    }
}
async function backupUntil(signalled, { source: sourceDir, target, journal: journalDir, noDelete, metrics: metricsAt, out }) {
    const named = databaseNamed(sourceDir, out);
    const source = checkSource(named.dir);
    const targetDir = path.resolve(named.suffixed ? targetNamedLikeSource(target, out) : target);
    if (overlaps(targetDir, source.path)) {
        throw new RdmJournalError('USAGE', `target ${targetDir} is the source ${source.path}, inside it, or holds it`, { hint: 'put the backup outside the database directory (symlinks are resolved)' });
    }
    refuseForeignDirectory(targetDir); // before the journal is created next to it
    const journalPath = journalDir ?? defaultBackupJournal(targetDir);
    refuseJournalInside(journalPath, source.path, 'source');
    refuseJournalInside(journalPath, targetDir, 'target');
    const journal = await Journal.open(journalPath, { create: true, upgrade: true });
    const stopReplay = new AbortController();
    const recorder = new Recorder({ journal, source, warn: (message) => out.warn(message) });
    let recording = false;
    let replaying = Promise.resolve();
    const cursors = new Map();
    let metrics = null;
    try {
        metrics = metricsAt === undefined ? null : await (await import('./metrics.js')).startMetrics(metricsAt, { journal, source: source.path, targets: { paths: [targetDir], cursors } }, out);
        await checkTargets(journal, [targetDir]); // refuse a bad target before recording anything
        await recorder.start();
        recording = true;
        const applied = replay({
            journal, targets: [targetDir], follow: true, noDelete, signal: stopReplay.signal,
            onProgress: (p) => {
                cursors.set(p.target, p.seq);
                out.progress(`${p.target}: op ${p.seq} of ${journal.head}, ${formatBytes(p.bytes)} written`);
            },
        });
        replaying = applied.catch(() => { }); // its error is observed through `applied`
        out.info(`backing up ${source.path} to ${targetDir} (journal ${journal.location}); stop with Ctrl-C or SIGTERM`);
        const signal = await Promise.race([signalled, recorder.failed, applied.then(() => 'done')]);
        out.info(`${signal}: recording and applying what the source holds now, then stopping`);
        recording = false;
        await recorder.stop();
        stopReplay.abort();
        reportReplay(out, journal, await applied);
    }
    finally {
        stopReplay.abort();
        if (recording)
            await recorder.stop().catch(() => { }); // the error that brought us here wins
        await replaying;
        await metrics?.close();
        await journal.close();
    }
}
//# sourceMappingURL=backup.js.map