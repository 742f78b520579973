import "server-only";
import { evaluate } from "@mdx-js/mdx";
import type { MDXComponents } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkCjkFriendly from "remark-cjk-friendly";
import type { StepDocument } from "@/lib/content/source";

type MdxContent = (props: { components?: MDXComponents }) => React.ReactNode;

// Per process, not per route bundle.
const compiled = ((globalThis as { __aws101Mdx?: Map<string, Promise<MdxContent>> }).__aws101Mdx ??=
  new Map());

/** Content files don't change while the server runs in production, so each compiles once. */
export function compileStep(doc: StepDocument): Promise<MdxContent> {
  const key = `${doc.file}\n${doc.body}`;
  let content = compiled.get(key);
  if (!content) {
    // CommonMark ends **bold** only before a space or punctuation; Korean puts a particle right
    // after it ("**저장 (Save)**을"), which would otherwise show the asterisks.
    content = evaluate(doc.body, {
      ...runtime,
      development: false,
      remarkPlugins: [remarkCjkFriendly],
    }).then(
      (module) => module.default as MdxContent,
    );
    compiled.set(key, content);
  }
  return content;
}
