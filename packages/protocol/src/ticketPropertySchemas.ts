/** TypeBox schemas of the ticket property routes (issue 12); exported from the schemas entry. */
import Type, { type TSchema } from 'typebox';
import {
  TICKET_CATEGORY_MAX_LENGTH,
  TICKET_PRIORITIES,
  TICKET_PROPERTY_DEFINITIONS_MAX,
  TICKET_PROPERTY_KEY_PATTERN,
  TICKET_PROPERTY_LABEL_MAX_LENGTH,
  TICKET_PROPERTY_OPTION_MAX_LENGTH,
  TICKET_PROPERTY_OPTIONS_MAX,
  TICKET_PROPERTY_VALUE_MAX_LENGTH,
} from './ticketProperties.js';

const strict = { additionalProperties: false };

export const TicketPrioritySchema = Type.Union(TICKET_PRIORITIES.map((p) => Type.Literal(p)));
const category = Type.Union([Type.String({ maxLength: TICKET_CATEGORY_MAX_LENGTH, description: `up to ${TICKET_CATEGORY_MAX_LENGTH} characters; blank clears it` }), Type.Null()]);
const key = Type.String({ pattern: TICKET_PROPERTY_KEY_PATTERN, description: 'lowercase letters, digits, - and _; 1–32 characters' });
const value = Type.String({ maxLength: TICKET_PROPERTY_VALUE_MAX_LENGTH });
// Which keys exist and which values a select takes depend on the workspace's definitions: the
// server checks those (unknown_ticket_property, invalid_ticket_property_value).
const values = <T extends TSchema>(item: T) =>
  Type.Record(Type.String({ pattern: TICKET_PROPERTY_KEY_PATTERN }), item, { maxProperties: TICKET_PROPERTY_DEFINITIONS_MAX, additionalProperties: false });

export const SetTicketPropertiesSchema = Type.Object(
  {
    priority: Type.Optional(TicketPrioritySchema),
    category: Type.Optional(category),
    properties: Type.Optional(values(Type.Union([value, Type.Null()]))),
  },
  { ...strict, minProperties: 1 },
);

/** A chatflow's defaults, replaced as a whole (`ticketDefaults` of a chatflow create or update). */
export const ChatflowTicketDefaultsSchema = Type.Object(
  { priority: TicketPrioritySchema, category, properties: values(value) },
  strict,
);

export const TicketPropertyDefinitionSchema = Type.Object(
  {
    key,
    label: Type.String({ minLength: 1, maxLength: TICKET_PROPERTY_LABEL_MAX_LENGTH * 4, description: `1–${TICKET_PROPERTY_LABEL_MAX_LENGTH} characters after trimming` }),
    type: Type.Union([Type.Literal('text'), Type.Literal('select')]),
    options: Type.Array(Type.String({ minLength: 1, maxLength: TICKET_PROPERTY_OPTION_MAX_LENGTH * 4 }), {
      maxItems: TICKET_PROPERTY_OPTIONS_MAX,
      description: 'a select needs at least one option, each distinct after trimming; empty for text',
    }),
  },
  strict,
);

export const PutTicketPropertyDefinitionsSchema = Type.Object(
  { definitions: Type.Array(TicketPropertyDefinitionSchema, { maxItems: TICKET_PROPERTY_DEFINITIONS_MAX, description: 'in display order; keys distinct' }) },
  strict,
);
