import { z } from 'zod';
import { OPTIMIZER_NAMES } from '../experiment/optimizers';

/**
 * The manifest the figure pipeline writes to public/generated/manifest.json and the site reads.
 * Every path in it is relative to the manifest's folder.
 */

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be a path inside the generated folder');

const fraction = z.number().min(0).max(1);

export const sheetSchema = z.object({
  /** How values became colours: per-tile gray, signed diverging map, ink share, or raw digits. */
  display: z.enum(['minmax', 'signed', 'share', 'digits']),
  path: relativePath,
  tiles: z.number().int().positive(),
  columns: z.number().int().positive(),
  rows: z.number().int().positive(),
  tileSize: z.number().int().positive(),
  scale: z.number().int().positive(),
  gap: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** For `signed`: the absolute value that maps to the ends of the colour map. */
  valueScale: z.number().nonnegative().optional(),
});

export const epochSchema = z.object({
  epoch: z.number().int().nonnegative(),
  loss: z.number(),
  accuracy: fraction,
  testLoss: z.number(),
  testAccuracy: fraction,
  seconds: z.number().nonnegative(),
});

export const layerSchema = z.object({
  /** 1-based position among the Dense layers. */
  index: z.number().int().positive(),
  name: z.string(),
  nodes: z.number().int().positive(),
  /** The product whose transpose gives the images, e.g. "W1·W2". */
  composition: z.string(),
  /** Little-endian float32, row-major [nodes, 784]. */
  composed: relativePath,
  min: z.number(),
  max: z.number(),
  sheets: z.array(sheetSchema).min(1),
});

export const trainingConfigSchema = z.object({
  optimizer: z.enum(OPTIMIZER_NAMES),
  learningRate: z.number().positive(),
  batchSize: z.number().int().positive(),
  epochs: z.number().int().positive(),
  seed: z.number().int(),
  /** Trained on moved digits: each digit drawn shifted up to this many rows and columns. */
  maxShift: z.number().int().nonnegative().optional(),
});

export const backendSchema = z.object({
  name: z.string(),
  reason: z.string(),
});

const edgeWeightsSchema = z.array(z.object({ region: z.string(), zScore: z.array(z.number()).length(10) }));
const cosineSchema = z.number().min(-1).max(1);

/**
 * What the ReLU network really uses (`mlp` variants): the mean effective template of each digit,
 * the average over its test images of the logit's Jacobian (W1·W2·W3 with the silent hidden nodes
 * taken out), against the composed image. Sheets are signed on one shared scale per pair.
 */
export const effectiveSchema = z.object({
  /** Little-endian float32 [10, 784]: mean effective templates of the figure seed. */
  path: relativePath,
  /** Per digit, cosine similarity of the composed output image and the mean effective template. */
  cosine: z.array(cosineSchema).length(10),
  /** Per digit, the mean effective template's length over the composed image's (1: as strong). */
  strength: z.array(z.number().nonnegative()).length(10),
  testCount: z.number().int().positive(),
  composedSheet: sheetSchema,
  effectiveSheet: sheetSchema,
  /** As `edgeWeights`, on the mean effective templates. */
  edgeWeights: edgeWeightsSchema,
  /** A few layer-2 nodes: composed image (W1·W2 column) against the mean over all test images of its effective picture. */
  nodes: z.object({
    /** 0-based node numbers: the layer's strongest composed images. */
    nodes: z.array(z.number().int().nonnegative()).min(1),
    cosine: z.array(cosineSchema),
    strength: z.array(z.number().nonnegative()),
    /** Mean cosine and mean strength over every node of layer 2. */
    meanCosine: cosineSchema,
    meanStrength: z.number().nonnegative(),
    /** Little-endian float32 [nodes, 784]. */
    path: relativePath,
    composedSheet: sheetSchema,
    effectiveSheet: sheetSchema,
  }),
});

/** Per-seed measurements the seed loop can add to each of its entries (see `effectiveSeedMeasures`). */
export const seedEffectiveFields = {
  effectiveCosine: z.array(cosineSchema).length(10).optional(),
  effectiveStrength: z.array(z.number().nonnegative()).length(10).optional(),
  effectiveEdgeWeights: edgeWeightsSchema.optional(),
};

const digitSchema = z.number().int().min(0).max(9);
const shiftEntrySchema = z.object({
  /** Rows (positive: down) or columns (positive: right) the whole test set was moved. */
  offset: z.number().int(),
  accuracy: fraction,
  perClassAccuracy: z.array(fraction).length(10),
});

/**
 * What the network does when its input changes (see `src/lib/behaviour.ts`), for each edge region
 * and its owner digit: erase the region, plant ink in it, and move the whole test set.
 */
export const behaviourSchema = z.object({
  erase: z
    .array(
      z
        .object({
          region: z.string(),
          digit: digitSchema,
          /** The owner's test images that ink the region (by the ink threshold). */
          inked: z.number().int().nonnegative(),
          /** Their accuracy as they are, and with the region's pixels set to 0; null when `inked` is 0. */
          accuracy: fraction.nullable(),
          erasedAccuracy: fraction.nullable(),
        })
        .refine((e) => (e.inked === 0) === (e.accuracy === null) && (e.inked === 0) === (e.erasedAccuracy === null), {
          message: 'accuracy and erasedAccuracy must be null exactly when no image inks the region (inked 0)',
        }),
    )
    .min(1),
  /** Accuracy on every test image with every region set to 0. */
  erasedAllAccuracy: fraction,
  plant: z
    .array(
      z.object({
        region: z.string(),
        digit: digitSchema,
        /** Of the other nine digits' test images, the share whose guess became `digit` when it was not before. */
        flipShare: fraction,
        /** Mean change in the softmax probability of `digit` over those images. */
        meanProbabilityChange: z.number().min(-1).max(1),
      }),
    )
    .min(1),
  shift: z.object({ rows: z.array(shiftEntrySchema).min(1), columns: z.array(shiftEntrySchema).min(1) }),
});

/** For the tile viewer (`mlp` variants): each hidden node's strongest training digits. */
export const topDigitsSchema = z.object({
  /** Digits per node. */
  k: z.number().int().positive(),
  /** How many digits of the browser training shard were searched (its first `searched`). */
  searched: z.number().int().positive(),
  /**
   * Little-endian uint16 [Σ nodes, k], layer 1's nodes then layer 2's, strongest first: tiles of
   * `sprite`; 65535 where fewer than k digits activate the node at all. Then uint8 labels [sprite tiles].
   */
  path: relativePath,
  bytes: z.number().int().positive(),
  /** The distinct digits referenced, gray. */
  sprite: sheetSchema,
  layers: z.array(z.object({ index: z.number().int().positive(), nodes: z.number().int().positive() })).min(1),
});

/** One training run of a variant: what the claims in the text are checked against. */
export const seedRunSchema = z.object({
  seed: z.number().int(),
  testAccuracy: fraction,
  testLoss: z.number().nonnegative(),
  perClassAccuracy: z.array(fraction).length(10),
  edgeWeights: edgeWeightsSchema,
  /** Little-endian float32 [10, 784]: this run's composed output images. */
  outputImages: relativePath,
  trainingSeconds: z.number().nonnegative(),
  /** Multi-layer variants: cosine and strength of the mean effective templates, and their edge weights. */
  ...seedEffectiveFields,
  /** Multi-layer variants: the mean neighbour correlation of the composed layer-2 images (`neighbour-correlation.ts`). */
  layer2Smoothness: z.number().min(-1).max(1).optional(),
  /** The behaviour tests (experiment variants and the 60k study variants), and the seconds they took. */
  behaviour: behaviourSchema.optional(),
  behaviourSeconds: z.number().nonnegative().optional(),
});

export const variantSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** `experiment`: the original's models, every figure; `study`: another optimizer, output images only. */
  role: z.enum(['experiment', 'study']),
  /** For a study variant, the experiment variant it retrains; else its own id. */
  base: z.string(),
  architecture: z.enum(['mlp', 'linear']),
  title: z.string(),
  layerSizes: z.array(z.number().int().positive()).min(2),
  trainCount: z.number().int().positive(),
  config: trainingConfigSchema,
  testAccuracy: fraction,
  testLoss: z.number().nonnegative(),
  /** Accuracy on the test images of each digit 0-9. */
  perClassAccuracy: z.array(fraction).length(10),
  history: z.array(epochSchema).min(1),
  trainingSeconds: z.number().nonnegative(),
  samplesPerSecond: z.number().nonnegative(),
  backend: z.string(),
  /** The model.json of the trained model (figure seed), TensorFlow.js layers format; experiment variants only. */
  model: relativePath.optional(),
  layers: z.array(layerSchema).min(1),
  /**
   * For each edge region of `ink.regions`, how strongly each output image (digit 0-9) weights
   * it: mean z-score of the composed output tile over the region's pixels.
   */
  edgeWeights: edgeWeightsSchema,
  /** Every seed trained, the figure seed (whose numbers are the ones above) first. */
  seeds: z.array(seedRunSchema).min(1),
  effective: effectiveSchema.optional(),
  topDigits: topDigitsSchema.optional(),
});

export const regionSchema = z.object({
  id: z.string(),
  label: z.string(),
  top: z.number().int().min(0).max(28),
  bottom: z.number().int().min(0).max(28),
  left: z.number().int().min(0).max(28),
  right: z.number().int().min(0).max(28),
  /** For each digit, the share of its training images with ink in the region. */
  classShare: z.array(fraction).length(10),
  /** Of the training images inking the region, the share of each digit. */
  shareOfInkers: z.array(fraction).length(10),
});

export const inkSchema = z.object({
  threshold: z.number().int().min(1).max(255),
  imageCount: z.number().int().positive(),
  classCounts: z.array(z.number().int().nonnegative()).length(10),
  /** Little-endian float32 [10, 784]: share of each class's images inking each pixel. */
  pixelShare: relativePath,
  sheet: sheetSchema,
  regions: z.array(regionSchema).min(1),
});

export const samplesSchema = z.object({
  sheet: sheetSchema,
  /** Indices into the training set, and their labels, in sheet order. */
  indices: z.array(z.number().int().nonnegative()),
  labels: z.array(z.number().int().min(0).max(9)),
});

export const browserFileSchema = z
  .object({
    /** A gzip file of uint8 pixels [count, 784] followed by uint8 labels [count]. */
    path: relativePath,
    encoding: z.literal('gzip'),
    count: z.number().int().positive(),
    /** Size of the file as served (compressed). */
    bytes: z.number().int().positive(),
    /** Size after decompression: count * 785. */
    rawBytes: z.number().int().positive(),
    /** SHA-256 of the decompressed bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((f) => f.rawBytes === f.count * 785, { message: 'rawBytes must be count * 785 (784 pixels and a label per digit)', path: ['rawBytes'] });

/** A compact slice of MNIST for the in-browser widgets. */
export const browserDataSchema = z.object({
  train: browserFileSchema,
  test: browserFileSchema,
});

export const manifestSchema = z.object({
  version: z.literal(1),
  /** `full` is the article's configuration; `one-seed` the same with one seed per variant; `quick` a reduced run for tests. */
  profile: z.enum(['full', 'one-seed', 'quick']),
  fingerprint: z.string(),
  generatedAt: z.string(),
  backend: backendSchema,
  dataset: z.object({
    source: z.string(),
    trainCount: z.number().int().positive(),
    testCount: z.number().int().positive(),
  }),
  pipelineSeconds: z.number().nonnegative(),
  variants: z.array(variantSchema).min(1),
  samples: samplesSchema,
  ink: inkSchema,
  browserData: browserDataSchema,
});

export type Manifest = z.infer<typeof manifestSchema>;
export type VariantEntry = z.infer<typeof variantSchema>;
export type SeedRun = z.infer<typeof seedRunSchema>;
export type LayerEntry = z.infer<typeof layerSchema>;
export type SheetEntry = z.infer<typeof sheetSchema>;
export type RegionEntry = z.infer<typeof regionSchema>;
export type BrowserData = z.infer<typeof browserDataSchema>;
export type EffectiveEntry = z.infer<typeof effectiveSchema>;
export type TopDigitsEntry = z.infer<typeof topDigitsSchema>;
export type BehaviourEntry = z.infer<typeof behaviourSchema>;

/** Validates a parsed manifest, with an error that names the file and each bad field. */
export function parseManifest(data: unknown, file = 'manifest.json'): Manifest {
  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file} is not a valid manifest:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
