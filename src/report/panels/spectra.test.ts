import { describe, expect, it } from 'vitest';
import { countMarks, svgTexts } from '../svgMarks.ts';
import { spectraPanel } from './spectra.ts';

const frequencyHz = Array.from({ length: 51 }, (_, i) => i / 2);
const lorentzian = (fc: number) => frequencyHz.map((f) => 1 / (1 + (f / fc) ** 2));

describe('spectraPanel', () => {
  it('draws one line per series with frequency on x and a log y axis', async () => {
    const series = [
      { label: 'signal', values: lorentzian(2) },
      { label: 'noise', values: lorentzian(20).map((v) => v / 100) },
    ];
    const svg = await spectraPanel.render({ frequencyHz, series, valueLabel: 'power (a.u.²/Hz)' });
    expect(countMarks(svg, 'line')).toBe(2);
    expect(svgTexts(svg)).toEqual(
      expect.arrayContaining(['signal', 'noise', 'frequency (Hz)', 'power (a.u.²/Hz)', '0.001']),
    );
  });

  it('names the series whose length differs from the frequencies', () => {
    expect(() =>
      spectraPanel.spec({ frequencyHz, series: [{ label: 'L1', values: [1, 2] }], valueLabel: 'p' }),
    ).toThrow("Error in flyaux:spectra: series 'L1' has 2 values but frequencyHz has 51");
  });
});
