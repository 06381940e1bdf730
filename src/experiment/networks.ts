/** The two networks of the article: hidden layer widths between the 784 inputs and 10 outputs. */
export const ARCHITECTURES = {
  mlp: { hidden: [512, 256], title: 'the multi-layer network' },
  linear: { hidden: [], title: 'no hidden layers' },
} as const satisfies Record<string, { hidden: readonly number[]; title: string }>;

export type Architecture = keyof typeof ARCHITECTURES;
