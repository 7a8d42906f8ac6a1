import { useId, useRef, useState } from 'preact/hooks';

interface TagsInputProps {
  label: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  hint?: string;
  maxTags?: number;
  maxLength?: number;
}

/**
 * Free tags (skills): type one and press Enter or a comma; each chosen tag has its own remove
 * button. Leaving the input keeps what was typed, so Save never loses a half-entered tag.
 */
export function TagsInput({ label, tags, onChange, hint, maxTags = 50, maxLength = 64 }: TagsInputProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const full = tags.length >= maxTags;

  function commit(): boolean {
    const tag = text.trim().replace(/,+$/, '').trim();
    if (!tag) return false;
    setText('');
    if (!full && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) onChange([...tags, tag]);
    return true;
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' || event.key === ',') {
      // An empty input lets Enter submit the form as usual.
      if (commit() || event.key === ',') event.preventDefault();
    }
  }

  function remove(tag: string) {
    onChange(tags.filter((t) => t !== tag));
    // Its button goes away with it; the input is the natural next place for the keyboard.
    input.current?.focus();
  }

  const described = [hint ? `${id}-hint` : '', tags.length > 0 ? `${id}-tags` : ''].filter(Boolean).join(' ');
  return (
    <div class="field tags-field">
      <label for={id}>{label}</label>
      {tags.length > 0 && (
        <ul class="tags" id={`${id}-tags`}>
          {tags.map((tag) => (
            <li key={tag} class="tag">
              <span>{tag}</span>
              <button type="button" class="tag-remove" aria-label={`Remove ${tag}`} onClick={() => remove(tag)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={id}
        type="text"
        value={text}
        maxLength={maxLength}
        readOnly={full}
        placeholder={full ? 'No more can be added' : 'Type and press Enter'}
        aria-describedby={described || undefined}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => commit()}
      />
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
