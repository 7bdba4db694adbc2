import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { disableRuleFix } from '../../server/src/engine/fix/disableComment';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';
import { applyFix, lint, processPage } from './helpers';

/** Lints one page, disables the first finding of `rule` with the helper, and returns the new text and what is left. */
async function disableFirst(text: string, rule: string, path = 'initiate-a.md'): Promise<{ fixed: string; title: string; before: number; after: string[] }> {
  const r = await lint({ [path]: text }, { rules: [rule, 'inline/unknown-rule'] });
  const d = r.of(path).find((x) => x.ruleId === rule);
  assert.ok(d, `no ${rule} finding to disable`);
  const fix = disableRuleFix(r.engine.index.document(`/ws/${path}`)!, rule, d.range.start.line);
  assert.equal(fix.safe, false);
  const fixed = applyFix(text, { fixes: [fix] } as unknown as Diagnostic);
  const again = await lint({ [path]: fixed }, { rules: [rule, 'inline/unknown-rule'] });
  return { fixed, title: fix.title, before: r.of(path).length, after: again.findings(path).map((f) => `${f.rule} ${f.text}`) };
}

describe('disable this rule for this line', () => {
  it('a body line: a disable-next-line comment above it, with its indentation; only that finding goes', async () => {
    const text = processPage().replace('Primary Role: **FastTrack Manager**', 'Primary Role: **Nobody**').replace('| FastTrack Manager | All Services |\n| 5102', '| Somebody | All Services |\n| 5102');
    const r = await disableFirst(text, 'tasks/unknown-role');
    assert.equal(r.title, 'Disable tasks/unknown-role for this line');
    assert.ok(r.fixed.includes('<!-- playbook-lint-disable-next-line tasks/unknown-role -->\nPrimary Role: **Nobody**'), r.fixed);
    assert.deepEqual(r.after, ['tasks/unknown-role Somebody']);
  });

  it('a second rule on the same line joins the comment already there', async () => {
    const text = '# T\n\n> See [x](missing.md#nowhere) and [y](missing-too.md).\n';
    const first = await disableFirst(text, 'link/no-such-file', 'a.md');
    assert.equal(first.fixed, '# T\n\n> <!-- playbook-lint-disable-next-line link/no-such-file -->\n> See [x](missing.md#nowhere) and [y](missing-too.md).\n');
    assert.deepEqual(first.after, []);
    const withMailto = first.fixed.replace('and [y](missing-too.md)', 'and [mail](team@contoso.com)');
    const second = await disableFirst(withMailto, 'link/mailto', 'a.md');
    assert.ok(second.fixed.includes('> <!-- playbook-lint-disable-next-line link/no-such-file link/mailto -->\n'), second.fixed);
    assert.deepEqual(second.after, []);
  });

  it('a table row: the rule is disabled around the table, which stays a table', async () => {
    const text = processPage().replace('| FastTrack Manager | All Services |\n| 5102', '| Somebody | All Services |\n| 5102');
    const r = await disableFirst(text, 'tasks/unknown-role');
    assert.equal(r.title, 'Disable tasks/unknown-role for this table');
    assert.ok(r.fixed.includes('#### FTOP Tasks\n\n<!-- playbook-lint-disable tasks/unknown-role -->\n| Task ID |'), r.fixed);
    assert.ok(r.fixed.includes('| 5102    | Book Room   | O | FastTrack Manager | All Services |\n\n<!-- playbook-lint-enable tasks/unknown-role -->\n'), r.fixed);
    assert.deepEqual(r.after, []);
    const tables = (await lint({ 'initiate-a.md': r.fixed }, { rules: [] as string[] })).engine.index.document('/ws/initiate-a.md')!.taskTables;
    assert.equal(tables[0]!.rows.length, 2, 'both rows still belong to the task table');
  });

  it('a front-matter line: disabled for the file, right after the front matter', async () => {
    const text = processPage().replace('ms.topic: partner-playbook', 'ms.topic: partner-playbok');
    const r = await disableFirst(text, 'frontmatter/schema');
    assert.equal(r.title, 'Disable frontmatter/schema for this file');
    assert.ok(r.fixed.includes('ft.owner: ranadir\n---\n<!-- playbook-lint-disable-file frontmatter/schema -->\n\n# Hold'), r.fixed);
    assert.deepEqual(r.after, []);
    assert.ok(r.before >= 1);
  });

  it('the first line of a page without front matter: disabled for the file at the top, after a BOM', async () => {
    const text = '\ufeff# T\n\nText.\n';
    const r = await disableFirst(text, 'frontmatter/missing', 'initiate-a.md');
    assert.equal(r.fixed, '\ufeff<!-- playbook-lint-disable-file frontmatter/missing -->\n# T\n\nText.\n');
    assert.deepEqual(r.after, []);
  });

  it('keeps CRLF line ends', async () => {
    const text = '# T\r\n\r\nSee [x](missing.md).\r\n';
    const r = await disableFirst(text, 'link/no-such-file', 'a.md');
    assert.equal(r.fixed, '# T\r\n\r\n<!-- playbook-lint-disable-next-line link/no-such-file -->\r\nSee [x](missing.md).\r\n');
  });
});
