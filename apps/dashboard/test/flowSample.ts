/** The flow the card editor's unit tests change, and a check that a change leaves its input alone. */
import assert from 'node:assert/strict';
import type { FlowBranch } from '@parley/protocol';

/** A message, a question whose two answers each lead to a message, a live-chat card with an offline capture. */
export function sample(): FlowBranch {
  return [
    { id: 'hello', type: 'message', text: 'Hello' },
    {
      id: 'ask',
      type: 'question',
      text: 'Sales or support?',
      answers: [
        { label: 'Sales', cards: [{ id: 'sales-msg', type: 'message', text: 'Great' }] },
        { label: 'Support', cards: [{ id: 'support-msg', type: 'message', text: 'Sorry' }] },
      ],
    },
    { id: 'live', type: 'liveChat', onlineMessage: 'On', offlineMessage: 'Off', waitSeconds: 60, offline: [{ id: 'lead', type: 'capture', text: 'Email?', fields: ['email'] }] },
  ];
}

/** Runs `change` on a frozen `flow`, so any write to the original throws; returns the result. */
export function immutably<T>(change: (flow: FlowBranch) => T, flow: FlowBranch = sample()): { before: FlowBranch; after: T } {
  const frozen = deepFreeze(structuredClone(flow));
  const after = change(frozen);
  assert.deepEqual(frozen, flow, 'the given flow is unchanged');
  return { before: flow, after };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
