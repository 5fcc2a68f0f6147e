/**
 * A plain link for the rows of long lists (a config page's 150 Edit/History links, a
 * table of counts). `next/link` renders a client component per link, about 13 µs of
 * server CPU each, and prefetches every link that scrolls into view; a row's link is
 * followed at most once, with a full page load.
 */
export function RowLink({ href, ...rest }: React.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} {...rest} />;
}
