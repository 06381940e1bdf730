/**
 * Where the figure pipeline writes, relative to the project root: the pipeline's default output,
 * what the site reads at build time and serves as /generated/, and what the tests read.
 */
export const GENERATED_DIR = 'public/generated';

/** The manifest the pipeline writes there, relative to the project root. */
export const GENERATED_MANIFEST = `${GENERATED_DIR}/manifest.json`;
