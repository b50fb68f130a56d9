/**
 * Where a command's directories are, for `record` and `backup`: the source named as the engine's
 * tools name it, and a journal kept out of the directories it records or replays to.
 */
import { RdmJournalError } from '../errors.js';
import { isWithin, realPathOf } from '../paths.js';
import { resolveDatabaseName } from '../capture/source.js';
/** The source named as given, or as the engine's tools name it (`DB` for `DB.rdm`), said in a note. */
export function databaseNamed(sourceDir, out) {
    const named = resolveDatabaseName(sourceDir);
    if (named.suffixed)
        out.info(`${sourceDir} does not exist: using the database directory ${named.dir}`);
    return named;
}
/** A journal inside the directory it records (or replays to) would record its own writes forever. */
export function refuseJournalInside(journalDir, dir, what) {
    const journal = realPathOf(journalDir);
    if (isWithin(journal, realPathOf(dir))) {
        throw new RdmJournalError('JOURNAL_UNUSABLE', `journal ${journal} is inside the ${what} ${dir}`, { hint: `put the journal outside the ${what} directory (--journal DIR)` });
    }
}
//# sourceMappingURL=locations.js.map