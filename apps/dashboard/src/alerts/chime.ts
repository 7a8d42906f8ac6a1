/**
 * A short two-note chime made with the Web Audio API, so the inbox ships no sound files.
 * Browsers keep audio muted until the page has had a user gesture; the first click or key press
 * unlocks it. Before that, or where audio is unavailable, the chime is skipped without a word:
 * the banner and the notification still say that a chat is waiting.
 */

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  try {
    const Constructor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    context = Constructor ? new Constructor() : null;
  } catch {
    context = null;
  }
  return context;
}

/** Creating (or resuming) the context inside a gesture is what lets later chimes play. */
export function unlockAudioOnFirstGesture(): void {
  const unlock = () => {
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
    const ctx = audioContext();
    if (ctx && ctx.state === 'suspended') ctx.resume().catch(() => {});
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
}

export function playChime(): void {
  const ctx = audioContext();
  if (!ctx) return;
  try {
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const start = ctx.currentTime + 0.02;
    note(ctx, 880, start, 0.16);
    note(ctx, 1318.5, start + 0.15, 0.28);
  } catch {
    // No sound is better than an error in the middle of an offer.
  }
}

function note(ctx: AudioContext, frequency: number, at: number, length: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  // A quick rise and a gentle decay: no click at either end.
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(at);
  oscillator.stop(at + length + 0.02);
}
