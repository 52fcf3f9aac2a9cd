export function ReviewsPage() {
  return <h1 className="text-2xl font-semibold">Coming next</h1>;
}
