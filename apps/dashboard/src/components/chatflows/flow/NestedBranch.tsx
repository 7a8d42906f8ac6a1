import type { ComponentChildren } from 'preact';
import { FlowBranchList } from './FlowBranchList.js';
import { branchPathText, type BranchPath } from './flowDraft.js';
import { domIdOf, type FlowEditing } from './flowEditing.js';

interface NestedBranchProps {
  editing: FlowEditing;
  path: BranchPath;
  depth: number;
  /** The branch's name ("After answer 1: Yes", "Offline branch"). */
  label: string;
  /** Where cards added here go ("after answer 1"). */
  where: string;
  hint?: ComponentChildren;
}

/** A branch inside a card, indented under it (less on small screens) and named for where it starts. */
export function NestedBranch({ editing, path, depth, label, where, hint }: NestedBranchProps) {
  const id = domIdOf(branchPathText(path));
  return (
    <div class="flow-branch" role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} class="flow-branch-label">
        {label}
      </p>
      {hint && <p class="field-hint">{hint}</p>}
      <FlowBranchList editing={editing} path={path} depth={depth} where={where} />
    </div>
  );
}
