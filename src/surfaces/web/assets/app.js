// akhbar reader: progressive enhancement only; every page works without this file.
// Served from /static under a CSP without inline scripts; touches the DOM through textContent only (Trusted Types).
(() => {
  const rtf = new Intl.RelativeTimeFormat("ar-u-nu-latn", { numeric: "auto" });
  // Same as RELATIVE_TIME_MAX_MS in format-arabic-date.ts: a week old, an age becomes a date.
  const RELATIVE_MAX_MS = 7 * 864e5;
  // Under a day an age is told in hours or minutes; from a day on in calendar days of the server's display zone (the
  // page's data-time-zone, AKHBAR_TIME_ZONE), as the server does (format-arabic-date.ts ageOf): 23:00 two days back is
  // "أول أمس" at 0:37, not "أمس".
  const UNITS = [
    ["hour", 36e5],
    ["minute", 6e4],
  ];
  const isoDay = new Intl.DateTimeFormat("en-CA", {
    timeZone: document.documentElement.dataset.timeZone || "Asia/Riyadh",
  });
  const calendarDay = (ms) => Date.parse(isoDay.format(ms)) / 864e5;
  // Ages were rendered at request time; keep them true while the page stays open. data-relative holds the date
  // to show once the age reaches a week (empty where the date is printed beside it).
  function refreshRelativeTimes() {
    const now = Date.now();
    for (const el of document.querySelectorAll("time[data-relative]")) {
      const t = Date.parse(el.getAttribute("datetime") || "");
      if (Number.isNaN(t)) continue;
      const diff = t - now;
      if (Math.abs(diff) >= RELATIVE_MAX_MS) {
        const date = el.getAttribute("data-relative");
        if (date) el.textContent = date;
        continue;
      }
      if (Math.abs(diff) >= 864e5) {
        el.textContent = rtf.format(calendarDay(t) - calendarDay(now), "day");
        continue;
      }
      const unit = UNITS.find(([, size]) => Math.abs(diff) >= size);
      el.textContent = unit ? rtf.format(Math.trunc(diff / unit[1]), unit[0]) : "الآن";
    }
  }
  refreshRelativeTimes();
  setInterval(refreshRelativeTimes, 60_000);

  // "/" jumps to the search box, as on most news and search sites; ignored while typing. The key is matched by its
  // place (code "Slash") as well as by its character: on an Arabic layout that key types "ظ", never "/".
  document.addEventListener("keydown", (event) => {
    const isSlash = event.key === "/" || (event.code === "Slash" && !event.shiftKey);
    if (!isSlash || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    )
      return;
    const box = document.getElementById("site-q");
    if (box) {
      event.preventDefault();
      box.focus();
    }
  });

  // A filter chosen with the mouse or a finger applies at once. Chosen with the keyboard it waits for the form's
  // button: arrow keys change a closed select's value one step at a time, and loading a page on each step moves the
  // reader away while they browse the options (WCAG 2.2 SC 3.2.2 On Input).
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    let byPointer = false;
    select.addEventListener("pointerdown", () => {
      byPointer = true;
    });
    select.addEventListener("keydown", () => {
      byPointer = false;
    });
    select.addEventListener("change", () => {
      if (byPointer) select.form?.requestSubmit();
      byPointer = false;
    });
  }

  // Destructive admin actions ask once.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.getAttribute("data-confirm") || "")) event.preventDefault();
    });
  }
})();
