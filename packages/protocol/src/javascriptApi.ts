/**
 * The JavaScript API on the host page (W15), `window.Parley`. The embed snippet defines a stub
 * at once (`apiStubScript`): each method only records `[name, args]` in `Parley.q`. The loader's
 * API chunk (apps/widget/src/loader/api) later puts the real methods on the same object and
 * replays the recorded calls in order, so nothing a page calls early is lost.
 */

export const PARLEY_API_METHODS = ['open', 'close', 'toggle', 'show', 'hide', 'identify', 'setProperties', 'track', 'on', 'startConversation'] as const;
export type ParleyApiMethod = (typeof PARLEY_API_METHODS)[number];

export const PARLEY_API_EVENTS = ['ready', 'open', 'close', 'message', 'unread'] as const;
export type ParleyApiEvent = (typeof PARLEY_API_EVENTS)[number];

/** `Parley.identify(...)`: the site's user; `hash` = hex HMAC-SHA256(site secret, id) from the site's backend. */
export interface ParleyIdentity {
  id: string;
  email?: string;
  name?: string;
  hash?: string;
}

/**
 * The inline script the snippet starts with: defines the stub unless `window.Parley` is already
 * there (pasted twice, or the real API has loaded). Plain ES5, a few hundred bytes.
 */
export function apiStubScript(): string {
  return (
    '(function(w,p,m,i){p=w.Parley=w.Parley||{q:[]};' +
    `m=${JSON.stringify(PARLEY_API_METHODS.join(' '))}.split(" ");` +
    'for(i=0;i<m.length;i++)(function(n){p[n]=p[n]||function(){p.q.push([n,[].slice.call(arguments)])}})(m[i])})(window)'
  );
}
