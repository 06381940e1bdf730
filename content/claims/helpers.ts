import { EDGE_REGION_OWNERS } from '../../src/experiment/regions';
import type { Check } from '../../src/lib/claims';
import type { Quantity } from '../../src/lib/quantity';

/** Shorthands the claim files share, so that each comparison reads like its sentence. */

export const accuracy = (variant: string): Quantity => ({ variant, metric: 'testAccuracy' });
export const edge = (variant: string, region: string, digit: number): Quantity => ({ variant, metric: 'edgeWeight', region, digit });
export const ownerLean = (variant: string): Quantity => ({ variant, metric: 'ownerEdgeWeight' });
export const inkers = (region: string, digit: number): Quantity => ({ metric: 'shareOfInkers', region, digit });
export const digitsExcept = (skip: number): number[] => Array.from({ length: 10 }, (_, d) => d).filter((d) => d !== skip);
export const all = (checks: Check[]): Check => ({ kind: 'all', checks });

/** `check` for every edge region and the digit that inks it most. */
export const everyRegion = (check: (region: string, owner: number) => Check): Check => all(EDGE_REGION_OWNERS.map(({ region, digit }) => check(region, digit)));

/** The network trained on all the images with the experiment's recipe (Keras's RMSprop). */
export const BIG = 'mlp-60k';
/** The same network trained on the first 500 images. */
export const SMALL = 'mlp-500';
/** The same network trained on digits moved at random. */
export const MOVED = 'mlp-60k-translated';
/** The network trained on all the images, once with each of the four optimizers, the experiment's own first. */
export const BIG_BY_OPTIMIZER = ['mlp-60k', 'mlp-60k-rmsprop-tfjs', 'mlp-60k-adam', 'mlp-60k-sgd'];
