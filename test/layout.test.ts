/**
 * What README's "Layout" promises, checked on the source text: a tool may use the test harness, but
 * test/ imports nothing from tools/ (the two would otherwise grow into one tangle).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const test = suite('layout');
const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Every .ts file under `dir` (relative to the repository), recursively. */
function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(path.join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name));
}

/** The repository paths a file imports (static, re-exported or dynamic), for relative specifiers. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((s) => s.startsWith('.'));
  return specifiers.map((s) => path.relative(REPO, path.resolve(REPO, path.dirname(file), s)));
}

function importsInto(files: readonly string[], dir: string): string[] {
  return files.flatMap((file) => importsOf(file).filter((target) => target.startsWith(`${dir}/`)).map((target) => `${file} imports ${target}`));
}

test('test/ imports nothing from tools/', () => {
  const files = typeScriptFiles('test');
  assert.ok(files.includes('test/support.ts'), 'precondition: the harness is found');
  assert.equal(importsInto(files, 'tools'), []);
});

test('tools/ does import the harness (the check above would see such an import)', () => {
  assert.ok(importsInto(typeScriptFiles('tools'), 'test').length > 0);
});

test.run();
