interface PublishedSwitchProps {
  checked: boolean;
  onChange: (published: boolean) => void;
  /** Saving: the switch keeps focus (not `disabled`) but ignores clicks. */
  busy?: boolean;
  /** Extra words for screen readers, e.g. which chatflow, read after the name. */
  describedBy?: string;
}

/** The "Published" switch (A2): unpublished chatflows never show. Its name is always "Published". */
export function PublishedSwitch({ checked, onChange, busy = false, describedBy }: PublishedSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-busy={busy || undefined}
      aria-describedby={describedBy}
      class="switch published-switch"
      onClick={() => busy || onChange(!checked)}
    >
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
      <span>Published</span>
    </button>
  );
}
