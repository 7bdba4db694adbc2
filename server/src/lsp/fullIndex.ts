import type { CancellationToken } from 'vscode-languageserver/node';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import { untilCancelled } from './guard';
import type { Project } from './project';
import type { DocumentModel, Services } from './services';

/**
 * Gives a project's index the current text of every open document of the project (applying what is
 * left of their debounce time), so an answer that spans files sees what the editor shows.
 */
export async function syncOpenDocuments(s: Services, project: Project, token: CancellationToken): Promise<void> {
  for (const path of s.sync.paths()) if (project.contains(path)) await untilCancelled(s.sync.ensureCurrent(path), token);
}

/**
 * The model of a document in an index that has read every file of its project and holds every open
 * document's current text: for requests whose answer spans the workspace (references, rename, code
 * lenses). Waits for the initial index when it is still being built.
 */
export async function documentInFullIndex(s: Services, uri: string, token: CancellationToken): Promise<DocumentModel | undefined> {
  const first = await s.documentAt(uri, token);
  if (!first) return undefined;
  const { project } = first;
  const wasReady = project.isReady;
  if (!wasReady) await untilCancelled(project.ready(), token);
  await syncOpenDocuments(s, project, token);
  // A first load re-reads the open documents when it ends: ask again for the model it holds now.
  return wasReady && first.engine === project.engine ? first : s.documentAt(uri, token);
}

/** A project and its complete index. */
export interface IndexedProject {
  readonly project: Project;
  readonly index: WorkspaceIndex;
}

/**
 * The complete indexes of the given projects (every project by default), each holding the open
 * documents' current text: for workspace-wide requests. Waits for the initial indexes.
 */
export async function indexedProjects(s: Services, token: CancellationToken, projects: readonly Project[] = s.projects.all()): Promise<IndexedProject[]> {
  const out: IndexedProject[] = [];
  for (const project of projects) {
    await untilCancelled(project.ready(), token);
    await syncOpenDocuments(s, project, token);
    const engine = project.engine;
    if (engine) out.push({ project, index: engine.index });
  }
  return out;
}

/** The projects of the workspace folders (not those of files opened outside every folder). */
export function folderProjects(s: Services): Project[] {
  return s.projects.all().filter((p) => !p.loose);
}

/** The project a path of the workspace belongs to, without creating one for a path outside every folder. */
export function projectHolding(s: Services, path: string): Project | undefined {
  return s.projects.folderOf(path) ?? s.projects.all().find((p) => p.loose && p.contains(path));
}
