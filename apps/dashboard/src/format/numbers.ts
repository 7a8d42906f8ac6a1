/** A whole number typed into a field, within bounds; null when it is anything else. */
export function parseWhole(value: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}
