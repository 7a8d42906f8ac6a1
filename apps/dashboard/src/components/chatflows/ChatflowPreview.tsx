import type { WidgetConfig } from '@parley/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { previewMessage, type PreviewDevice } from './previewConfig.js';

/** The viewport each device frame renders at, before it is scaled down to fit the column. */
const FRAMES: Record<PreviewDevice, { label: string; width: number; height: number }> = {
  desktop: { label: 'Desktop', width: 1280, height: 800 },
  tablet: { label: 'Tablet', width: 768, height: 1024 },
  mobile: { label: 'Mobile', width: 390, height: 844 },
};
const DEVICES: PreviewDevice[] = ['desktop', 'tablet', 'mobile'];
/** The frame never gets taller than this on screen, so the controls below stay near. */
const MAX_HEIGHT = 560;
/** Typing sends a config at most this often. */
const DEBOUNCE_MS = 200;

/**
 * W19: the real widget on Parley's preview page, in a desktop, tablet or mobile frame, showing
 * the unsaved draft. Each change is posted to the frame (exact target origin, never '*').
 */
export function ChatflowPreview({ config, siteKey }: { config: WidgetConfig; siteKey: string }) {
  const [device, setDevice] = useState<PreviewDevice>('desktop');
  const [open, setOpen] = useState(false);
  const [available, setAvailable] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(previewMessage(config, device, open));
  latest.current = previewMessage(config, device, open);

  const post = () => frame.current?.contentWindow?.postMessage(latest.current, location.origin);

  useEffect(() => {
    const timer = setTimeout(post, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [config, device, open]);

  // The preview page may say when its widget is ready; the config is sent again then.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== frame.current?.contentWindow) return;
      const data = event.data as { parley?: unknown; type?: unknown } | null;
      if (data?.parley === 1 && typeof data.type === 'string' && data.type.endsWith(':ready')) post();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setAvailable(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const size = FRAMES[device];
  const scale = available > 0 ? Math.min(1, available / size.width, MAX_HEIGHT / size.height) : 0;

  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title" class="preview-title">
        Preview <span class="title-note">· unsaved changes included</span>
      </h2>
      <div class="preview-controls">
        <div class="segmented" role="group" aria-label="Preview device">
          {DEVICES.map((which) => (
            <button key={which} type="button" class="button small" aria-pressed={device === which} onClick={() => setDevice(which)}>
              {FRAMES[which].label}
            </button>
          ))}
        </div>
        <button type="button" class="button small" aria-pressed={open} onClick={() => setOpen(!open)}>
          Open chat
        </button>
      </div>
      <div class="preview-box" ref={box}>
        <div class="preview-device" style={{ width: `${size.width * scale}px`, height: `${size.height * scale}px` }}>
          <iframe
            ref={frame}
            title={`Chatflow preview, ${size.label.toLowerCase()} (${size.width} × ${size.height})`}
            src={`/widget/preview/?site=${encodeURIComponent(siteKey)}`}
            width={size.width}
            height={size.height}
            style={{ transform: `scale(${scale})` }}
            onLoad={post}
          />
        </div>
      </div>
      <p class="field-hint">
        {size.label}: {size.width} × {size.height}, shown at {Math.round(scale * 100)} %. The chat shows as available.
      </p>
    </section>
  );
}
