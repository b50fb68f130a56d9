/** `rdm-journal record <source-dir>`: snapshot the source, then follow it until SIGINT/SIGTERM. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Journal } from '../journal/journal.js';
import { showUpgradeProgress } from './upgrade-progress.js';
import { Recorder } from '../capture/recorder.js';
import { Retention } from '../upkeep/retention.js';
import { checkSource } from '../capture/source.js';
import { formatBytes } from './format.js';
import { databaseNamed, refuseJournalInside } from './locations.js';
import { untilSignal } from './signals.js';
export async function record({ source: sourceDir, journal: journalDir, once, retainMs, metrics, out }) {
    // Listen from the start: a signal during a long snapshot ends recording after it, exit 0.
    const listening = new AbortController();
    const signalled = untilSignal(listening.signal);
    try {
        await recordUntil(signalled, { source: sourceDir, journal: journalDir, once, retainMs, metrics, out });
    }
    finally {
        listening.abort();
    }
}
async function recordUntil(signalled, { source: sourceDir, journal: journalDir, once, retainMs, metrics: metricsAt, out }) {
    const source = checkSource(databaseNamed(sourceDir, out).dir);
    refuseJournalInside(journalDir, source.path, 'source');
    const journal = await Journal.open(journalDir, { create: true, upgrade: true, onUpgradeProgress: (progress) => showUpgradeProgress(out, progress) });
    const started = Date.now();
    const recorder = new Recorder({ journal, source, warn: (message) => out.warn(message) });
    let retention = null;
    const metrics = metricsAt === undefined ? null : await (await import('./metrics.js')).startMetrics(metricsAt, { journal, source: source.path }, out)
        .catch(async (err) => {
        await journal.close();
        throw err;
    });
    try {
        await startWithProgress(recorder, source.path, out);
        if (retainMs !== undefined) {
            retention = new Retention({ journal, windowMs: retainMs, warn: (message) => out.warn(message) });
            if (once)
                await retention.tick();
        }
        if (!once) {
            out.info(`recording ${source.path} into ${journal.location} (up to op ${journal.head}); stop with Ctrl-C or SIGTERM`);
            const signal = await Promise.race([signalled, recorder.failed.catch(() => null)]);
            if (signal)
                out.info(`${signal}: recording what the source holds now, then stopping`);
        }
        await retention?.stop();
        await recorder.stop(); // rethrows what made recording fail, if anything did
        report(out, source.path, journal, { ...recorder.stats, ...(retention ? { pruned: retention.totals } : {}) }, Date.now() - started);
    }
    finally {
        await retention?.stop();
        recorder.close();
        await metrics?.close();
        await journal.close();
    }
}
async function startWithProgress(recorder, source, out) {
    // The bytes to read: what the source's files hold now (the engine may add some meanwhile).
    const total = bytesIn(source);
    const ticker = setInterval(() => {
        out.progress(`snapshot of ${source}`, { value: recorder.stats.appendedBytes, total: Math.max(total, recorder.stats.appendedBytes), unit: 'bytes' });
    }, 250);
    try {
        await recorder.start();
    }
    finally {
        clearInterval(ticker);
    }
}
function bytesIn(dir) {
    let bytes = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isFile())
            continue;
        try {
            bytes += statSync(path.join(dir, entry.name)).size;
        }
        catch {
            // gone since the listing
        }
    }
    return bytes;
}
function report(out, source, journal, stats, elapsedMs) {
    const summary = { source, journal: journal.location, head: journal.head, elapsedMs, ...stats };
    const pruned = stats.pruned ? `; retention pruned ${stats.pruned.files} files (${formatBytes(stats.pruned.bytes)}) in ${stats.pruned.prunes} rounds` : '';
    out.result(summary, `recorded ${source}: ${stats.ops} ops (${stats.created} created, ${stats.deleted} deleted, ` +
        `${formatBytes(stats.appendedBytes)} appended, ${stats.resyncs} resyncs) in ${(elapsedMs / 1000).toFixed(1)} s; journal ${journal.location} is at op ${journal.head}${pruned}`);
}
//# sourceMappingURL=record.js.map