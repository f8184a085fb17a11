import { describe, expect, it } from "vitest";
import {
  type ListConfig,
  pageQuery,
  readListView,
  withFilter,
  withoutFilters,
  withPage,
  withPageSize,
  withSort,
} from "./list-view.js";

const config: ListConfig<"date" | "number" | "amount", "status" | "customerId" | "q"> = {
  sorts: ["date", "number", "amount"],
  defaultSort: "date",
  defaultDir: "desc",
  firstDir: { amount: "desc" },
  filters: ["status", "customerId", "q"],
};
const read = (search: string) => readListView(new URLSearchParams(search), config);

describe("readListView", () => {
  it("reads the defaults from a plain address", () => {
    expect(read("")).toEqual({
      sort: "date",
      dir: "desc",
      limit: 50,
      cursor: {},
      filters: { status: "", customerId: "", q: "" },
    });
  });

  it("reads sort, direction, size, cursor and filters; drops what the list does not know", () => {
    const view = read("sort=number&dir=asc&limit=5&after=abc&status=paid&colour=red");
    expect(view).toMatchObject({ sort: "number", dir: "asc", limit: 5, cursor: { after: "abc" } });
    expect(view.filters.status).toBe("paid");
    expect(read("sort=colour&dir=up&limit=999").sort).toBe("date");
    expect(read("limit=0").limit).toBe(50);
    expect(read("last=true").cursor).toEqual({ last: true });
  });

  it("turns the view into the page's query", () => {
    expect(pageQuery(read("before=xyz&limit=10"))).toEqual({
      sort: "date",
      dir: "desc",
      limit: "10",
      before: "xyz",
    });
    expect(pageQuery(read("last=true")).last).toBe("true");
  });
});

describe("changing the view", () => {
  const paged = new URLSearchParams("status=paid&after=abc&limit=5");

  it("a filter, the sort or the page size goes back to the first page", () => {
    expect(withFilter(paged, "customerId", "c1").toString()).toBe("status=paid&limit=5&customerId=c1");
    expect(withFilter(paged, "status", "").toString()).toBe("limit=5");
    expect(withPageSize(paged, 25).toString()).toBe("status=paid&limit=25");
    expect(withPageSize(paged, 50).toString()).toBe("status=paid");
    expect(withoutFilters(paged, config.filters).toString()).toBe("limit=5");
  });

  it("a header flips the order of its column, starts another in its first direction", () => {
    const view = read("");
    const byDate = withSort(new URLSearchParams(""), config, view, "date");
    expect(byDate.toString()).toBe("sort=date&dir=asc");
    expect(withSort(byDate, config, read(byDate.toString()), "date").toString()).toBe("");
    expect(withSort(paged, config, view, "amount").toString()).toBe(
      "status=paid&limit=5&sort=amount&dir=desc",
    );
    expect(withSort(paged, config, view, "number").get("dir")).toBe("asc");
  });

  it("pages by cursor, to the first and to the last page", () => {
    expect(withPage(paged, { after: "n1" }).toString()).toBe("status=paid&limit=5&after=n1");
    expect(withPage(paged, { before: "p1" }).toString()).toBe("status=paid&limit=5&before=p1");
    expect(withPage(paged, "last").toString()).toBe("status=paid&limit=5&last=true");
    expect(withPage(paged, "first").toString()).toBe("status=paid&limit=5");
  });
});
