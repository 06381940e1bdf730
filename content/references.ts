/**
 * The article's sources, in the order the text first cites them (the numbers follow this order).
 * `<Cite id>` in the article links to an entry; `<References />` lists them all. Every URL was
 * checked against the publisher's or repository's own address; nothing here is loaded by the page.
 */
export interface Reference {
  id: string;
  authors: string;
  year: string;
  title: string;
  /** Where it appeared: journal, proceedings, course, repository. */
  venue: string;
  url: string;
}

export const REFERENCES: readonly Reference[] = [
  {
    id: 'original',
    authors: 'J. Garbus (jarbus)',
    year: '2018',
    title: 'Visualization of a Basic Neural Network in Python',
    venue: 'first published on Medium; the notebook, text and pictures are in the GitHub repository jarbus/keras-visualization',
    url: 'https://github.com/jarbus/keras-visualization',
  },
  {
    id: 'mnist',
    authors: 'Y. LeCun, L. Bottou, Y. Bengio and P. Haffner',
    year: '1998',
    title: 'Gradient-based learning applied to document recognition',
    venue: 'Proceedings of the IEEE 86(11), 2278–2324',
    url: 'https://doi.org/10.1109/5.726791',
  },
  {
    id: 'rmsprop',
    authors: 'T. Tieleman and G. Hinton',
    year: '2012',
    title: 'Lecture 6.5 — RMSprop: divide the gradient by a running average of its recent magnitude',
    venue: 'Coursera, Neural Networks for Machine Learning (slides)',
    url: 'https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf',
  },
  {
    id: 'keras-rmsprop',
    authors: 'Keras contributors',
    year: '2018',
    title: 'RMSprop in keras/optimizers.py, Keras 2.2.4',
    venue: 'GitHub, keras-team/keras',
    url: 'https://github.com/keras-team/keras/blob/2.2.4/keras/optimizers.py',
  },
  {
    id: 'glorot',
    authors: 'X. Glorot and Y. Bengio',
    year: '2010',
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    venue: 'Proceedings of AISTATS 2010, PMLR 9, 249–256',
    url: 'https://proceedings.mlr.press/v9/glorot10a.html',
  },
  {
    id: 'tfjs-rmsprop',
    authors: 'TensorFlow.js contributors',
    year: '2024',
    title: 'RMSPropOptimizer in tfjs-core/src/optimizers/rmsprop_optimizer.ts, TensorFlow.js 4.22.0',
    venue: 'GitHub, tensorflow/tfjs',
    url: 'https://github.com/tensorflow/tfjs/blob/tfjs-v4.22.0/tfjs-core/src/optimizers/rmsprop_optimizer.ts',
  },
  {
    id: 'adam',
    authors: 'D. P. Kingma and J. Ba',
    year: '2015',
    title: 'Adam: a method for stochastic optimization',
    venue: 'International Conference on Learning Representations (ICLR); arXiv:1412.6980',
    url: 'https://arxiv.org/abs/1412.6980',
  },
  {
    id: 'shortcut-learning',
    authors: 'R. Geirhos, J.-H. Jacobsen, C. Michaelis, R. Zemel, W. Brendel, M. Bethge and F. A. Wichmann',
    year: '2020',
    title: 'Shortcut learning in deep neural networks',
    venue: 'Nature Machine Intelligence 2, 665–673',
    url: 'https://doi.org/10.1038/s42256-020-00257-z',
  },
  {
    id: 'feature-visualization',
    authors: 'C. Olah, A. Mordvintsev and L. Schubert',
    year: '2017',
    title: 'Feature Visualization',
    venue: 'Distill',
    url: 'https://distill.pub/2017/feature-visualization/',
  },
];

/** The reference with this id and its number (1-based); throws naming the ids that exist. */
export function referenceOf(id: string): { ref: Reference; n: number } {
  const i = REFERENCES.findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`content/references.ts has no reference "${id}" (it has ${REFERENCES.map((r) => r.id).join(', ')})`);
  return { ref: REFERENCES[i], n: i + 1 };
}
