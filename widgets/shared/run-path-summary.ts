/**
 * How a live lab's runs train, in a word or two for a status line: the path every run takes, or a
 * count per path when they differ. Read from the lab's own paths (src/core/lab/lab-runs.ts decides),
 * so a stacked request that trains as GPU-resident runs on webgpu says so.
 */
import type { LabRunPath } from '../../src/live/types';

const WORDS: Readonly<Record<LabRunPath['path'], string>> = { gpuResident: 'GPU-resident', fused: 'fused', stacked: 'stacked' };

/** "stacked", "GPU-resident", "4 GPU-resident, 3 fused"; null before the lab has said. */
export function runPathSummary(paths: Readonly<Record<string, LabRunPath>>): string | null {
  const counts = new Map<LabRunPath['path'], number>();
  for (const { path } of Object.values(paths)) counts.set(path, (counts.get(path) ?? 0) + 1);
  if (counts.size === 0) return null;
  if (counts.size === 1) return WORDS[[...counts.keys()][0]];
  return [...counts].map(([path, count]) => `${count} ${WORDS[path]}`).join(', ');
}
