/**
 * The chatflow engine (docs/chatflows.md): pure functions, no I/O, shared by the server, the
 * widget's loader and the admin preview. The loader imports only from display.ts through here;
 * the package has no side effects, so bundlers drop the rest.
 */
export { ruleMatches, decideTargeting } from './targeting.js';
export { criterionMatches, compareContactValue, emailDomain, isVisitorInfoCriterion, CRITERION_KEYS, type CriteriaSubject, type VisitorInfoCriterion } from './criteria.js';
export { validateCriterion, validateRoutingCriteria } from './validateCriteria.js';
export { chooseChatflow, byPriority, type ChatflowCandidate, type ChatflowChoice, type Consideration } from './choose.js';
export { describeRule, explainChoice } from './explain.js';
export {
  validateTargeting,
  validateSettings,
  isChatflowLanguage,
  TARGETING_LIMITS,
  SETTINGS_LIMITS,
  type Problem,
} from './validate.js';
export { displayPlan, minimizeHolds, deviceForWidth, MINIMIZE_HOLD_MS, DEFAULT_DISPLAY, type DisplayPlan } from './display.js';
export { defaultChatflowTexts, loaderStrings, type ChatflowTexts } from './texts.js';
export { DEFAULT_UNREAD_ALERTS, type UnreadAlertSettings } from './unreadAlerts.js';
export {
  DEFAULT_VISITOR_GATES,
  EMAIL_CAPTURE_LIMITS,
  startRefusal,
  emailPromptDueAt,
  type VisitorGateSettings,
  type VisitorStanding,
  type TimedLine,
} from './visitorGates.js';
export { validateFlow, type FlowValidationOptions } from './validateFlow.js';
export { assignCardIds, renewCardIds, cardIds, countingIds, unusedIds, walkCards } from './flowIds.js';
export { defaultFlow, DEFAULT_WAIT_SECONDS, type DefaultFlowTexts } from './defaultFlow.js';
export { defaultConsent, mergeConsent, consentText, validateConsent, consentRefusal, consentInLanguage, CONSENT_LIMITS } from './consent.js';
export { defaultConsentTexts, type ConsentTexts } from './consentTexts.js';
export { flowOpening, splitOpening } from './flowOpening.js';
export { captureFieldLabel } from './captureLabels.js';
