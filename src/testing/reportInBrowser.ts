import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's chromium, which .ci/run installs; browser tests say they did not run without it. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface RenderedFigure {
  panel: string | null;
  /** SVG marks (path, rect, line), or table cells for a table figure. */
  marks: number;
  area: number;
}

/**
 * Opens an HTML report in headless Chromium and reads back every figure, the console errors and
 * any non-file requests; saves a full-page screenshot.
 */
export async function inspectReport(
  htmlPath: string,
  screenshotPath: string,
): Promise<{ figures: RenderedFigure[]; errors: string[]; requests: string[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(pathToFileURL(htmlPath).href);
    const figures = await page.$$eval('figure', (nodes) =>
      nodes.map((f) => {
        const svg = f.querySelector('svg');
        const box = (svg ?? f.querySelector('table'))?.getBoundingClientRect();
        return {
          panel: f.getAttribute('data-panel'),
          marks: svg ? svg.querySelectorAll('path, rect, line').length : f.querySelectorAll('td').length,
          area: (box?.width ?? 0) * (box?.height ?? 0),
        };
      }),
    );
    await page.screenshot({ path: screenshotPath, fullPage: true });
    return { figures, errors, requests };
  } finally {
    await browser.close();
  }
}
