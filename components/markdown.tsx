import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** Raw HTML someone typed becomes text: shown as typed, never parsed, never run. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return walk;
}

/**
 * Markdown people typed (postmortems, summaries, review notes), rendered safely: raw HTML is shown
 * as the text it is, the result is sanitised (GitHub's allow-list), and only http(s), mailto and
 * relative links survive, so `<script>` shows as text and `javascript:` links go nowhere.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, htmlAsText]}
        rehypePlugins={[rehypeSanitize]}
        urlTransform={(url) => {
          const safe = defaultUrlTransform(url);
          return /^(https?:|mailto:|\/|#|\.)/i.test(safe) || !/^[a-z][a-z0-9+.-]*:/i.test(safe) ? safe : "";
        }}
        components={{ a: ({ href, children: text }) => (href ? <a href={href} rel="noopener noreferrer nofollow">{text}</a> : <span>{text}</span>) }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
