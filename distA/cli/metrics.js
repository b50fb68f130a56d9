/**
 * `--metrics HOST:PORT`: Prometheus metrics of a running `record`, `replay --follow` or `backup`,
 * served at http://HOST:PORT/metrics (prom-client: the exposition format and the process metrics
 * are its, not ours). Off unless asked; a bare port binds to loopback only, since the numbers
 * describe a production database. Everything is read when scraped, from what the journal, the
 * recorder and the replayer already keep: serving metrics adds no work to recording.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { RdmJournalError } from '../errors.js';
/** `PORT`, `HOST:PORT` or `[V6]:PORT`; a bare port is 127.0.0.1. */
export function parseMetricsAddress(value) {
    const match = /^(?:(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):)?(\d{1,5})$/.exec(value);
    const port = match ? Number(match[2]) : NaN;
    if (!match || port > 65535) {
        throw new RdmJournalError('USAGE', `--metrics ${JSON.stringify(value)} is not PORT or HOST:PORT`, { hint: 'e.g. --metrics 9464 (loopback only) or --metrics 0.0.0.0:9464 (every interface)' });
    }
    return { host: match[1]?.replace(/^\[|\]$/g, '') ?? '127.0.0.1', port };
}
export class MetricsServer {
    server;
    stopObserving;
    url;
    constructor(server, stopObserving, url) {
        this.server = server;
        this.stopObserving = stopObserving;
        this.url = url;
    }
    static async start(address, sources) {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        const stopObserving = defineMetrics(registry, sources);
        const server = createServer((request, response) => {
            if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
                response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at /metrics\n');
                return;
            }
            registry.metrics().then((text) => {
                response.writeHead(200, { 'content-type': registry.contentType }).end(text);
            }, (err) => {
                response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics could not be read: ${err.message}\n`);
            });
        });
        try {
            await new Promise((resolve, reject) => {
                server.once('error', reject);
                server.listen(address.port, address.host, () => resolve());
            });
        }
        catch (err) {
            stopObserving();
            throw new RdmJournalError('METRICS_UNAVAILABLE', `--metrics cannot listen on ${address.host}:${address.port}: ${err.message}`, { hint: 'choose a free port (or an address of this machine), or leave --metrics out', cause: err });
        }
        server.unref(); // a scrape in progress never holds the command open
        const bound = server.address();
        const port = typeof bound === 'object' && bound ? bound.port : address.port;
        const host = address.host.includes(':') ? `[${address.host}]` : address.host;
        return new MetricsServer(server, stopObserving, `http://${host}:${port}/metrics`);
    }
    async close() {
        this.stopObserving();
        this.server.closeAllConnections();
        await new Promise((resolve) => this.server.close(() => resolve()));
    }
}
/** Starts serving, and says where. */
export async function startMetrics(address, sources, out) {
    const server = await MetricsServer.start(address, sources);
    out.info(`metrics at ${server.url}`);
    return server;
}
const COMMIT_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
/** Declares the metrics; returns what stops counting commits. */
function defineMetrics(registry, { journal, source, targets }) {
    const registers = [registry];
    const ops = new Counter({ name: 'rdm_journal_ops_recorded_total', help: 'Ops this process committed to the journal, by kind', labelNames: ['kind'], registers });
    const bytes = new Counter({ name: 'rdm_journal_bytes_recorded_total', help: 'Bytes of appends this process committed to the journal', registers });
    const resyncs = new Counter({ name: 'rdm_journal_resyncs_total', help: 'Resync ops this process committed, by reason', labelNames: ['reason'], registers });
    const overflows = new Counter({ name: 'rdm_journal_overflows_total', help: 'Kernel inotify queue overflows recorded (each a rescan and a resync)', registers });
    const commits = new Histogram({ name: 'rdm_journal_commit_duration_seconds', help: 'Time to make one batch of ops durable (data files, then LevelDB)', buckets: COMMIT_BUCKETS, registers });
    for (const kind of ['create', 'append', 'delete', 'resync'])
        ops.inc({ kind }, 0);
    const stop = journal.observeCommits((commit) => {
        commits.observe(commit.seconds);
        for (const op of commit.ops) {
            ops.inc({ kind: op.type });
            if (op.type === 'append')
                bytes.inc(op.data.length);
            if (op.type === 'resync') {
                resyncs.inc({ reason: op.reason });
                if (op.reason === 'overflow')
                    overflows.inc();
            }
        }
    });
    new Gauge({
        name: 'rdm_journal_head', help: 'The journal\'s last op number', registers,
        async collect() { this.set(await journal.refresh()); },
    });
    if (source !== undefined) {
        new Gauge({
            name: 'rdm_journal_source_descriptors_open', help: 'Descriptors this process holds open on the source\'s files (each keeps a file readable after a delete)', registers,
            collect() { this.set(descriptorsWithin(source)); },
        });
    }
    if (targets !== undefined)
        defineTargetMetrics(registers, journal, targets);
    return stop;
}
/** Per target: its cursor, and how far behind the journal's head it is in ops, bytes and seconds. */
function defineTargetMetrics(registers, journal, { paths, cursors }) {
    const read = async () => {
        const head = await journal.refresh();
        const total = (await journal.stats()).bytes;
        // Before its first batch a target's cursor is what its last replay told the journal.
        const notes = new Map((await journal.targets.known()).map((note) => [note.path, note.seq]));
        const rows = [];
        for (const target of paths) {
            const seq = cursors.get(target) ?? notes.get(target) ?? 0;
            const oldest = seq >= head ? null : await journal.lookup.readOpStampAtOrAfter(seq + 1); // its time only: no data read
            rows.push({
                target, seq, lagOps: Math.max(0, head - seq),
                lagBytes: seq >= head ? 0 : Math.max(0, total - (await journal.lookup.appendedAt(seq))),
                lagSeconds: oldest ? Math.max(0, (Date.now() - oldest.at) / 1000) : 0,
            });
        }
        return rows;
    };
    // prom-client collects all metrics of a scrape at once: the four share one reading of the journal.
    let reading = null;
    const rows = () => (reading ??= read().finally(() => setImmediate(() => { reading = null; })));
    const gauge = (name, help, field) => new Gauge({
        name, help, labelNames: ['target'], registers,
        async collect() {
            for (const row of await rows())
                this.set({ target: row.target }, row[field]);
        },
    });
    gauge('rdm_journal_target_cursor', 'The last op applied to the target and made durable', 'seq');
    gauge('rdm_journal_target_lag_ops', 'Ops recorded but not yet applied to the target', 'lagOps');
    gauge('rdm_journal_target_lag_bytes', 'Bytes of appends recorded but not yet applied to the target', 'lagBytes');
    gauge('rdm_journal_target_lag_seconds', 'Age of the oldest op not yet applied to the target (0: up to date)', 'lagSeconds');
}
/** Open descriptors of this process on files in `dir` (from /proc/self/fd). */
function descriptorsWithin(dir) {
    const prefix = path.resolve(dir) + path.sep;
    let count = 0;
    for (const fd of readdirSync('/proc/self/fd')) {
        try {
            if (readlinkSync(`/proc/self/fd/${fd}`).startsWith(prefix))
                count += 1;
        }
        catch {
            // closed between the listing and the readlink
        }
    }
    return count;
}
//# sourceMappingURL=metrics.js.map