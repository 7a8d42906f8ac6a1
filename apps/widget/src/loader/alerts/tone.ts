/**
 * W17's optional sound: a soft two-note chime made with WebAudio, so there is no audio file to
 * download. One AudioContext per page, made on the first chime. Browsers keep a context
 * suspended on a page the visitor has not interacted with; the chime is then silently skipped.
 */
type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

export function playChime(): void {
  const Context: AudioContextClass | undefined =
    window.AudioContext ?? (window as Window & { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Context) return;
  try {
    context ??= new Context();
    if (context.state === 'suspended') void context.resume().catch(() => {});
    const now = context.currentTime;
    [660, 880].forEach((frequency, index) => note(context!, frequency, now + index * 0.12));
  } catch {
    // No audio output or refused: the badge, bubble and title still tell.
  }
}

/** One short note with a quick fade in and out (no click at either end). */
function note(audio: AudioContext, frequency: number, at: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.12, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + 0.3);
}
