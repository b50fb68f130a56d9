/**
 * `rdm-journal report`: the journal on one time axis as a self-contained HTML file (lives, write
 * rate, resyncs, where targets stand). Written to a temporary name beside the output and renamed,
 * so a reader never sees half a page.
 */
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RdmJournalError } from '../errors.js';
import { buildTimeline } from '../inspect/timeline.js';
import { Journal } from '../journal/journal.js';
import { resolveFrom, resolveUpTo } from '../journal/points.js';
import { parsePoint } from './points.js';
import { formatBytes } from './format.js';
import { renderPage } from './report-page.js';
export async function report({ journal: dir, from, until, file, utc, out }) {
    const journal = await Journal.open(dir);
    let page;
    let counts;
    try {
        const head = await journal.refresh();
        if (head === 0)
            throw new RdmJournalError('USAGE', `journal ${journal.location} holds no op yet: there is nothing to draw`, { hint: 'run rdm-journal record first' });
        const first = Math.max(1, journal.horizon);
        const fromSeq = from === undefined ? first : Math.max(first, await resolveFrom(journal, parsePoint('--from', from)));
        const untilSeq = until === undefined ? head : Math.min(head, await resolveUpTo(journal, parsePoint('--until', until)));
        if (untilSeq < fromSeq) {
            throw new RdmJournalError('USAGE', `--from (op ${fromSeq}) is after --until (op ${untilSeq}): the window holds no op`, { hint: `give a window within ops ${first}..${head} (rdm-journal status shows the range)` });
        }
        out.progress(`reading ops ${fromSeq}..${untilSeq}`);
        const timeline = await buildTimeline(journal, { fromSeq, untilSeq });
        page = renderPage(timeline, { utc, generatedAt: Date.now() });
        counts = { lives: timeline.lives.length, resyncs: timeline.resyncs.length, targets: timeline.cursors.length, fromSeq, untilSeq };
    }
    finally {
        await journal.close();
    }
    const where = path.resolve(file);
    const temporary = `${where}.${process.pid}.tmp`;
    try {
        writeFileSync(temporary, page);
        renameSync(temporary, where);
    }
    catch (err) {
        rmSync(temporary, { force: true });
        throw new RdmJournalError('USAGE', `cannot write the report to ${where}: ${err.message}`, { hint: 'give --out a path in a writable directory', cause: err });
    }
    const bytes = statSync(where).size;
    out.result({ file: where, bytes, ops: { from: counts.fromSeq, until: counts.untilSeq }, lives: counts.lives, resyncs: counts.resyncs, targets: counts.targets }, `wrote ${where} (${formatBytes(bytes)}): ops ${counts.fromSeq}..${counts.untilSeq}, ${counts.lives} lives, ${counts.resyncs} resyncs, ${counts.targets} targets`);
}
//# sourceMappingURL=report.js.map