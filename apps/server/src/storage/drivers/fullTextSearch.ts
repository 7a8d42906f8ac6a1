/**
 * Full-text search over messages (I9): the only part of search that differs by database. SQLite
 * keeps an FTS5 index beside `messages` (kept in step by triggers); PostgreSQL a generated
 * `to_tsvector('simple', body)` column with a GIN index. Both index only what a visitor or an
 * agent wrote: bot and system lines ("Anna joined") would only crowd the results. The 'simple' configuration and
 * `remove_diacritics 0` are deliberate: the product is multilingual, so no language's stemming
 * or stop words, and "sää" is not "saa" in Finnish. Both fold case.
 *
 * Contacts (today: visitors) are found by `visitors.search_name`, a generated lower-case column
 * of the name and the `name` and `email` properties the site reported, matched with LIKE inside
 * the workspace. Those fields are short and only identified visitors have them, so a partial
 * index over (workspace_id, search_name) holds exactly the candidates and the match reads that
 * index alone; substring matching finds "example.com" inside an address, which word-based
 * full-text search would not. SQLite's lower() folds ASCII only; PostgreSQL's folds all letters.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

/** Words from the query, already reduced to letters, digits and marks (see domain/search/terms.ts). */
export interface SearchTerms {
  words: string[];
  /** The last word is matched as a prefix: results appear while the agent is still typing. */
  lastIsPrefix: boolean;
}

export interface FullTextSearch {
  /** Creates the indexes and fills them from the rows already stored (migration 007). */
  migrate(db: Kysely<unknown>): Promise<void>;
  /**
   * A derived table `(message_id, score)` of indexed messages containing every word; a higher
   * score is a better match. Terms travel as one bound parameter, each word quoted, so nothing
   * a user types is read as query syntax.
   */
  messageMatches(terms: SearchTerms): RawBuilder<unknown>;
}

/** Message authors whose text is searchable. */
const SEARCHABLE_AUTHORS = `('visitor', 'user')`;

export const sqliteFullTextSearch: FullTextSearch = {
  async migrate(db) {
    // External content: the text lives once, in `messages`; the index holds only tokens.
    await sql`create virtual table messages_fts using fts5(body, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(db);
    const only = sql.raw(`author_kind in ${SEARCHABLE_AUTHORS}`);
    await sql`create trigger messages_fts_insert after insert on messages when new.${only} begin
      insert into messages_fts(rowid, body) values (new.id, new.body);
    end`.execute(db);
    await sql`create trigger messages_fts_delete after delete on messages when old.${only} begin
      insert into messages_fts(messages_fts, rowid, body) values ('delete', old.id, old.body);
    end`.execute(db);
    await sql`create trigger messages_fts_update after update of body on messages when old.${only} begin
      insert into messages_fts(messages_fts, rowid, body) values ('delete', old.id, old.body);
      insert into messages_fts(rowid, body) values (new.id, new.body);
    end`.execute(db);
    await sql`insert into messages_fts(rowid, body) select id, body from messages where ${only}`.execute(db);
    // Only virtual generated columns can be added to an existing SQLite table; the index stores it.
    const property = (name: string) => sql.raw(`coalesce(case when json_valid(context) then json_extract(context, '$.properties.${name}') end, '')`);
    await sql`alter table visitors add column search_name text generated always as (lower(trim(coalesce(name, '') || ' ' || ${property('name')} || ' ' || ${property('email')}))) virtual`.execute(db);
    await sql`create index visitors_search_name on visitors (workspace_id, search_name) where search_name <> ''`.execute(db);
  },
  messageMatches(terms) {
    // FTS5: a double-quoted string is always a phrase (never NEAR, AND, a column filter or a
    // star); `"word"*` is a prefix phrase; phrases side by side must all match.
    const phrases = terms.words.map((word, i) => {
      const quoted = `"${word.replaceAll('"', '""')}"`;
      return terms.lastIsPrefix && i === terms.words.length - 1 ? `${quoted}*` : quoted;
    });
    return sql`select rowid as message_id, -bm25(messages_fts) as score from messages_fts where messages_fts match ${phrases.join(' ')}`;
  },
};

export const postgresFullTextSearch: FullTextSearch = {
  async migrate(db) {
    // A stored tsvector: ranking a common word reads the vector instead of parsing thousands of
    // bodies again (bench/search.ts: p95 about 4× lower than an expression index). Only visitor
    // and agent text gets one; the partial index holds exactly those rows.
    await sql`alter table messages add column search_vector tsvector generated always as (case when ${sql.raw(`author_kind in ${SEARCHABLE_AUTHORS}`)} then to_tsvector('simple', body) end) stored`.execute(db);
    await sql`create index messages_search_vector on messages using gin (search_vector) where search_vector is not null`.execute(db);
    // Context is always written as JSON by the server (visitorContext.ts), so the cast holds.
    const property = (name: string) => sql.raw(`coalesce(context::jsonb #>> '{properties,${name}}', '')`);
    await sql`alter table visitors add column search_name text generated always as (lower(trim(coalesce(name, '') || ' ' || ${property('name')} || ' ' || ${property('email')}))) stored`.execute(db);
    await sql`create index visitors_search_name on visitors (workspace_id, search_name) where search_name <> ''`.execute(db);
  },
  messageMatches(terms) {
    // tsquery: each word single-quoted (quotes and backslashes doubled), `:*` for a prefix, `&`.
    const lexemes = terms.words.map((word, i) => {
      const quoted = `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
      return terms.lastIsPrefix && i === terms.words.length - 1 ? `${quoted}:*` : quoted;
    });
    return sql`select m.id as message_id, ts_rank(m.search_vector, q.query) as score
      from messages m, to_tsquery('simple', ${lexemes.join(' & ')}) q(query)
      where m.search_vector is not null and m.search_vector @@ q.query`;
  },
};
