import {
  Badge,
  Box,
  Button,
  Group,
  Kbd,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { SearchResult } from "../../../shared/contracts/search.js";
import { api } from "../../ui/api-client.js";
import { useFormat } from "../../ui/format.js";
import { queryKeys } from "../../ui/query-keys.js";
import { flatResults, groupResults, isOpenShortcut, moveActive } from "./search-model.js";

function SearchIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

/** The back office header's search box (issue 19): a button, "/" or Ctrl/⌘+K open it. */
export function SearchBox() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isOpenShortcut(event)) return;
      event.preventDefault();
      open();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={open}
        leftSection={<SearchIcon />}
        rightSection={
          <Kbd size="xs" visibleFrom="md">
            /
          </Kbd>
        }
        aria-label={t("search.open")}
        aria-keyshortcuts="/ Control+K Meta+K"
        title={t("search.shortcut")}
        data-testid="search-open"
      >
        <Text span size="xs" visibleFrom="sm">
          {t("search.open")}
        </Text>
      </Button>
      <Modal opened={opened} onClose={close} title={t("search.title")} size="lg" yOffset="8vh">
        {opened && <SearchPanel onDone={close} />}
      </Modal>
    </>
  );
}

function useSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.search(q),
    // TanStack Query aborts a stale request (its signal) when the text changes before it answers.
    queryFn: ({ signal }) => api.get("/api/search", { query: { q }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

function SearchPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text.trim().slice(0, 100), 200);
  const search = useSearch(q);
  const data = q ? search.data : undefined;
  const groups = useMemo(() => groupResults(data?.results ?? []), [data]);
  const flat = useMemo(() => flatResults(groups), [groups]);
  const [active, setActive] = useState(-1);
  useEffect(() => setActive(flat.length > 0 ? 0 : -1), [flat]);
  const optionId = (index: number) => `${id}-option-${index}`;

  const openResult = (result: SearchResult) => {
    onDone();
    navigate(result.path);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((current) => moveActive(current, event.key === "ArrowDown" ? 1 : -1, flat.length));
    } else if (event.key === "Enter") {
      const chosen = flat[active];
      if (chosen) {
        event.preventDefault();
        openResult(chosen);
      }
    }
  };

  const waiting = text.trim() !== q || (search.isFetching && !search.isPlaceholderData && !search.data);
  const status = !text.trim()
    ? t("search.typeToSearch")
    : search.isError
      ? t("search.error")
      : waiting || search.isLoading
        ? t("search.loading")
        : flat.length === 0
          ? t("search.empty", { q })
          : t("search.found", { count: flat.length });

  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        label={t("search.label")}
        placeholder={t("search.placeholder")}
        maxLength={100}
        leftSection={<SearchIcon />}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        role="combobox"
        aria-expanded={flat.length > 0}
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm" c={search.isError ? "red" : "dimmed"} aria-live="polite" data-testid="search-status">
          {status}
        </Text>
        {search.isError && (
          <Button size="compact-xs" variant="subtle" onClick={() => search.refetch()}>
            {t("search.retry")}
          </Button>
        )}
      </Group>
      <Stack
        gap="xs"
        role="listbox"
        id={`${id}-listbox`}
        aria-label={t("search.results")}
        mah="60vh"
        style={{ overflowY: "auto" }}
      >
        {groups.map((group) => (
          <Box key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`}>
            <Text id={`${id}-${group.kind}`} size="xs" fw={700} c="dimmed" tt="uppercase" mb={2}>
              {t(`search.kinds.${group.kind}`)}
            </Text>
            {group.options.map(({ result, index }) => (
              <ResultOption
                key={`${result.kind}-${result.id}`}
                id={optionId(index)}
                result={result}
                active={index === active}
                onHover={() => setActive(index)}
                onChoose={() => openResult(result)}
              />
            ))}
          </Box>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t("search.keys")}
      </Text>
    </Stack>
  );
}

function ResultOption(props: {
  id: string;
  result: SearchResult;
  active: boolean;
  onHover: () => void;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { result } = props;
  const facts = [
    result.subtitle,
    result.date ? format.date(result.date) : null,
    result.currency !== null && result.totalMinor !== null
      ? format.money(result.totalMinor, result.currency)
      : null,
  ].filter(Boolean);
  return (
    <UnstyledButton
      id={props.id}
      role="option"
      aria-selected={props.active}
      tabIndex={-1}
      // The input keeps the focus (and the keyboard) while the mouse picks an option.
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={props.onHover}
      onClick={props.onChoose}
      display="block"
      w="100%"
      px="xs"
      py={4}
      style={{
        borderRadius: "var(--mantine-radius-sm)",
        background: props.active ? "var(--mantine-color-blue-light)" : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="sm" fw={500} truncate>
          {result.title ?? t("search.draft")}
        </Text>
        {result.status === "archived" && (
          <Badge size="xs" variant="light" color="gray">
            {t("search.archived")}
          </Badge>
        )}
      </Group>
      {facts.length > 0 && (
        <Text size="xs" c="dimmed" truncate>
          {facts.join(" · ")}
        </Text>
      )}
    </UnstyledButton>
  );
}
