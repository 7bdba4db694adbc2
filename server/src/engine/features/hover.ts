/**
 * Hover: what the thing under the cursor points at or means. A link shows its target's title, phase
 * and first sentence (the heading when anchored); an include its title and path; a task ID its name
 * and the pages that use it; a front-matter key its schema description; an alert keyword what docfx
 * renders; a toc href its page.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PlaybookDocument } from '../model/document';
import type { Range, Span } from '../text/span';
import { t } from '../util/l10n';
import { extname } from '../util/paths';
import { describeKey, enumOf } from '../rules/frontmatter/shared';
import { findHeading, isInclude, pageTitle, referenceAt, resolveTarget, summaryOf, tocHrefAt, tocHrefTarget, touches, usedOn, workspacePath } from './shared';

/** Hover content: Markdown, and the span it is about. */
export interface Hover {
  readonly contents: string;
  readonly span: Span;
  readonly range: Range;
}

/** The hover at `position` of a page or toc, if anything there has one. */
export function provideHover(index: WorkspaceIndex, path: string, position: { line: number; character: number }): Hover | undefined {
  const toc = index.toc(path);
  if (toc) {
    const item = tocHrefAt(toc, toc.lines.offsetAt(position));
    const target = item ? tocHrefTarget(path, item.href) : undefined;
    const contents = target ? pageHover(index, target) : undefined;
    return item && contents ? { contents, span: item.hrefSpan, range: toc.lines.rangeOf(item.hrefSpan) } : undefined;
  }
  const doc = index.document(path);
  if (!doc) return undefined;
  const offset = doc.lines.offsetAt(position);
  const found = frontMatterHover(doc, offset) ?? alertHover(index, doc, offset) ?? taskHover(index, doc, offset) ?? referenceHover(index, doc, offset);
  return found ? { ...found, range: doc.lines.rangeOf(found.span) } : undefined;
}

type Found = { contents: string; span: Span };

/** Title, phase and first sentence of a page; a short note when the file is missing or not a page. */
export function pageHover(index: WorkspaceIndex, target: string): string | undefined {
  const page = index.document(target);
  if (!page) {
    if (index.exists(target) || index.isDirectory(target)) return '`' + workspacePath(index, target) + '`';
    return t('`{0}` does not exist.', workspacePath(index, target));
  }
  const lines = [`**${pageTitle(page)}**`];
  if (page.phase) lines.push(t('Phase: {0}', page.phase.value));
  const summary = summaryOf(page);
  if (summary) lines.push(summary);
  lines.push('`' + workspacePath(index, target) + '`');
  return lines.join('\n\n');
}

function frontMatterHover(doc: PlaybookDocument, offset: number): Found | undefined {
  const entry = doc.frontMatter?.entries.find((e) => touches(e.keySpan, offset));
  if (!entry) return undefined;
  const description = describeKey(entry.key);
  if (!description) return undefined;
  const allowed = enumOf(entry.key);
  const parts = [`**${entry.key}**`, description];
  if (allowed) parts.push(t('Allowed values: {0}', allowed.map((v) => '`' + v + '`').join(', ')));
  return { contents: parts.join('\n\n'), span: entry.keySpan };
}

function alertHover(index: WorkspaceIndex, doc: PlaybookDocument, offset: number): Found | undefined {
  const alert = doc.alerts.find((a) => touches(a.keywordSpan, offset));
  if (!alert) return undefined;
  const known = index.context.config.defaults.alertKeywords;
  const upper = alert.keyword.toUpperCase();
  if (known.includes(upper)) {
    return { contents: t('`[!{0}]` renders as a {1} callout box.', alert.keyword, upper.charAt(0) + upper.slice(1).toLowerCase()), span: alert.keywordSpan };
  }
  let meant: string | undefined;
  for (const loc of [doc.locale, ...index.context.vocabulary.locales]) {
    const table = index.context.vocabulary.pack(loc)?.alertTranslations ?? {};
    meant = Object.entries(table).find(([k]) => k.toUpperCase() === upper)?.[1];
    if (meant) break;
  }
  const contents = meant
    ? t('docfx does not recognise `[!{0}]`: the line renders as plain text. Write `[!{1}]`; docfx translates the box title itself.', alert.keyword, meant)
    : t('docfx does not recognise `[!{0}]`: the line renders as plain text. Alert keywords: {1}.', alert.keyword, known.map((k) => '`' + k + '`').join(', '));
  return { contents, span: alert.keywordSpan };
}

function taskHover(index: WorkspaceIndex, doc: PlaybookDocument, offset: number): Found | undefined {
  for (const table of doc.taskTables) {
    if (!touches(table.table.span, offset)) continue;
    for (const row of table.rows) {
      const cell = row.byColumn.id;
      if (!cell || !touches(cell.span, offset) || cell.text === '') continue;
      const uses = index.tasks(doc.locale).get(cell.text) ?? [];
      const name = row.byColumn.name?.text ?? uses.find((u) => u.name)?.name ?? '';
      const pages = [...new Set(uses.map((u) => u.path))].map((p) => index.facts(p)!);
      const lines = [name ? `**${cell.text}** — ${name}` : `**${cell.text}**`];
      const names = [...new Set(uses.map((u) => u.name).filter((n) => n !== '' && n !== name))];
      if (names.length > 0) lines.push(t('Also named: {0}', names.join('; ')));
      lines.push([usedOn(pages.length), ...pages.slice(0, 10).map((p) => `- ${p.title} (\`${workspacePath(index, p.path)}\`)`), ...(pages.length > 10 ? ['- …'] : [])].join('\n'));
      return { contents: lines.join('\n\n'), span: cell.span };
    }
  }
  return undefined;
}

function referenceHover(index: WorkspaceIndex, doc: PlaybookDocument, offset: number): Found | undefined {
  const ref = referenceAt(doc, offset);
  if (!ref) return undefined;
  const target = resolveTarget(index, doc.path, ref.target);
  if (!target) return undefined;
  if (isInclude(ref)) {
    const page = index.document(target);
    const title = page ? pageTitle(page) : ref.title;
    const contents = page ? `**${title}**\n\n` + t('Included from `{0}`', workspacePath(index, target)) : t('`{0}` does not exist.', workspacePath(index, target));
    return { contents, span: ref.span };
  }
  if (ref.kind === 'image') return { contents: '`' + workspacePath(index, target) + '`' + (index.exists(target) ? '' : '\n\n' + t('The image does not exist.')), span: ref.targetSpan };
  const anchor = ref.target.anchor;
  if (anchor) {
    const found = extname(target) === '.md' ? findHeading(index, target, anchor) : undefined;
    if (found) {
      const page = index.document(target);
      const where = page && target !== doc.path ? '\n\n' + t('On {0} (`{1}`)', pageTitle(page), workspacePath(index, target)) : '';
      return { contents: `**${found.heading.text}**${where}`, span: ref.span };
    }
    if (target === doc.path) return { contents: t('`#{0}` names no heading of this page.', anchor), span: ref.span };
  }
  const contents = pageHover(index, target);
  return contents ? { contents, span: ref.span } : undefined;
}
