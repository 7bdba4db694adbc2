import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'link/cross-language';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

const files = {
  'english-playbook/phase-initiate.md': page(),
  'english-playbook/initiate-kickoff-partner.md': page(),
  'english-playbook/initiate-untranslated-partner.md': page(),
  'german-playbook/initiate-kickoff-partner-de.md': page(),
};

test('link/cross-language: links within the language, and to English pages with no translation, pass', async () => {
  const r = await lint({
    ...files,
    'german-playbook/phase-initiate-de.md': page('[a](initiate-kickoff-partner-de.md) [b](../english-playbook/initiate-untranslated-partner.md) [c](https://contoso.com)'),
    'english-playbook/index.md': page('[de](../german-playbook/initiate-kickoff-partner-de.md)'),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('german-playbook/phase-initiate-de.md'), []);
  assert.deepEqual(r.findings('english-playbook/index.md'), []);
});

test('link/cross-language: a German page linking to the English page whose German translation exists', async () => {
  const text = page('Next: [Kickoff](../english-playbook/initiate-kickoff-partner.md#scope).');
  const all = { ...files, 'german-playbook/phase-initiate-de.md': text };
  const r = await lint(all, { rules: [RULE] });
  assert.deepEqual(r.findings('german-playbook/phase-initiate-de.md'), [{ rule: RULE, line: 7, text: '../english-playbook/initiate-kickoff-partner.md#scope' }]);
  const d = r.of('german-playbook/phase-initiate-de.md')[0]!;
  assert.equal(d.message, 'This German page links to the English page `../english-playbook/initiate-kickoff-partner.md`, but the German version `initiate-kickoff-partner-de.md` exists: link to it so readers stay in their language.');
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('Next: [Kickoff](initiate-kickoff-partner-de.md#scope).'));
  const again = await lint({ ...all, 'german-playbook/phase-initiate-de.md': fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings('german-playbook/phase-initiate-de.md'), []);
});

test('link/cross-language: an untranslated English copy next to the Spanish translation', async () => {
  const english = ['---', 'title: Test', '---', '', '# Support', '', '## Overview', '', '## Objectives', '', '## Approach', ''].join('\n');
  const r = await lint({
    'spanish-playbook/phase-success-es.md': page('[Soporte](success-support-partner-en.md)'),
    'spanish-playbook/success-support-partner-en.md': english,
    'spanish-playbook/success-support-partner-es.md': page(),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('spanish-playbook/phase-success-es.md'), [{ rule: RULE, line: 7, text: 'success-support-partner-en.md' }]);
  assert.equal(r.of('spanish-playbook/phase-success-es.md')[0]!.fixes[0]!.edits[0]!.newText, 'success-support-partner-es.md');
});
