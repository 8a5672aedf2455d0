/** A learning-rate factor as a plain function of the iteration (no stateful scheduler). */
export type Schedule = (iteration: number) => number;

export type ScheduleConfig =
  | { kind: 'constant' }
  | { kind: 'step'; every: number; factor: number }
  | { kind: 'cosine'; iterations: number; floor: number };

export function schedule(config: ScheduleConfig): Schedule {
  switch (config.kind) {
    case 'constant':
      return () => 1;
    case 'step':
      return (i) => config.factor ** Math.floor(i / config.every);
    case 'cosine':
      return (i) =>
        config.floor +
        (1 - config.floor) *
          0.5 *
          (1 + Math.cos((Math.PI * Math.min(i, config.iterations)) / config.iterations));
  }
}
