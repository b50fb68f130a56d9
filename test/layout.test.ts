/**
 * What README's "Layout" promises, checked on the source text: a tool may use the test harness, but
 * test/ imports nothing from tools/ (the two would otherwise grow into one tangle); core modules
 * know nothing of the command line (no flag, no command in their strings: src/cli/ words the hints
 * that name them); commands share code through small modules, not through each other.
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

/** A file's code without its comments (a comment may well name a flag: it explains, it is not printed). */
function codeOf(file: string): string {
  return fs.readFileSync(path.join(REPO, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .replace(/^\s*\/\/.*$|\s\/\/\s.*$/gm, '');
}

const COMMANDS = 'record|replay|backup|status|log|show|files|history|cat|verify|prune|upgrade';
/** A flag (--journal), the journal's variable, or a command (rdm-journal record, or `record` quoted in a string). */
const COMMAND_LINE = new RegExp(`--[a-z][a-z-]+|\\$RDM_JOURNAL|rdm-journal (${COMMANDS})\\b|\\\\\`(${COMMANDS})\\b|'[^'\\n]*\`(${COMMANDS})\\b`);

function commandLineIn(files: readonly string[]): string[] {
  return files.flatMap((file) => codeOf(file).split('\n').flatMap((line, i) => (COMMAND_LINE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
}

const coreFiles = () => typeScriptFiles('src').filter((file) => !file.startsWith('src/cli/'));

test('core modules name no flag and no command in their messages and hints', () => {
  assert.ok(coreFiles().includes('src/replay/replayer.ts'), 'precondition: the core is found');
  assert.equal(commandLineIn(coreFiles()), []);
});

test('the command line does name them (the check above would see them)', () => {
  const found = commandLineIn(typeScriptFiles('src/cli'));
  for (const example of ['--journal', 'rdm-journal replay --resync', '`rdm-journal record']) {
    assert.ok(found.some((line) => line.includes(example)), `${example} is seen in src/cli/`);
  }
});

test('every case the core hands to the command line for a hint has one there', async () => {
  const { HINTED_DETAILS } = await import('../src/cli/hints.js');
  const details = coreFiles().flatMap((file) => [...codeOf(file).matchAll(/\bdetail: '([a-z-]+)'/g)].map((m) => m[1]!));
  assert.ok(details.length >= 10, 'precondition: the core sets details');
  assert.equal(details.filter((detail) => !HINTED_DETAILS.has(detail)), []);
});

test('in the journal, only commit-notify.ts watches with inotify and names the notify file', () => {
  const journalFiles = typeScriptFiles('src/journal');
  // The binding also holds syscalls the journal uses (copy_file_range, lock probes): inotify is what counts.
  const watches = (file: string) => /import \{[^}]*\b(Inotify|IN_[A-Z_]+)\b[^}]*\} from '\.\.\/native\/index\.js'/.test(codeOf(file));
  assert.equal(journalFiles.filter(watches), ['src/journal/commit-notify.ts']);
  assert.equal(journalFiles.filter((file) => /'notify'/.test(codeOf(file))), ['src/journal/commit-notify.ts']);
});

test('a command imports no other command: what two share is a module of its own', () => {
  const commands = ['record', 'replay', 'backup', 'log', 'inspect', 'status', 'verify', 'prune', 'upgrade', 'report'].map((c) => `src/cli/${c}.ts`);
  assert.equal(commands.flatMap((file) => importsOf(file).filter((target) => commands.includes(target.replace(/\.js$/, '.ts')))
    .map((target) => `${file} imports ${target}`)), []);
});

test.run();
