/**
 * What differs between SQLite and PostgreSQL lives behind this interface, in one small file per
 * database. Domain code never asks which one it has.
 */
import type { Dialect, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { AttachmentBytes } from './attachmentBytes.js';
import type { FullTextSearch } from './fullTextSearch.js';

export interface StorageDriver {
  name: 'sqlite' | 'postgres';
  dialect: Dialect;
  /** Identity primary key column type for migrations. */
  idType: 'integer' | 'bigserial';
  /** Timestamp / counter column type for migrations (64-bit on PostgreSQL). */
  bigintType: 'integer' | 'bigint';
  /** Column type for raw bytes (uploaded images); both drivers read it back as a Buffer. */
  binaryType: 'blob' | 'bytea';
  /** Runs after connecting (pragmas, type parsers). */
  prepare(db: Kysely<Database>): Promise<void>;
  /**
   * Serializes feed appends of one workspace until the transaction ends, so feed ids commit in
   * id order and a reader that has seen id N has every id below N. SQLite has one writer anyway.
   */
  lockFeed(trx: Transaction<Database>, workspaceId: number): Promise<void>;
  /**
   * Serializes routing decisions of one workspace until the transaction ends, so two chats
   * arriving at once cannot both take a user's last free slot (R2).
   */
  lockRouting(trx: Transaction<Database>, workspaceId: number): Promise<void>;
  /** Whether `for update skip locked` is available for claiming rows (deadlines). */
  supportsSkipLocked: boolean;
  isUniqueViolation(error: unknown): boolean;
  /** A deadlock or serialization failure: the same work may succeed when run again. */
  isLockConflict(error: unknown): boolean;
  /**
   * How many group-commit transactions may run at once (events/commitGroups.ts). SQLite has one
   * connection; PostgreSQL leaves part of its pool to reads, leases and feed readers.
   */
  transactionSlots: number;
  /** Message search indexes and queries (I9). */
  search: FullTextSearch;
  /** Where chat attachments' bytes live (W12, I6): the data directory, or a table every node reads. */
  attachmentBytes: AttachmentBytes;
}
