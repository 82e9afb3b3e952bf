import { expect, test } from './fixtures';

test('About, reached from home, lists what the app serves with licence texts from this site', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL(/\/about\/$/);
  await expect(page.getByRole('heading', { level: 1, name: /About Story Composer/ })).toBeVisible();

  const list = page.getByRole('list', { name: 'Third-party software' });
  const item = (name: string) =>
    list.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
  await expect(item('@ffmpeg/core')).toContainText('GPL-2.0-or-later');
  await expect(item('@ffmpeg/core-mt')).toContainText('GPL-2.0-or-later');
  await expect(item('mediabunny')).toContainText('MPL-2.0');
  await expect(item('@fontsource/inter')).toContainText('OFL-1.1');
  await expect(item('react')).toContainText('MIT');

  // Every licence link stays on this origin and serves a real text.
  const links = list.getByRole('link');
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(10);
  const origin = new URL(page.url()).origin;
  for (const href of hrefs) expect(new URL(href).origin).toBe(origin);

  const ffmpeg = item('@ffmpeg/core').getByRole('link', {
    name: 'GPL-2.0-or-later licence of @ffmpeg/core',
  });
  const response = await request.get((await ffmpeg.getAttribute('href'))!);
  expect(response.ok()).toBe(true);
  const text = await response.text();
  expect(text).toContain('GNU GENERAL PUBLIC LICENSE');
  expect(text).toContain('Version 2, June 1991');
  expect(text).toContain('github.com/ffmpegwasm/ffmpeg.wasm');

  // The app's own licence, opened the way a person would.
  await page.getByRole('link', { name: /Read the licence/ }).click();
  await expect(page.locator('body')).toContainText('Version 3, 29 June 2007');
});

test('About and its licence texts open offline after the first visit', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('link', { name: 'About' }).click();
  const list = page.getByRole('list', { name: 'Third-party software' });
  await list.getByRole('link', { name: 'MPL-2.0 licence of mediabunny' }).click();
  await expect(page.locator('body')).toContainText('Mozilla Public License Version 2.0');
  await page.goto('/about/');
  await expect(page.getByRole('heading', { level: 1, name: /About Story Composer/ })).toBeVisible();
});
