import type { ContactEvent } from '@parley/protocol';
import { fullTime } from '../../format/time.js';

/** Pages the widget reported and the site's `track()` events, newest first. URLs stay text: they came from the visitor's browser. */
export function ContactTimeline({ events }: { events: ContactEvent[] }) {
  return (
    <section class="card" aria-labelledby="contact-timeline-title">
      <h2 id="contact-timeline-title" class="card-title">
        Timeline
      </h2>
      {events.length === 0 ? (
        <p class="field-hint">Nothing recorded yet.</p>
      ) : (
        <ol class="contact-timeline">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={new Date(event.createdAt).toISOString()}>{fullTime(event.createdAt)}</time>{' '}
              <span>{event.kind === 'page_view' ? 'Viewed' : 'Event'}</span> <strong>{event.name}</strong>
              {event.url && <span class="timeline-url"> {event.url}</span>}
              {Object.keys(event.properties).length > 0 && (
                <span class="field-hint">
                  {' '}
                  {Object.entries(event.properties)
                    .map(([key, value]) => `${key}: ${value}`)
                    .join(', ')}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
