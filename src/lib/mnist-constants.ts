/**
 * The shape of MNIST, one name per meaning. Imports nothing, so anything (a page, a widget, the
 * pipeline) can read these numbers without pulling in TensorFlow.js.
 */

/** Side of an MNIST image, in pixels: images are SIDE x SIDE. */
export const SIDE = 28;

/** Pixels per image, SIDE * SIDE: the models' inputs. */
export const PIXELS = SIDE * SIDE;

/** The digits 0-9: the models' outputs. */
export const CLASSES = 10;

/** A pixel of an MNIST image (uint8, 0-255) counts as inked at or above this gray level (half of full ink). */
export const INK_BYTE_THRESHOLD = 128;
