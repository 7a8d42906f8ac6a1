import type { Device, WidgetConfig } from '@parley/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Where the widget's preview page is served (the same origin as the inbox). */
const PREVIEW_PATH = '/widget/preview/';

interface PreviewStepProps {
  config: WidgetConfig;
}

/**
 * Step 6: the real widget in a desktop or phone-sized frame with the unsaved settings (W19). The
 * frame is told the config by postMessage, to its own origin only, on load, when it says it is
 * ready, and on every change.
 */
export function PreviewStep({ config }: PreviewStepProps) {
  const [device, setDevice] = useState<Device>('desktop');
  const [open, setOpen] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  const send = () => {
    frame.current?.contentWindow?.postMessage(
      { parley: 1, type: 'preview:config', data: { config, device, open } },
      location.origin,
    );
  };

  useEffect(send, [config, device, open]);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { parley?: unknown; type?: unknown } | null;
      if (event.source === frame.current?.contentWindow && event.origin === location.origin && data?.parley === 1 && data.type === 'preview:ready') {
        send();
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  });

  return (
    <div class="wizard-fields">
      <div class="preview-controls">
        <div class="segmented" role="group" aria-label="Device">
          {(['desktop', 'mobile'] as const).map((option) => (
            <button
              key={option}
              type="button"
              class="button"
              aria-pressed={device === option}
              onClick={() => setDevice(option)}
            >
              {option === 'desktop' ? 'Desktop' : 'Mobile'}
            </button>
          ))}
        </div>
        <label class="inline-check">
          <input type="checkbox" checked={open} onChange={(event) => setOpen(event.currentTarget.checked)} /> Show the chat
          open
        </label>
      </div>
      <div class={`preview-stage ${device}`}>
        <iframe
          ref={frame}
          class="preview-frame"
          src={`${PREVIEW_PATH}?site=${encodeURIComponent(config.siteKey)}`}
          title={`Widget preview (${device === 'desktop' ? 'desktop' : 'mobile'})`}
          onLoad={send}
        />
      </div>
      <p class="field-hint">The preview uses your unsaved choices; nothing is live until you publish.</p>
    </div>
  );
}
