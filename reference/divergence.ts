/** The body of divergence-report.ts (imported after the tfjs resolve hook is installed). */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExplicitParameters, ModelConfig } from '../src/core/model';
import type { OptimiserConfig } from '../src/core/optimiser-config';
import { type StrategyName } from '../src/core/strategies';
import { createPoolBatcher, disposeBatch } from '../src/core/trainer/batch';
import { createTrainer, type GradientPath, type Trainer } from '../src/core/trainer/trainer';

interface Scenario {
  model: ModelConfig;
  parameters: { values: ExplicitParameters };
  data: { x: number[][]; rul: number[]; health: number[]; batchSize: number };
  strategy: { name: StrategyName; hyper?: Record<string, unknown> };
  optimiser: OptimiserConfig;
  steps: number;
}

interface ReferenceStep {
  losses: number[];
  gradNorms: number[];
  cosine: number;
  weights: number[];
  lastLayerNorms: number[];
  signSignatures: number[][];
}

const scaled = (actual: number, expected: number, floor: number): number =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);

/** The same [count of z > 0, Σ (i + 1) over those flat indices] per shared layer as reference/step.py. */
async function signSignatures(trainer: Trainer, features: tf.Tensor2D): Promise<number[][]> {
  const signatures: number[][] = [];
  let input: tf.Tensor2D = features;
  for (const layer of trainer.parameters.shared) {
    const preActivation = tf.add(tf.matMul(input, layer.weight as tf.Tensor2D), layer.bias) as tf.Tensor2D;
    const values = await preActivation.data();
    let count = 0;
    let indexSum = 0;
    values.forEach((value, i) => {
      if (value > 0) {
        count += 1;
        indexSum += i + 1;
      }
    });
    signatures.push([count, indexSum]);
    if (input !== features) input.dispose();
    input = tf.relu(preActivation);
    preActivation.dispose();
  }
  if (input !== features) input.dispose();
  return signatures;
}

export async function reportDivergence(path: GradientPath): Promise<void> {
  await tf.setBackend('cpu');
  const folder = join(process.cwd(), 'reference');
  for (const file of readdirSync(join(folder, 'scenarios')).sort()) {
    const scenario = JSON.parse(readFileSync(join(folder, 'scenarios', file), 'utf8')) as Scenario;
    const reference = (JSON.parse(readFileSync(join(folder, 'fixtures', file), 'utf8')) as { steps: ReferenceStep[] }).steps;
    const trainer = createTrainer({ model: scenario.model, parameters: scenario.parameters, strategy: scenario.strategy, optimiser: scenario.optimiser, path });
    const { x, rul, health, batchSize } = scenario.data;
    const batcher = createPoolBatcher({ x, rul, health, featureCount: scenario.model.inputSize }, batchSize);
    let losses = 0;
    let weights = 0;
    let smoothGradient = 0;
    let kinkGradient = 0;
    let flips = 0;
    for (let step = 1; step <= scenario.steps; step += 1) {
      const batch = batcher.batchForStep(step);
      const signatures = await signSignatures(trainer, batch.features);
      const record = await trainer.step(batch);
      disposeBatch(batch);
      const expected = reference[step - 1];
      losses = Math.max(losses, ...record.losses.map((v, k) => scaled(v, expected.losses[k], 1e-6)));
      weights = Math.max(weights, ...record.weights.map((v, k) => scaled(v, expected.weights[k], 1e-3)));
      // The cosine's error is absolute (inherited from the gradients' directions), hence floor 1.
      const gradient = Math.max(
        scaled(record.cosine, expected.cosine, 1),
        ...record.gradNorms.map((v, k) => scaled(v, expected.gradNorms[k], 1e-6)),
        ...record.lastLayerNorms.map((v, k) => scaled(v, expected.lastLayerNorms[k], 1e-6)),
      );
      if (JSON.stringify(signatures) === JSON.stringify(expected.signSignatures)) {
        smoothGradient = Math.max(smoothGradient, gradient);
      } else {
        flips += 1;
        kinkGradient = Math.max(kinkGradient, gradient);
      }
    }
    const e = (v: number): string => v.toExponential(1);
    console.log(
      `${file.padEnd(24)} losses ${e(losses)}  weights ${e(weights)}  gradient (same side) ${e(smoothGradient)}  ` +
        `kink flips ${flips} (worst ${e(kinkGradient)})`,
    );
    trainer.dispose();
    batcher.dispose();
  }
}
