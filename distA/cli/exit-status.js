/**
 * Exit status, the only place that decides it: 0 success, 1 a fatal error (a person must change
 * something before running the same command again), 2 a usage error, 75 a retryable error (the same
 * command, run again later, may well succeed: sysexits' EX_TEMPFAIL, which service managers and
 * mail systems know as "try again"). The README's exit status table lists the same codes.
 */
import { RdmJournalError } from '../errors.js';
export const EXIT = { ok: 0, fatal: 1, usage: 2, retryable: 75 };
/**
 * Errors that clear without anyone changing the command line, the journal or the target: a disk
 * that fills and is freed (the recorder reconciles on restart, a replay resumes from its cursor), an
 * I/O error (a disk or network hiccup, permissions being fixed), a lock whose holder exits (locks die
 * with their process), a source that went away (unmounted, or moved while a restore runs: the next
 * start either resumes or fails fatally with SOURCE_NOT_FOUND or JOURNAL_SOURCE_MISMATCH).
 * Everything else needs a decision (a diverged target, a corrupt journal, a wrong path, a sysctl).
 */
const RETRYABLE = new Set([
    'JOURNAL_NO_SPACE', 'TARGET_NO_SPACE', 'IO_ERROR', 'JOURNAL_LOCKED', 'JOURNAL_HOST_STOPPED', 'TARGET_LOCKED', 'SOURCE_GONE',
    'REPLICA_UNREACHABLE', // the object store restarting or overloaded: shipping and replay --from resume from the listing
]);
export function isRetryable(err) {
    return err instanceof RdmJournalError && RETRYABLE.has(err.code);
}
export function exitStatusOf(err) {
    if (err instanceof RdmJournalError && err.code === 'USAGE')
        return EXIT.usage;
    return isRetryable(err) ? EXIT.retryable : EXIT.fatal;
}
//# sourceMappingURL=exit-status.js.map