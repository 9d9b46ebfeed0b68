import "./embed.css";

/** Embeds share the root layout; their stylesheet hides the site's header and footer around them. */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return children;
}
