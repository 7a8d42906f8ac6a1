/**
 * Puts `text` where the caret is in `value`, replacing the selection if there is one, and says
 * where the caret goes after it. Pure; the picker applies it to the textarea.
 */
export function insertText(value: string, selectionStart: number, selectionEnd: number, text: string): { value: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, value.length));
  const end = Math.max(start, Math.min(selectionEnd, value.length));
  return { value: value.slice(0, start) + text + value.slice(end), caret: start + text.length };
}
