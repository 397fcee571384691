/**
 * Error pages (400, 404, 429, 500, and 408, 413, 431 from client-errors.ts) in the reader's shell, with a way back. Pure render.
 */
import { html, type SafeHtml } from "../html.ts";

const HEADINGS: Record<number, string> = {
  400: "طلب غير صالح",
  403: "غير مسموح",
  404: "الصفحة غير موجودة",
  408: "انتهت مهلة الطلب",
  413: "الطلب طويل جدًا",
  429: "طلبات كثيرة",
  431: "الطلب طويل جدًا",
  500: "حدث خطأ",
};

/** The page body for an error: heading by status, the reader's message, and the stable code (for a bug report). */
export function renderErrorPage(status: number, message: string, code: string | null = null): SafeHtml {
  return html`<div class="error-box" role="alert">
<h1>${HEADINGS[status] ?? "خطأ"}</h1>
<p dir="auto">${message}</p>
${code === null ? "" : html`<p class="note">رمز الخطأ: <code dir="ltr">${code}</code></p>`}
<p><a href="/">العودة إلى الرئيسية</a> · <a href="/search">البحث</a></p>
</div>`;
}

export function errorTitle(status: number): string {
  return HEADINGS[status] ?? "خطأ";
}
