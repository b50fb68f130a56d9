/**
 * Resolves with the first SIGINT or SIGTERM. A second signal while the command finishes its work
 * means "now": the process leaves at once (the journal and cursors stay consistent: every write
 * is atomic, and a replay resumes from its cursor).
 */
export function untilSignal(cancel) {
    return new Promise((resolve) => {
        const stop = (signal) => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            process.once('SIGINT', () => process.exit(130));
            process.once('SIGTERM', () => process.exit(143));
            resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        cancel?.addEventListener('abort', () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
        }, { once: true });
    });
}
//# sourceMappingURL=signals.js.map