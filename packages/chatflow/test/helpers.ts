/** Small builders shared by the engine's tests. */
import type { ChatflowTargeting, Device, TargetingRule, UrlOperator, VisitorSituation } from '@parley/protocol';

export const at = (url: string, device: Device = 'desktop', known = false): VisitorSituation => ({ url, device, known });

export const url = (op: UrlOperator, value: string): TargetingRule => ({ field: 'url', op, value });
export const query = (name: string, value: string): TargetingRule => ({ field: 'query', name, value });
export const device = (value: Device): TargetingRule => ({ field: 'device', value });
export const visitor = (value: 'known' | 'unknown'): TargetingRule => ({ field: 'visitor', value });

export const targeting = (groups: TargetingRule[][], exclusions: TargetingRule[] = []): ChatflowTargeting => ({ groups, exclusions });
