import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { directivesOf } from '../../server/src/engine/lint/directives';
import { lint, processPage } from './helpers';

/** A page with an unknown role on each of four rows (lines 8 to 11), plus what `before`/`between` add. */
function rolesPage(comments: { top?: string; beforeRow?: Record<number, string>; rowSuffix?: Record<number, string> } = {}): string {
  const rows = [1, 2, 3, 4].map((i) => `| 510${i} | Task ${i} | M | Role ${i} | Exchange |${comments.rowSuffix?.[i] ?? ''}`);
  const out = ['# Page', '', ...(comments.top ? [comments.top, ''] : []), '## Approach', '', '### Step', '', '#### FTOP Tasks', '', '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |', '| --- | --- | --- | --- | --- |'];
  rows.forEach((r, i) => {
    const before = comments.beforeRow?.[i + 1];
    if (before !== undefined) out.push(before);
    out.push(r);
  });
  return out.join('\n') + '\n';
}

const RULES = ['tasks/unknown-role', 'tasks/unknown-service', 'inline/unknown-rule'];
const roles = async (text: string): Promise<string[]> => (await lint({ 'a.md': text }, { rules: RULES })).findings('a.md').map((f) => `${f.rule} ${f.text}`);

describe('reading directives', () => {
  it('kinds, ids with their exact spans, free text after --, and not-quite directives', async () => {
    const text = '# T\n\n<!-- playbook-lint-disable tasks/unknown-role, refresh/order -- legacy table -->\n\n<!--playbook-lint-enable-->\n\n<!-- playbook-lint-disabled x -->\n\n<!-- an ordinary comment -->\n';
    const r = await lint({ 'a.md': text }, { rules: ['inline/unknown-rule'] });
    const doc = r.engine.index.document('/ws/a.md')!;
    const { directives, mistakes } = directivesOf(doc);
    assert.deepEqual(directives.map((d) => [d.kind, d.ids.map((x) => x.id), d.line]), [['disable', ['tasks/unknown-role', 'refresh/order'], 2], ['enable', [], 4]]);
    for (const id of directives[0]!.ids) assert.equal(text.slice(id.span.start, id.span.end), id.id);
    assert.deepEqual(mistakes.map((m) => text.slice(m.span.start, m.span.end)), ['playbook-lint-disabled']);
  });
});

describe('silencing findings', () => {
  it('without directives every row is reported', async () => {
    assert.deepEqual(await roles(rolesPage()), ['tasks/unknown-role Role 1', 'tasks/unknown-role Role 2', 'tasks/unknown-role Role 3', 'tasks/unknown-role Role 4']);
  });

  it('disable … enable covers the lines in between, for the named rule only', async () => {
    const text = rolesPage({ top: '<!-- playbook-lint-disable tasks/unknown-role -->' }) + '\n<!-- playbook-lint-enable tasks/unknown-role -->\n\n| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |\n| --- | --- | --- | --- | --- |\n| 5109 | T | M | Role 9 | Nowhere |\n';
    assert.deepEqual(await roles(text), ['tasks/unknown-role Role 9', 'tasks/unknown-service Nowhere']);
  });

  it('disable without ids silences every rule; enable with an id brings that one back', async () => {
    assert.deepEqual(await roles(rolesPage({ top: '<!-- playbook-lint-disable -->' }).replace(/\| Exchange \|/g, '| Nowhere |')), []);
    const again = rolesPage({ top: '<!-- playbook-lint-disable -->\n<!-- playbook-lint-enable tasks/unknown-role -->' }).replace('| Exchange |', '| Nowhere |');
    assert.deepEqual(await roles(again), ['tasks/unknown-role Role 1', 'tasks/unknown-role Role 2', 'tasks/unknown-role Role 3', 'tasks/unknown-role Role 4']);
  });

  it('disable-next-line silences the next line only', async () => {
    const text = processPage().replace('Primary Role: **FastTrack Manager**', '<!-- playbook-lint-disable-next-line tasks/unknown-role -->\nPrimary Role: **Nobody**').replace('| FastTrack Manager | All Services |\n| 5102', '| Somebody | All Services |\n| 5102');
    const r = await lint({ 'initiate-a.md': text }, { rules: RULES });
    assert.deepEqual(r.findings('initiate-a.md').map((f) => f.text), ['Somebody']);
    const without = await lint({ 'initiate-a.md': text.replace(/<!--[^>]*-->\n/g, '') }, { rules: RULES });
    assert.deepEqual(without.findings('initiate-a.md').map((f) => f.text), ['Nobody', 'Somebody']);
  });

  it('disable-line silences the line the comment is on', async () => {
    const text = '# T\n\nSee [one](missing-1.md). <!-- playbook-lint-disable-line link/no-such-file -->\nSee [two](missing-2.md).\n';
    const r = await lint({ 'a.md': text }, { rules: ['link/no-such-file'] });
    assert.deepEqual(r.findings('a.md').map((f) => f.text), ['missing-2.md']);
    const without = await lint({ 'a.md': text.replace(/ <!--[^>]*-->/, '') }, { rules: ['link/no-such-file'] });
    assert.deepEqual(without.findings('a.md').map((f) => f.text), ['missing-1.md', 'missing-2.md']);
  });

  it('disable-file works wherever it is, for the named rules', async () => {
    const text = rolesPage() + '\n<!-- playbook-lint-disable-file tasks/unknown-role tasks/unknown-service -->\n';
    assert.deepEqual(await roles(text), []);
    assert.deepEqual(await roles(rolesPage() + '\n<!-- playbook-lint-disable-file tasks/unknown-service -->\n'), ['tasks/unknown-role Role 1', 'tasks/unknown-role Role 2', 'tasks/unknown-role Role 3', 'tasks/unknown-role Role 4']);
  });

  it('a directive inside a code block is text, not a directive', async () => {
    const text = rolesPage({ top: '```markdown\n<!-- playbook-lint-disable-file -->\n```' });
    assert.equal((await roles(text)).length, 4);
  });

  it('the front matter is silenced only by disable-file', async () => {
    const page = processPage().replace('ms.topic: partner-playbook', 'ms.topic: partner-playbok');
    const r = await lint({ 'initiate-a.md': page }, { rules: ['frontmatter/schema', 'frontmatter/near-value'] });
    assert.ok(r.findings('initiate-a.md').length > 0);
    const silenced = await lint({ 'initiate-a.md': page.replace('# Hold Kickoff Meeting', '<!-- playbook-lint-disable-file frontmatter/schema frontmatter/near-value -->\n\n# Hold Kickoff Meeting') }, { rules: ['frontmatter/schema', 'frontmatter/near-value'] });
    assert.deepEqual(silenced.findings('initiate-a.md'), []);
  });
});
