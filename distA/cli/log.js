/**
 * `rdm-journal log`: one line per op, streamed: the first line appears at once however long the
 * journal, memory stays flat, and a closed pipe (`| head`) ends it quietly. Works while record and
 * replay run: the journal is shared. `--file` walks that file's index entries, not the whole journal.
 */
import { RdmJournalError } from '../errors.js';
import { Journal } from '../journal/journal.js';
import { resolveFrom, resolveUpTo } from '../journal/points.js';
import { describeOp, formatOp } from './format.js';
import { parsePoint } from './points.js';
import { StdoutStream } from './stdout.js';
const KINDS = ['create', 'append', 'delete', 'resync'];
export async function log(options) {
    const kinds = parseKinds(options.kinds);
    const journal = await Journal.open(options.journal);
    const stdout = new StdoutStream();
    try {
        const head = await journal.refresh();
        const from = options.from === undefined ? 1 : await resolveFrom(journal, parsePoint('--from', options.from));
        const until = options.until === undefined ? head : Math.min(head, await resolveUpTo(journal, parsePoint('--until', options.until)));
        let printed = 0;
        for await (const op of select(journal, options.file, Math.max(0, from - 1), until)) {
            if (!stdout.open || (options.limit !== undefined && printed >= options.limit))
                break;
            if (kinds && !kinds.has(op.type))
                continue;
            await stdout.line(options.out.json ? JSON.stringify(describeOp(op)) : formatOp(op, options.utc));
            printed += 1;
        }
        await stdout.flush();
    }
    finally {
        await journal.close();
    }
}
/** The ops after `after` up to `upTo`: all of them, or one file's through its index. */
async function* select(journal, file, after, upTo) {
    if (file === undefined) {
        yield* journal.readOps({ after, upTo });
        return;
    }
    for await (const entry of journal.index.fileOps(file, { after, upTo }))
        yield journal.readOp(entry.seq);
}
function parseKinds(given) {
    if (!given || given.length === 0)
        return null;
    const kinds = new Set();
    for (const kind of given.flatMap((k) => k.split(','))) {
        if (!KINDS.includes(kind)) {
            throw new RdmJournalError('USAGE', `--kind ${JSON.stringify(kind)} is not an op kind`, { hint: `use one or more of ${KINDS.join(', ')}` });
        }
        kinds.add(kind);
    }
    return kinds;
}
//# sourceMappingURL=log.js.map