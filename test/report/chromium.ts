/*
 * Headless Debian Chromium for the rendering tests, with every network request recorded and refused.
 * When /usr/bin/chromium is missing the tests skip under a title that names it (.ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM_PATH);

export function chromiumTitle(title: string): string {
  return haveChromium ? title : `SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium): ${title}`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenedPage {
  page: Page;
  /** Every request other than the page's own file, attempted or not. */
  requests: string[];
  pageErrors: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Opens a local file offline: the file itself loads, any other request is recorded and aborted. */
export async function openOffline(browser: Browser, file: string): Promise<OpenedPage> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    pageErrors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { page, requests, pageErrors, consoleErrors, close: () => context.close() };
}

/** Size and painted pixels of every uPlot canvas on the page. */
export function canvasStats(page: Page): Promise<Array<{ width: number; height: number; painted: number; colours: number }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('.uplot canvas')].map((c) => {
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3]! > 0) {
          painted++;
          colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
        }
      }
      return { width: c.width, height: c.height, painted, colours: colours.size };
    }),
  );
}
