import * as tf from '@tensorflow/tfjs';

/**
 * TensorFlow.js's CPU backend prints a banner ("Hi, looks like you are running TensorFlow.js in
 * Node.js. To speed things up dramatically, install our node backend ...") the first time it
 * stores a tensor in Node: `MathBackendCPU.write` in tfjs-backend-cpu, through tfjs-core's `warn`,
 * which stays silent only while the PROD or IS_TEST flag is set. tfjs-node is optional here and the
 * pipeline says in one line which backend ran and why, so this makes that first store with PROD
 * set, then puts the flag back: the banner never prints, and every other TensorFlow.js warning
 * still does. Quiets the CPU backend instance the engine holds: activate it with
 * `tf.setBackend('cpu')` before or after, since a first tensor made with no active backend makes
 * tfjs create a new instance. Idempotent; does nothing where no CPU backend is registered.
 */
export function quietCpuBanner(): void {
  const backend = tf.findBackend('cpu');
  if (!backend) return;
  const prod = tf.env().getBool('PROD');
  tf.env().set('PROD', true);
  try {
    backend.disposeData(backend.write(new Float32Array(1), [1], 'float32'));
  } finally {
    tf.env().set('PROD', prod);
  }
}
