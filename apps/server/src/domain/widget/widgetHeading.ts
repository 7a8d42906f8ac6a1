/**
 * The heading a visitor's widget shows (W2). Until heading modes are resolved per visitor
 * (specific users, the contact owner), it is the chatflow's branding: this one function is the
 * place to swap that resolution in.
 */
import type { ChatflowWidgetSettings, WidgetHeading } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, VisitorRow } from '../../storage/schema.js';

export async function widgetHeading(_db: Kysely<Database>, settings: ChatflowWidgetSettings, _visitor: VisitorRow | null): Promise<WidgetHeading> {
  return { title: settings.headingName, people: [{ name: settings.headingName, avatarUrl: settings.headingAvatarUrl }] };
}
