// The stripe Node library's auto-pagination (for await over a list), as
// Stripe's pagination docs show it, with host, port and protocol pointed at
// pagesim serve -api. Prints the ids it collected as JSON.
import Stripe from "stripe";

const base = new URL(process.env.PAGESIM_BASE);
const stripe = new Stripe("sk_test_pagesim", {
  host: base.hostname,
  port: Number(base.port),
  protocol: "http",
  maxNetworkRetries: 0,
  telemetry: false,
});
const ids = [];
for await (const customer of stripe.customers.list(
  { limit: Number(process.env.PAGESIM_LIMIT ?? 10) },
  { headers: { "X-Pagesim-Client": "stripe" } },
)) {
  ids.push(customer.id);
}
console.log(JSON.stringify({ count: ids.length, ids }));
