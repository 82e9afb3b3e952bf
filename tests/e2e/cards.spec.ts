import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addText, analysePng, appAlerts, expect, fixture, openEditor, test } from './fixtures';
import { frameAt, hasFfmpeg, makeVideo, probe, topLevelBoxes } from './video';

const cards = (page: Page) => page.getByRole('list', { name: 'Cards' }).getByRole('button');
const layerNames = (page: Page) => page.getByLabel('Selected layer').locator('option');
const current = (page: Page) =>
  page.getByRole('list', { name: 'Cards' }).locator('[aria-current="true"]');

/** Times of the keyframes of an MP4's video, in seconds. */
function keyframeTimes(bytes: Buffer): number[] {
  const path = join(tmpdir(), `keys-${Math.random()}.mp4`);
  writeFileSync(path, bytes);
  const r = spawnSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-skip_frame',
    'nokey',
    '-show_entries',
    'frame=pts_time',
    '-of',
    'csv=p=0',
    path,
  ]);
  return r.stdout
    .toString()
    .trim()
    .split('\n')
    .map((t) => Number(Number(t).toFixed(2)));
}

/** Every frame's duration is one 30th of a second: a constant frame rate. */
function frameDurations(bytes: Buffer): Set<string> {
  const path = join(tmpdir(), `cfr-${Math.random()}.mp4`);
  writeFileSync(path, bytes);
  const r = spawnSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=duration_time',
    '-of',
    'csv=p=0',
    path,
  ]);
  return new Set(r.stdout.toString().trim().split('\n'));
}

test.describe.configure({ mode: 'parallel' });

test('a 3-card story reordered by keyboard exports whole, in order, and shares in order', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'keyboard reordering and the export run in the desktop profile');
  test.skip(!hasFfmpeg(), 'needs ffprobe (apt-get install ffmpeg)');
  test.setTimeout(300_000);
  // A 3 s clip with mono 44.1 kHz sound: the export must make it 48 kHz stereo. (3 s: long
  // enough for a second keyframe, the 2 s GOPs.)
  const clip = makeVideo('cards-clip.mp4', [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=360x640:r=30:d=3',
    '-f',
    'lavfi',
    '-i',
    'sine=f=440:d=3:sample_rate=44100',
    '-ac',
    '1',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
  ]);
  // A share sheet that records what it was given, and whether the tap was still active.
  await page.addInitScript(() => {
    const w = window as unknown as { shared: { names: string[]; active: boolean }[] };
    w.shared = [];
    Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: { files: File[] }) => {
        w.shared.push({
          names: data.files.map((f) => f.name),
          active: navigator.userActivation.isActive,
        });
        return Promise.resolve();
      },
    });
  });

  await openEditor(page);
  await expect(cards(page)).toHaveText(['1']);
  // Card 1: photo and text.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await expect(page.getByRole('button', { name: 'Background' })).toBeEnabled();
  await addText(page, 'Photo card', 'Yellow');
  // Card 2: a colour and a sticker.
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(current(page)).toHaveAccessibleName('Card 2');
  await page.getByRole('button', { name: 'Card colour' }).click();
  await page.getByRole('button', { name: 'Stickers' }).click();
  await page.getByRole('searchbox', { name: 'Search stickers' }).fill('red heart');
  await page.getByRole('button', { name: 'red heart' }).first().click();
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Sticker red heart']);
  // Card 3: a video.
  await page.getByRole('button', { name: 'Add card' }).click();
  await page.getByLabel('Add photo or video').setInputFiles(clip);
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(layerNames(page)).toHaveText(['No layers yet']);
  await expect(cards(page)).toHaveCount(3);

  // Keyboard: focus card 3, Alt+← moves it before the colour card; arrows move between cards.
  await page.getByRole('button', { name: 'Card 3' }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(current(page)).toHaveAccessibleName('Card 2');
  await expect(current(page)).toBeFocused();
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(current(page)).toHaveAccessibleName('Card 3');
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Sticker red heart']);
  await page.keyboard.press('Home');
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “Photo card”']);

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Whole story' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Preset' })).toHaveValue('everywhere');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const list = dialog.getByRole('list', { name: 'Exported files' });
  await expect(list).toBeVisible({ timeout: 240_000 });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(3);
  const stamp = /story-\d{8}-\d{4}[b-z]*/;
  await expect(items.nth(0)).toContainText(/Card 1 · story-\d{8}-\d{4}[b-z]*-1\.png/);
  await expect(items.nth(1)).toContainText(/Card 2 · story-\d{8}-\d{4}[b-z]*-2\.mp4/);
  await expect(items.nth(2)).toContainText(/Card 3 · story-\d{8}-\d{4}[b-z]*-3\.png/);

  // Share: one batch (3 small files), in story order, called inside the tap.
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const shared = await page.evaluate(
    () => (window as unknown as { shared: { names: string[]; active: boolean }[] }).shared,
  );
  expect(shared).toHaveLength(1);
  expect(shared[0]!.active).toBe(true);
  expect(shared[0]!.names.map((n) => n.replace(stamp, 'S'))).toEqual([
    'S-1.png',
    'S-2.mp4',
    'S-3.png',
  ]);

  // Download: every file, in order, each the right kind and size.
  const files: { name: string; bytes: Buffer }[] = [];
  const downloads: Promise<void>[] = [];
  page.on('download', (d) => {
    downloads.push(
      (async () => {
        files.push({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) });
      })(),
    );
  });
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  await Promise.all(downloads);
  files.sort((a, b) => a.name.localeCompare(b.name));
  expect(files.map((f) => f.name.replace(stamp, 'S'))).toEqual(['S-1.png', 'S-2.mp4', 'S-3.png']);

  const photo = await analysePng(page, files[0]!.bytes, [0xff, 0xcc, 0x00]);
  expect([photo.width, photo.height]).toEqual([1080, 1920]);
  expect(photo.matches).toBeGreaterThan(1500); // the yellow text
  const colour = await analysePng(page, files[2]!.bytes, [0xff, 0xff, 0xff], 10);
  expect([colour.width, colour.height]).toEqual([1080, 1920]);
  expect(colour.matches).toBeGreaterThan(1080 * 1920 * 0.8); // a white card…
  expect(colour.matches).toBeLessThan(1080 * 1920 - 5000); // …with the sticker on it

  const mp4 = files[1]!.bytes;
  expect(topLevelBoxes(mp4).indexOf('moov')).toBeLessThan(topLevelBoxes(mp4).indexOf('mdat'));
  const p = probe(mp4);
  const video = p.streams.find((s) => s.codec_type === 'video')!;
  const audio = p.streams.find((s) => s.codec_type === 'audio') as
    { codec_name: string; sample_rate?: string; channels?: number; profile?: string } | undefined;
  expect([video.width, video.height]).toEqual([1080, 1920]);
  expect(video.codec_name).toBe('h264');
  expect(video.profile).toBe('High');
  expect(video.level).toBeLessThanOrEqual(41);
  expect(video.r_frame_rate).toBe('30/1');
  expect(Number(video.nb_frames)).toBe(90);
  expect([...frameDurations(mp4)].map(Number)).toEqual([Number((1 / 30).toFixed(6))]);
  expect(keyframeTimes(mp4)).toEqual([0, 2]);
  expect(audio?.codec_name).toBe('aac');
  expect(audio?.profile).toBe('LC');
  expect(audio?.sample_rate).toBe('48000');
  expect(audio?.channels).toBe(2);
  expect(mp4.length).toBeLessThan(16_000_000);
});

test('undo brings back a deleted card, on its place and current', async ({ page }) => {
  await openEditor(page);
  await addText(page, 'First');
  await page.getByRole('button', { name: 'Text card' }).click();
  const dialog = page.getByRole('dialog', { name: 'Text' });
  await dialog.getByRole('textbox', { name: 'Story text' }).fill('Second');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(cards(page)).toHaveCount(2);
  await expect(current(page)).toHaveAccessibleName('Card 2');
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “Second”']);

  await page.getByRole('button', { name: 'Card 1' }).click();
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “First”']);
  await page.getByRole('button', { name: 'Delete card' }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “Second”']);
  await expect(page.getByRole('button', { name: 'Delete card' })).toBeDisabled();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cards(page)).toHaveCount(2);
  await expect(current(page)).toHaveAccessibleName('Card 1');
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “First”']);
});

test('dragging a card with the mouse moves it to where it is dropped', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'a finger drags after holding still; the mouse path is tested here');
  await openEditor(page);
  await addText(page, 'A');
  for (const word of ['B', 'C']) {
    await page.getByRole('button', { name: 'Add card' }).click();
    await addText(page, word);
  }
  const from = (await page.getByRole('button', { name: 'Card 3' }).boundingBox())!;
  const to = (await page.getByRole('button', { name: 'Card 1' }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  // The dragged card stays current, now first.
  await expect(current(page)).toHaveAccessibleName('Card 1');
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “C”']);
  await page.getByRole('button', { name: 'Card 2' }).click();
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “A”']);
  await page.getByRole('button', { name: 'Card 3' }).click();
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “B”']);
  // One undo step puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(current(page)).toHaveAccessibleName('Card 3');
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “C”']);
});

test('a draft stored by the previous release (one background, no cards) opens as one card', async ({
  page,
}) => {
  const v1 = JSON.parse(readFileSync(fixture('db/v1-draft.json'), 'utf8')) as {
    draft: Record<string, unknown> & { doc: Record<string, unknown> };
  };
  const photo = readFileSync(fixture('photo.jpg')).toString('base64');
  // A page of the origin that runs no app code, so the database is made by the old release alone.
  await page.goto('/manifest.webmanifest');
  // Stored as the first release did: database version 1, a version 1 story, its photo.
  await page.evaluate(
    async ({ draft, photo }) => {
      const now = Date.now();
      const record = {
        ...draft,
        createdAt: now - 60_000,
        updatedAt: now - 60_000,
        expiresAt: now - 60_000 + 24 * 3600_000,
        doc: { ...draft.doc, createdAt: now - 60_000, updatedAt: now - 60_000 },
      };
      const bytes = Uint8Array.from(atob(photo), (c) => c.charCodeAt(0));
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('story-composer', 1);
        open.onupgradeneeded = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts'))
            db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byExpiry', 'expiresAt');
          if (!db.objectStoreNames.contains('media'))
            db.createObjectStore('media', { keyPath: 'id' });
          if (!db.objectStoreNames.contains('exports'))
            db.createObjectStore('exports', { keyPath: 'id', autoIncrement: true }).createIndex(
              'byDraft',
              'draftId',
            );
          if (!db.objectStoreNames.contains('thumbnails'))
            db.createObjectStore('thumbnails', { keyPath: 'draftId' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['drafts', 'media'], 'readwrite');
          tx.objectStore('drafts').put(record);
          tx.objectStore('media').put({
            id: 'abc123',
            blob: new Blob([bytes], { type: 'image/jpeg' }),
            draftIds: [draft.id],
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { draft: v1.draft, photo },
  );
  await page.goto('/');
  const item = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(/1 card · Expires in 23 h 5\d min/);
  await item.getByRole('button', { name: 'Open draft' }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(current(page)).toHaveAccessibleName('Card 1');
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “From v1”']);
  await expect(appAlerts(page)).toHaveCount(0);
  // The photo is the background: its framing controls are offered.
  await page.getByRole('button', { name: 'Background' }).click();
  await expect(page.getByRole('region', { name: 'Background settings' })).toContainText(/Zoom/i);
});

test('a reopened draft shares its stored exports again, in order, without exporting again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A share sheet that records what it was given, and whether the tap was still active.
  await page.addInitScript(() => {
    const w = window as unknown as { shared: { names: string[]; active: boolean }[] };
    w.shared = [];
    Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: { files: File[] }) => {
        w.shared.push({
          names: data.files.map((f) => f.name),
          active: navigator.userActivation.isActive,
        });
        return Promise.resolve();
      },
    });
  });
  await openEditor(page);
  await addText(page, 'First');
  await page.getByRole('button', { name: 'Text card' }).click();
  const text = page.getByRole('dialog', { name: 'Text' });
  await text.getByRole('textbox', { name: 'Story text' }).fill('Second');
  await text.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(cards(page)).toHaveCount(3);

  const dialog = page.getByRole('dialog', { name: 'Export' });
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('list', { name: 'Exported files' })).toBeHidden();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const items = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(items).toHaveCount(3, { timeout: 60_000 });
  const names = (await items.allTextContents()).map((t) => /story-[\d-]+\.png/.exec(t)![0]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Home and back: the Export dialog lists the stored files at once, Share sends them in order.
  await page.getByRole('link', { name: 'Home' }).click();
  await page
    .getByRole('list', { name: 'Drafts' })
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: 'Open draft' })
    .click();
  await expect(cards(page)).toHaveCount(3);
  const exports = await page.evaluate(() => performance.getEntriesByName('story-export-image'));
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByText(/Exported earlier/)).toBeVisible();
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(`Card 1 · ${names[0]}`);
  await expect(items.nth(2)).toContainText(`Card 3 · ${names[2]}`);
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const shared = await page.evaluate(
    () => (window as unknown as { shared: { names: string[]; active: boolean }[] }).shared,
  );
  expect(shared).toEqual([{ names, active: true }]);
  // Nothing was exported again.
  expect(await page.evaluate(() => performance.getEntriesByName('story-export-image'))).toEqual(
    exports,
  );
  await page.keyboard.press('Escape');

  // A change makes them stale: the dialog says so and offers no stale files.
  await page.getByRole('button', { name: 'Card colour' }).click();
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByText(/The story changed after its last export/)).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Exported files' })).toBeHidden();
});

test("a whole-story export cuts a video card to that card's trim", async ({ page, isMobile }) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.skip(!hasFfmpeg(), 'needs ffmpeg (apt-get install ffmpeg)');
  test.setTimeout(300_000);
  // 3 s: red, blue and green for 1 s each. Trimmed to 1–2 s, only blue is left.
  const clip = makeVideo('cards-trim.mp4', [
    '-f',
    'lavfi',
    '-i',
    'color=c=red:s=360x640:r=30:d=1[r];color=c=blue:s=360x640:r=30:d=1[b];color=c=green:s=360x640:r=30:d=1[g];[r][b][g]concat=n=3:v=1:a=0',
    '-f',
    'lavfi',
    '-i',
    'sine=f=440:d=3:sample_rate=48000',
    '-ac',
    '2',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
  ]);
  await openEditor(page);
  await addText(page, 'Before the clip');
  await page.getByRole('button', { name: 'Add card' }).click();
  await page.getByLabel('Add photo or video').setInputFiles(clip);
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });

  // The trim is set on the card (its own Video export), then the whole story is exported.
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Video' }).check();
  await dialog.getByRole('spinbutton', { name: 'Trim start' }).fill('1');
  await dialog.getByRole('spinbutton', { name: 'Trim end' }).fill('2');
  await expect(dialog.getByText('One file of 1.0 s.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Whole story' }).check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const items = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(items).toHaveCount(2, { timeout: 240_000 });
  await expect(items.nth(1)).toContainText(/Card 2 · story-\d{8}-\d{4}-2\.mp4 · 1\.0 s/);

  const download = page.waitForEvent('download', {
    predicate: (d) => d.suggestedFilename().endsWith('.mp4'),
  });
  await dialog.getByRole('button', { name: 'Download' }).click();
  const mp4 = readFileSync(await (await download).path());
  const video = probe(mp4).streams.find((s) => s.codec_type === 'video')!;
  expect(Number(video.nb_frames)).toBe(30);
  for (const t of [0, 0.5, 0.95]) {
    const frame = await analysePng(page, frameAt(mp4, t), [0, 0, 255], 60);
    expect(frame.matches, `blue at ${t} s`).toBeGreaterThan(1080 * 1920 * 0.9);
  }
});

test('switching cards back and forth shows each card as it is after edits, moves and undo', async ({
  page,
}) => {
  // The yellow text's share of the stage and where it sits (0 left – 1 right), read from the stage.
  const yellow = () =>
    page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[aria-label="Story canvas"] canvas')!;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      let sx = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i]! > 225 && px[i + 1]! > 175 && px[i + 1]! < 230 && px[i + 2]! < 70) {
          n++;
          sx += (i / 4) % c.width;
        }
      }
      return { share: n / (c.width * c.height), x: n ? sx / n / c.width : 0 };
    });
  const settled = async () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const cardButton = (n: number) => page.getByRole('button', { name: `Card ${n}`, exact: true });

  await openEditor(page);
  await page.getByRole('button', { name: 'Card colour' }).click(); // white
  await addText(page, 'Yellow words', 'Yellow');
  await expect.poll(async () => (await yellow()).share).toBeGreaterThan(0.002);
  const before = await yellow();
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect.poll(async () => (await yellow()).share).toBe(0);

  // Back on card 1: the text as it was; moved there, it stays moved across a switch.
  await cardButton(1).click();
  await expect.poll(async () => (await yellow()).share).toBeGreaterThan(0.002);
  await page.getByLabel('Selected layer').selectOption({ label: 'Text “Yellow words”' });
  await page.getByLabel('Story canvas').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await settled();
  const moved = await yellow();
  expect(moved.x - before.x).toBeGreaterThan(0.1);
  await cardButton(2).click();
  await expect.poll(async () => (await yellow()).share).toBe(0);
  await cardButton(1).click();
  await expect.poll(async () => (await yellow()).x).toBeCloseTo(moved.x, 2);

  // Deleted on card 1, gone after a switch; undo (from card 2) brings it back where it was.
  await page.getByLabel('Selected layer').selectOption({ label: 'Text “Yellow words”' });
  await page.getByRole('button', { name: 'Delete layer' }).click();
  await expect.poll(async () => (await yellow()).share).toBe(0);
  await cardButton(2).click();
  await cardButton(1).click();
  await settled();
  expect((await yellow()).share).toBe(0);
  await cardButton(2).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(current(page)).toHaveAccessibleName('Card 1');
  await expect.poll(async () => (await yellow()).x).toBeCloseTo(moved.x, 2);
  await cardButton(2).click();
  await cardButton(1).click();
  await expect.poll(async () => (await yellow()).x).toBeCloseTo(moved.x, 2);
});
