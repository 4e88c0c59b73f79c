/**
 * A panel member (REVIEWER) reads a case before their panel with the petitioner masked, in the form the API
 * answers them, and nowhere on the page the name, phone or ID number the registrar sees.
 */
import { describe, expect, it } from 'vitest';
import { devToken, screenshot, signInWithPicker, signInWithToken } from '../support/browser';
import { useConsole } from '../support/console-browser';

const { url, tokens, api, context } = useConsole();

const PETITIONER = `{ petitioner { name phone masked } }`;

describe('the petitioner masked', () => {
  it('a reviewer’s case page shows the API’s masked form, never the name', async () => {
    const id = await api.register('欧阳明华', '噪声扰民');
    await api.accept(id);
    await api.reply(id);
    await api.convenePanel([id]);
    const whole = (await api.gql('dev-registrar', `{ petition(id: "${id}") ${PETITIONER} }`)).petition.petitioner;
    const masked = (await api.gql('dev-reviewer', `{ petition(id: "${id}") ${PETITIONER} }`)).petition.petitioner;
    expect(whole).toMatchObject({ name: '欧阳明华', phone: '13800138000', masked: false });
    expect(masked.masked).toBe(true);
    expect(masked.name).not.toContain('欧阳明华');

    // The registrar's page, where the name is shown, is what the reviewer's page must differ from.
    const registrar = await context().newPage();
    await signInWithPicker(registrar, url, devToken(tokens, 'dev-registrar'));
    await registrar.goto(`${url}#/cases/${id}`);
    await expect.poll(() => registrar.getByTestId('petitioner').textContent()).toContain('欧阳明华');
    await screenshot(registrar, 'masking', '1-registrar-unmasked');

    const reviewer = await context().newPage();
    await signInWithToken(reviewer, url, devToken(tokens, 'dev-reviewer'));
    await reviewer.goto(`${url}#/cases/${id}`);
    const petitioner = reviewer.getByTestId('petitioner');
    await expect.poll(() => petitioner.textContent()).toContain(masked.name);
    expect(await petitioner.textContent()).toContain('已脱敏');
    const text = await reviewer.locator('body').innerText();
    expect(text).toContain(masked.phone);
    for (const plain of ['欧阳明华', '明华', '13800138000']) expect(text).not.toContain(plain);
    await screenshot(reviewer, 'masking', '2-reviewer-masked');
  });
});
