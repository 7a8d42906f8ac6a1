import type { ChatflowCandidate } from '@parley/chatflow';
import type { Device, VisitorKind } from '@parley/protocol';
import { useId, useMemo, useState } from 'preact/hooks';
import { SelectField, type Choice } from '../fields/SelectField.js';
import { DEVICES, VISITOR_KINDS } from './labels.js';
import { answerTargeting, pageUrl } from './targetingQuestion.js';

interface TargetingQuestionProps {
  /** The chatflow being edited, with its unsaved targeting and published flag. */
  draft: ChatflowCandidate;
  siteChatflows: readonly ChatflowCandidate[];
  /** The site's first allowed origin (`https://shop.example`): the URL starts there. */
  siteOrigin: string;
}

/** Unknown first: the question starts from a visitor who has not said who they are. */
const VISITOR_CHOICES: ReadonlyArray<Choice<VisitorKind>> = [...VISITOR_KINDS].reverse();

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
        <SelectField label="Device" value={device} choices={DEVICES} onChange={setDevice} />
        <SelectField label="Visitor" value={known ? 'known' : 'unknown'} choices={VISITOR_CHOICES} onChange={(kind) => setKnown(kind === 'known')} />
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
