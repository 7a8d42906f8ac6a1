/**
 * The macro routes (A6) and the list the reply box picks from. The list is loaded once and kept;
 * the Macros page drops it after every change so the next `/` sees the change.
 */
import type { CreateMacroRequest, Macro, MacroResponse, MacrosResponse, UpdateMacroRequest } from '@parley/protocol';
import { request } from '../api/request.js';

export const macroApi = {
  list: () => request<MacrosResponse>('GET', '/api/macros'),
  create: (body: CreateMacroRequest) => request<MacroResponse>('POST', '/api/macros', { body }),
  update: (id: number, body: UpdateMacroRequest) => request<MacroResponse>('PATCH', `/api/macros/${id}`, { body }),
  remove: (id: number) => request<void>('DELETE', `/api/macros/${id}`),
};

let cached: Promise<Macro[]> | null = null;

export function loadMacros(): Promise<Macro[]> {
  cached ??= macroApi.list().then(
    (response) => response.macros,
    (error: unknown) => {
      // A failed load is tried again next time instead of being remembered.
      cached = null;
      throw error;
    },
  );
  return cached;
}

export function forgetMacros(): void {
  cached = null;
}
