/**
 * A source on a network filesystem is refused. Shown on a real one: sshfs (FUSE, over SFTP) mounted
 * from this machine's own sftp-server on loopback; `.ci/run` installs sshfs, socat and
 * openssh-sftp-server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { skip } from './support.js';

const SFTP_SERVER = '/usr/lib/openssh/sftp-server';
const CLI = path.resolve('dist/cli/bin.js');
const haveTools = ['sshfs', 'socat'].every((tool) => spawnSync('which', [tool]).status === 0) && existsSync(SFTP_SERVER);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); }).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nothing listens on port ${port}`);
}

test('record refuses a source on sshfs with SOURCE_NETWORK_FS', async () => {
  if (!haveTools) {
    skip('the sshfs test needs sshfs, socat and openssh-sftp-server; .ci/run installs them');
    return;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'rdm-sshfs-'));
  const exported = path.join(work, 'exported');
  const mount = path.join(work, 'mnt');
  mkdirSync(path.join(exported, 'DB.rdm'), { recursive: true });
  mkdirSync(mount);
  const port = await freePort();
  const server: ChildProcess = spawn('socat', [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, `EXEC:${SFTP_SERVER}`], { stdio: 'ignore' });
  let mounted = false;
  try {
    await waitForPort(port);
    const sshfs = spawnSync('sshfs', ['-o', `directport=${port}`, `127.0.0.1:${exported}`, mount], { timeout: 10_000 });
    assert.is(sshfs.status, 0, `sshfs failed: ${sshfs.stderr}`);
    mounted = true;
    const run = spawnSync(process.execPath, [CLI, 'record', path.join(mount, 'DB.rdm'), '--journal', path.join(work, 'j'), '--once', '--json']);
    assert.is(run.status, 1);
    const error = JSON.parse(run.stdout.toString().trim().split('\n').pop()!);
    assert.is(error.code, 'SOURCE_NETWORK_FS');
    assert.match(error.message, 'fuse.sshfs');
    assert.not.ok(existsSync(path.join(work, 'j')), 'no journal is created for a refused source');
  } finally {
    if (mounted) spawnSync('fusermount', ['-u', mount]).status === 0 || spawnSync('umount', ['-l', mount]);
    server.kill();
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
