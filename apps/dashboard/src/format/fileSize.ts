/** A file size for people: "820 B", "14 kB", "2.4 MB". */
export function formatFileSize(bytes: number): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat('en', { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
