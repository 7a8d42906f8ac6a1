import type { Migration, MigrationProvider } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';
import { initialMigration } from './001_initial.js';
import { routingMigration } from './002_routing.js';
import { loginThrottleMigration } from './003_login_throttle.js';
import { userDeactivationMigration } from './004_user_deactivation.js';
import { chatflowsMigration } from './005_chatflows.js';
import { uploadsMigration } from './006_uploads.js';
import { searchMigration } from './007_search.js';
import { messageNoticesMigration } from './008_message_notices.js';
import { internalNotesMigration } from './009_internal_notes.js';
import { snoozeMigration } from './010_snooze.js';
import { macrosMigration } from './011_macros.js';
import { readReceiptsMigration } from './012_read_receipts.js';
import { passwordResetsMigration } from './013_password_resets.js';
import { attachmentsMigration } from './014_attachments.js';
import { contactsMigration } from './018_contacts.js';
import { visitorTokensMigration } from './019_visitor_tokens.js';
import { ticketPropertiesMigration } from './015_ticket_properties.js';
import { teamViewsMigration } from './016_team_views.js';
import { notificationPrefsMigration } from './017_notification_prefs.js';
import { consentsMigration } from './021_consents.js';
import { chatflowFlowMigration } from './020_chatflow_flow.js';
import { flowRunsMigration } from './022_flow_runs.js';
import { flowWelcomeMigration } from './023_flow_welcome.js';

/** Migrations live in code (not files on disk) so they ship inside the app; names sort in order. */
export function migrationProvider(driver: StorageDriver): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '001_initial': initialMigration(driver), '002_routing': routingMigration(driver), '003_login_throttle': loginThrottleMigration(driver), '004_user_deactivation': userDeactivationMigration(driver), '005_chatflows': chatflowsMigration(driver), '006_uploads': uploadsMigration(driver), '007_search': searchMigration(driver), '008_message_notices': messageNoticesMigration(driver), '009_internal_notes': internalNotesMigration(driver), '010_snooze': snoozeMigration(driver), '011_macros': macrosMigration(driver), '012_read_receipts': readReceiptsMigration(driver), '013_password_resets': passwordResetsMigration(driver), '014_attachments': attachmentsMigration(driver), '018_contacts': contactsMigration(driver), '019_visitor_tokens': visitorTokensMigration(driver), '015_ticket_properties': ticketPropertiesMigration(driver), '016_team_views': teamViewsMigration(driver), '017_notification_prefs': notificationPrefsMigration(driver), '021_consents': consentsMigration(driver), '020_chatflow_flow': chatflowFlowMigration(driver), '022_flow_runs': flowRunsMigration(driver), '023_flow_welcome': flowWelcomeMigration(driver) };
    },
  };
}
