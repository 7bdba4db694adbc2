/**
 * The workspace outline, per language: phases → process pages → steps → tasks, as plain data for a
 * tree view. A process page's phase is its `Phase:` line read with the vocabulary (so German
 * `Einleitung` and English `Initiate` are the same phase `initiate`); phases come in the locale
 * pack's order, then unrecognised phase names, then pages without a phase.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PlaybookDocument } from '../model/document';
import type { Range, Span } from '../text/span';
import { t } from '../util/l10n';
import { cancelled, pageTitle } from './shared';
import type { IsCancelled } from './types';

/** A task row of a step. */
export interface OutlineTask {
  readonly id: string;
  readonly name: string;
  readonly mandatory: string;
  readonly role: string;
  readonly services: string;
  readonly path: string;
  readonly span: Span;
  readonly range: Range;
}

/** A step (an H3 of the Approach section). */
export interface OutlineStep {
  readonly name: string;
  readonly primaryRole?: string;
  readonly appliesTo?: string;
  readonly path: string;
  readonly span: Span;
  readonly range: Range;
  readonly tasks: readonly OutlineTask[];
}

/** A process page. */
export interface OutlineProcess {
  readonly title: string;
  readonly path: string;
  /** The H1 (or the start of the file). */
  readonly span: Span;
  readonly range: Range;
  readonly steps: readonly OutlineStep[];
}

/** A phase and its process pages. */
export interface OutlinePhase {
  /** Canonical phase id (`initiate`), undefined when the phase name is not recognised or missing. */
  readonly id?: string;
  /** The phase name in the language (as the pack writes it, else as the page does). */
  readonly name: string;
  readonly processes: readonly OutlineProcess[];
}

/** The outline of one language. */
export interface OutlineLocale {
  readonly locale: string;
  readonly phases: readonly OutlinePhase[];
}

/** The whole outline. */
export interface Outline {
  readonly locales: readonly OutlineLocale[];
}

function processOf(doc: PlaybookDocument): OutlineProcess {
  const h1 = doc.h1s[0];
  const head = h1 ? h1.span : { start: 0, end: 0 };
  return {
    title: pageTitle(doc),
    path: doc.path,
    span: head,
    range: doc.lines.rangeOf(head),
    steps: doc.steps.map((step) => ({
      name: step.heading.text,
      ...(step.labels.primaryRole ? { primaryRole: step.labels.primaryRole.value } : {}),
      ...(step.labels.appliesTo ? { appliesTo: step.labels.appliesTo.value } : {}),
      path: doc.path,
      span: step.heading.span,
      range: doc.lines.rangeOf(step.heading.span),
      tasks: step.taskTables.flatMap((table) =>
        table.rows
          .filter((row) => (row.byColumn.id?.text ?? '') !== '' || (row.byColumn.name?.text ?? '') !== '')
          .map((row) => ({
            id: row.byColumn.id?.text ?? '',
            name: row.byColumn.name?.text ?? '',
            mandatory: row.byColumn.mandatory?.text ?? '',
            role: row.byColumn.role?.text ?? '',
            services: row.byColumn.services?.text ?? '',
            path: doc.path,
            span: row.span,
            range: doc.lines.rangeOf(row.span),
          })),
      ),
    })),
  };
}

/** The outline of the workspace's process pages (one language when `locale` is given). Undefined when cancelled. */
export function getOutline(index: WorkspaceIndex, options: { locale?: string } = {}, isCancelled?: IsCancelled): Outline | undefined {
  const v = index.context.vocabulary;
  const byLocale = new Map<string, Map<string, { id?: string; name: string; order: number; processes: OutlineProcess[] }>>();
  for (const path of index.pagePaths()) {
    if (cancelled(isCancelled)) return undefined;
    const facts = index.facts(path)!;
    if (facts.kind !== 'process' || (options.locale !== undefined && facts.locale !== options.locale)) continue;
    const doc = index.document(path)!;
    let phases = byLocale.get(doc.locale);
    if (!phases) byLocale.set(doc.locale, (phases = new Map()));
    const written = doc.phase?.value ?? '';
    const rec = written ? v.phase(written, doc.locale) : undefined;
    const ids = Object.keys(v.pack(doc.locale)?.phases ?? {});
    let key: string;
    let group: { id?: string; name: string; order: number; processes: OutlineProcess[] };
    if (rec) {
      key = 'id:' + rec.id;
      const name = v.pack(doc.locale)?.phases[rec.id]?.[0] ?? written;
      group = phases.get(key) ?? { id: rec.id, name, order: ids.includes(rec.id) ? ids.indexOf(rec.id) : ids.length, processes: [] };
    } else if (written) {
      key = 'name:' + written;
      group = phases.get(key) ?? { name: written, order: 1000, processes: [] };
    } else {
      key = 'none';
      group = phases.get(key) ?? { name: t('No phase'), order: 2000, processes: [] };
    }
    phases.set(key, group);
    group.processes.push(processOf(doc));
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const locales = [...byLocale.keys()].sort((a, b) => {
    const ia = v.locales.indexOf(a);
    const ib = v.locales.indexOf(b);
    return (ia < 0 ? 1e6 : ia) - (ib < 0 ? 1e6 : ib) || cmp(a, b);
  });
  return {
    locales: locales.map((locale) => ({
      locale,
      phases: [...byLocale.get(locale)!.values()]
        .sort((a, b) => a.order - b.order || cmp(a.name, b.name))
        .map((g) => ({
          ...(g.id ? { id: g.id } : {}),
          name: g.name,
          processes: g.processes.sort((a, b) => cmp(a.title, b.title) || cmp(a.path, b.path)),
        })),
    })),
  };
}
