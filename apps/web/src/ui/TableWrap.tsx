/**
 * A table that may scroll sideways in its own box on a phone: the box takes keyboard focus (so it can be scrolled
 * without a mouse) and is named after the table.
 */
export function TableWrap({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
