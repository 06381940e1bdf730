import type { BehaviourMetric } from '../../src/lib/behaviour-values';
import type { Check, Claim } from '../../src/lib/claims';
import type { Quantity } from '../../src/lib/quantity';
import { all, BIG, BIG_BY_OPTIMIZER, everyRegion, MOVED } from './helpers';

/**
 * The comparisons that "Does the network act on the edges?" and the sentences about behaviour
 * elsewhere state in words. Each is read per seed from `seeds[].behaviour` (src/lib/behaviour.ts):
 * erase a region in its owner's images, plant ink in it in the other digits', move the whole test set.
 */

const b = (variant: string, metric: BehaviourMetric): Quantity => ({ variant, ...metric });
const shift = (variant: string, axis: 'rows' | 'columns', offset: number, digit?: number): Quantity =>
  b(variant, { metric: 'shiftAccuracy', axis, offset, ...(digit === undefined ? {} : { digit }) });
/** Every shift of `pixels` up, down, left and right. */
const everyWay = (pixels: number, check: (axis: 'rows' | 'columns', offset: number) => Check): Check =>
  all((['rows', 'columns'] as const).flatMap((axis) => [-pixels, pixels].map((offset) => check(axis, offset))));

const erase = (variant: string, region: string, metric: 'ownerAccuracy' | 'erasedAccuracy'): Quantity => b(variant, { metric, region });
/** Two pixels towards the region a digit owns: the 7 and the 9 down, the 6 up. */
const TOWARDS = [
  { digit: 7, offset: 2 },
  { digit: 9, offset: 2 },
  { digit: 6, offset: -2 },
];

export const BEHAVIOUR_CLAIMS: Claim[] = [
  {
    id: 'erase-7-6-unchanged',
    says: 'erasing the bottom-left strip from the 7s that ink it, or the top strip from such 6s, changes the 60k network’s accuracy on them by less than a point',
    check: all(
      ['bottom-left', 'top'].map((region) => ({
        kind: 'near',
        left: erase(BIG, region, 'ownerAccuracy'),
        right: erase(BIG, region, 'erasedAccuracy'),
        tolerance: 0.01,
      })),
    ),
  },
  {
    id: 'erase-9-small-loss',
    says: 'erasing the bottom-right corner from the 9s that ink it costs the 60k network less than five points on them',
    check: { kind: 'near', left: erase(BIG, 'bottom-right', 'ownerAccuracy'), right: erase(BIG, 'bottom-right', 'erasedAccuracy'), tolerance: 0.05 },
  },
  {
    id: 'erase-all-unchanged',
    says: 'with all three regions erased from every test image, each 60k network’s accuracy moves by less than half a point',
    check: all(
      [...BIG_BY_OPTIMIZER, MOVED].map((v) => ({
        kind: 'near',
        left: b(v, { metric: 'erasedAllAccuracy' }),
        right: { variant: v, metric: 'testAccuracy' },
        tolerance: 0.005,
      })),
    ),
  },
  {
    id: 'plant-rarely-flips',
    says: 'planted ink turns fewer than one in twenty of the other digits into the region’s owner, for the 60k network',
    check: everyRegion((region) => ({ kind: 'less', left: b(BIG, { metric: 'flipShare', region }), right: 0.05 })),
  },
  {
    id: 'plant-nudges-owner',
    says: 'planted ink raises the owner’s probability on average, in every region, for the 60k network',
    check: everyRegion((region) => ({ kind: 'greater', left: b(BIG, { metric: 'probabilityChange', region }), right: 0 })),
  },
  {
    id: 'plant-keras-over-sgd-tfjs',
    says: 'planted ink flips more images with Keras’s RMSprop than with SGD or TensorFlow.js’s RMSprop, in every region',
    check: all(
      ['mlp-60k-sgd', 'mlp-60k-rmsprop-tfjs'].map((other) =>
        everyRegion((region) => ({ kind: 'greater', left: b(BIG, { metric: 'flipShare', region }), right: b(other, { metric: 'flipShare', region }) })),
      ),
    ),
  },
  {
    id: 'shift-two-costs',
    says: 'moved two pixels in any direction, the 60k network loses more than five points of accuracy',
    check: everyWay(2, (axis, offset) => ({ kind: 'greater', left: shift(BIG, axis, 0), right: shift(BIG, axis, offset), margin: 0.05 })),
  },
  {
    id: 'shift-three-costs',
    says: 'moved three pixels in any direction, the 60k network gets fewer than seven in ten right',
    check: everyWay(3, (axis, offset) => ({ kind: 'less', left: shift(BIG, axis, offset), right: 0.7 })),
  },
  {
    id: 'shift-costs-more-than-erase',
    says: 'moving the digits two pixels costs the 60k network over five points more than erasing all three regions does',
    check: everyWay(2, (axis, offset) => ({ kind: 'greater', left: b(BIG, { metric: 'erasedAllAccuracy' }), right: shift(BIG, axis, offset), margin: 0.05 })),
  },
  {
    id: 'nine-moved-either-way',
    says: 'the 60k network reads 9s moved two rows up, and 9s moved two rows down, at least ten points worse than unmoved 9s',
    check: all([-2, 2].map((offset) => ({ kind: 'greater', left: shift(BIG, 'rows', 0, 9), right: shift(BIG, 'rows', offset, 9), margin: 0.1 }))),
  },
  {
    id: 'seven-up-six-down',
    says: 'the 60k network loses more 7s moved up than moved down, and more 6s moved down than moved up, by two and by three rows',
    check: all(
      [2, 3].flatMap((k) => [
        { kind: 'greater', left: shift(BIG, 'rows', k, 7), right: shift(BIG, 'rows', -k, 7) },
        { kind: 'greater', left: shift(BIG, 'rows', -k, 6), right: shift(BIG, 'rows', k, 6) },
      ]),
    ),
  },
  {
    id: 'lean-helps-towards-edge',
    says: 'moved two rows towards its region (7 and 9 down, 6 up), each owner is read better by the Keras-RMSprop network than by the SGD one',
    check: all(TOWARDS.map(({ digit, offset }) => ({ kind: 'greater', left: shift(BIG, 'rows', offset, digit), right: shift('mlp-60k-sgd', 'rows', offset, digit) }))),
  },
  {
    id: 'sgd-most-fragile',
    says: 'moved two pixels in any direction, the SGD network is the least accurate of the four optimizers',
    check: everyWay(2, (axis, offset) =>
      all(BIG_BY_OPTIMIZER.filter((v) => v !== 'mlp-60k-sgd').map((v) => ({ kind: 'greater', left: shift(v, axis, offset), right: shift('mlp-60k-sgd', axis, offset) }))),
    ),
  },
  {
    id: 'moved-training-robust',
    says: 'trained on moved digits, the network beats the original by more than five points on digits moved two pixels, in every direction',
    check: everyWay(2, (axis, offset) => ({ kind: 'greater', left: shift(MOVED, axis, offset), right: shift(BIG, axis, offset), margin: 0.05 })),
  },
  {
    id: 'moved-training-free',
    says: 'training on moved digits costs less than a point of accuracy on the unmoved test set',
    check: { kind: 'near', left: { variant: MOVED, metric: 'testAccuracy' }, right: { variant: BIG, metric: 'testAccuracy' }, tolerance: 0.01 },
  },
  {
    id: 'moved-training-smoother-layer2',
    says: 'the second-layer images of the network trained on moved digits are smoother: neighbouring pixels in them agree more than in the original’s',
    check: { kind: 'greater', left: { variant: MOVED, metric: 'layer2Smoothness' }, right: { variant: BIG, metric: 'layer2Smoothness' } },
  },
  {
    id: 'moved-training-keeps-edges',
    says: 'the network trained on moved digits leans on the top strip harder than the original: its 6 weights it more',
    check: { kind: 'greater', left: { variant: MOVED, metric: 'edgeWeight', region: 'top', digit: 6 }, right: { variant: BIG, metric: 'edgeWeight', region: 'top', digit: 6 } },
  },
  {
    id: 'moved-training-bottom-less',
    says: 'on the two bottom regions the network trained on moved digits leans less than the original: its 7 on the bottom-left strip, its 9 on the bottom-right corner',
    check: all(
      [
        { region: 'bottom-left', digit: 7 },
        { region: 'bottom-right', digit: 9 },
      ].map(({ region, digit }) => ({
        kind: 'less',
        left: { variant: MOVED, metric: 'edgeWeight', region, digit },
        right: { variant: BIG, metric: 'edgeWeight', region, digit },
      })),
    ),
  },
  {
    id: 'moved-training-recovers',
    says: 'training on moved digits wins back more than nine tenths of what a two-pixel move costs the original, in every direction',
    check: everyWay(2, (axis, offset) => ({ kind: 'recovers', recovered: shift(MOVED, axis, offset), hurt: shift(BIG, axis, offset), intact: shift(BIG, axis, 0), share: 0.9 })),
  },
  {
    id: 'moved-training-plant-top',
    says: 'ink planted in the top strip turns more images into 6s for the network trained on moved digits than for the original',
    check: { kind: 'greater', left: b(MOVED, { metric: 'flipShare', region: 'top' }), right: b(BIG, { metric: 'flipShare', region: 'top' }) },
  },
];
