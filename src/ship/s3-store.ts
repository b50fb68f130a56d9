/**
 * The S3 implementation of ObjectStore, through @aws-sdk/client-s3, configured the way every S3 tool
 * is: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL (a non-AWS server, then
 * addressed path-style). The SDK's own retries are off: transient failures are retried once, in
 * retry.ts. Checksums only when an operation requires them: servers other than AWS (Swift, older
 * MinIO, Ceph) refuse the SDK's default flexible checksums.
 */
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { RdmJournalError } from '../errors.js';
import type { ObjectStore, StoredObject } from './object-store.js';

/** A request that has not completed in this long is a transient failure (a stopped or overloaded server). */
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;

/** Network failures that may clear by themselves: a server restarting, a dropped connection, a timeout. */
const TRANSIENT_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
const DENIED = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'InvalidToken', 'ExpiredToken', 'AuthorizationHeaderMalformed']);

export class S3Store implements ObjectStore {
  readonly name: string;
  private readonly client: S3Client;
  private readonly endpoint: string;

  constructor(readonly bucket: string, env: NodeJS.ProcessEnv = process.env) {
    this.name = `s3://${bucket}`;
    // The SDK warns on every run that its releases from 2027 need Node 22: noise on a user's stderr
    // (the lockfile pins a version that runs on 20).
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.endpoint = env.AWS_ENDPOINT_URL ?? `AWS S3 (${env.AWS_REGION ?? 'us-east-1'})`;
    this.client = new S3Client({
      region: env.AWS_REGION ?? 'us-east-1',
      ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL, forcePathStyle: true } : {}),
      // Keys from `env` when it holds them; else the SDK's own chain (profiles, instance roles).
      ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN } } : {}),
      maxAttempts: 1,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: CONNECT_TIMEOUT_MS },
    });
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    await this.send(`put ${key}`, () => this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: body.length })));
  }

  async get(key: string): Promise<Uint8Array | null> {
    return this.send(`get ${key}`, async () => {
      try {
        const reply = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        return await reply.Body!.transformToByteArray();
      } catch (err) {
        if (err instanceof S3ServiceException && err.name === 'NoSuchKey') return null;
        throw err;
      }
    });
  }

  async *list(prefix: string, startAfter?: string): AsyncGenerator<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.send(`list ${prefix}`, () => this.client.send(new ListObjectsV2Command({
        Bucket: this.bucket, Prefix: prefix, ContinuationToken: token, ...(token === undefined && startAfter !== undefined ? { StartAfter: startAfter } : {}),
      })));
      for (const object of page.Contents ?? []) yield { key: object.Key!, size: object.Size ?? 0 };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async delete(key: string): Promise<void> {
    await this.send(`delete ${key}`, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  /** Runs one request, turning whatever the SDK throws into a REPLICA_* error naming the bucket and what was asked. */
  private async send<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw this.classify(what, err);
    }
  }

  private classify(what: string, err: unknown): RdmJournalError {
    const where = `${this.name} at ${this.endpoint}`;
    const e = err as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
    const status = e.$metadata?.httpStatusCode;
    const network = e.code ?? e.cause?.code;
    const detail = `${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? String(err)}`;
    if (e.name !== undefined && DENIED.has(e.name) || status === 403) {
      return new RdmJournalError('REPLICA_DENIED', `${where} refused ${what}: ${detail}`,
        { hint: 'check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and that this key may read and write the bucket)', cause: err });
    }
    if (e.name === 'CredentialsProviderError') {
      return new RdmJournalError('REPLICA_DENIED', `${where}: no credentials for ${what} (${e.message})`,
        { hint: 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY', cause: err });
    }
    if (e.name === 'NoSuchBucket') {
      return new RdmJournalError('REPLICA_NO_BUCKET', `${where}: bucket ${this.bucket} does not exist (${what})`,
        { hint: 'create the bucket first (rdm-journal never creates one), or fix the bucket name', cause: err });
    }
    const timedOut = e.name === 'TimeoutError' || e.name === 'RequestTimeout' || e.name === 'RequestTimeoutException' || network === 'ETIMEDOUT';
    if (timedOut || (network !== undefined && TRANSIENT_NETWORK.has(network)) || (status !== undefined && (status >= 500 || status === 429 || status === 408))) {
      return new RdmJournalError('REPLICA_UNREACHABLE', `${where} did not answer ${what}: ${detail}${network && !detail.includes(network) ? ` (${network})` : ''}`,
        { hint: 'check AWS_ENDPOINT_URL and that the server runs; the same command run again resumes where it stopped', cause: err });
    }
    if (network === 'ENOTFOUND') {
      return new RdmJournalError('REPLICA_UNREACHABLE', `${where}: the endpoint's host name does not resolve (${what})`,
        { hint: 'check AWS_ENDPOINT_URL (and DNS)', cause: err });
    }
    return new RdmJournalError('REPLICA_REFUSED', `${where} refused ${what}: ${detail}`,
      { hint: 'the server refused the request; see its message', cause: err });
  }
}
