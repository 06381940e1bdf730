// Unit tests run TensorFlow.js on its CPU backend, which would print its tfjs-node banner once
// per test file (`quietCpuBanner` says where it comes from).
import { quietCpuBanner } from '../../scripts/quiet-cpu-banner';

quietCpuBanner();
