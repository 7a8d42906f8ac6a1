/** The wizard's steps in order; the Done screen after Publish is not counted. */
export const WIZARD_STEPS = [
  { key: 'look', title: 'Accent colour and chat heading' },
  { key: 'welcome', title: 'Welcome message' },
  { key: 'routing', title: 'Who gets chats' },
  { key: 'availability', title: 'Availability' },
  { key: 'display', title: 'Display behaviour' },
  { key: 'preview', title: 'Preview' },
  { key: 'publish', title: 'Publish' },
] as const;

export type WizardStepKey = (typeof WIZARD_STEPS)[number]['key'];
