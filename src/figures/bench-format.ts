/** The marker after a recorded speed figure: which bench, on what machine, under what load. */
import type { BenchRun } from './bench-types';

const load = (value: number) => value.toFixed(1);

/** "measured speed: bench:step, 2 cores, load 0.9–2.3, Chromium, wasm, no GPU" ('measured here' for bench:fd001's scores). */
export function describeBenchRun(run: BenchRun): string {
  const script = /npm run (bench:[\w-]+)/.exec(run.command)?.[1] ?? run.command;
  const software = run.gpu.webgpuAdapter !== null && /swiftshader/i.test(run.gpu.webgpuAdapter);
  const gpu = run.gpu.present ? 'GPU present' : software ? 'no GPU (WebGPU on SwiftShader)' : 'no GPU';
  const parts = [
    script,
    `${run.machine.logicalCores} cores`,
    `load ${load(run.machine.loadStart[0])}–${load(run.machine.loadEnd[0])}`,
    run.browser === null ? 'Node' : 'Chromium',
    run.backends.join(' + '),
    gpu,
  ];
  return `${run.measures === undefined ? 'measured speed' : 'measured here'}: ${parts.join(', ')}`;
}

/** The tooltip: everything else the run recorded. */
export function benchRunTitle(run: BenchRun): string {
  const versions = [run.browser && `Chromium ${run.browser}`, `tfjs ${run.tfjs}`, run.torch && `PyTorch ${run.torch}`, `Node ${run.node}`].filter(Boolean).join(', ');
  return `${run.what}; ${run.machine.cpuModel}, ${run.machine.logicalCores} logical cores; load (1/5/15 min) ${run.machine.loadStart.join(' ')} at start, ${run.machine.loadEnd.join(' ')} at end; ${versions}; commit ${run.commit}, ${run.generatedAt}; ${run.command}`;
}
