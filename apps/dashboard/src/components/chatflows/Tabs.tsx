import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
  /** Shown next to the label (e.g. how many problems are there), outside the tab's name. */
  note?: string;
  content: ComponentChildren;
}

interface TabsProps<T extends string> {
  label: string;
  tabs: ReadonlyArray<TabSpec<T>>;
  selected: T;
  onSelect: (id: T) => void;
}

/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between tabs and show
 * each; only the selected tab is in the tab order. Hidden panels stay mounted, so focus and
 * half-typed values inside them survive a switch.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect }: TabsProps<T>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const to =
      event.key === 'ArrowRight' ? (at + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : null;
    if (to === null) return;
    event.preventDefault();
    onSelect(tabs[to].id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  }

  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tab-list" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const current = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={current}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={current ? 0 : -1}
              class="tab"
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
              {tab.note && (
                <span class="tab-note" aria-hidden="true">
                  {tab.note}
                </span>
              )}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          class="tab-panel"
          hidden={tab.id !== selected}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
