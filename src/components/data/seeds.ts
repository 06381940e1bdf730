/** The spread of a per-seed value lives with the one reader of quantities, in `src/lib/quantity.ts`. */
export { type Spread, spreadOver } from '../../lib/quantity';
