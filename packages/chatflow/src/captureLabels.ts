/**
 * W8: the names of a capture card's built-in fields in every chatflow language. One table for
 * both places the visitor reads them: the labels of the widget's capture form, and the line the
 * server stores for a filled card ("Sähköposti: …"), which the visitor sees as their own message.
 */
import type { CaptureBuiltinField, CaptureField, ChatflowLanguage } from '@parley/protocol';

const CAPTURE_FIELD_LABELS: Record<ChatflowLanguage, Record<CaptureBuiltinField, string>> = {
  en: { email: 'Email', firstName: 'First name', lastName: 'Last name', phone: 'Phone', company: 'Company' },
  fi: { email: 'Sähköposti', firstName: 'Etunimi', lastName: 'Sukunimi', phone: 'Puhelin', company: 'Yritys' },
  sv: { email: 'E-post', firstName: 'Förnamn', lastName: 'Efternamn', phone: 'Telefon', company: 'Företag' },
  it: { email: 'Indirizzo email', firstName: 'Nome', lastName: 'Cognome', phone: 'Telefono', company: 'Azienda' },
  pl: { email: 'Adres e-mail', firstName: 'Imię', lastName: 'Nazwisko', phone: 'Telefon', company: 'Firma' },
  de: { email: 'E-Mail', firstName: 'Vorname', lastName: 'Nachname', phone: 'Telefon', company: 'Firma' },
  fr: { email: 'Adresse e-mail', firstName: 'Prénom', lastName: 'Nom', phone: 'Téléphone', company: 'Entreprise' },
  es: { email: 'Correo electrónico', firstName: 'Nombre', lastName: 'Apellidos', phone: 'Teléfono', company: 'Empresa' },
};

/**
 * A field's name in `language`. A custom contact property has no translation: the admin named it,
 * so its key is shown as written.
 */
export function captureFieldLabel(language: ChatflowLanguage, field: CaptureField): string {
  const labels = CAPTURE_FIELD_LABELS[language];
  return Object.hasOwn(labels, field) ? labels[field as CaptureBuiltinField] : field;
}
