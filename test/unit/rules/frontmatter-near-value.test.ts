import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/near-value';

/** A page whose ft.owner is on line 3 and ms.topic on line 4. */
function page(owner: string, topic = 'partner-playbook'): string {
  return processPage({ frontMatter: `title: T\nft.owner: ${owner}\nms.topic: ${topic}\nms.date: 10/02/2026` });
}

/** Five pages using the usual owner alias `ranadir`. */
function usual(): Record<string, string> {
  return Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((x) => [`initiate-${x}.md`, processPage()]));
}

test('frontmatter/near-value: frequent values and unrelated rare values pass', async () => {
  const r = await lint({ ...usual(), 'initiate-x.md': page('nadiapro') }, { rules: [RULE] });
  for (const f of ['initiate-a.md', 'initiate-x.md']) assert.deepEqual(r.findings(f), [], f);
});

test('frontmatter/near-value: a one-letter typo of an alias many pages use is reported on the value; the fix replaces it', async () => {
  const text = page('ranadr');
  const r = await lint({ ...usual(), 'initiate-x.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-x.md'), [{ rule: RULE, line: 3, text: 'ranadr' }]);
  const d = r.of('initiate-x.md')[0]!;
  assert.equal(d.message, '`ranadr` is one letter away from `ranadir`, the `ft.owner` value 5 pages use: did you mean `ranadir`?');
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('ranadir'));
  assert.deepEqual((await lint({ ...usual(), 'initiate-x.md': fixed }, { rules: [RULE] })).findings('initiate-x.md'), []);
});

test('frontmatter/near-value: two swapped letters count as one edit', async () => {
  const r = await lint({ ...usual(), 'initiate-x.md': page('randair') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-x.md'), [{ rule: RULE, line: 3, text: 'randair' }]);
  assert.match(r.of('initiate-x.md')[0]!.message, /one letter away from `ranadir`/);
});

test('frontmatter/near-value: two edits only for long values; nothing for short ones or when the value is itself common', async () => {
  const r = await lint(
    {
      ...usual(),
      'initiate-x.md': page('rnadr'), // two edits, five letters: too short to guess
      'initiate-y.md': page('ranadirxx'), // two edits, nine letters
      'initiate-z.md': page('ranadi'), // one edit, but used on 2 pages: 5 is not five times 2
      'initiate-w.md': page('ranadi'),
    },
    { rules: [RULE] },
  );
  assert.deepEqual(r.findings('initiate-x.md'), []);
  assert.deepEqual(r.findings('initiate-y.md'), [{ rule: RULE, line: 3, text: 'ranadirxx' }]);
  assert.match(r.of('initiate-y.md')[0]!.message, /two letters away/);
  assert.deepEqual(r.findings('initiate-z.md'), []);
});

test('frontmatter/near-value: keys with an allowed-value list are left to the schema on playbook pages, checked elsewhere', async () => {
  const r = await lint({ ...usual(), 'initiate-x.md': page('ranadir', 'partner-playbok'), 'notes.md': page('ranadir', 'partner-plaibook') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-x.md'), []);
  assert.deepEqual(r.findings('notes.md'), [{ rule: RULE, line: 4, text: 'partner-plaibook' }]);
});

test('frontmatter/near-value: options choose the keys and the thresholds', async () => {
  const config = { rules: { [RULE]: { severity: 'warning' as const, options: { keys: ['ms.topic'], minCount: 20 } } } };
  const r = await lint({ ...usual(), 'initiate-x.md': page('ranadr') }, { rules: [RULE], config });
  assert.deepEqual(r.findings('initiate-x.md'), []);
});
