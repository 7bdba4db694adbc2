import { CodeActionProvider } from './codeActions';
import { codeLens } from './codeLens';
import { completion } from './completion';
import { definition } from './definition';
import { documentLinks } from './documentLinks';
import { documentSymbols } from './documentSymbols';
import { fileRename } from './fileRename';
import { folding } from './folding';
import { formatting } from './formatting';
import { hover } from './hover';
import { linkGraph } from './linkGraph';
import { outline } from './outline';
import { references } from './references';
import { rename } from './rename';
import { workspaceSymbols } from './workspaceSymbols';
import type { LspFeature } from './services';

/** Pull diagnostics (when the client can pull; otherwise the server pushes them). */
const diagnostics: LspFeature = {
  name: 'diagnostics',
  capabilities: (client) => (client.textDocument?.diagnostic ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
  register: (s) => s.diagnostics.register(),
};

/** Quick fixes, fix all of a rule, disable for this line, `source.fixAll.playbook`. */
const codeActions: LspFeature = {
  name: 'codeActions',
  capabilities: () => CodeActionProvider.capabilities(),
  register: (s) => new CodeActionProvider({ connection: s.connection, uris: s.uris, sync: s.sync, diagnostics: s.diagnostics, log: s.log, client: s.client }).register(),
};

/**
 * Every feature of the server, in registration order. A new feature is one file in this folder
 * exporting an {@link LspFeature} (capabilities + register), added here.
 */
export const features: readonly LspFeature[] = [
  diagnostics,
  codeActions,
  completion,
  hover,
  definition,
  references,
  rename,
  fileRename,
  documentSymbols,
  workspaceSymbols,
  documentLinks,
  folding,
  codeLens,
  formatting,
  outline,
  linkGraph,
];
