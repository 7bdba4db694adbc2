import type { Fix } from '../../lint/diagnostic';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { PLACEHOLDER, deriveValue, pageMatches, stringListOption, validValue, yamlScalar } from './shared';

/**
 * A front-matter block with every canonical key in canonical order, each with the value derived for
 * this page (title from the H1, ms.date from the refresh summary, the folder's usual values...) or a
 * placeholder.
 */
function skeleton(ctx: PageContext): string {
  const eol = ctx.doc.eol;
  const values = new Map<string, string>();
  const lines = ['---'];
  for (const key of ctx.config.defaults.frontMatterKeyOrder) {
    const value = deriveValue(ctx, key, values, (v) => validValue(key, v))?.value ?? PLACEHOLDER;
    values.set(key, value);
    lines.push(`${key}: ${yamlScalar(value)}`);
  }
  lines.push('---');
  const start = ctx.doc.hasBom ? 1 : 0;
  const rest = ctx.doc.text.slice(start);
  const blank = rest === '' || rest.startsWith('\n') || rest.startsWith('\r');
  return lines.join(eol) + eol + (blank ? '' : eol);
}

/** Every page starts with a closed `---` front-matter block. */
export const missing: PageRule = {
  id: 'frontmatter/missing',
  target: 'page',
  description: t('Every page starts with a YAML front-matter block between `---` lines.'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    if (pageMatches(ctx.doc, stringListOption(ctx.options, 'exceptKinds', []))) return;
    for (const p of ctx.doc.problems) {
      if (p.code === 'frontmatter-unclosed') {
        ctx.report({ span: p.span, message: t('The front matter opened by this `---` is never closed: add a `---` line after its last `key: value` line.') });
      } else if (p.code === 'frontmatter-missing') {
        const at = ctx.doc.hasBom ? 1 : 0;
        const fix: Fix = { title: t('Add a front-matter block'), edits: [{ span: span(at, at), newText: skeleton(ctx) }], safe: false };
        ctx.report({
          span: p.span,
          message: t('The page has no front matter: it must start with a `---` block giving {0}.', ctx.config.defaults.frontMatterKeyOrder.map((k) => `\`${k}\``).join(', ')),
          fixes: [fix],
        });
      }
    }
  },
};
