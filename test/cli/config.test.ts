import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { processPage, tocFor } from '../unit/helpers';
import { runCli, tempWorkspace, type CliRun } from './helpers';


const workspace = (files: Record<string, string | Buffer>): string => tempWorkspace(files, 'playbook-lint-config-');

const run = (args: string[], cwd: string): CliRun => runCli(args, cwd);

const PAGE = 'initiate-hold-kickoff-meeting.md';
/** A clean English and German page, each with one broken link (an error) and a role the vocabulary lacks (a warning). */
const broken = processPage().replace('](#prepare-the-meeting)', '](missing-page.md)').replace('| 5102    | Book Room   | O | FastTrack Manager |', '| 5102    | Book Room   | O | Partner Coach |');
const files = {
  'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }),
  'en/toc.yml': tocFor(PAGE),
  [`en/${PAGE}`]: broken,
  'de/toc.yml': tocFor(PAGE),
  [`de/${PAGE}`]: broken,
};
const rootConfig = '{\n  // the whole workspace\n  "rules": { "link/no-such-file": "off" },\n  "vocabulary": { "en": { "roles": ["Partner Coach"] } }\n}\n';

const rulesOf = (stdout: string): string[] => (JSON.parse(stdout).files as Array<{ path: string; diagnostics: Array<{ ruleId: string }> }>)
  .flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.ruleId}`)).sort();

test('configuration files are found from a nested folder upward; a closer one wins', () => {
  const root = workspace({ ...files, '.playbook-lint.jsonc': rootConfig, 'de/.playbook-lint.json': '{ "rules": { "link/no-such-file": "error" } }' });
  const none = run(['--format', 'json'], workspace(files));
  assert.deepEqual(rulesOf(none.stdout), [`${join('de', PAGE)} link/no-such-file`, `${join('de', PAGE)} tasks/unknown-role`, `${join('en', PAGE)} link/no-such-file`, `${join('en', PAGE)} tasks/unknown-role`]);
  const fromEn = run(['--format', 'json', '..'], join(root, 'en'));
  assert.equal(fromEn.code, 1, fromEn.stderr);
  assert.deepEqual(rulesOf(fromEn.stdout), [`${join('..', 'de', PAGE)} link/no-such-file`]);
  const onlyEn = run(['--format', 'json', '.'], join(root, 'en'));
  assert.equal(onlyEn.code, 0, onlyEn.stdout);
  assert.deepEqual(rulesOf(onlyEn.stdout), []);
});

test('--config uses that file alone, with what it extends', () => {
  const root = workspace({
    ...files,
    '.playbook-lint.jsonc': rootConfig,
    'ci/strict.jsonc': '{ "extends": "./base.jsonc", "rules": { "tasks/unknown-role": "error" } }',
    'ci/base.jsonc': '{ "rules": { "link/no-such-file": "info" } }',
  });
  const r = run(['--format', 'json', '--config', 'ci/strict.jsonc', 'en'], root);
  assert.equal(r.code, 1);
  const diags = JSON.parse(r.stdout).files.flatMap((f: { diagnostics: Array<{ ruleId: string; severity: string }> }) => f.diagnostics).map((d: { ruleId: string; severity: string }) => `${d.ruleId} ${d.severity}`).sort();
  assert.deepEqual(diags, ['link/no-such-file info', 'tasks/unknown-role error']);
  const missing = run(['--config', 'ci/nope.jsonc'], root);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'playbook-lint: No such configuration file: ci/nope.jsonc\n');
});

test('ignored files are not checked (nor counted), yet still read', () => {
  const root = workspace({ ...files, '.playbook-lint.jsonc': '{ "ignore": ["de/**"] }' });
  const r = run(['--format', 'json'], root);
  const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, [join('en', PAGE), join('en', 'toc.yml')]);
});

test('--print-config shows the effective configuration of a file and exits 0', () => {
  const root = workspace({ ...files, '.playbook-lint.jsonc': rootConfig.replace('"rules": {', '"ignore": ["de/drafts/**"],\n  "overrides": [{ "files": ["de/**"], "rules": { "tasks/unknown-role": ["error", { "checkLabels": false }] } }],\n  "rules": {') });
  const r = run(['--print-config', join('de', PAGE)], root);
  assert.equal(r.code, 0, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.equal(c.file, join('de', PAGE));
  assert.deepEqual(c.configFiles, ['.playbook-lint.jsonc']);
  assert.equal(c.ignored, false);
  assert.equal(c.rules['link/no-such-file'], 'off');
  assert.deepEqual(c.rules['tasks/unknown-role'], ['error', { checkLabels: false }]);
  assert.equal(c.rules['refresh/order'], 'warning', 'a rule no configuration names keeps its default');
  assert.deepEqual(c.vocabulary, { en: { roles: { add: ['Partner Coach'] } } });
  assert.deepEqual(c.page, { locale: 'en', localeSource: 'headings', kind: 'process' });
  assert.deepEqual(c.locales, ['en', 'de', 'es', 'ja', 'pt-br', 'zh-cn']);
  const en = JSON.parse(run(['--print-config', join('en', PAGE)], root).stdout);
  assert.equal(en.rules['tasks/unknown-role'], 'warning', 'the override is for de/ only');
  const draft = JSON.parse(run(['--print-config', join('de', 'drafts', 'x.md')], root).stdout);
  assert.equal(draft.ignored, true);
  assert.deepEqual(draft.ignoredBy, { configFile: '.playbook-lint.jsonc', pattern: 'de/drafts/**' });
});

test('a configuration mistake: one message with file:line:col, exit 2, nothing linted', () => {
  const root = workspace({ ...files, '.playbook-lint.jsonc': '{\n  "rules": {\n    "link/no-such-fle": "off"\n  }\n}\n' });
  const r = run(['--format', 'json'], join(root, 'en'));
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `playbook-lint: ${join('..', '.playbook-lint.jsonc')}:3:5: \`link/no-such-fle\` is not a playbook-lint rule: did you mean \`link/no-such-file\`?\n`);
  const syntax = workspace({ ...files, '.playbook-lint.jsonc': '{ "rules": { } ' });
  const s = run([], syntax);
  assert.equal(s.code, 2);
  assert.match(s.stderr, /^playbook-lint: \.playbook-lint\.jsonc:1:16: A `\}` is expected: an object is not closed\.\n$/);
  const printed = run(['--print-config', join('en', PAGE)], syntax);
  assert.equal(printed.code, 2, '--print-config reports the mistake too');
});
