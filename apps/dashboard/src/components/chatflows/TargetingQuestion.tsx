import type { ChatflowCandidate } from '@parley/chatflow';
import type { Device } from '@parley/protocol';
import { useId, useMemo, useState } from 'preact/hooks';
import { DEVICES } from './labels.js';
import { answerTargeting, pageUrl } from './targetingQuestion.js';

interface TargetingQuestionProps {
  /** The chatflow being edited, with its unsaved targeting and published flag. */
  draft: ChatflowCandidate;
  siteChatflows: readonly ChatflowCandidate[];
  /** The site's first allowed origin (`https://shop.example`): the URL starts there. */
  siteOrigin: string;
}

/** W19: "would this chatflow show on this URL, for this visitor, on this device?" and why. */
export function TargetingQuestion({ draft, siteChatflows, siteOrigin }: TargetingQuestionProps) {
  const id = useId();
  const [url, setUrl] = useState(`${siteOrigin}/`);
  const [device, setDevice] = useState<Device>('desktop');
  const [known, setKnown] = useState(false);
  const resolved = pageUrl(url, siteOrigin);
  const answer = useMemo(
    () => (resolved ? answerTargeting(draft, siteChatflows, { url: resolved, device, known }) : null),
    [draft, siteChatflows, resolved, device, known],
  );

  return (
    <section class="targeting-question" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="preview-title">
        Would this chatflow show?
      </h2>
      <div class="question-fields">
        <div class="field grow">
          <label for={`${id}-url`}>Page URL</label>
          <input
            id={`${id}-url`}
            type="text"
            inputMode="url"
            spellcheck={false}
            value={url}
            aria-describedby={`${id}-url-hint`}
            aria-invalid={!resolved || undefined}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
          <p id={`${id}-url-hint`} class="field-hint">
            A full address or a path such as /pricing?plan=pro.
          </p>
        </div>
        <div class="field">
          <label for={`${id}-device`}>Device</label>
          <select id={`${id}-device`} value={device} onChange={(event) => setDevice(event.currentTarget.value as Device)}>
            {DEVICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-visitor`}>Visitor</label>
          <select id={`${id}-visitor`} value={known ? 'known' : 'unknown'} onChange={(event) => setKnown(event.currentTarget.value === 'known')}>
            <option value="unknown">Unknown visitor</option>
            <option value="known">Known contact</option>
          </select>
        </div>
      </div>
      <div class="question-answer" aria-live="polite">
        {answer ? (
          <>
            <p class={answer.shows ? 'answer shows' : 'answer hidden-here'}>{answer.shows ? 'Shows' : 'Does not show'}</p>
            <ul class="answer-reasons">
              {answer.sentences.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </>
        ) : (
          <p class="form-error">Enter a page address to get an answer.</p>
        )}
      </div>
    </section>
  );
}
