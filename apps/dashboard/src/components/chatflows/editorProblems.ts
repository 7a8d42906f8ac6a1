/**
 * What stops a chatflow draft from being saved, each with the editor tab to fix it in. The look,
 * display and targeting are checked by the engine (`@parley/chatflow`, the same checks the server
 * runs); routing and availability by the settings form's own checks.
 */
import { validateFlow, validateSettings, validateTargeting, type Problem } from '@parley/chatflow';
import { chatflowProblems } from '../../state/chatflowProblems.js';
import { validateConsent } from '@parley/chatflow';
import type { EditorDraft } from './editorDraft.js';
import { whereInFlow } from './flow/flowPlaces.js';

export type EditorTab = 'build' | 'target' | 'display' | 'options';

export interface EditorProblem {
  tab: EditorTab;
  /** The engine's path (`targeting.groups[0][1].value`), when the engine found it. */
  path: string | null;
  /** Where and what, for the list by the Save button. */
  message: string;
  /** Only what, for showing next to the field the path names. */
  detail: string;
}

export const TAB_NAMES: Record<EditorTab, string> = { build: 'Build', target: 'Target', display: 'Display', options: 'Options' };

export function editorProblems(draft: EditorDraft): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (!draft.name.trim()) problems.push({ tab: 'build', path: 'name', message: 'Give the chatflow a name.', detail: 'Give the chatflow a name.' });
  for (const problem of validateSettings(draft.settings, false)) problems.push(fromEngine(problem, 'settings'));
  for (const problem of validateTargeting(draft.targeting)) problems.push(fromEngine(problem, 'targeting'));
  // W10 consent lives on Options; its paths (`consent.termsUrl`) name the field in the sentence.
  for (const problem of validateConsent(draft.consent, false)) problems.push({ tab: 'options', path: problem.path, message: problem.message, detail: problem.message });
  // W8: the cards, with the engine's paths (`flow[1].answers[0].cards[0].text`) for their cards.
  for (const problem of validateFlow(draft.flow)) {
    problems.push({ tab: 'build', path: problem.path, message: `${whereInFlow(problem.path)}${problem.message}`, detail: problem.message });
  }
  for (const message of chatflowProblems({ routing: draft.routing, availability: draft.availability })) {
    // Availability lives on Options; everything else of the old form (who gets chats) on Build.
    const availability = /office hours|availability|time zone/i.test(message);
    problems.push({ tab: availability ? 'options' : 'build', path: null, message, detail: message });
  }
  return problems;
}

/** The engine's paths may or may not start with the object's name; make them start with it. */
function fromEngine(problem: Problem, root: 'settings' | 'targeting'): EditorProblem {
  const path = problem.path.startsWith(root) ? problem.path : `${root}.${problem.path.replace(/^\./, '')}`;
  const tab: EditorTab = root === 'targeting' ? 'target' : /^settings\.display/.test(path) ? 'display' : /^settings\.(emailCapture|loginOnly)/.test(path) ? 'options' : 'build';
  return { tab, path, message: `${whereIs(path)}${problem.message}`, detail: problem.message };
}

/** "Filter group 1, rule 2: " for a path an admin does not read as code. */
export function whereIs(path: string): string {
  const group = /^targeting\.groups\[(\d+)\](?:\[(\d+)\])?/.exec(path);
  if (group) {
    const rule = group[2] === undefined ? '' : `, rule ${Number(group[2]) + 1}`;
    return `Filter group ${Number(group[1]) + 1}${rule}: `;
  }
  const exclusion = /^targeting\.exclusions\[(\d+)\]/.exec(path);
  if (exclusion) return `Exclusion rule ${Number(exclusion[1]) + 1}: `;
  return '';
}

/** What is wrong at one path and below it (`targeting.groups[0][1]` and its `.value`). */
export function problemsAt(problems: readonly EditorProblem[], prefix: string): string[] {
  return problems
    .filter((problem) => problem.path !== null && (problem.path === prefix || problem.path.startsWith(`${prefix}.`)))
    .map((problem) => problem.detail);
}
