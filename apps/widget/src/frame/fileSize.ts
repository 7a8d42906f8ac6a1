/** A file size in the chat's language: "820 B", "14 kB", "2.4 MB" (Intl words the unit). */
import { activeLanguage } from './i18n';

export function formatFileSize(bytes: number, locale: string = activeLanguage()): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
