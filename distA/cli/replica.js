/**
 * Opening a replica from the command line: `s3://BUCKET/PREFIX`, the S3 store configured from the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL), behind the
 * one retry wrapper. RDM_JOURNAL_S3_RETRY_SECONDS bounds how long a transient failure is retried
 * (default 120) before the command exits retryable.
 */
import { RdmJournalError } from '../errors.js';
import { parseReplicaUrl } from '../ship/object-store.js';
import { Replica } from '../ship/replica.js';
import { DEFAULT_RETRY, RetryingStore } from '../ship/retry.js';
import { S3Store } from '../ship/s3-store.js';
export function openReplica(url, out, env = process.env) {
    const location = parseReplicaUrl(url);
    const seconds = env.RDM_JOURNAL_S3_RETRY_SECONDS;
    if (seconds !== undefined && !/^\d+(\.\d+)?$/.test(seconds)) {
        throw new RdmJournalError('USAGE', `RDM_JOURNAL_S3_RETRY_SECONDS=${JSON.stringify(seconds)} is not a number of seconds`, { hint: 'e.g. RDM_JOURNAL_S3_RETRY_SECONDS=300' });
    }
    const store = new RetryingStore(new S3Store(location.bucket, env), {
        ...DEFAULT_RETRY,
        budgetMs: seconds === undefined ? DEFAULT_RETRY.budgetMs : Number(seconds) * 1000,
        onRetry: (err, attempt, delayMs) => out.warn(`${err.message}; retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt + 1})`),
    });
    return new Replica(store, location);
}
//# sourceMappingURL=replica.js.map