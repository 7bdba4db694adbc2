import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { t } from '../engine/util/l10n';
import type { Logger } from './guard';
import type { Project } from './project';

/**
 * Builds a project's index, reporting progress to the client (`window/workDoneProgress/create`, then
 * `$/progress` begin / report / end) when it supports server-initiated progress.
 */
export async function indexWithProgress(connection: Connection, project: Project, canReport: boolean, log: Logger): Promise<void> {
  let reporter: WorkDoneProgressServerReporter | undefined;
  if (canReport) {
    try {
      reporter = await connection.window.createWorkDoneProgress();
    } catch (e) {
      log.warn(`progress not available: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  reporter?.begin(t('Indexing playbook pages'), 0, t('Listing files'), false);
  let last = -1;
  const sub = project.onLoadProgress((done, total) => {
    const percentage = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (percentage === last) return;
    last = percentage;
    reporter?.report(percentage, t('{0} of {1} files', done, total));
  });
  try {
    await project.ready();
  } finally {
    sub.dispose();
    reporter?.done();
  }
}
