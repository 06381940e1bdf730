import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';

/** The explainer, one MDX file in the top-level content/ folder. */
const article = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content' }),
  schema: z.object({
    title: z.string(),
    /** One sentence for search results and link previews. */
    description: z.string(),
    /** The standfirst under the title. */
    lede: z.string(),
  }),
});

export const collections = { article };
