/**
 * 材料 in the console: the registrar attaches a scanned photo on the case page; the unit handling the case opens it,
 * byte for byte; a panel member, who reads the case with the petitioner masked, is refused it.
 */
import { describe, expect, it } from 'vitest';
import { devToken, screenshot, signInWithPicker, signInWithToken } from '../support/browser';
import { useConsole } from '../support/console-browser';
import { tinyPng } from '../support/material-files';

const { url, tokens, api, context } = useConsole();

describe('materials on the case page', () => {
  it('uploaded by the registrar, opened by the unit, refused to a reviewer', async () => {
    const id = await api.register('孙材料', '小区噪声扰民');
    await api.accept(id);
    const photo = tinyPng('现场照片-噪声');

    const registrar = await context().newPage();
    await signInWithPicker(registrar, url, devToken(tokens, 'dev-registrar'));
    await registrar.goto(`${url}#/cases/${id}`);
    const materials = registrar.getByTestId('materials');
    await materials
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => materials.getByTestId('material-row').count()).toBe(1);
    await screenshot(registrar, 'materials', '1-registrar-uploaded');

    const handler = await context().newPage();
    await signInWithToken(handler, url, devToken(tokens, 'dev-unit-handler'));
    await handler.goto(`${url}#/cases/${id}`);
    await handler.getByTestId('material-row').waitFor();
    const [tab] = await Promise.all([context().waitForEvent('page'), handler.getByTestId('material-open').click()]);
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    // The tab shows the image the blob holds: the stored file decrypted whole (a byte lost would not decode).
    // Its bytes are compared with the upload in test/system/materials.test.ts.
    const shown = await tab.evaluate(async () => {
      const image = document.querySelector('img');
      await image?.decode();
      return image && [image.naturalWidth, image.naturalHeight];
    });
    expect(shown).toEqual([1, 1]);
    await tab.close();
    await screenshot(handler, 'materials', '2-unit-opened');

    await api.reply(id);
    await api.convenePanel([id]);
    const reviewer = await context().newPage();
    await signInWithToken(reviewer, url, devToken(tokens, 'dev-reviewer'));
    await reviewer.goto(`${url}#/cases/${id}`);
    await reviewer.getByTestId('material-row').waitFor();
    await reviewer.getByTestId('material-open').click();
    const refusal = reviewer.getByTestId('material-error');
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('FORBIDDEN');
    await screenshot(reviewer, 'materials', '3-reviewer-refused');
  });
});
