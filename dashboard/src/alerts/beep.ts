import type { AlertSeverity } from "@contract/alerts.ts";

/** Beeps per severity: the more severe, the more insistent (no audio files: an oscillator). */
const BEEPS: Record<AlertSeverity, number> = { waspada: 1, siaga: 2, awas: 3 };
const TONE_HZ = 880;
const BEEP_S = 0.18;
const GAP_S = 0.12;

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

/**
 * The page's one audio context, made on the user's own click (the sound toggle): browsers keep audio
 * suspended until a gesture allows it. Null where the browser has no Web Audio.
 */
export function unlockAudio(): AudioContext | null {
  const Ctor = (globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }).AudioContext ??
    (globalThis as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Ctor) return null;
  context ??= new Ctor();
  if (context.state === "suspended") void context.resume().catch(() => undefined);
  return context;
}

/** A short beep, repeated by severity; silent when the audio context was never unlocked. */
export function beep(severity: AlertSeverity): void {
  const ctx = context;
  if (!ctx) return;
  const start = ctx.currentTime + 0.01;
  for (let i = 0; i < BEEPS[severity]; i++) {
    const at = start + i * (BEEP_S + GAP_S);
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = TONE_HZ;
    // A quick ramp in and out: a square start clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.2, at + 0.02);
    gain.gain.linearRampToValueAtTime(0, at + BEEP_S);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + BEEP_S);
  }
}
