import { z } from "zod";

export const localizedText = z.object({ ko: z.string().min(1), en: z.string().min(1) });

export const modulesSchema = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      order: z.number().int().positive(),
      title: localizedText,
      summary: localizedText,
    }),
  )
  .min(1);

export const stepFrontmatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  module: z.string().regex(/^[a-z0-9-]+$/),
  order: z.number().int().positive(),
  title: z.string().min(1),
  summary: z.string().min(1),
  estimatedMinutes: z.number().int().positive().max(240),
  costNote: z.string().optional(),
});

export type LabModuleInfo = z.infer<typeof modulesSchema>[number];
export type StepFrontmatter = z.infer<typeof stepFrontmatterSchema>;
