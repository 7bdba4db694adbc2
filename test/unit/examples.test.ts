import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import { NodeWorkspace } from '../../server/src/cli/nodeWorkspace';
import { TODAY } from './helpers';

interface Expected {
  file: string;
  from: number;
  to: number;
  rule: string;
}

/** The deliberate defects, read from the table in examples/README.md (the README is the contract). */
function expectedDefects(): Expected[] {
  const out: Expected[] = [];
  for (const line of readFileSync('examples/README.md', 'utf8').split('\n')) {
    const m = /^\| \d+ \| `([^`]+)` \| (\d+)(?:–(\d+))? \| .* \| `([^`]+)` \|$/.exec(line);
    if (m) out.push({ file: m[1]!, from: Number(m[2]), to: Number(m[3] ?? m[2]), rule: m[4]! });
  }
  return out;
}

/** Second findings the README accepts for a defect (its "knock-on" list). */
const KNOCK_ONS: Expected[] = [
  { file: 'english-playbook/index.md', from: 40, to: 40, rule: 'link/no-such-file' },
  { file: 'english-playbook/phase-migrate.md', from: 1, to: 999, rule: 'refresh/ms-date-stale' },
  { file: 'english-playbook/initiate-hold-kickoff-meeting.md', from: 52, to: 52, rule: 'tasks/mandatory-letter' },
  { file: 'english-playbook/initiate-hold-kickoff-meeting.md', from: 52, to: 52, rule: 'tasks/unknown-role' },
  { file: 'english-playbook/initiate-hold-kickoff-meeting.md', from: 52, to: 52, rule: 'tasks/unknown-service' },
  { file: 'german-playbook/migrate-move-mailboxes-de.md', from: 1, to: 999, rule: 'tasks/translation-parity' },
];

test('linting examples/ finds every deliberate defect its README lists, and nothing else', async () => {
  const expected = expectedDefects();
  assert.ok(expected.length >= 15, 'the README defect table could not be read');
  const engine = createEngine(new NodeWorkspace('examples'), defaultConfig({ today: TODAY }));
  await engine.index.load();
  const base = engine.index.root + '/playbook/';
  const found = [...lintWorkspace(engine.index, engine.rules)].flatMap(([path, diags]) =>
    diags.map((d) => ({ file: path.slice(base.length), line: d.range.start.line + 1, rule: d.ruleId, message: d.message })),
  );
  const hit = (e: Expected, f: { file: string; line: number; rule: string }) => f.file === e.file && f.rule === e.rule && f.line >= e.from && f.line <= e.to;
  const missing = expected.filter((e) => !found.some((f) => hit(e, f)));
  assert.deepEqual(missing, [], 'deliberate defects the linter did not report');
  const unexpected = found.filter((f) => ![...expected, ...KNOCK_ONS].some((e) => hit(e, f)));
  assert.deepEqual(unexpected, [], 'findings on examples/ that its README does not list');
});
