/**
 * The object store a replica lives in, as small as a log shipper needs (restic's backend, Litestream's
 * ReplicaClient): put, get, list and delete whole objects. Implementations throw RdmJournalError with
 * the REPLICA_* codes; REPLICA_UNREACHABLE means "may work if tried again", and only the retry
 * wrapper (retry.ts) acts on it.
 */
import { RdmJournalError } from '../errors.js';

export interface StoredObject { key: string; size: number }

export interface ObjectStore {
  /** Writes a whole object. Callers never put a key twice with different bytes (no design here relies on conditional PUT). */
  put(key: string, body: Uint8Array): Promise<void>;
  /** A whole object, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Objects whose key starts with `prefix`, in key order, after `startAfter` when given. */
  list(prefix: string, startAfter?: string): AsyncGenerator<StoredObject>;
  delete(key: string): Promise<void>;
  /** What the store is, for messages: s3://bucket. */
  readonly name: string;
}

/** Where a replica is: a bucket and a key prefix in it (no leading or trailing slash; '' for the root). */
export interface ReplicaLocation { bucket: string; prefix: string; url: string }

/** Parses `s3://BUCKET/PREFIX`; anything else is a usage error. */
export function parseReplicaUrl(url: string): ReplicaLocation {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  const prefix = (match?.[2] ?? '').replace(/\/+$/, '');
  if (!match || (prefix !== '' && prefix.split('/').some((part) => part === '' || part === '.' || part === '..'))) {
    throw new RdmJournalError('USAGE', `${JSON.stringify(url)} is not a replica location: expected s3://BUCKET/PREFIX (a bucket name of 3 to 63 lower-case letters, digits, dots or dashes, then an optional key prefix)`,
      { hint: 'e.g. s3://backups/db1' });
  }
  return { bucket: match[1]!, prefix, url: prefix === '' ? `s3://${match[1]}` : `s3://${match[1]}/${prefix}` };
}
