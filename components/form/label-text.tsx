/**
 * A label whose visible part may be shorter than its accessible name: "Τύπος χαρακτηρισμού" is
 * shown, "(γραμμή 3)" is read out too, so every control of a repeated row has a unique name.
 */
export function LabelText({ label, visibleLabel }: { label: string; visibleLabel?: string | undefined }) {
  if (!visibleLabel || !label.startsWith(visibleLabel)) return <>{label}</>;
  return (
    <>
      {visibleLabel}
      <span className="sr-only">{label.slice(visibleLabel.length)}</span>
    </>
  );
}
