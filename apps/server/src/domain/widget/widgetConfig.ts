/**
 * W6 on the server: which chatflow one page view gets, as the public WidgetConfig. The loader
 * sends the page URL and device (and the visitor token, so known / unknown and contact criteria
 * can read the visitor's contact); the engine's `chooseChatflow` picks the first published
 * chatflow by priority whose targeting matches. The chat frame asks for a given chatflow
 * instead, which it gets only while it is published there.
 */
import { chooseChatflow, flowOpening, loaderStrings } from '@parley/chatflow';
import type { Device, WidgetConfig } from '@parley/protocol';
import type { ChatflowRow, SiteRow, VisitorRow } from '../../storage/schema.js';
import { widgetAvailability } from '../availability/widgetAvailability.js';
import { parseWidgetSettings } from '../chatflows/chatflowSettings.js';
import { parseLanguage, toCandidate } from '../chatflows/presenters.js';
import { firstPublishedChatflow, liveChatflowsOfSite, publishedChatflowOfSite } from '../chatflows/queries.js';
import type { AppContext } from '../context.js';
import { visitorCriteria } from './knownVisitor.js';
import { visitorStanding } from './visitorStanding.js';
import { widgetHeading } from './widgetHeading.js';
import { widgetConsent } from '../consents/widgetConsent.js';
import { chatflowFlow } from '../flows/runFlow.js';

export interface PageView {
  /** Absolute page URL; without it (loaders from before targeting) the first published chatflow shows. */
  url?: string;
  device?: Device;
  visitor: VisitorRow | null;
}

export async function configForPageView(ctx: AppContext, site: SiteRow, view: PageView): Promise<WidgetConfig | null> {
  const db = ctx.storage.db;
  let chosen: ChatflowRow | undefined;
  if (view.url === undefined) {
    chosen = await firstPublishedChatflow(db, site.id);
  } else {
    const candidates = (await liveChatflowsOfSite(db, site.id)).map(toCandidate);
    // The contact's fields stay here: the widget gets only the chatflow they chose.
    const criteria = await visitorCriteria(db, view.visitor);
    const choice = chooseChatflow(candidates, { url: view.url, device: view.device ?? 'desktop', ...criteria });
    chosen = choice.chosen?.row;
  }
  return chosen ? presentConfig(ctx, site, chosen, view.visitor) : null;
}

/** The chat frame's config: the chatflow the loader showed, while it is still published on this site. */
export async function configForChatflow(ctx: AppContext, site: SiteRow, chatflowId: number, visitor: VisitorRow | null): Promise<WidgetConfig | null> {
  const row = await publishedChatflowOfSite(ctx.storage.db, site.id, chatflowId);
  return row ? presentConfig(ctx, site, row, visitor) : null;
}

/** Null under login-only "hide from anonymous" for a visitor who is not identified: no launcher, no chat. */
async function presentConfig(ctx: AppContext, site: SiteRow, row: ChatflowRow, visitor: VisitorRow | null): Promise<WidgetConfig | null> {
  const settings = parseWidgetSettings(row.settings);
  const language = parseLanguage(row.language);
  const standing = await visitorStanding(ctx.storage.db, visitor?.id ?? null);
  if (settings.loginOnly === 'hideFromAnonymous' && !standing.identified) return null;
  return {
    siteKey: site.site_key,
    chatflowId: row.id,
    language,
    version: row.updated_at,
    accentColor: settings.accentColor,
    welcomeMessage: settings.welcomeMessage,
    heading: await widgetHeading(ctx.storage.db, settings, visitor, language),
    brandAsAgentAlias: settings.brandAsAgentAlias,
    display: settings.display,
    unreadSound: settings.unreadSound,
    unreadTitleFlash: settings.unreadTitleFlash,
    loaderStrings: loaderStrings(language),
    emailCapture: { mode: settings.emailCapture, minutes: settings.emailCaptureMinutes, prompt: settings.emailCapturePrompt, visitorHasEmail: standing.hasEmail },
    loginOnly: { mode: settings.loginOnly, visitorIdentified: standing.identified },
    consent: await widgetConsent(ctx.storage.db, row, language, visitor?.id ?? null, standing.identified),
    availability: await widgetAvailability(ctx.storage.db, row, ctx.clock()),
    flowOpening: flowOpening(chatflowFlow(row)),
  };
}
