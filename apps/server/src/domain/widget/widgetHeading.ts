/**
 * The heading a visitor's widget shows (W2): the branding, the listed users or the visitor's
 * contact owner, resolved per visitor in domain/branding/heading.ts.
 */
import type { ChatflowLanguage, ChatflowWidgetSettings, WidgetHeading } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, VisitorRow } from '../../storage/schema.js';
import { resolveWidgetHeading } from '../branding/heading.js';

export function widgetHeading(db: Kysely<Database>, settings: ChatflowWidgetSettings, visitor: VisitorRow | null, language?: ChatflowLanguage): Promise<WidgetHeading> {
  return resolveWidgetHeading(db, settings, visitor, { language });
}
