/**
 * The statistics page draws its charts on canvases and exports its table as an .xlsx workbook that opens: a zip
 * holding xl/workbook.xml with the page's two sheets.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devToken, screenshot, signInWithPicker } from '../support/browser';
import { useConsole } from '../support/console-browser';
import { isZip, zipEntryNames, zipEntryText } from '../support/zip-entries';

const { url, tokens, api, context } = useConsole();

/**
 * How many pixels of the chart's canvas are drawn on (not fully transparent): ECharts leaves the background
 * transparent, so an empty or undrawn chart counts 0.
 */
function drawnPixels(page: Page, testId: string): Promise<number> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="${testId}"] canvas');
    if (!canvas || !canvas.width || !canvas.height) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
    return drawn;
  })()`);
}

describe('statistics', () => {
  it('draws the charts and exports an .xlsx that opens', async () => {
    // This month's figures count at least one petition of this test's own.
    await api.register('孙统计', '物业收费不透明');
    const page = await context().newPage();
    await signInWithPicker(page, url, devToken(tokens, 'dev-supervisor'));
    await page.getByTestId('nav-statistics').click();
    for (const chart of ['chart-trend', 'chart-gauges', 'chart-rates', 'chart-units']) {
      // Past the axes and labels alone: ECharts animates its series in, so the count grows until it settles.
      await expect.poll(() => drawnPixels(page, chart), { timeout: 15_000 }).toBeGreaterThan(2_000);
    }
    await screenshot(page, 'statistics', '1-charts');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^信访统计_.+\.xlsx$/);
    const bytes = readFileSync(await download.path());
    expect(isZip(bytes)).toBe(true);
    expect(zipEntryNames(bytes)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    const workbook = zipEntryText(bytes, 'xl/workbook.xml');
    expect(workbook).toContain('name="统计"');
    expect(workbook).toContain('name="月度趋势"');
    await screenshot(page, 'statistics', '2-exported');
  });
});
