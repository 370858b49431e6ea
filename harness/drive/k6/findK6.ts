/*
 * Locates the k6 binary: K6_BIN when set (a path, or a name looked up on PATH), else `k6` on PATH.
 * Missing k6 is a configuration problem (SP_K6_MISSING, exit 2) whose message says how to fix it.
 */
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import { findOnPath } from '../../services/findOnPath.ts';

export const K6_INSTALL_URL = 'https://grafana.com/docs/k6/latest/set-up/install-k6/';

export async function findK6(k6Bin: string | undefined, pathVar: string | undefined): Promise<string> {
  if (k6Bin) {
    const found = await findOnPath(k6Bin, pathVar);
    if (found) return found;
    throw new ScaleproofError('SP_K6_MISSING', `K6_BIN=${k6Bin} is not an executable file; point K6_BIN at the k6 binary or unset it to use k6 from PATH (install: ${K6_INSTALL_URL})`, { k6Bin });
  }
  const found = await findOnPath('k6', pathVar);
  if (found) return found;
  throw new ScaleproofError('SP_K6_MISSING', `k6 not found on PATH; install k6 from ${K6_INSTALL_URL} or set K6_BIN to its path (or use --driver autocannon)`, {});
}
