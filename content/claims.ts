import type { Claim, Quantity } from '../src/lib/claims';

/**
 * Every comparison the article makes in words, written down once. The build checks each on every
 * seed of the variants it names and prints any that fail; a browser test fails on them. In the
 * article, the words that make a comparison are wrapped in `<Claim id="…">`.
 */

const accuracy = (variant: string): Quantity => ({ variant, metric: 'testAccuracy' });
const edge = (variant: string, region: string, digit: number): Quantity => ({ variant, metric: 'edgeWeight', region, digit });
const inkers = (region: string, digit: number): Quantity => ({ metric: 'shareOfInkers', region, digit });
const digitsExcept = (...skip: number[]) => Array.from({ length: 10 }, (_, d) => d).filter((d) => !skip.includes(d));

export const CLAIMS: Claim[] = [
  {
    id: 'more-data-more-accuracy',
    says: 'Train the same network on all 60,000 images and accuracy jumps',
    check: { kind: 'greater', left: accuracy('mlp-60k'), right: accuracy('mlp-500'), margin: 0.1 },
  },
  {
    id: 'hidden-layers-beat-linear',
    says: 'the hidden layers bought some accuracy over the model with none',
    check: { kind: 'greater', left: accuracy('mlp-60k'), right: accuracy('linear-60k') },
  },
  {
    id: 'linear-beats-small-mlp',
    says: 'the model with no hidden layers beats the network trained on 500 images',
    check: { kind: 'greater', left: accuracy('linear-60k'), right: accuracy('mlp-500') },
  },
  {
    id: 'bottom-left-owners',
    says: 'the bottom-left strip is inked mostly by 7s, then 9s',
    check: { kind: 'largest', quantity: inkers('bottom-left', 7), among: digitsExcept(7).map((d) => inkers('bottom-left', d)) },
  },
  {
    id: 'bottom-left-runner-up',
    says: 'the runner-up in the bottom-left strip is 9',
    check: { kind: 'largest', quantity: inkers('bottom-left', 9), among: digitsExcept(7, 9).map((d) => inkers('bottom-left', d)) },
  },
  {
    id: 'bottom-right-owner',
    says: 'the bottom-right corner is inked mostly by 9s',
    check: { kind: 'largest', quantity: inkers('bottom-right', 9), among: digitsExcept(9).map((d) => inkers('bottom-right', d)) },
  },
  {
    id: 'top-owner',
    says: 'the top strip belongs to the 6s',
    check: { kind: 'largest', quantity: inkers('top', 6), among: digitsExcept(6).map((d) => inkers('top', d)) },
  },
  {
    id: 'big-leans-bottom-right-9',
    says: 'its 9 image weights the bottom-right corner more than the network trained on 500 images',
    check: { kind: 'greater', left: edge('mlp-60k', 'bottom-right', 9), right: edge('mlp-500', 'bottom-right', 9) },
  },
  {
    id: 'big-leans-top-6',
    says: 'its 6 image weights the top strip more than the network trained on 500 images',
    check: { kind: 'greater', left: edge('mlp-60k', 'top', 6), right: edge('mlp-500', 'top', 6) },
  },
];
