import { type Architecture, ARCHITECTURES } from '../experiment/networks';
import { CLASSES, PIXELS } from './mnist-constants';

/** Layer sizes from input to output, e.g. [784, 512, 256, 10]. */
export function layerSizes(architecture: Architecture): number[] {
  return [PIXELS, ...ARCHITECTURES[architecture].hidden, CLASSES];
}

/** The network's shape as the page writes it, e.g. "784-512-256-10". */
export function architectureShape(architecture: Architecture): string {
  return layerSizes(architecture).join('-');
}
