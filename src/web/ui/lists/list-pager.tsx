import { Button, Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PageLinks } from "../../../shared/contracts/list-page.js";
import { PAGE_SIZES } from "./list-view.js";
import type { ListViewState } from "./use-list-view.js";

/**
 * First, previous, next and last page of a keyset list, from the cursors the page answered (no page
 * numbers: a keyset page knows its neighbours, not its position), and the page size. A button with
 * nowhere to go is disabled rather than hidden, so the controls do not move under the pointer.
 */
export function ListPager({ list, links, label }: { list: ListViewState; links: PageLinks; label: string }) {
  const { t } = useTranslation();
  const sizes: number[] = [...PAGE_SIZES];
  if (!sizes.includes(list.view.limit)) sizes.push(list.view.limit);
  sizes.sort((a, b) => a - b);
  const { next, prev } = links;
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <nav aria-label={t("lists.pager.label", { list: label })}>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" size="sm" disabled={prev === null} onClick={() => list.goTo("first")}>
            {t("lists.pager.first")}
          </Button>
          <Button
            variant="default"
            size="sm"
            disabled={prev === null}
            onClick={() => prev !== null && list.goTo({ before: prev })}
          >
            {t("lists.pager.prev")}
          </Button>
          <Button
            variant="default"
            size="sm"
            disabled={next === null}
            onClick={() => next !== null && list.goTo({ after: next })}
          >
            {t("lists.pager.next")}
          </Button>
          <Button variant="default" size="sm" disabled={next === null} onClick={() => list.goTo("last")}>
            {t("lists.pager.last")}
          </Button>
        </Group>
      </nav>
      <Select
        label={t("lists.pager.pageSize")}
        data={sizes.map((n) => ({ value: String(n), label: String(n) }))}
        value={String(list.view.limit)}
        onChange={(value) => value && list.setPageSize(Number(value))}
        allowDeselect={false}
        w={120}
        size="sm"
      />
    </Group>
  );
}
