#!/usr/bin/env node
import { main } from './main.js';

// A reader that goes away (`| head`) is not an error of ours: a recorder must still finish cleanly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code !== 'EPIPE') throw err; });

// The journal holds copies of the database: every file rdm-journal creates is private to its owner
// (LevelDB's files, the recorder lock, target control directories), whatever the caller's umask.
// Replayed files get their source file's mode explicitly (fchmod), so this does not narrow them.
process.umask(0o077);

process.exitCode = await main(process.argv);
