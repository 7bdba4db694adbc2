import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/audience-pairing';

/** A page whose ms.custom is on line 3 and ft.audience on line 4. */
function page(custom: string, audience: string): string {
  return processPage({ frontMatter: `title: T\nms.custom: ${custom}\nft.audience: ${audience}\nms.date: 10/02/2026` });
}

test('frontmatter/audience-pairing: matching pairs pass', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': page('internal-playbook', 'internal') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('frontmatter/audience-pairing: a partner audience on an internal-playbook page is reported on ft.audience, with both repairs', async () => {
  const text = page('internal-playbook', 'partner');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 4, text: 'partner' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`ft\.audience: partner` does not go with `ms\.custom: internal-playbook`: pages with `ms\.custom: internal-playbook` have `ft\.audience: internal`/);
  assert.equal(d.related[0]!.range.start.line, 2);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.safe]), [['Set ft.audience to `internal`', false], ['Set ms.custom to `partner-playbook`', false]]);
  const first = applyFix(text, d, 0);
  assert.equal(first, page('internal-playbook', 'internal'));
  const second = applyFix(text, d, 1);
  assert.equal(second, page('partner-playbook', 'partner'));
  const again = await lint({ 'initiate-a.md': first, 'initiate-b.md': second }, { rules: [RULE] });
  assert.deepEqual(again.findings('initiate-a.md'), []);
  assert.deepEqual(again.findings('initiate-b.md'), []);
});

test('frontmatter/audience-pairing: a combined audience is reported when it differs from the pair', async () => {
  const r = await lint({ 'initiate-a.md': page('internal-playbook', 'internal, partner') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 4, text: 'internal, partner' }]);
  assert.equal(r.of('initiate-a.md')[0]!.fixes.length, 1);
});

test('frontmatter/audience-pairing: unknown ms.custom values and audiences that are no audience are left to other rules', async () => {
  const r = await lint({ 'initiate-a.md': page('frp', 'internal, partner'), 'initiate-b.md': page('partner-playbook', 'partners'), 'initiate-c.md': processPage({ frontMatter: 'title: T\nms.custom: partner-playbook' }) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
  assert.deepEqual(r.findings('initiate-c.md'), []);
});

test('frontmatter/audience-pairing: the pairs come from configuration', async () => {
  const { defaultConfig } = await import('../../../server/src/engine/config/builtin');
  const base = defaultConfig();
  const config = { defaults: { ...base.defaults, audienceByCustom: { 'team-playbook': 'team', 'partner-playbook': 'partner' } } };
  const r = await lint({ 'initiate-a.md': page('team-playbook', 'partner') }, { rules: [RULE], config });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 4, text: 'partner' }]);
  assert.equal(applyFix(page('team-playbook', 'partner'), r.of('initiate-a.md')[0]!), page('team-playbook', 'team'));
});
