#!/usr/bin/env node
import { main } from './main.js';

// A reader that goes away (`| head`) is not an error of ours: a recorder must still finish cleanly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code !== 'EPIPE') throw err; });

process.exitCode = await main(process.argv);
