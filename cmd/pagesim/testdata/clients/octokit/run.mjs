// @octokit/core with @octokit/plugin-paginate-rest, as GitHub's docs show it,
// pointed at pagesim serve -api (baseUrl). Prints the ids it collected as JSON.
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";

const MyOctokit = Octokit.plugin(paginateRest);
const octokit = new MyOctokit({ baseUrl: process.env.PAGESIM_BASE, auth: "pagesim-test-token" });
const route = process.env.PAGESIM_ROUTE ?? "GET /repos/{owner}/{repo}/issues";
const items = await octokit.paginate(route, {
  owner: "octocat",
  repo: "hello-world",
  per_page: Number(process.env.PAGESIM_PER_PAGE ?? 30),
  headers: { "x-pagesim-client": "octokit" },
});
console.log(JSON.stringify({ count: items.length, ids: items.map((i) => i.id) }));
