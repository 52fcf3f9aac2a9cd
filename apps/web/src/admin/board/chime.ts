type AudioContextCtor = typeof AudioContext;

/**
 * The new-order sound, made with an oscillator (no file to load). Browsers only let a page play
 * sound after a tap, so `arm()` is called from the "Turn on sound" button.
 */
export class Chime {
  private context: AudioContext | null = null;
  /** How many times it has rung since it was armed (shown to tests and screen readers). */
  rings = 0;

  get armed(): boolean {
    return this.context !== null && this.context.state !== 'closed';
  }

  static supported(): boolean {
    return typeof window !== 'undefined' && Boolean(window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext);
  }

  async arm(): Promise<void> {
    if (!this.context) {
      const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext: AudioContextCtor }).webkitAudioContext;
      this.context = new Ctor();
    }
    if (this.context.state === 'suspended') await this.context.resume();
  }

  disarm(): void {
    void this.context?.close();
    this.context = null;
  }

  /** Two rising tones, about half a second. */
  ring(): void {
    const ctx = this.context;
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime + 0.01;
    [880, 1320].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t = start + i * 0.22;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.4, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.21);
    });
    this.rings += 1;
  }
}
