// Unit tests run TensorFlow.js on its CPU backend unless they choose another. Made the active
// backend here, then quieted: the CPU backend would print its tfjs-node banner once per test file
// (`quietCpuBanner` says where it comes from). Activating it first matters: a first tensor with no
// active backend makes tfjs create a fresh instance of the best backend, which would print again.
import * as tf from '@tensorflow/tfjs';
import { quietCpuBanner } from '../../scripts/quiet-cpu-banner';

await tf.setBackend('cpu');
quietCpuBanner();
