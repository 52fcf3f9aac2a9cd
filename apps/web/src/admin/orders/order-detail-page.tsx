export function OrderDetailPage() {
  return <h1 className="text-2xl font-semibold">Coming next</h1>;
}
