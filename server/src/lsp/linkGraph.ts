import { createLanguageService, type LinkGraph } from '../engine/features/index';
import { cancelled, guard, throwIfCancelled, yieldToEventLoop } from './guard';
import { folderProjects, indexedProjects } from './fullIndex';
import { LINK_GRAPH_REQUEST, type LinkGraphFolder, type LinkGraphParams, type LinkGraphResult } from './protocol';
import type { LspFeature, Services } from './services';

/** An engine link graph with URIs for paths (and without offsets). */
export function toLinkGraphFolder(s: Services, folderUri: string, graph: LinkGraph): LinkGraphFolder {
  return {
    uri: folderUri,
    pages: graph.pages.map((p) => ({
      uri: s.toUri(p.path),
      title: p.title,
      kind: p.kind,
      locale: p.locale,
      ...(p.phase !== undefined ? { phase: p.phase } : {}),
      ...(p.phaseName !== undefined ? { phaseName: p.phaseName } : {}),
    })),
    edges: graph.edges.map((e) => ({ from: s.toUri(e.from), to: s.toUri(e.to), kind: e.kind, count: e.count })),
    broken: graph.broken.map((b) => ({
      from: s.toUri(b.from),
      kind: b.kind,
      reason: b.reason,
      target: b.target,
      ...(b.resolved !== undefined ? { resolved: s.toUri(b.resolved) } : {}),
      range: b.range,
    })),
    orphans: graph.orphans.map((p) => s.toUri(p)),
  };
}

/** `playbook/linkGraph`: pages, cross-links, broken links and orphans of each workspace folder (see ./protocol). */
export const linkGraph: LspFeature = {
  name: 'linkGraph',
  capabilities: () => ({}),
  register: (s) => {
    s.connection.onRequest(LINK_GRAPH_REQUEST, guard(s.log, LINK_GRAPH_REQUEST, async (params: LinkGraphParams | null | undefined, token): Promise<LinkGraphResult> => {
      const locale = typeof params?.locale === 'string' ? params.locale : undefined;
      const folders: LinkGraphFolder[] = [];
      for (const { project, index } of await indexedProjects(s, token, folderProjects(s))) {
        await yieldToEventLoop();
        throwIfCancelled(token);
        const found = createLanguageService(index).getLinkGraph(locale !== undefined ? { locale } : {}, () => token.isCancellationRequested);
        if (!found) throw cancelled();
        folders.push(toLinkGraphFolder(s, s.toUri(project.root), found));
      }
      return { folders };
    }));
  },
};
