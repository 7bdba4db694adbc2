import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outline } from '../../server/src/engine/features/index';
import { open } from './features-helpers';
import { processPage } from './helpers';

/** The outline as indented lines. */
function lines(o: Outline): string[] {
  return o.locales.flatMap((l) => [
    l.locale,
    ...l.phases.flatMap((ph) => [
      `  ${ph.id ?? '?'} ${ph.name}`,
      ...ph.processes.flatMap((pr) => [
        `    ${pr.title} (${pr.path.slice(4)})`,
        ...pr.steps.flatMap((s) => [`      ${s.name} [${s.primaryRole ?? ''} / ${s.appliesTo ?? ''}]`, ...s.tasks.map((t) => `        ${t.id} ${t.name} ${t.mandatory} ${t.role} ${t.services}`)]),
      ]),
    ]),
  ]);
}

const german = (h1: string, phase: string): string =>
  processPage({
    h1,
    phase,
    body: [
      '## Übersicht', '', 'Text.', '', '## Methode', '', '### Vorbereiten', '', 'Primäre Rolle: **FastTrack Manager**  ', 'Gilt für: **Alle Dienste**  ', '',
      '#### FTOP-Aufgaben', '', '| Aufgaben-ID | Name der Aufgabe | (E) Erforderlich (O) Optional | FastTrack-Rolle | Dienste |', '|---|---|---|---|---|', '| 5101 | Agenda senden | E | FM | Alle Dienste |',
    ].join('\n'),
  });

test('phases → processes → steps → tasks, per language, phases in the pack\'s order, unknown and missing phases last', async () => {
  const ws = await open({
    'en/success-z.md': processPage({ h1: 'Zeta Review', phase: 'Success' }),
    'en/initiate-a.md': processPage({ h1: 'Hold Kickoff Meeting', phase: 'Initiate' }),
    'en/initiate-b.md': processPage({ h1: 'Agree Scope', phase: 'initiate' }),
    'en/presales-c.md': processPage({ h1: 'Pitch', phase: 'PreSales' }),
    'en/assess-d.md': processPage({ h1: 'No Phase Line' }).replace('Phase: **Initiate**  \n', ''),
    'en/guidance-e.md': processPage({ h1: 'Not a process' }),
    'de/initiate-a-de.md': german('Kickoff abhalten', 'Einleitung'),
  });
  assert.deepEqual(lines(ws.service.getOutline()!), [
    'en',
    '  initiate Initiate',
    '    Agree Scope (en/initiate-b.md)',
    '      Prepare the Meeting [FastTrack Manager / All Services]',
    '        5101 Send Agenda M FastTrack Manager All Services',
    '        5102 Book Room O FastTrack Manager All Services',
    '    Hold Kickoff Meeting (en/initiate-a.md)',
    '      Prepare the Meeting [FastTrack Manager / All Services]',
    '        5101 Send Agenda M FastTrack Manager All Services',
    '        5102 Book Room O FastTrack Manager All Services',
    '  success Success',
    '    Zeta Review (en/success-z.md)',
    '      Prepare the Meeting [FastTrack Manager / All Services]',
    '        5101 Send Agenda M FastTrack Manager All Services',
    '        5102 Book Room O FastTrack Manager All Services',
    '  ? PreSales',
    '    Pitch (en/presales-c.md)',
    '      Prepare the Meeting [FastTrack Manager / All Services]',
    '        5101 Send Agenda M FastTrack Manager All Services',
    '        5102 Book Room O FastTrack Manager All Services',
    '  ? No phase',
    '    No Phase Line (en/assess-d.md)',
    '      Prepare the Meeting [FastTrack Manager / All Services]',
    '        5101 Send Agenda M FastTrack Manager All Services',
    '        5102 Book Room O FastTrack Manager All Services',
    'de',
    '  initiate Einleitung',
    '    Kickoff abhalten (de/initiate-a-de.md)',
    '      Vorbereiten [FastTrack Manager / Alle Dienste]',
    '        5101 Agenda senden E FM Alle Dienste',
  ]);
  assert.deepEqual(lines(ws.service.getOutline({ locale: 'de' })!).slice(0, 2), ['de', '  initiate Einleitung']);
  const task = ws.service.getOutline({ locale: 'de' })!.locales[0]!.phases[0]!.processes[0]!.steps[0]!.tasks[0]!;
  assert.equal(ws.text(task.path, task.span), '| 5101 | Agenda senden | E | FM | Alle Dienste |');
  assert.equal(ws.service.getOutline({}, () => true), undefined);
});
