/** What every part of the card editor needs: the flow, how to change it, its problems, a confirm step. */
import type { FlowBranch } from '@parley/protocol';
import type { EditorProblem } from '../editorProblems.js';
import type { BranchPath } from './flowDraft.js';

export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  run: () => void;
}

export interface FlowEditing {
  flow: FlowBranch;
  change: (flow: FlowBranch) => void;
  /** The editor's shown problems (after a save was tried); the cards pick theirs by path. */
  problems: readonly EditorProblem[];
  confirm: (ask: Confirmation) => void;
  /** Says what a move did in the editor's polite live region (focus alone does not tell where a card went). */
  announce: (message: string) => void;
}

/** A DOM id for a card or branch from its engine path (`flow[1].answers[0].cards[2]`). */
export function domIdOf(enginePath: string): string {
  return `flow-${enginePath.replace(/^flow/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}`;
}

/** Steps into a question's answer branch or a live-chat card's offline branch. */
export function answerStep(path: BranchPath, card: number, answer: number): BranchPath {
  return [...path, { card, answer }];
}
export function offlineStep(path: BranchPath, card: number): BranchPath {
  return [...path, { card, offline: true }];
}
