/** `rdm-journal verify [--to TARGET]`: every finding on its own line (or JSON object), exit 0 only when none. */
import { RdmJournalError } from '../errors.js';
import { Journal } from '../journal/journal.js';
import { verify } from '../upkeep/verify-journal.js';
import { formatBytes } from './format.js';
export async function verifyCommand({ journal: dir, target, out }) {
    const journal = await Journal.open(dir);
    try {
        const started = Date.now();
        const result = await verify(journal, {
            target,
            onFinding: (f) => {
                if (out.json)
                    process.stdout.write(JSON.stringify({ event: 'finding', ...f }) + '\n');
                else
                    process.stdout.write(`${f.where === 'journal' ? 'journal' : `target ${f.where}`}: ${f.seq === null ? '' : `op ${f.seq}: `}${f.message}\n`);
            },
            onProgress: (seq, head) => out.progress('verifying', { value: seq, total: head, unit: 'ops' }),
        });
        const seconds = (Date.now() - started) / 1000;
        const lines = [`journal ${journal.location}: ${result.ops} ops (1..${result.head}), ${formatBytes(result.bytes)} of data checked in ${seconds.toFixed(1)} s`];
        if (result.target)
            lines.push(`target ${result.target.path}: ${result.target.files} files, ${formatBytes(result.target.bytes)} compared at op ${result.target.seq}`);
        lines.push(result.ok ? 'all is well' : `${result.findings} finding${result.findings === 1 ? '' : 's'}`);
        out.result({ ...result, seconds }, lines.join('\n'));
        if (!result.ok) {
            throw new RdmJournalError('VERIFY_FAILED', `verify found ${result.findings} problem${result.findings === 1 ? '' : 's'} (listed above)`, { hint: target === undefined ? 'a damaged journal: restore it from a copy, or start a new journal and a new target'
                    : 'a target that differs: replay into a new directory (the journal is the reference)' });
        }
    }
    finally {
        await journal.close();
    }
}
//# sourceMappingURL=verify.js.map