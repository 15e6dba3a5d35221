export const FAILURE_MODES = ['healthy', 'hang', 'error', 'slow', 'partial', 'reset'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

export interface FailureSettings {
  mode: FailureMode;
  /** How long `hang` holds a request before answering 408. */
  hangMs: number;
  /** How much `slow` adds before answering. */
  latencyMs: number;
  /** The fraction of requests `partial` fails. */
  errorRate: number;
}

/** The part of a POST /admin/failure body about the mode (the rest is about capacity). */
export type FailureModeChange = { [K in keyof FailureSettings]?: FailureSettings[K] | undefined };

/** The recommendations endpoint's current sickness, switchable while requests are in flight. */
export class FailureController {
  #settings: FailureSettings;
  #changedAt: Date;
  #hanging = 0;

  constructor(
    initial: FailureSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#settings = { ...initial };
    this.#changedAt = now();
  }

  get settings(): Readonly<FailureSettings> {
    return this.#settings;
  }

  /** Applies a validated change of the mode and its parameters; fields left out keep their values. */
  update(change: FailureModeChange): void {
    const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    this.#settings = { ...this.#settings, ...defined };
    this.#changedAt = this.now();
  }

  /** Tracks a request held by `hang`; call the returned function when it ends. */
  holdStarted(): () => void {
    this.#hanging += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#hanging -= 1;
    };
  }

  state(): FailureSettings & { hanging: number; changedAt: string } {
    return { ...this.#settings, hanging: this.#hanging, changedAt: this.#changedAt.toISOString() };
  }
}
