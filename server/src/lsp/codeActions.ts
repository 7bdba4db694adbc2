import {
  CodeActionKind,
  CodeActionTriggerKind,
  TextDocumentEdit,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type ServerCapabilities,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { disableRuleFix } from '../engine/fix/disableComment';
import { fixFile, fixesOfRule, firstSafeFix, type FixChooser } from '../engine/fix/fixWorkspace';
import type { LineIndex } from '../engine/text/lineIndex';
import { t } from '../engine/util/l10n';
import { diagnosticData, toLspEdit } from './convert';
import type { DiagnosticsManager } from './diagnostics';
import { guard, throwIfCancelled, untilCancelled, type Logger } from './guard';
import type { Project } from './project';
import type { ModelSync } from './sync';
import type { UriMapper } from './uri';

/** The code action kind of "apply every safe fix of this file". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.playbook`;

/** What a deferred "fix all of this rule" action carries until the client resolves it. */
interface FixAllData {
  readonly fixAll: string;
  readonly uri: string;
}

/** What the code actions need. */
export interface CodeActionDeps {
  readonly connection: Connection;
  readonly uris: UriMapper;
  readonly sync: ModelSync;
  readonly diagnostics: DiagnosticsManager;
  readonly log: Logger;
  readonly client: ClientCapabilities;
}

/** True when an action of `kind` was asked for by `only` (a kind covers its sub-kinds). */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/**
 * Quick fixes and fix-all actions from the engine's fixes: each fix of each diagnostic in the request
 * as a quick fix; "fix all of this rule in the file" when the rule has two or more fixable findings;
 * "disable this rule for this line" (or table, or file) through an inline directive; and `source.fixAll.playbook`, every
 * safe fix of the file (the engine's fix loop, so fixes that enable others are applied too).
 */
export class CodeActionProvider {
  readonly #d: CodeActionDeps;
  readonly #documentChanges: boolean;
  readonly #resolveEdit: boolean;

  constructor(deps: CodeActionDeps) {
    this.#d = deps;
    this.#documentChanges = deps.client.workspace?.workspaceEdit?.documentChanges === true;
    this.#resolveEdit = deps.client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  }

  /** What the server announces. */
  static capabilities(): ServerCapabilities {
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true } };
  }

  /** Installs the handlers. */
  register(): void {
    const { connection, log } = this.#d;
    connection.onCodeAction(guard(log, 'textDocument/codeAction', (p: CodeActionParams, token) => this.codeActions(p, token)));
    connection.onCodeActionResolve(guard(log, 'codeAction/resolve', (a: CodeAction, token) => this.resolve(a, token)));
  }

  #edit(uri: string, version: number | null, edits: LspTextEdit[]): WorkspaceEdit {
    return this.#documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } : { changes: { [uri]: edits } };
  }

  /** The edit of the engine's fix loop over one file, or undefined when it changes nothing. */
  #fixFileEdit(project: Project, path: string, uri: string, lines: LineIndex, choose: FixChooser): WorkspaceEdit | undefined {
    const engine = project.engine;
    if (!engine) return undefined;
    const result = fixFile(engine.index, engine.rules, path, { choose });
    if (!result.edit) return undefined;
    return this.#edit(uri, this.#d.sync.versionOf(path) ?? null, [toLspEdit(result.edit, lines)]);
  }

  /** `textDocument/codeAction`. */
  async codeActions(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const path = this.#d.uris.toPath(uri);
    if (path === undefined) return [];
    const only = params.context.only;
    const { project, entry } = await untilCancelled(this.#d.diagnostics.current(path), token);
    throwIfCancelled(token);
    const index = project.engine?.index;
    const doc = index?.document(path);
    const lines = doc?.lines ?? index?.toc(path)?.lines;
    if (!lines) return [];
    const version = this.#d.sync.versionOf(path) ?? null;
    const actions: CodeAction[] = [];

    if (wanted(CodeActionKind.QuickFix, only)) {
      const fixAllDone = new Set<string>();
      const disableDone = new Set<string>();
      for (const d of params.context.diagnostics as LspDiagnostic[]) {
        const data = diagnosticData(d);
        if (!data || typeof d.code !== 'string') continue;
        const rule = d.code;
        if (data.version === version) {
          for (const fix of data.fixes) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              ...(data.fixes.length === 1 && fix.safe ? { isPreferred: true } : {}),
              edit: this.#edit(uri, version, fix.edits),
            });
          }
        }
        if (!fixAllDone.has(rule)) {
          fixAllDone.add(rule);
          const choose = fixesOfRule(rule);
          if (entry.diagnostics.filter((e) => choose(e) !== undefined).length >= 2) {
            const title = t('Fix all {0} problems in this file', rule);
            if (this.#resolveEdit) actions.push({ title, kind: CodeActionKind.QuickFix, data: { fixAll: rule, uri } satisfies FixAllData });
            else {
              const edit = this.#fixFileEdit(project, path, uri, lines, choose);
              if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, edit });
            }
          }
        }
        if (doc) {
          // Two findings of a rule in one table (or the front matter) share one "disable" edit: offer it once.
          const fix = disableRuleFix(doc, rule, d.range.start.line);
          const key = `${rule}\u0000${fix.title}\u0000${fix.edits.map((e) => `${e.span.start}:${e.newText}`).join('|')}`;
          if (!disableDone.has(key)) {
            disableDone.add(key);
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: this.#edit(uri, version, fix.edits.map((e) => toLspEdit(e, lines))) });
          }
        }
      }
    }

    if (wanted(FIX_ALL_KIND, only) && (only !== undefined || params.context.triggerKind !== CodeActionTriggerKind.Automatic) && entry.diagnostics.some((d) => firstSafeFix(d) !== undefined)) {
      throwIfCancelled(token);
      const edit = this.#fixFileEdit(project, path, uri, lines, firstSafeFix);
      if (edit) actions.push({ title: t('Fix all auto-fixable playbook problems'), kind: FIX_ALL_KIND, edit });
    }
    return actions;
  }

  /** `codeAction/resolve`: computes the edit of a "fix all of this rule" action. */
  async resolve(action: CodeAction, token: CancellationToken): Promise<CodeAction> {
    const data = action.data as Partial<FixAllData> | undefined;
    if (!data || typeof data.fixAll !== 'string' || typeof data.uri !== 'string') return action;
    const path = this.#d.uris.toPath(data.uri);
    if (path === undefined) return action;
    const project = await untilCancelled(this.#d.sync.ensureCurrent(path), token);
    throwIfCancelled(token);
    const index = project.engine?.index;
    const lines = index?.document(path)?.lines ?? index?.toc(path)?.lines;
    if (!lines) return action;
    const edit = this.#fixFileEdit(project, path, data.uri, lines, fixesOfRule(data.fixAll));
    return edit ? { ...action, edit } : action;
  }
}
