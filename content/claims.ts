import type { Check, Claim } from '../src/lib/claims';
import { BEHAVIOUR_CLAIMS } from './claims/behaviour';
import { EFFECTIVE_CLAIMS } from './claims/effective';
import { accuracy, all, BIG_BY_OPTIMIZER, digitsExcept, edge, everyRegion, inkers, ownerLean } from './claims/helpers';

/**
 * Every comparison the article makes in words, written down once. The build checks each on every
 * seed of the variants it names and prints any that fail; a browser test fails on them. In the
 * article, the words that make a comparison are wrapped in `<Claim id="…">`.
 */

const ownsRegion = (region: string, digit: number): Check => ({
  kind: 'largest',
  quantity: inkers(region, digit),
  among: digitsExcept(digit).map((d) => inkers(region, d)),
});

const STUDY_60K = ['mlp-60k-rmsprop-tfjs', 'mlp-60k-adam', 'mlp-60k-sgd'];

export const CLAIMS: Claim[] = [
  {
    id: 'big-mlp-most-accurate',
    says: 'the network trained on all the images is the most accurate of the three models',
    check: { kind: 'largest', quantity: accuracy('mlp-60k'), among: [accuracy('mlp-500'), accuracy('linear-60k')] },
  },
  {
    id: 'more-data-more-accuracy',
    says: 'trained on all the images, the network gains more than ten points of accuracy',
    check: { kind: 'greater', left: accuracy('mlp-60k'), right: accuracy('mlp-500'), margin: 0.1 },
  },
  { id: 'bottom-left-owners', says: 'the bottom-left strip is inked by 7s more than by any other digit', check: ownsRegion('bottom-left', 7) },
  { id: 'bottom-right-owner', says: 'the bottom-right corner is inked by 9s more than by any other digit', check: ownsRegion('bottom-right', 9) },
  {
    id: 'owners-majority',
    says: 'each edge region is inked mostly by one digit: its owner makes up more than half of the images that ink it',
    check: everyRegion((region, owner) => ({ kind: 'greater', left: inkers(region, owner), right: 0.5 })),
  },
  { id: 'top-owner', says: 'the top strip belongs to the 6s', check: ownsRegion('top', 6) },
  {
    id: 'both-use-edges',
    says: 'both multi-layer networks weight each region above average in its owner’s image',
    check: {
      kind: 'all',
      checks: ['mlp-500', 'mlp-60k'].map((v) => everyRegion((region, owner) => ({ kind: 'greater', left: edge(v, region, owner), right: 0 }))),
    },
  },
  {
    id: 'big-leans-harder',
    says: 'the network trained on all the images leans harder on every edge region than the one trained on 500',
    check: everyRegion((region, owner) => ({ kind: 'greater', left: edge('mlp-60k', region, owner), right: edge('mlp-500', region, owner) })),
  },
  {
    id: 'owners-strongest',
    says: 'in each region, the 60k network’s image of the owner weights it more than its other nine images',
    check: everyRegion((region, owner) => ({
      kind: 'largest',
      quantity: edge('mlp-60k', region, owner),
      among: digitsExcept(owner).map((d) => edge('mlp-60k', region, d)),
    })),
  },
  {
    id: 'optimizers-all-accurate',
    says: 'all four optimizers reach about the same accuracy (within two points of Keras’s RMSprop)',
    check: { kind: 'all', checks: STUDY_60K.map((v) => ({ kind: 'near', left: accuracy(v), right: accuracy('mlp-60k'), tolerance: 0.02 })) },
  },
  {
    id: 'keras-beats-tfjs',
    says: 'in every region the owner’s image leans harder with Keras’s RMSprop than with TensorFlow.js’s',
    check: everyRegion((region, owner) => ({ kind: 'greater', left: edge('mlp-60k', region, owner), right: edge('mlp-60k-rmsprop-tfjs', region, owner) })),
  },
  {
    id: 'adaptive-beats-sgd',
    says: 'in every region the owner’s image leans harder with Keras’s RMSprop and with Adam than with SGD',
    check: {
      kind: 'all',
      checks: ['mlp-60k', 'mlp-60k-adam'].map((v) =>
        everyRegion((region, owner) => ({ kind: 'greater', left: edge(v, region, owner), right: edge('mlp-60k-sgd', region, owner) })),
      ),
    },
  },
  {
    id: 'sgd-still-leans',
    says: 'even with SGD the owners’ images weight their regions above their own average',
    check: everyRegion((region, owner) => ({ kind: 'greater', left: edge('mlp-60k-sgd', region, owner), right: 0 })),
  },
  {
    id: 'keras-multiplies-lean',
    says: 'the mean lean on the owners’ regions is more than three times as strong with Keras’s RMSprop as with SGD, on every run',
    check: { kind: 'greater', left: ownerLean('mlp-60k'), right: ownerLean('mlp-60k-sgd'), factor: 3 },
  },
  {
    id: 'small-keras-beats-sgd',
    says: 'for the network trained on 500 images, Keras’s RMSprop leans on the owners’ regions more than SGD',
    check: { kind: 'greater', left: ownerLean('mlp-500'), right: ownerLean('mlp-500-sgd') },
  },
  {
    id: 'others-give-bottom-left-to-9',
    says: 'with TensorFlow.js’s RMSprop, Adam and SGD, the 9’s image weights the bottom-left strip more than the 7’s does',
    check: all(BIG_BY_OPTIMIZER.filter((v) => v !== 'mlp-60k').map((v) => ({ kind: 'greater', left: edge(v, 'bottom-left', 9), right: edge(v, 'bottom-left', 7) }))),
  },
  {
    id: 'sgd-faintest-lean',
    says: 'the network trained with SGD has the weakest mean lean on the owners’ regions of the four optimizers',
    check: all(BIG_BY_OPTIMIZER.filter((v) => v !== 'mlp-60k-sgd').map((v) => ({ kind: 'greater', left: ownerLean(v), right: ownerLean('mlp-60k-sgd') }))),
  },
  {
    id: 'linear-leans-too',
    says: 'the model with no hidden layers weights each region above average in its owner’s template',
    check: everyRegion((region, owner) => ({ kind: 'greater', left: edge('linear-60k', region, owner), right: 0 })),
  },
  {
    id: 'linear-beats-small-mlp',
    says: 'the model with no hidden layers is more accurate than the network trained on 500 images',
    check: { kind: 'greater', left: accuracy('linear-60k'), right: accuracy('mlp-500') },
  },
  {
    id: 'hidden-layers-beat-linear',
    says: 'the hidden layers bought some accuracy over the model with none',
    check: { kind: 'greater', left: accuracy('mlp-60k'), right: accuracy('linear-60k') },
  },
  ...EFFECTIVE_CLAIMS,
  ...BEHAVIOUR_CLAIMS,
];
