import type { FileOperationRegistrationOptions, RenameFilesParams, ServerCapabilities, WorkspaceEdit } from 'vscode-languageserver/node';
import { createLanguageService, type FileRename } from '../engine/features/index';
import { IMAGE_EXTENSIONS } from '../engine/features/completion';
import { cancelled, guard, throwIfCancelled, yieldToEventLoop } from './guard';
import { indexedProjects, projectHolding } from './fullIndex';
import type { Project } from './project';
import type { LspFeature } from './services';
import { toWorkspaceEdit } from './workspaceEdit';

/** The files and folders whose moves can break references: pages, tocs, images, and folders. */
export const RENAME_FILTERS: FileOperationRegistrationOptions['filters'] = [
  { scheme: 'file', pattern: { glob: '**/*.md', matches: 'file', options: { ignoreCase: true } } },
  { scheme: 'file', pattern: { glob: '**/toc.{yml,yaml}', matches: 'file', options: { ignoreCase: true } } },
  { scheme: 'file', pattern: { glob: `**/*.{${IMAGE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`, matches: 'file', options: { ignoreCase: true } } },
  { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } },
];

/**
 * `workspace/willRenameFiles`: before files or folders move, the edits that keep every link, image,
 * include and toc href pointing at them right, and the relative targets written in moved files.
 */
export const fileRename: LspFeature = {
  name: 'fileRename',
  capabilities: (client): ServerCapabilities =>
    client.workspace?.fileOperations?.willRename === true ? { workspace: { fileOperations: { willRename: { filters: RENAME_FILTERS } } } } : {},
  register: (s) => {
    if (s.client.workspace?.fileOperations?.willRename !== true) return;
    s.connection.workspace.onWillRenameFiles(guard(s.log, 'workspace/willRenameFiles', async (params: RenameFilesParams, token): Promise<WorkspaceEdit | null> => {
      const byProject = new Map<Project, FileRename[]>();
      for (const f of params.files) {
        const oldPath = s.uris.toPath(f.oldUri);
        const newPath = s.uris.toPath(f.newUri);
        const project = oldPath === undefined ? undefined : projectHolding(s, oldPath);
        if (oldPath === undefined || newPath === undefined || !project) continue;
        byProject.set(project, [...(byProject.get(project) ?? []), { oldPath, newPath }]);
      }
      let edit: WorkspaceEdit | null = null;
      for (const { project, index } of await indexedProjects(s, token, [...byProject.keys()])) {
        await yieldToEventLoop();
        throwIfCancelled(token);
        const found = createLanguageService(index).provideFileRenameEdits(byProject.get(project)!, () => token.isCancellationRequested);
        if (!found) throw cancelled();
        // Projects do not share files, so one index gives the versions of every file it edited.
        if (found.length > 0) edit = merge(edit, toWorkspaceEdit(s, index, found));
      }
      return edit;
    }));
  },
};

/** Two workspace edits of distinct files as one. */
function merge(a: WorkspaceEdit | null, b: WorkspaceEdit): WorkspaceEdit {
  if (!a) return b;
  if (a.documentChanges || b.documentChanges) return { documentChanges: [...(a.documentChanges ?? []), ...(b.documentChanges ?? [])] };
  return { changes: { ...a.changes, ...b.changes } };
}
