/* The files the self-contained HTML pages inline: uPlot (JS + CSS) from node_modules, and our own client script and CSS. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { assertInlineSafe } from './escapeHtml.ts';

const require = createRequire(import.meta.url);

export interface InlineAssets {
  uplotJs: string;
  uplotCss: string;
  clientJs: string;
  css: string;
}

let cached: Promise<InlineAssets> | undefined;

async function load(): Promise<InlineAssets> {
  const read = (p: string | URL) => readFile(p, 'utf8');
  const [uplotJs, uplotCss, clientJs, css] = await Promise.all([
    read(require.resolve('uplot/dist/uPlot.iife.min.js')),
    read(require.resolve('uplot/dist/uPlot.min.css')),
    read(new URL('./reportClient.js', import.meta.url)),
    read(new URL('./report.css', import.meta.url)),
  ]);
  return {
    uplotJs: assertInlineSafe(uplotJs, 'script', 'uPlot.iife.min.js'),
    uplotCss: assertInlineSafe(uplotCss, 'style', 'uPlot.min.css'),
    clientJs: assertInlineSafe(clientJs, 'script', 'reportClient.js'),
    css: assertInlineSafe(css, 'style', 'report.css'),
  };
}

export function inlineAssets(): Promise<InlineAssets> {
  cached ??= load().catch((err: unknown) => {
    cached = undefined; // let a later call retry instead of caching the failure
    throw err;
  });
  return cached;
}
