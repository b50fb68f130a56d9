/**
 * `rdm-journal status`: the journal (extent, counters, bytes held, live files), the recorder, and
 * each target a replay has told the journal about, with its lag. Constant time however long the
 * journal: counters are kept with every batch, and a target's byte lag is read from the checkpoint
 * at or before its cursor. Works while record and replay run: the journal is shared.
 */
import { existsSync } from 'node:fs';
import { Journal } from '../journal/journal.js';
import { isExpired } from '../upkeep/prune.js';
import { formatBytes, formatSeconds, formatTime } from './format.js';
export async function status({ journal: journalDir, utc, out }) {
    const journal = await Journal.open(journalDir);
    try {
        const stats = await journal.stats();
        const pruned = await journal.pruned();
        const head = stats.head;
        const first = head > 0 ? await journal.lookup.readOpStampAtOrAfter(1) : null;
        const ops = Object.fromEntries(Object.entries(stats.ops).map(([kind, n]) => [kind, n - pruned.ops[kind]]));
        const bytesHeld = stats.bytes - pruned.bytes;
        // The earliest point `replay --until` and `files --at` can reach: the horizon (the start when nothing was pruned).
        const restorable = head === 0 ? null : pruned.horizon === 0 ? { seq: 0, at: first.at } : { seq: pruned.horizon, at: (await journal.lookup.readOpStampAtOrAfter(pruned.horizon)).at };
        const last = head > 0 ? await journal.lookup.readOpStamp(head) : null;
        const recording = await journal.isRecording();
        let liveBytes = 0;
        for (const state of journal.fileStates().values())
            liveBytes += state.size;
        const iso = (ms) => (ms === undefined ? null : new Date(ms).toISOString());
        const targets = [];
        const notes = await journal.targets.known();
        for (const note of notes) {
            const seq = Math.min(note.seq, head);
            const atCursor = seq > 0 ? ((await journal.lookup.readOpStampAtOrAfter(seq))?.at ?? 0) : first?.at ?? 0;
            targets.push({
                path: note.path,
                exists: note.path.startsWith('s3://') || existsSync(note.path), // a replica (rdm-journal ship) is not a local path
                seq: note.seq,
                updatedAt: iso(note.updatedAt),
                lagOps: head - seq,
                expired: isExpired(note, pruned.horizon),
                lagBytes: stats.bytes - (await journal.lookup.appendedAt(seq)),
                lagSeconds: last && seq < head ? Math.max(0, (last.at - atCursor) / 1000) : 0,
            });
        }
        const summary = {
            journal: journal.location,
            format: journal.version,
            source: journal.source?.path ?? null,
            head,
            firstSeq: first?.seq ?? null,
            firstAt: iso(first?.at),
            lastAt: iso(last?.at),
            ops,
            bytesHeld,
            restorableFrom: restorable ? { seq: restorable.seq, at: iso(restorable.at) } : null,
            pruned: { horizon: pruned.horizon, ops: Object.values(pruned.ops).reduce((a, b) => a + b, 0), bytes: pruned.bytes, at: pruned.at ? iso(pruned.at) : null },
            liveFiles: journal.fileStates().size,
            liveBytes,
            recorder: recording ? 'running' : 'stopped',
            targets,
        };
        const t = (ms) => formatTime(ms, utc);
        const lines = [
            `journal   ${summary.journal} (format ${summary.format})`,
            `source    ${summary.source ?? '(none recorded yet)'}`,
            `ops       ${head === 0 ? 'none' : `${first.seq}..${head}: ${ops.create} create, ${ops.append} append, ${ops.delete} delete, ${ops.resync} resync`}`,
            ...(first && last ? [`recorded  ${t(first.at)} .. ${t(last.at)}`] : []),
            `held      ${formatBytes(bytesHeld)} of appended data; ${summary.liveFiles} live files, ${formatBytes(liveBytes)}`,
            ...(restorable ? [`restore   from ${restorable.seq === 0 ? 'the first op' : `op ${restorable.seq}`} (${t(restorable.at)}) on` +
                    (pruned.horizon > 0 ? `; pruned ${formatBytes(pruned.bytes)} of files deleted by then` : '')] : []),
            `recorder  ${summary.recorder}`,
            ...(targets.length === 0 ? ['targets   none known (a replay registers its target)'] : targets.map((x, i) => `${x.path.startsWith('s3://') ? 'replica' : 'target '}   ${x.path}${x.exists ? '' : ' (missing)'}${x.expired ? ' (expired: replay --resync)' : ''}: op ${x.seq}, ` +
                (x.lagOps === 0 ? 'up to date' : `behind ${x.lagOps} ops, ${formatBytes(x.lagBytes)}, ${formatSeconds(x.lagSeconds)}`) +
                ` (last ${x.path.startsWith('s3://') ? 'ship' : 'replay'} ${t(notes[i].updatedAt)})`)),
        ];
        out.result(summary, lines.join('\n'));
    }
    finally {
        await journal.close();
    }
}
//# sourceMappingURL=status.js.map