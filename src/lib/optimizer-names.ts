/** Kept for src/live and src/components/live until they import src/experiment/optimizers themselves. */
export * from '../experiment/optimizers';
