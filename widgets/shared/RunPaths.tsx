/**
 * Which runs of a live lab train on the GPU-resident step and which on the fused path, and why: shown
 * under WebGPU only, where the answer differs from run to run and decides the speed.
 */
import { Fragment } from 'react';
import type { LabHandle } from '../../src/live/types';
import { MathText } from './MathLabel';

export function RunPaths({ lab }: { readonly lab: Pick<LabHandle, 'runPaths' | 'config' | 'backend'> }) {
  const entries = Object.entries(lab.runPaths);
  if (entries.length === 0 || lab.backend?.name !== 'webgpu') return null;
  const label = (runId: string) => lab.config?.runs.find((run) => run.id === runId)?.label ?? runId;
  const resident = entries.filter(([, path]) => path.path === 'gpuResident');
  // A resident run has a reason only when it was not the plain default (a stacked request, lab-runs.ts).
  const residentReasons = [...new Set(resident.flatMap(([, path]) => (path.reason ? [path.reason] : [])))];
  const others = entries.filter(([, path]) => path.path !== 'gpuResident');
  return (
    <ul className="ba-run-paths" data-testid="live-run-paths" aria-label="How each run trains">
      {resident.length > 0 && (
        <li data-path="gpuResident">
          GPU-resident step (whole steps on the GPU, one readback per frame):{' '}
          {resident.map(([runId], i) => (
            <Fragment key={runId}>
              {i > 0 && ', '}
              <MathText text={label(runId)} />
            </Fragment>
          ))}
          {residentReasons.length > 0 ? ` (${residentReasons.join('; ')})` : ''}
        </li>
      )}
      {others.map(([runId, path]) => (
        <li key={runId} data-path={path.path}>
          <MathText text={label(runId)} />: {path.path === 'stacked' ? 'stacked program' : 'fused path, one readback per step'}{path.reason ? ` (${path.reason})` : ''}
        </li>
      ))}
    </ul>
  );
}
