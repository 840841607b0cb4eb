// Node module hook (installed by tfjs-setup.ts). tfjs-core's ESM build imports '…/gradients', which
// names both gradients.js and a gradients/ folder; Node's ESM resolver refuses the folder, so point
// such imports at the file. Bundlers (Vite, Vitest) resolve it themselves and never load this hook.
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (specifier.startsWith('.') && parent?.includes('/@tensorflow/tfjs-core/dist/')) {
    const target = new URL(specifier, parent);
    if (target.pathname.endsWith('/@tensorflow/tfjs-core/dist/gradients')) {
      return nextResolve(`${target.href}.js`, context);
    }
  }
  return nextResolve(specifier, context);
}
