import { createLanguageService, type Outline } from '../engine/features/index';
import { cancelled, guard, throwIfCancelled, yieldToEventLoop } from './guard';
import { folderProjects, indexedProjects } from './fullIndex';
import { OUTLINE_REQUEST, type OutlineLanguage, type OutlineParams, type OutlineResult } from './protocol';
import type { LspFeature, Services } from './services';

/** An engine outline with URIs for paths (and without offsets). */
export function toOutlineLanguages(s: Services, outline: Outline): OutlineLanguage[] {
  return outline.locales.map((l) => ({
    locale: l.locale,
    phases: l.phases.map((phase) => ({
      ...(phase.id !== undefined ? { id: phase.id } : {}),
      name: phase.name,
      processes: phase.processes.map((p) => ({
        title: p.title,
        uri: s.toUri(p.path),
        range: p.range,
        steps: p.steps.map((step) => ({
          name: step.name,
          ...(step.primaryRole !== undefined ? { primaryRole: step.primaryRole } : {}),
          ...(step.appliesTo !== undefined ? { appliesTo: step.appliesTo } : {}),
          uri: s.toUri(step.path),
          range: step.range,
          tasks: step.tasks.map((task) => ({ id: task.id, name: task.name, mandatory: task.mandatory, role: task.role, services: task.services, uri: s.toUri(task.path), range: task.range })),
        })),
      })),
    })),
  }));
}

/** `playbook/outline`: phases → processes → steps → tasks of each workspace folder (see ./protocol). */
export const outline: LspFeature = {
  name: 'outline',
  capabilities: () => ({}),
  register: (s) => {
    s.connection.onRequest(OUTLINE_REQUEST, guard(s.log, OUTLINE_REQUEST, async (params: OutlineParams | null | undefined, token): Promise<OutlineResult> => {
      const locale = typeof params?.locale === 'string' ? params.locale : undefined;
      const folders: OutlineResult['folders'] = [];
      for (const { project, index } of await indexedProjects(s, token, folderProjects(s))) {
        await yieldToEventLoop();
        throwIfCancelled(token);
        const found = createLanguageService(index).getOutline(locale !== undefined ? { locale } : {}, () => token.isCancellationRequested);
        if (!found) throw cancelled();
        folders.push({ uri: s.toUri(project.root), locales: toOutlineLanguages(s, found) });
      }
      return { folders };
    }));
  },
};
