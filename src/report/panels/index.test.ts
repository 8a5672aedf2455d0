import { describe, expect, it } from 'vitest';
import { PANELS, panelByName } from './index.ts';

describe('the panel registry', () => {
  it('holds every built-in panel under its own flyaux: name', () => {
    expect(Object.keys(PANELS).sort()).toEqual([
      'flyaux:before-after',
      'flyaux:flash-traces',
      'flyaux:grey-steady-state',
      'flyaux:loss-curve',
      'flyaux:natural-stats',
      'flyaux:polar-tuning',
      'flyaux:sorted-bars',
      'flyaux:spectra',
      'flyaux:stimulus-frames',
      'flyaux:table',
    ]);
    for (const [name, panel] of Object.entries(PANELS)) expect(panel.name).toBe(name);
  });

  it('names the accepted panels when asked for an unknown one', () => {
    expect(() => panelByName('flyaux:tuning')).toThrow(
      /^Unknown panel 'flyaux:tuning'\. Accepted: flyaux:grey-steady-state, /,
    );
  });
});
