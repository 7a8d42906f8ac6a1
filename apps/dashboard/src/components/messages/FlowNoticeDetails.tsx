/**
 * W8: what a running flow's lines mean, shown under them in the agent's thread: a question's
 * answer options with the visitor's pick marked, the fields a capture card asks for, and a filled
 * capture as label and value pairs. Read-only: the visitor answers in the widget, not here.
 */
import { captureFieldLabel } from '@parley/chatflow';
import type { Message } from '@parley/protocol';
import '../../styles/flowLines.css';
import { capturedDetails } from './flowLines.js';

interface FlowNoticeDetailsProps {
  message: Message;
  /** The answer the visitor picked for each question card so far, by card id. */
  picked: ReadonlyMap<string, number>;
}

export function FlowNoticeDetails({ message, picked }: FlowNoticeDetailsProps) {
  const notice = message.notice;
  if (notice?.type === 'flowQuestion') {
    const pick = picked.get(notice.cardId);
    return (
      <ul class="flow-chips" aria-label="Answer options">
        {notice.answers.map((answer, index) => (
          <li key={index} class={`flow-chip${index === pick ? ' picked' : ''}`} aria-current={index === pick ? 'true' : undefined}>
            {answer}
            {index === pick && <span class="flow-picked"> Picked</span>}
          </li>
        ))}
      </ul>
    );
  }
  if (notice?.type === 'flowCapture') {
    // The inbox is in English; a custom contact property shows by its key, as in the editor.
    return (
      <ul class="flow-chips" aria-label="Fields asked for">
        {notice.fields.map((field) => (
          <li key={field} class="flow-chip">
            {captureFieldLabel('en', field)}
          </li>
        ))}
      </ul>
    );
  }
  return null;
}

/** A filled capture card: its "Field: value" lines as a small definition list (plain text, never HTML). */
export function CapturedBody({ body }: { body: string }) {
  const details = capturedDetails(body);
  if (!details) return <p class="message-body">{body}</p>;
  return (
    <dl class="message-body flow-captured">
      {details.map((detail, index) => (
        <div key={index}>
          <dt>{detail.label}</dt>
          <dd>{detail.value}</dd>
        </div>
      ))}
    </dl>
  );
}
