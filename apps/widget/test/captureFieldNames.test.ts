/**
 * W8 and W9 in the chat frame: the capture form names its fields with the engine's table, and its
 * email field is named as the email prompt's (emailLabel), so the visitor meets one word for it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captureFieldLabel } from '@parley/chatflow';
import { CHATFLOW_LANGUAGES, type ChatflowLanguage } from '@parley/protocol';
import type { Strings } from '../src/frame/i18n';
import de from '../src/frame/i18n/de';
import en from '../src/frame/i18n/en';
import es from '../src/frame/i18n/es';
import fi from '../src/frame/i18n/fi';
import fr from '../src/frame/i18n/fr';
import it from '../src/frame/i18n/it';
import pl from '../src/frame/i18n/pl';
import sv from '../src/frame/i18n/sv';

const TABLES: Record<ChatflowLanguage, Strings> = { en, fi, sv, it, pl, de, fr, es };

test('the capture form’s Email is the email prompt’s Email in every language', () => {
  for (const language of CHATFLOW_LANGUAGES) assert.equal(captureFieldLabel(language, 'email'), TABLES[language].emailLabel, language);
});
