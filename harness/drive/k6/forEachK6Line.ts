/*
 * Streams the lines of a k6 `--out json` file (plain, or gzipped when the name ends in .gz) in 1 MB chunks and
 * hands each line to a callback: merges read gigabytes, and readline's per-line events and async iteration cost
 * more than the parse itself. k6 ends every line it writes with a newline, so a last line without one means the
 * file was cut (a killed run, an incomplete copy); it is reported as `unterminated`, never passed on as a line.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

export interface LineStats {
  lines: number;
  bytes: number;
  /** The start of a last line that had no newline (the file was cut mid-line), else null. */
  unterminated: string | null;
}

/** Calls onLine for every complete line; onLine returning false stops the read early (a head scan). */
export async function forEachK6Line(file: string, onLine: (line: string, lineNo: number) => boolean | void): Promise<LineStats> {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const input: AsyncIterable<Buffer> = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip({ chunkSize: 1 << 20 })) : raw;
  const decoder = new StringDecoder('utf8');
  const stats: LineStats = { lines: 0, bytes: 0, unterminated: null };
  let rest = '';
  for await (const chunk of input) {
    stats.bytes += chunk.length;
    const text = rest + decoder.write(chunk);
    let from = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl; // tolerate CRLF copies
      if (end > from) {
        if (onLine(text.slice(from, end), ++stats.lines) === false) {
          raw.destroy();
          return stats;
        }
      } else stats.lines++;
      from = nl + 1;
      nl = text.indexOf('\n', from);
    }
    rest = text.slice(from);
  }
  rest += decoder.end();
  if (rest.length > 0) stats.unterminated = rest.slice(0, 120);
  return stats;
}
