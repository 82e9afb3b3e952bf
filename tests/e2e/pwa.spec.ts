import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import {
  addText,
  expect,
  exportPng,
  fixture,
  openEditor,
  test,
  testWithPageErrors,
} from './fixtures';

/** Waits until the service worker controls the page (the app shell is then precached). */
async function controlled(page: Page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

/** Opens the app once its service worker controls the page, and starts a story on a 1 s clip. */
async function newVideoStoryOnceInstalled(page: Page) {
  await page.goto('/');
  await controlled(page);
  await page.reload();
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Add photo or video').setInputFiles(fixture('clip-1s.mp4'));
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible();
}

test('the app is installable: no installability errors, a valid manifest, and an install offer', async ({
  baseURL,
}, testInfo) => {
  test.skip(
    testInfo.project.name !== 'desktop',
    'install checks need a persistent desktop profile',
  );
  // Normal contexts are incognito, which is never installable: use a persistent profile.
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'story-profile-')),
    {
      executablePath: findChromium() ?? undefined,
      args: CHROMIUM_ARGS,
    },
  );
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL!);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      errors: unknown[];
      data?: string;
    };
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as {
      share_target?: unknown;
      shortcuts?: { name: string }[];
    };
    expect(parsed.share_target).toBeTruthy();
    expect(parsed.shortcuts?.[0]?.name).toBe('New story');
    await expect
      .poll(
        async () =>
          ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] })
            .installabilityErrors,
      )
      .toEqual([]);
    await expect(page.getByRole('button', { name: 'Install app' })).toBeVisible({
      timeout: 15_000,
    });
  } finally {
    await context.close();
  }
});

test('after the first visit the app works offline: compose, export an image, reopen a draft', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'New story' }).click();
  await expect(page.getByLabel('Story canvas').locator('canvas').first()).toBeVisible();
  await addText(page, 'Written offline');
  const { bytes } = await exportPng(page);
  expect(bytes.length).toBeGreaterThan(1000);
  await page.getByRole('link', { name: 'Home' }).click();
  const drafts = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem');
  await expect(drafts).toHaveCount(1);
  await drafts.first().getByRole('button', { name: 'Open draft' }).click();
  await expect(page.getByLabel('Selected layer').locator('option')).toHaveText([
    'No layer selected',
    'Text “Written offline”',
  ]);
  // A full reload of the editor, offline, from the precache.
  await page.reload();
  await expect(page.getByLabel('Selected layer').locator('option')).toHaveText([
    'No layer selected',
    'Text “Written offline”',
  ]);
});

test('Share passes exactly the exported files, inside the tap', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __shared: unknown[] };
    w.__shared = [];
    Object.defineProperty(navigator, 'canShare', {
      value: (d: { files?: File[] }) => !!d.files?.length,
      configurable: true,
    });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (d: { files: File[]; text?: string }) => {
        w.__shared.push({
          files: d.files.map((f) => ({ name: f.name, type: f.type, size: f.size })),
          text: d.text ?? null,
          inGesture: navigator.userActivation.isActive,
        });
        return Promise.resolve();
      },
    });
  });
  await openEditor(page);
  await addText(page, 'Share me');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const item = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  const label = (await item.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Share' }).click();
  const shared = await page.evaluate(
    () =>
      (
        window as unknown as {
          __shared: {
            files: { name: string; type: string; size: number }[];
            text: string | null;
            inGesture: boolean;
          }[];
        }
      ).__shared,
  );
  expect(shared).toHaveLength(1);
  expect(shared[0]!.inGesture).toBe(true);
  expect(shared[0]!.text).toBeNull(); // files alone: iOS drops files when text is added
  expect(shared[0]!.files).toHaveLength(1);
  expect(shared[0]!.files[0]!.name).toMatch(/^story-\d{8}-\d{4}[b-z]*\.png$/);
  expect(shared[0]!.files[0]!.type).toBe('image/png');
  expect(label).toContain(shared[0]!.files[0]!.name);
  expect(shared[0]!.files[0]!.size).toBeGreaterThan(1000);
});

test('without Web Share: Download saves every file and the WhatsApp link carries the caption', async ({
  page,
}) => {
  await openEditor(page);
  await addText(page, 'No share sheet');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(
    dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Share' })).toBeDisabled();
  await expect(dialog.getByText(/cannot share files/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Caption' }).fill('New in: 30% off & free delivery');
  await expect(dialog.getByRole('link', { name: 'Send via WhatsApp' })).toHaveAttribute(
    'href',
    'https://wa.me/?text=New%20in%3A%2030%25%20off%20%26%20free%20delivery',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^story-\d{8}-\d{4}[b-z]*\.png$/);
});

test('a photo or video shared from another app opens as a new story', async ({ page }) => {
  await page.goto('/');
  await controlled(page);
  for (const [file, type] of [
    ['photo.jpg', 'image/jpeg'],
    ['clip.mp4', 'video/mp4'],
  ] as const) {
    // The operating system's share sheet sends a multipart POST to the share target.
    await page.goto('/');
    await page.evaluate(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.enctype = 'multipart/form-data';
      form.action = '/share-target/';
      const input = document.createElement('input');
      input.type = 'file';
      input.name = 'media';
      input.id = 'shared-media';
      form.append(input);
      document.body.append(form);
    });
    await page.setInputFiles('#shared-media', {
      name: file,
      mimeType: type,
      buffer: (await import('node:fs')).readFileSync(fixture(file)),
    });
    await page.evaluate(() =>
      (document.querySelector('form[action="/share-target/"]') as HTMLFormElement).submit(),
    );
    await page.waitForURL(/\/editor\/\?.*draft=/);
    await expect(page).not.toHaveURL(/shared=/);
    // The shared file is the background: the framing controls of a photo or video are offered.
    await page.getByRole('button', { name: 'Background' }).click();
    await expect(page.getByRole('radio', { name: 'Fill the story' })).toBeVisible();
    if (type.startsWith('video')) {
      await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible();
    }
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    // It survives a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Background' }).click();
    await expect(page.getByRole('radio', { name: 'Fill the story' })).toBeVisible();
  }
});

// Its own server on another port: the page-error guard applies, the same-origin one cannot.
testWithPageErrors(
  'an update waits, is offered, and reloads into the new version when accepted',
  async ({ page }) => {
    // A copy of the build on its own server, so that "releasing" a new worker touches no other test.
    const dir = mkdtempSync(join(tmpdir(), 'story-release-'));
    const out = fileURLToPath(new URL('../../out', import.meta.url));
    // Without the ffmpeg cores (runtime-cached, not precached); /licenses/ffmpeg-core-….txt stays.
    const cores = join(out, 'ffmpeg');
    cpSync(out, dir, {
      recursive: true,
      filter: (src) => src !== cores && !src.startsWith(cores + sep),
    });
    const port = 3400 + Math.floor(Math.random() * 500);
    const server = spawn(
      process.execPath,
      [fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url))],
      {
        env: { ...process.env, PORT: String(port), SERVE_DIR: dir },
        stdio: 'ignore',
      },
    );
    try {
      const origin = `http://localhost:${port}`;
      await expect
        .poll(() =>
          fetch(origin).then(
            (r) => r.ok,
            () => false,
          ),
        )
        .toBe(true);
      await page.goto(`${origin}/`);
      await controlled(page);
      // A page opened before its worker was active is not controlled by it until it reloads.
      await page.reload();
      // The next release: the same worker, one byte different.
      appendFileSync(join(dir, 'sw.js'), '\n// next release\n');
      await page.evaluate(async () => {
        (window as unknown as { __before?: boolean }).__before = true;
        await (await navigator.serviceWorker.ready).update();
      });
      const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
      await expect(prompt).toBeVisible({ timeout: 20_000 });
      // Nothing reloads by itself.
      await page.waitForTimeout(500);
      expect(
        await page.evaluate(() => (window as unknown as { __before?: boolean }).__before),
      ).toBe(true);
      await prompt.getByRole('button', { name: 'Reload' }).click();
      await page.waitForFunction(() => !(window as unknown as { __before?: boolean }).__before);
      await expect(prompt).toBeHidden();
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        const script = await fetch('/sw.js').then((r) => r.text());
        return { waiting: reg?.waiting ?? null, newScript: script.includes('next release') };
      });
      expect(state).toEqual({ waiting: null, newScript: true });
    } finally {
      server.kill();
    }
  },
);

test('after one video export, a video export also works offline', async ({
  page,
  context,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  await page.goto('/');
  await controlled(page);
  await page.reload();
  const exportVideo = async () => {
    await page.getByLabel('Add photo or video').setInputFiles(fixture('clip-1s.mp4'));
    await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByText('Advanced').click();
    await dialog.getByRole('combobox', { name: 'Engine' }).selectOption('webcodecs');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await expect(
      dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem'),
    ).toHaveCount(1, {
      timeout: 60_000,
    });
    await page.keyboard.press('Escape');
  };
  await page.getByRole('button', { name: 'New story' }).click();
  await exportVideo();
  await context.setOffline(true);
  await page.goto('/');
  await page.getByRole('button', { name: 'New story' }).click();
  await exportVideo();
});

test('"Make available offline" keeps the compatible engine for exports without a network', async ({
  page,
  context,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.setTimeout(120_000);
  await newVideoStoryOnceInstalled(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('button', { name: 'Make available offline' }).click();
  await expect(dialog.getByText('The compatible engine is available offline.')).toBeVisible({
    timeout: 60_000,
  });
  await context.setOffline(true);
  await dialog.getByRole('combobox', { name: 'Engine' }).selectOption('ffmpeg');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(
    dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem'),
  ).toHaveCount(1, {
    timeout: 90_000,
  });
});

test('offline before the compatible engine was ever loaded, choosing it gives a clear alert', async ({
  page,
  context,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  await newVideoStoryOnceInstalled(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('combobox', { name: 'Engine' }).selectOption('ffmpeg');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    // The video export's own code or the compatible engine's core: whichever is fetched first.
    /could not be loaded\. It needs a connection the first time.*Your story is unchanged\./,
  );
  await expect(dialog.getByRole('button', { name: 'Start export' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible();
});
