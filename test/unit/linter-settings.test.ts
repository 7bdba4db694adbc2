import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintConfigured } from './config-helpers';

const PAGE = 'Write to [the team](team@example.com).\n';

test('each file is checked with its own folder\'s rule settings, whatever was checked before it', async () => {
  const r = await lintConfigured({
    'a.md': PAGE,
    'quiet/b.md': PAGE,
    'quiet/.playbook-lint.jsonc': '{ "rules": { "link/mailto": "off" } }',
    'strict/c.md': PAGE,
    'strict/.playbook-lint.jsonc': '{ "rules": { "link/mailto": "error" } }',
    'z.md': PAGE,
  }, ['link/mailto']);
  const severities = (p: string): string[] => (r.all.get(p) ?? []).map((d) => `${d.ruleId} ${d.severity}`);
  assert.deepEqual(severities('a.md'), ['link/mailto warning']);
  assert.deepEqual(severities('quiet/b.md'), []);
  assert.deepEqual(severities('strict/c.md'), ['link/mailto error']);
  assert.deepEqual(severities('z.md'), ['link/mailto warning'], 'the folders before it change nothing for the next file');
  assert.equal(r.all.get('z.md')![0]!.docs, 'docs/rules/link/mailto.md');
});
