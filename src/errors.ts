/**
 * One error class, stable codes. Codes never change once released; messages may.
 * Only the CLI entry maps a code to an exit status and prints it; tests assert on `code`.
 */
export type ErrorCode =
  | 'USAGE'                    // bad command line: exit 2
  | 'SOURCE_NOT_FOUND'
  | 'SOURCE_NOT_DIRECTORY'
  | 'SOURCE_NETWORK_FS'
  | 'SOURCE_GONE'              // the watched directory was deleted, moved or unmounted while recording
  | 'JOURNAL_UNUSABLE'
  | 'JOURNAL_NOT_FOUND'
  | 'JOURNAL_LOCKED'
  | 'JOURNAL_SOURCE_MISMATCH'
  | 'JOURNAL_VERSION'
  | 'JOURNAL_CORRUPT'
  | 'JOURNAL_NO_SPACE'
  | 'JOURNAL_HOST_STOPPED'     // the process hosting the journal is stopped (SIGSTOP) or does not answer
  | 'PRUNE_BLOCKED'            // a known target still needs what a prune would remove
  | 'CURSOR_EXPIRED'           // the ops a target needs next were pruned: rebuild it with replay --resync
  | 'PRUNED'                   // a point before the journal's retention horizon
  | 'NOT_IN_JOURNAL'           // an op number or file name the journal does not hold
  | 'VERIFY_FAILED'            // verify found problems (each printed with its op)
  | 'INOTIFY_LIMIT'
  | 'TARGET_UNUSABLE'          // not a directory, cannot be created, written by a newer version
  | 'TARGET_LOCKED'            // another replay or backup is writing it
  | 'TARGET_NOT_EMPTY'         // holds files but no cursor: maybe a live database
  | 'TARGET_DIVERGED'          // changed since the replay stopped
  | 'TARGET_OTHER_JOURNAL'     // replayed from another journal
  | 'TARGET_PAST_UNTIL'        // its cursor is already past --until: never rewound
  | 'TARGET_NO_SPACE'
  | 'IO_ERROR'                 // a source file cannot be read, a target write failed
  | 'METRICS_UNAVAILABLE'      // --metrics cannot listen on the address given (in use, not ours)
  | 'REPLICA_DENIED'           // the object store refused the credentials (or this key's rights)
  | 'REPLICA_NO_BUCKET'        // the bucket does not exist
  | 'REPLICA_UNREACHABLE'      // the object store did not answer (refused, timed out, 5xx), after retries
  | 'REPLICA_REFUSED'          // the object store refused a request for another reason
  | 'REPLICA_NOT_FOUND'        // nothing was shipped under that prefix
  | 'REPLICA_OTHER_JOURNAL'    // the prefix holds another journal's replica
  | 'REPLICA_DIVERGED'         // the replica holds ops the journal does not
  | 'REPLICA_CORRUPT';         // an object of the replica fails its checksum or does not decode

export class RdmJournalError extends Error {
  readonly code: ErrorCode;
  /** What the user can do about it, in domain words (no flag, no command); printed on its own line. */
  readonly hint: string | undefined;
  /**
   * Which case of `code` this is, when the command line has more to say about it than the core
   * can: src/cli/hints.ts words that case's hint with flags and commands, from `facts`.
   */
  readonly detail: string | undefined;
  readonly facts: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, message: string,
    options: { hint?: string; cause?: unknown; detail?: string; facts?: Record<string, string | number> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RdmJournalError';
    this.code = code;
    this.hint = options.hint;
    this.detail = options.detail;
    this.facts = options.facts ?? {};
  }
}

/** A full disk or quota, however it was reported: an errno code, or LevelDB's message text. */
export function isNoSpace(err: unknown): boolean {
  const cause = (err as { cause?: unknown })?.cause ?? err;
  return isErrnoException(cause, 'ENOSPC') || isErrnoException(cause, 'EDQUOT') ||
    /No space left|quota exceeded/i.test(String((cause as Error)?.message));
}

/** LevelDB's lock on a database is held by another process (or another handle in this one). */
export function isLevelLocked(err: unknown): boolean {
  return isErrnoException((err as { cause?: unknown })?.cause ?? err, 'LEVEL_LOCKED');
}

export function isErrnoException(err: unknown, code?: string): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' &&
    (code === undefined || (err as NodeJS.ErrnoException).code === code);
}
